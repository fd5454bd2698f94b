"""Pages in the reader's language: lang/dir everywhere, related objects translated too."""

import html
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.fields import get_translatable_fields as fields_of

from site_pages import models as m
from tests.content import german, without_isolation
from tests.test_public_pages import PAGE_TYPES

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    """The unescaped HTML of a public URL (asserting it is served)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
@pytest.mark.parametrize(
    ("code", "direction"), [("de", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("en", "ltr")]
)
def test_every_page_type_declares_language_and_direction(client, page_type, code, direction):
    source = german(page_type).live().first()
    translated = source.get_translation_or_none(Locale.objects.get(language_code=code))
    assert translated is not None and translated.live  # a translation or a German fallback
    body = _html(client, translated.url)
    assert translated.url.startswith(f"/{code}/")
    assert f'<html lang="{code}" dir="{direction}">' in body
    if translated.alias_of_id is None:
        assert '<main id="main" class="content">' in body  # content in the page's language
    else:
        # Not translated (all of Farsi, some measures): the German fallback under the
        # reader's prefix, interface in their language, content marked as German.
        assert '<main id="main" class="content" lang="de" dir="ltr">' in body


def test_translated_measure_shows_translated_relations(client):
    measure = german(m.MeasurePage).get(code="6.1")
    english = measure.get_translation(Locale.objects.get(language_code="en"))
    body = _html(client, english.url)
    for district in measure.districts.all():
        translated = district.get_translation(english.locale)
        assert translated.name in body
        if translated.name != district.name:
            assert district.name not in body
    for group in measure.target_groups.all():
        assert group.get_translation(english.locale).name in body
    for offer in measure.related_offers.all():
        english_offer = offer.get_translation(english.locale)
        assert f'href="{english_offer.url}"' in body
        assert offer.url not in body


def test_relations_follow_the_source_after_it_changes(client):
    measure = german(m.MeasurePage).get(code="6.1")
    arabic = measure.get_translation(Locale.objects.get(language_code="ar"))
    new_district = german(m.District).exclude(pk__in=measure.districts.all()).first()
    measure.districts.add(new_district)
    measure.save_revision().publish()
    body = _html(client, arabic.url)
    assert new_district.get_translation(arabic.locale).name in without_isolation(body)


def test_offer_type_and_provider_appear_in_the_page_language(client):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    arabic = offer.get_translation(Locale.objects.get(language_code="ar"))
    body = _html(client, arabic.url)
    assert offer.offer_type.get_translation(arabic.locale).name in body
    assert offer.provider.get_translation(arabic.locale).name in body
    assert re.search("[\u0600-\u06ff]", arabic.summary)


@pytest.mark.parametrize(
    ("model", "synchronised", "translated"),
    [
        (
            m.MeasurePage,
            [
                "code",
                "status",
                "priority",
                "planned_start",
                "next_review_due",
                "responsible_organisation",
                "measure_owner",
                "demo_data_note",
            ],
            ["title", "summary", "description", "specific_goal", "rationale", "indicators"],
        ),
        (
            m.OfferPage,
            [
                "provider",
                "offer_type",
                "languages",
                "street_address",
                "contact_phone",
                "contact_email",
                "contact_website",
                "cost",
                "barrier_free",
            ],
            ["title", "summary", "description", "opening_hours_note", "cost_note"],
        ),
        (
            m.FundingSourcePage,
            [
                "funder",
                "funder_level",
                "amount_max",
                "contact_phone",
                "programme_url",
                "last_checked",
            ],
            ["title", "summary", "description", "deadlines"],
        ),
        (m.Organisation, ["kind", "website", "contact_phone"], ["name", "description"]),
        (m.Fact, ["value", "reference_date", "source_url"], ["label", "unit", "source"]),
    ],
)
def test_each_field_is_deliberately_translated_or_synchronised(model, synchronised, translated):
    kinds = {field.field_name: type(field) for field in fields_of(model)}
    for name in synchronised:
        assert kinds[name] is SynchronizedField, name
    for name in translated:
        assert kinds[name] is TranslatableField, name


def test_synchronised_fields_follow_the_source_on_sync():
    from wagtail_localize.models import TranslationSource

    offer = german(m.OfferPage).get(slug="fussball-fuer-alle")
    english = offer.get_translation(Locale.objects.get(language_code="en"))
    english_summary = english.summary
    offer.street_address = "Neue Straße 1"
    offer.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(offer)
    source.update_from_db()
    source.translations.get(target_locale=english.locale).save_target(publish=True)
    english.refresh_from_db()
    assert english.street_address == "Neue Straße 1"
    assert english.summary == english_summary
