"""The progress log of measures: written on publish and by reviews, shown as a public timeline."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from site_pages import models as m
from site_pages.factories import MeasurePageFactory, UserFactory
from site_pages.models.progress import ProgressKind, record_review_progress
from tests.content import german, translate

DD = '<dd class="kern-description-list-item__value">'  # a description list value


@pytest.fixture
def action_field(db):
    """The demo's action field 9, parent of the measures built here."""
    return german(m.ActionFieldPage).get(number=9)


@pytest.fixture
def owner(db):
    """An owner with a name that must never reach a public page."""
    return UserFactory(username="owner-progress", first_name="Hildegard", last_name="Brennecke")


def _measure(action_field, **fields) -> m.MeasurePage:
    """A published measure of `action_field` (one revision, as an editor's first publish)."""
    return MeasurePageFactory(parent=action_field, publish=True, **fields)


def _publish(measure: m.MeasurePage, user=None, **fields) -> m.MeasurePage:
    """Publish a new revision of `measure` with `fields` changed, as code does."""
    measure = m.MeasurePage.objects.get(pk=measure.pk)
    for name, value in fields.items():
        setattr(measure, name, value)
    measure.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return m.MeasurePage.objects.get(pk=measure.pk)


def _indicator(name: str, value, as_of: date, source: str = "") -> m.MeasureIndicator:
    """An unsaved indicator with a current value."""
    return m.MeasureIndicator(
        name=name,
        unit="Personen",
        current_value=Decimal(value),
        as_of=as_of,
        source=source,
        locale=Locale.get_default(),
    )


def _edit_post(measure: m.MeasurePage, **changes) -> dict:
    """POST data of the measure's admin edit form, publishing, with `changes`."""
    data = {
        "title": measure.title,
        "slug": measure.slug,
        "code": measure.code,
        "summary": measure.summary,
        "specific_goal": measure.specific_goal,
        "rationale": measure.rationale,
        "description": streamfield([]),
        "indicators": inline_formset([]),
        "comments": inline_formset([]),
        "status": measure.status,
        "priority": measure.priority,
        "review_interval_months": measure.review_interval_months,
        "status_justification": "",
        "progress_note": "",
        "action-publish": "action-publish",
    }
    data.update(changes)
    return nested_form_data(data)


def _status_entries(measure: m.MeasurePage) -> list[m.MeasureProgressEntry]:
    return list(m.MeasureProgressEntry.objects.filter(measure=measure, kind=ProgressKind.STATUS))


# --- status changes through the admin -------------------------------------------------------


def test_admin_refuses_a_status_change_without_reason(client, admin_user, action_field):
    measure = _measure(action_field, status="planned")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[measure.pk])
    response = client.post(url, _edit_post(measure, status="in_progress"))
    assert response.status_code == 200
    assert "status_justification" in response.context["form"].errors
    assert m.MeasurePage.objects.get(pk=measure.pk).status == "planned"
    assert _status_entries(measure) == []


def test_admin_logs_a_status_change_with_its_reason(client, admin_user, action_field):
    measure = _measure(action_field, status="planned")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[measure.pk])
    reason = "Die Räume sind angemietet, die ersten Kurse laufen."
    response = client.post(
        url, _edit_post(measure, status="in_progress", status_justification=reason)
    )
    assert response.status_code == 302
    [entry] = _status_entries(measure)
    assert (entry.old_status, entry.new_status, entry.text) == ("planned", "in_progress", reason)
    assert entry.author == admin_user
    assert entry.date == timezone.localdate()
    assert not entry.lacks_justification
    # The reason is consumed: the row keeps none, and the next edit starts without it.
    assert m.MeasurePage.objects.get(pk=measure.pk).status_justification == ""
    form = client.get(url).context["form"]
    assert form.initial["status_justification"] == ""


def test_admin_needs_no_reason_when_the_status_stays(client, admin_user, action_field):
    measure = _measure(action_field, status="planned")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[measure.pk])
    response = client.post(url, _edit_post(measure, summary="Neu gefasst."))
    assert response.status_code == 302
    assert _status_entries(measure) == []


def test_admin_progress_note_is_logged_once(client, admin_user, action_field):
    measure = _measure(action_field)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[measure.pk])
    note = "Auftakttreffen mit den Trägern hat stattgefunden."
    client.post(url, _edit_post(measure, progress_note=note))
    # The same text again (left standing in the field) is not a new note.
    client.post(url, _edit_post(measure, summary="Noch einmal.", progress_note=note))
    notes = m.MeasureProgressEntry.objects.filter(measure=measure, kind=ProgressKind.NOTE)
    assert [(entry.text, entry.author) for entry in notes] == [(note, admin_user)]


# --- changes published in code --------------------------------------------------------------


def test_status_change_published_in_code_is_logged_without_reason_and_flagged(action_field):
    measure = _measure(action_field, status="in_progress")
    _publish(measure, status="delayed")
    [entry] = _status_entries(measure)
    assert (entry.old_status, entry.new_status) == ("in_progress", "delayed")
    assert entry.lacks_justification


def test_edit_form_shows_the_log_with_authors_and_missing_reasons(client, admin_user, action_field):
    measure = _measure(action_field, status="in_progress")
    _publish(measure, status="delayed")
    record_review_progress(
        measure,
        outcome="confirmed",
        comment="Termin verschoben.",
        user=admin_user,
        when=timezone.now(),
    )
    client.force_login(admin_user)
    with translation.override("de"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk]))
        body = response.content.decode()
        assert gettext("No progress has been logged yet.") not in body
        assert gettext("reason missing") in body
    assert "Termin verschoben." in body
    assert admin_user.get_full_name() in body


def test_edit_form_of_a_measure_without_log_says_so(client, admin_user, action_field):
    measure = _measure(action_field)
    client.force_login(admin_user)
    with translation.override("de"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk]))
        assert gettext("No progress has been logged yet.") in response.content.decode()


def test_indicator_value_change_published_in_code_is_logged(action_field):
    measure = _measure(action_field)
    measure = _publish(
        measure,
        indicators=[_indicator("Teilnehmende", 5, date(2026, 3, 31), "Anmeldeliste")],
    )
    [indicator] = measure.indicators.all()
    indicator.current_value, indicator.as_of = Decimal(9), date(2026, 9, 30)
    measure = _publish(measure, indicators=[indicator])
    _publish(measure, summary="Nur der Text ändert sich.")  # no indicator change: no entry
    entries = m.MeasureProgressEntry.objects.filter(measure=measure, kind=ProgressKind.INDICATOR)
    assert [(e.value, e.as_of, e.source) for e in entries] == [
        (Decimal(9), date(2026, 9, 30), "Anmeldeliste"),
        (Decimal(5), date(2026, 3, 31), "Anmeldeliste"),
    ]
    assert {e.indicator_key for e in entries} == {indicator.translation_key}
    assert {e.indicator_name for e in entries} == {"Teilnehmende"}


def test_first_publication_logs_nothing(action_field):
    measure = _measure(action_field, status="in_progress")
    assert not m.MeasureProgressEntry.objects.filter(measure=measure).exists()


def test_log_survives_publishing_an_older_revision(action_field):
    measure = _measure(action_field, status="planned")
    first = measure.latest_revision
    _publish(measure, status="in_progress", status_justification="Gestartet.")
    first.publish()
    entries = _status_entries(measure)
    assert [(e.old_status, e.new_status, e.text) for e in entries] == [
        ("in_progress", "planned", ""),
        ("planned", "in_progress", "Gestartet."),
    ]
    assert m.MeasurePage.objects.get(pk=measure.pk).status == "planned"


def test_translation_publish_logs_nothing_and_reviews_go_to_the_source(action_field, owner):
    measure = _measure(action_field, status="planned")
    english = translate(measure, "en", title="Measure in English", status="in_progress")
    assert not m.MeasureProgressEntry.objects.filter(measure__in=[measure, english]).exists()
    when = timezone.make_aware(datetime(2026, 11, 2, 9, 30))
    entry = record_review_progress(
        english, outcome="confirmed", comment="Passt.", user=owner, when=when
    )
    assert (entry.measure_id, entry.kind, entry.date) == (measure.pk, "review", date(2026, 11, 2))
    assert entry.author == owner


# --- dates ----------------------------------------------------------------------------------


def test_actual_end_cannot_lie_before_actual_start(action_field):
    measure = _measure(action_field)
    measure.actual_start, measure.actual_end = date(2025, 5, 1), date(2025, 4, 1)
    with pytest.raises(ValidationError) as error:
        measure.clean()
    assert "actual_end" in error.value.message_dict


# --- the public timeline --------------------------------------------------------------------


def _measure_with_log(action_field, owner) -> m.MeasurePage:
    """A measure with an owner and a log of four entries on four days, written as in use."""
    measure = _measure(action_field, status="planned", measure_owner=owner, deputy=owner)
    measure = _publish(
        measure,
        user=owner,
        status="in_progress",
        status_justification="Begründung des Starts.",
        indicators=[_indicator("Teilnehmende", 12, date(2026, 5, 31), "Zählung des Vereins")],
        planned_start=date(2026, 1, 1),
        planned_end=date(2027, 12, 31),
        actual_start=date(2026, 2, 15),
    )
    days = iter([date(2026, 2, 15), date(2026, 6, 1), date(2026, 8, 20)])
    for entry in m.MeasureProgressEntry.objects.filter(measure=measure).order_by("pk"):
        entry.date = next(days)
        entry.save()
    _publish(measure, user=owner, progress_note="Zweiter Kurs eröffnet.")
    m.MeasureProgressEntry.objects.filter(measure=measure, kind="note").update(
        date=date(2026, 8, 20)
    )
    record_review_progress(
        measure,
        outcome="confirmed",
        comment="Alles im Plan.",
        user=owner,
        when=timezone.make_aware(datetime(2026, 10, 5, 11, 0)),
    )
    return m.MeasurePage.objects.get(pk=measure.pk)


def _in(language: str, text: str, **values) -> str:
    """`text` as the interface says it in `language` (the catalogue's wording)."""
    with translation.override(language):
        return gettext(text) % values if values else gettext(text)


def _status_change(language: str, old: str, new: str) -> str:
    """The timeline's line for a status change in `language`."""
    with translation.override(language):
        labels = dict(m.MeasurePage._meta.get_field("status").choices)
        return gettext("Status changed from %(old)s to %(new)s") % {
            "old": labels[old],
            "new": labels[new],
        }


def _day(language: str, day: date) -> str:
    """`day` as the timeline writes it in `language`."""
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")


def _timeline(body: str) -> str:
    """The public timeline's markup."""
    match = re.search(r'<ol class="timeline">(.*?)</ol>', body, re.S)
    assert match is not None, "no timeline on the page"
    return match.group(1)


def test_public_timeline_is_newest_first_without_names(client, action_field, owner):
    measure = _measure_with_log(action_field, owner)
    body = client.get(measure.url).content.decode()
    timeline = _timeline(body)
    order = [
        timeline.index(text)
        for text in ["Alles im Plan.", "Zweiter Kurs eröffnet.", "Teilnehmende", "Begründung"]
    ]
    assert order == sorted(order)
    assert f'<time datetime="2026-10-05">{_day("de", date(2026, 10, 5))}</time>' in timeline
    assert _day("de", date(2026, 10, 5)) == "5. Oktober 2026"
    assert _status_change("de", "planned", "in_progress") in timeline
    for name in ("Hildegard", "Brennecke", owner.username, owner.email):
        assert name not in body
    assert f"{_in('de', 'Planned period')}</dt>{DD}01.01.2026 – 31.12.2027</dd>" in body
    assert f"{_in('de', 'Actual period')}</dt>{DD}15.02.2026 – " in body


def test_translation_shows_the_source_log_marked_german(client, action_field, owner):
    measure = _measure_with_log(action_field, owner)
    english = translate(measure, "en", title="Measure in English")
    timeline = _timeline(client.get(english.url).content.decode())
    assert '<p lang="de" dir="ltr">Zweiter Kurs eröffnet.</p>' in timeline
    assert _day("en", date(2026, 10, 5)) in timeline
    assert _status_change("en", "planned", "in_progress") in timeline


def test_timeline_queries_do_not_grow_with_entries(
    client, action_field, django_assert_max_num_queries
):
    few, many = _measure(action_field), _measure(action_field)
    for measure, count in ((few, 2), (many, 30)):
        m.MeasureProgressEntry.objects.bulk_create(
            m.MeasureProgressEntry(
                measure=measure,
                date=date(2026, 1, 1 + n % 28),
                kind=[ProgressKind.NOTE, ProgressKind.INDICATOR, ProgressKind.STATUS][n % 3],
                old_status="planned",
                new_status="in_progress",
                indicator_name="Teilnehmende",
                value=Decimal(n),
                text=f"Eintrag {n}",
            )
            for n in range(count)
        )
    client.get(few.url)  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as few_queries:
        response = client.get(few.url)
    assert _timeline(response.content.decode()).count("<li") == 2
    with django_assert_max_num_queries(len(few_queries)):
        response = client.get(many.url)
    assert _timeline(response.content.decode()).count("<li") == 30


# --- the demo -------------------------------------------------------------------------------


def test_demo_measure_shows_its_log_without_owner_names(client, db):
    measure = german(m.MeasurePage).get(code="6.1")
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    bodies = {
        page.locale.language_code: client.get(page.url).content.decode()
        for page in (measure, english)
    }
    for body in bodies.values():
        timeline = _timeline(body)
        assert timeline.count("<li") == 4
        assert timeline.index("Übergangsräume") < timeline.index("Baukosten")
        for name in ("Lena", "Schubert", "Karim", "Haddad", "l.schubert", "k.haddad"):
            assert name not in body
    assert '<p lang="de" dir="ltr">Der Umbau' in _timeline(bodies["en"])
    assert '<p lang="de"' not in _timeline(bodies["de"])


def test_a_completed_review_is_logged_in_the_progress_timeline(db):
    from reviews.models import ReviewOutcome
    from reviews.services import complete_review
    from site_pages.models.progress import MeasureProgressEntry, ProgressKind

    field = german(m.ActionFieldPage).get(number=3)
    reviewer = UserFactory(username="reviewing-owner")
    measure = MeasurePageFactory(parent=field, measure_owner=reviewer, publish=True)
    when = timezone.make_aware(datetime(2026, 11, 30, 9, 0))
    complete_review(measure, reviewer, when, ReviewOutcome.CONFIRMED, "Läuft wie geplant.")
    entry = MeasureProgressEntry.objects.get(measure=measure, kind=ProgressKind.REVIEW)
    assert (entry.review_outcome, entry.text, entry.author) == (
        "confirmed",
        "Läuft wie geplant.",
        reviewer,
    )
