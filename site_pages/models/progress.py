"""The progress log of a measure: dated status changes, indicator updates, notes and reviews.

The log belongs to the German source measure and lives outside its revisions, so publishing
an older revision never removes entries; translations and fallbacks show their source's log.
Entries are written

- on publish (`page_published`): a status or indicator value that differs from the previously
  published revision, and the draft's progress note. The reason for a status change and the
  note are fields of the measure (`status_justification`, `progress_note`): they travel with
  the draft through moderation and are cleared on the page row once published. A revision's
  texts are logged only the first time it is published;
- by reviews, through `record_review_progress`.

The author is internal: public pages never show who wrote an entry.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from site_pages.choices import MeasureStatus
from site_pages.models.measures import MeasureIndicator, MeasurePage
from translations.fallback import default_locale_id


class ProgressKind(models.TextChoices):
    """What an entry of the progress log records."""

    STATUS = "status", _("status change")
    INDICATOR = "indicator", _("indicator update")
    NOTE = "note", _("note")
    REVIEW = "review", _("review")


# The outcomes `reviews` records (reviews.models.ReviewOutcome), as the public reads them.
# site_pages cannot import reviews (it builds on site_pages); unknown outcomes read "reviewed".
REVIEW_OUTCOME_LABELS = {
    "confirmed": _("reviewed, still up to date"),
    "updated": _("reviewed and updated"),
    "status_changed": _("reviewed, status changed"),
}


class MeasureProgressEntry(models.Model):
    """One dated entry in the progress log of a (German source) measure."""

    measure = models.ForeignKey(
        MeasurePage,
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="progress_entries",
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=ProgressKind.choices)
    old_status = models.CharField(
        _("previous status"), max_length=16, choices=MeasureStatus.choices, blank=True
    )
    new_status = models.CharField(
        _("new status"), max_length=16, choices=MeasureStatus.choices, blank=True
    )
    text = models.TextField(
        _("text"), blank=True, help_text=_("Reason, note or review comment (German).")
    )
    review_outcome = models.CharField(_("review outcome"), max_length=16, blank=True)
    # The indicator by its translation key (its translations share it), with what it was
    # called when the value was logged, should it be renamed or removed later.
    indicator_key = models.UUIDField(_("indicator"), null=True, blank=True)
    indicator_name = models.CharField(_("indicator name"), max_length=255, blank=True)
    indicator_unit = models.CharField(_("unit"), max_length=64, blank=True)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    # Internal: never shown publicly.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.ForeignKey(
        Revision,
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-date", "-created_at", "pk"]
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress log")

    def __str__(self) -> str:
        return f"{self.measure_id} {self.date:%Y-%m-%d} {self.kind}"

    @property
    def lacks_justification(self) -> bool:
        """A status change logged without a reason (published from code, or a reverted one)."""
        return self.kind == ProgressKind.STATUS and not self.text.strip()

    @property
    def review_outcome_label(self) -> str:
        """The review's outcome in the reader's language."""
        return REVIEW_OUTCOME_LABELS.get(self.review_outcome, _("reviewed"))


def source_measure(measure: MeasurePage) -> MeasurePage:
    """The German source of `measure` (itself if it is one), which holds the progress log."""
    if measure.locale_id == default_locale_id() and measure.alias_of_id is None:
        return measure
    source = MeasurePage.objects.filter(
        translation_key=measure.translation_key, locale_id=default_locale_id()
    ).first()
    return source or measure


def progress_log(measure: MeasurePage) -> models.QuerySet:
    """The progress log shown on `measure` (its source's), newest first."""
    return MeasureProgressEntry.objects.filter(
        measure__translation_key=measure.translation_key, measure__locale_id=default_locale_id()
    )


def progress_timeline(
    measure: MeasurePage, indicators: list[MeasureIndicator]
) -> list[MeasureProgressEntry]:
    """The log shown on `measure`, newest first; entries of indicators get `shown_indicator`.

    `shown_indicator` is the indicator among `indicators` (the page's own, so in its
    language) that the entry is about, or None when the page no longer has it.
    """
    by_key = {indicator.translation_key: indicator for indicator in indicators}
    entries = list(progress_log(measure))
    for entry in entries:
        entry.shown_indicator = by_key.get(entry.indicator_key)
    return entries


def record_review_progress(
    measure: MeasurePage, *, outcome: str, comment: str, user, when: datetime.datetime
) -> MeasureProgressEntry:
    """Log a completed review of `measure` (or its source) by `user` at `when`.

    `outcome` is a `reviews.models.ReviewOutcome` value, `comment` the reviewer's comment
    (shown publicly, without the reviewer's name).
    """
    return MeasureProgressEntry.objects.create(
        measure=source_measure(measure),
        date=timezone.localdate(when),
        kind=ProgressKind.REVIEW,
        review_outcome=outcome,
        text=comment,
        author=user,
        created_at=when,
    )


# --- logging on publish -----------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorState:
    """An indicator's latest value as one published version of a measure has it."""

    name: str
    unit: str
    value: Decimal | None
    as_of: datetime.date | None
    source: str


@dataclass(frozen=True)
class PublishedState:
    """What the progress log compares between two published versions of a measure."""

    status: str
    indicators: dict[str, IndicatorState] = field(default_factory=dict)
    note: str = ""
    justification: str = ""


def _decimal(value) -> Decimal | None:
    """A revision's or row's number as Decimal (revisions store strings)."""
    return None if value is None or value == "" else Decimal(str(value))


def _date(value) -> datetime.date | None:
    """A revision's or row's date as a date (revisions store ISO strings)."""
    if value is None or value == "":
        return None
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def state_of_revision(content: dict) -> PublishedState:
    """The state a measure revision's content describes."""
    return PublishedState(
        status=content.get("status", ""),
        indicators={
            str(item["translation_key"]): IndicatorState(
                name=item.get("name", ""),
                unit=item.get("unit", ""),
                value=_decimal(item.get("current_value")),
                as_of=_date(item.get("as_of")),
                source=item.get("source", ""),
            )
            for item in content.get("indicators", [])
        },
        note=(content.get("progress_note") or "").strip(),
        justification=(content.get("status_justification") or "").strip(),
    )


def state_of_rows(measure_id: int) -> PublishedState:
    """The state of a live measure as its rows hold it (a page published without revision)."""
    status = MeasurePage.objects.filter(pk=measure_id).values_list("status", flat=True).first()
    indicators = MeasureIndicator.objects.filter(measure_id=measure_id)
    return PublishedState(
        status=status or "",
        indicators={
            str(item.translation_key): IndicatorState(
                item.name, item.unit, item.current_value, item.as_of, item.source
            )
            for item in indicators
        },
    )


@dataclass(frozen=True)
class PendingPublish:
    """Noted on a measure while it is being published: the state published before."""

    previous: PublishedState | None


def _is_source(page: Page) -> bool:
    """Whether `page` is German source content (not a translation, not an alias)."""
    return page.locale_id == default_locale_id() and page.alias_of_id is None


@receiver(pre_save, sender=MeasurePage, dispatch_uid="site_pages.progress.before_publish")
def remember_previous_publication(
    sender, instance: MeasurePage, raw: bool = False, update_fields=None, **kwargs
) -> None:
    """pre_save: on a publish, note what was published before; clear the logged inputs.

    A publish saves the page with a new `live_revision`; the row still has the old one.
    The reason and the note go into the log from the revision, so the row never keeps them.
    """
    if raw or update_fields is not None or instance.pk is None or not instance.live:
        return
    row = Page.objects.filter(pk=instance.pk).values("live", "live_revision_id").first()
    if row is None or instance.live_revision_id in (None, row["live_revision_id"]):
        return
    instance.status_justification = ""
    instance.progress_note = ""
    if not _is_source(instance):
        return
    previous = None
    if row["live_revision_id"] is not None:
        content = (
            Revision.objects.filter(pk=row["live_revision_id"])
            .values_list("content", flat=True)
            .first()
        )
        previous = state_of_revision(content) if content is not None else None
    elif row["live"]:
        previous = state_of_rows(instance.pk)
    instance._progress_pending = PendingPublish(previous)


@receiver(page_published, sender=MeasurePage, dispatch_uid="site_pages.progress.on_publish")
def log_published_progress(sender, instance: MeasurePage, revision: Revision, **kwargs) -> None:
    """page_published: log what this publication changed against the previous one."""
    pending = instance.__dict__.pop("_progress_pending", None)
    if pending is None or pending.previous is None:
        return  # a translation, or the first publication: nothing to compare with
    when = instance.last_published_at or timezone.now()
    entries = changes_between(
        pending.previous,
        state_of_revision(revision.content),
        texts_new=not MeasureProgressEntry.objects.filter(revision=revision).exists(),
    )
    for entry in entries:
        entry.measure = instance
        entry.date = timezone.localdate(when)
        entry.author = revision.user
        entry.revision = revision
        entry.created_at = when
    MeasureProgressEntry.objects.bulk_create(entries)


def changes_between(
    before: PublishedState, after: PublishedState, texts_new: bool = True
) -> list[MeasureProgressEntry]:
    """Unsaved log entries for what changed from `before` to `after`, in reading order.

    `texts_new` says whether `after`'s reason and note are new (its revision was not
    logged before); a republished revision's old texts are not logged again.
    """
    entries = []
    if after.status != before.status:
        entries.append(
            MeasureProgressEntry(
                kind=ProgressKind.STATUS,
                old_status=before.status,
                new_status=after.status,
                text=after.justification if texts_new else "",
            )
        )
    for key, indicator in after.indicators.items():
        earlier = before.indicators.get(key)
        if indicator.value is None:
            continue
        if earlier is not None and (earlier.value, earlier.as_of) == (
            indicator.value,
            indicator.as_of,
        ):
            continue
        entries.append(
            MeasureProgressEntry(
                kind=ProgressKind.INDICATOR,
                indicator_key=uuid.UUID(key),
                indicator_name=indicator.name,
                indicator_unit=indicator.unit,
                value=indicator.value,
                as_of=indicator.as_of,
                source=indicator.source,
            )
        )
    if texts_new and after.note and after.note != before.note:
        entries.append(MeasureProgressEntry(kind=ProgressKind.NOTE, text=after.note))
    return entries
