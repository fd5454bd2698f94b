"""When a source's translatable content last changed: the basis for "outdated" translations.

A German (source) object carries ``content_changed_at``. It is stamped whenever the object is
saved with content a translator would have to translate again (its wagtail-localize
segments differ from what was saved before) — on every path that really changes content:
a publish from the admin, a workflow approval, a scheduled publish, an import or a publish
done in code. For pages this is the publish (the page row holds the live content; drafts
live in revisions), for snippets the save. The editor's "minor edit" tick travels with the
draft (it is a field, so it is stored in the revision) and is honoured when that draft is
published; it is cleared afterwards, so it only ever covers one edit.

wagtail-localize synchronises ``content_changed_at`` to translations, so a translation
carries the value its source had when it was last synced: it is outdated while the source's
value is newer (see `translations.status`).
"""

from datetime import datetime, timedelta

from django.db import models
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.segments.extract import extract_segments

from translations.fallback import default_locale_id

MINOR_EDIT_HELP = _(
    "Tick for typo fixes and similar small edits: existing translations are then not marked "
    "as outdated."
)


def significant_change_time() -> datetime:
    """Now, truncated to the second, for stamping `content_changed_at`.

    wagtail-localize copies the stamp to translations through JSON with milliseconds; finer
    precision would make a freshly synced translation look older than its source.
    """
    return timezone.now().replace(microsecond=0)


class TranslationTrackingMixin(models.Model):
    """Remembers when the content last changed significantly, to tell outdated translations."""

    content_changed_at = models.DateTimeField(_("last significant change"), null=True, blank=True)
    minor_edit = models.BooleanField(_("Minor edit"), default=False, help_text=MINOR_EDIT_HELP)

    translation_panels = [FieldPanel("minor_edit")]

    class Meta:
        abstract = True


class MinorEditFormMixin:
    """Starts every edit with "minor edit" unticked, whatever the last draft said."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "minor_edit" in self.fields:
            self.initial["minor_edit"] = False


class TrackedPageForm(MinorEditFormMixin, WagtailAdminPageForm):
    """Page form for translatable page types."""


class TrackedSnippetForm(MinorEditFormMixin, WagtailAdminModelForm):
    """Model form for translatable snippets."""


class TrackedPageMixin(TranslationTrackingMixin):
    """Translation tracking for page types, with the page form that offers "minor edit"."""

    base_form_class = TrackedPageForm

    class Meta:
        abstract = True

    def update_aliases(self, **kwargs) -> None:
        """Update the page's aliases (its German fallbacks) only while the page is live.

        Wagtail also updates, and makes live, the aliases of a page whose revision is only
        scheduled (wagtail#11344): the German text of a page going live next week would be
        public today under every other language's prefix. The aliases follow when the
        scheduled publish makes the page live.
        """
        if self.live:
            super().update_aliases(**kwargs)


def translatable_content_changed(before: models.Model | None, after: models.Model) -> bool:
    """Whether `after` has text to translate that `before` did not (or there is no before)."""
    if before is None:
        return True
    return extract_segments(before) != extract_segments(after)


def _is_source(instance: TranslationTrackingMixin) -> bool:
    """Whether `instance` is source content (default locale, not an alias of another page)."""
    if isinstance(instance, Page) and instance.alias_of_id is not None:
        return False
    return instance.locale_id == default_locale_id()


def stamp_significant_change(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """pre_save: stamp `content_changed_at` when a source's translatable content changes.

    Saves limited to some fields (Wagtail's bookkeeping when a draft revision is saved) do
    not write content and are left alone.
    """
    if raw or update_fields is not None or not isinstance(instance, TranslationTrackingMixin):
        return
    if not _is_source(instance):
        return
    minor, instance.minor_edit = instance.minor_edit, False
    before = sender._default_manager.filter(pk=instance.pk).first() if instance.pk else None
    if not minor and translatable_content_changed(before, instance):
        instance.content_changed_at = next_stamp(before.content_changed_at if before else None)


def next_stamp(previous: datetime | None) -> datetime:
    """The stamp for a significant change now: always later than `previous`.

    Stamps have whole seconds; two changes within one second (or a sync and a change) must
    still be told apart, or a translation synced in between would look up to date.
    """
    stamp = significant_change_time()
    if previous is not None and stamp <= previous:
        stamp = previous + timedelta(seconds=1)
    return stamp


def connect_signals() -> None:
    """Listen to saves of every model; the receiver ignores untracked ones cheaply."""
    pre_save.connect(stamp_significant_change, dispatch_uid="translations.stamp_change")
