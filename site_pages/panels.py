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
