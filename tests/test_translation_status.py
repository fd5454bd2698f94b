"""Translation states and their transitions: missing → up to date → outdated → synced …"""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from site_pages import models as m
from tests.content import german, translate_all_strings
from translations.status import TranslationState, state_of, translation_status

pytestmark = pytest.mark.django_db


def _state(obj, language_code: str) -> str:
    """The report's state for `obj` in one locale."""
    locale = Locale.objects.get(language_code=language_code)
    rows = translation_status([locale])
    return next(
        row.state for row in rows if row.source.pk == obj.pk and type(row.source) is type(obj)
    )


def _sync(obj) -> None:
    """What "Sync translated pages/snippets" does: re-extract the source, update targets."""
    source = TranslationSource.objects.get_for_instance(obj)
    source.update_from_db()
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)


def test_state_rules_in_isolation():
    from datetime import datetime, timedelta

    earlier, later = datetime(2026, 1, 1), datetime(2026, 1, 1) + timedelta(hours=1)
    assert state_of(later, False, None, False) == TranslationState.MISSING
    assert state_of(later, True, earlier, False) == TranslationState.OUTDATED
    assert state_of(later, True, None, False) == TranslationState.OUTDATED
    assert state_of(earlier, True, earlier, True) == TranslationState.MACHINE
    assert state_of(earlier, True, later, False) == TranslationState.UP_TO_DATE
    assert state_of(None, True, None, False) == TranslationState.UP_TO_DATE


def test_missing_translation_becomes_up_to_date_when_translated(client):
    district = german(m.District).get(name="Innenstadt")
    assert _state(district, "uk") == TranslationState.MISSING
    translate_all_strings(district, "uk", "[uk]")
    assert _state(district, "uk") == TranslationState.UP_TO_DATE


def test_significant_source_edit_makes_translation_outdated_until_synced(client, editor):
    district = german(m.District).get(name="Nordstadt")
    assert _state(district, "en") == TranslationState.UP_TO_DATE
    client.force_login(editor)
    edit_url = reverse(m.District.snippet_viewset.get_url_name("edit"), args=[district.pk])
    response = client.post(edit_url, {"name": "Nordstadt", "description": "Neu beschrieben."})
    assert response.status_code == 302
    assert _state(district, "en") == TranslationState.OUTDATED
    _sync(district)
    assert _state(district, "en") == TranslationState.UP_TO_DATE


def test_minor_edit_keeps_translations_up_to_date(client, editor):
    district = german(m.District).get(name="Südstadt")
    assert _state(district, "en") == TranslationState.UP_TO_DATE
    client.force_login(editor)
    edit_url = reverse(m.District.snippet_viewset.get_url_name("edit"), args=[district.pk])
    data = {"name": "Südstadt", "description": district.description + " ", "minor_edit": "on"}
    assert client.post(edit_url, data).status_code == 302
    assert _state(district, "en") == TranslationState.UP_TO_DATE


def test_publish_done_in_code_outdates_and_sync_updates_the_page_translation():
    offer = german(m.OfferPage).get(slug="hausaufgabenhilfe")
    assert _state(offer, "ar") == TranslationState.UP_TO_DATE
    offer.summary = "Neue Zusammenfassung."
    offer.save_revision().publish()
    assert _state(offer, "ar") == TranslationState.OUTDATED
    _sync(offer)
    assert _state(offer, "ar") == TranslationState.UP_TO_DATE


def test_republishing_unchanged_text_keeps_translations_up_to_date():
    offer = german(m.OfferPage).get(slug="hausaufgabenhilfe")
    stamped = offer.content_changed_at
    offer.barrier_free = not offer.barrier_free  # a fact, not text a translator translates
    offer.save_revision().publish()
    offer.refresh_from_db()
    assert offer.content_changed_at == stamped
    assert _state(offer, "ar") == TranslationState.UP_TO_DATE


def test_minor_edit_draft_approved_later_keeps_translations_up_to_date():
    offer = german(m.OfferPage).get(slug="hausaufgabenhilfe")
    offer.summary = offer.summary.replace(".", "!")
    offer.minor_edit = True
    revision = offer.save_revision()  # the draft a moderator approves later
    m.OfferPage.objects.get(pk=offer.pk).get_latest_revision().publish()
    assert revision.pk == m.OfferPage.objects.get(pk=offer.pk).live_revision_id
    assert _state(offer, "ar") == TranslationState.UP_TO_DATE
    offer.refresh_from_db()
    assert offer.minor_edit is False  # the tick covered that one edit only
    offer.summary = "Wirklich neu."
    offer.save_revision().publish()
    assert _state(offer, "ar") == TranslationState.OUTDATED


def test_snippet_saved_in_code_outdates_its_translations():
    district = german(m.District).get(name="Nordstadt")
    assert _state(district, "en") == TranslationState.UP_TO_DATE
    district.description = "Beschreibung aus einem Import."
    district.save()
    assert _state(district, "en") == TranslationState.OUTDATED


def test_machine_translation_is_flagged_until_a_person_reviews_it():
    area = german(m.FundingArea).get(name="Kultur")
    translation = translate_all_strings(area, "tr", "[mt]", machine=True)
    assert _state(area, "tr") == TranslationState.MACHINE
    StringTranslation.objects.filter(locale=translation.target_locale).filter(
        translation_type="machine", tool_name=""
    ).update(translation_type="manual")
    assert _state(area, "tr") == TranslationState.UP_TO_DATE


def test_demo_has_entries_in_every_state():
    states = {row.state for row in translation_status()}
    assert states == set(TranslationState.ORDER)


def test_report_cost_does_not_grow_with_content(django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        rows = translation_status()
    assert len(rows) > 800


def test_report_lists_states_with_links_to_the_next_step(client, admin_user):
    client.force_login(admin_user)
    url = reverse("translation_status_report")
    response = client.get(url, {"state": "outdated"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-state="outdated"' in body
    assert 'data-state="missing"' not in body
    assert "/admin/localize/update/" in body
    missing = client.get(url, {"state": "missing", "kind": "page"}).content.decode()
    assert "/admin/localize/submit/page/" in missing


def test_report_survives_malformed_filters(client, admin_user):
    client.force_login(admin_user)
    url = reverse("translation_status_report")
    for params in ({"locale": "999999"}, {"state": "nonsense"}, {"p": "-3"}, {"kind": "x"}):
        assert client.get(url, params).status_code == 200


def test_report_is_for_editors_only(client):
    from site_pages.factories import UserFactory

    client.force_login(UserFactory(is_staff=False))
    response = client.get(reverse("translation_status_report"))
    assert response.status_code in (302, 403)


def test_demo_translations_are_real_not_copies():
    for code in ("en", "ar"):
        offers = m.OfferPage.objects.filter(locale__language_code=code)
        sources = {o.translation_key: o for o in german(m.OfferPage)}
        same = [o for o in offers if o.summary == sources[o.translation_key].summary]
        assert offers.count() == 18
        assert same == [], f"{code} offers whose summary is still German: {same}"
