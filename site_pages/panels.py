"""Admin panels of our own."""

from wagtail.admin.panels import Panel


class DemoDataNotePanel(Panel):
    """A warning at the top of the edit form when the object carries invented demo data."""

    class BoundPanel(Panel.BoundPanel):
        """Renders the note of the object being edited, and nothing when it has none."""

        template_name = "site_pages/panels/demo_data_note.html"

        def is_shown(self) -> bool:
            """Show the panel only for objects marked as demo data."""
            return bool(getattr(self.instance, "demo_data_note", ""))

        def get_context_data(self, parent_context=None):
            """Expose the note to the template."""
            context = super().get_context_data(parent_context)
            context["note"] = self.instance.demo_data_note
            return context


class ProgressLogPanel(Panel):
    """The measure's progress log in its edit form: read-only, with authors (internal)."""

    class BoundPanel(Panel.BoundPanel):
        """Lists the log of the measure being edited (its German source's), newest first."""

        template_name = "site_pages/panels/progress_log.html"

        def get_context_data(self, parent_context=None):
            """The entries with their authors, and the column headings from the model."""
            from site_pages.models.progress import MeasureProgressEntry, progress_log

            context = super().get_context_data(parent_context)
            entries = []
            if self.instance.pk:
                entries = list(progress_log(self.instance).select_related("author"))
            meta = MeasureProgressEntry._meta
            context["entries"] = entries
            context["headings"] = [
                meta.get_field(name).verbose_name for name in ("date", "kind", "text", "author")
            ]
            return context
