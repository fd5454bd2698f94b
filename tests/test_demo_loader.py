"""The demo loader builds the seed's concept on any load day, and runs again beside editors."""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import TranslationSource

from site_pages import factories as f
from site_pages import models as m
from site_pages.choices import FundingStatus
from site_pages.demo import data, translate
from site_pages.demo.loader import DemoLoader, demo_key, site_address
from site_pages.demo.translate import MissingDemoTranslation
from tests.conftest import DEMO_DAY
from tests.content import german

SEED_ACTION_FIELDS = {
    1: "Organisatorische und fachliche Rahmenbedingungen für kommunale Integrationsarbeit",
    2: "Aufgaben der Kommune",
    3: "Spracherwerb und Bildung",
    4: "Ökonomische Situation und Arbeitsmarkt",
    5: "Beratung und Unterstützung",
    6: "Soziale Integration und Teilhabe",
    7: "Asylbewerber und Menschen mit unsicherer Bleibeperspektive",
    8: "Gesundheit und Prävention",
    9: "Stärkung des zivilgesellschaftlichen Engagements",
}

SEED_MEASURES = {
    1: ["Integrationsmonitoring", "Verstetigung Integrationsmanagement"],
    2: [
        "Interkulturelle Öffnung der Verwaltung",
        "Stärkung des Ausländerbeirates",
        "Treff Sicherheit",
    ],
    3: ["Vernetzung Sprachkursträger", "Elternarbeit"],
    4: ["Netzwerk Ausbildung", "Förderketten für Arbeitgeber"],
    5: ["Beratungsangebote für EU-Bürger"],
    6: ["Interkulturelles Begegnungszentrum", "Frauenratgeber", "digitaler Angebotskatalog"],
    7: ["Leben in der Gemeinschaftsunterkunft"],
    8: ["Schuleingangsdaten", "kultursensible Gesundheitsversorgung"],
    9: ["Projektpartner für den Fonds „nebenan angekommen“", "Fördermittelübersicht"],
}

# A second load day unlike DEMO_DAY: another year, a leap day, not a month's 30th.
OTHER_DAY = date(2028, 2, 29)


def test_demo_has_the_nine_action_fields_with_the_seed_titles(db):
    fields = {f.number: f.title for f in german(m.ActionFieldPage).all()}
    assert fields == SEED_ACTION_FIELDS


def test_demo_has_the_eighteen_seed_measures_under_their_action_fields(db):
    found = {}
    for field in german(m.ActionFieldPage).all():
        found[field.number] = sorted(
            measure.title for measure in m.MeasurePage.objects.child_of(field)
        )
    assert found == {number: sorted(titles) for number, titles in SEED_MEASURES.items()}
    assert german(m.MeasurePage).count() == 18


def test_measure_codes_start_with_their_action_field_number(db):
    measures = list(german(m.MeasurePage).all())
    assert len(measures) == len(data.MEASURES)
    for measure in measures:
        assert measure.code.split(".")[0] == str(measure.get_parent().specific.number)


def test_demo_has_the_seed_facts_with_date_and_source(db):
    facts = list(german(m.Fact).all())
    seed_values = {
        Decimal(v) for v in ("3818", "95", "1260", "631", "286", "8.8", "867", "14.5", "1349")
    }
    assert seed_values <= {fact.value for fact in facts}
    assert all(fact.reference_date == date(2019, 12, 31) and fact.source for fact in facts)
    share = next(fact for fact in facts if fact.value == Decimal("8.8"))
    assert share.source == "Landesamt für Statistik"
    assert share.unit == "Prozent"


def test_demo_has_offers_and_funding_spread_over_vocabularies(db):
    offers = german(m.OfferPage).all()
    funding = german(m.FundingSourcePage).all()
    assert offers.count() >= 12
    assert funding.count() >= 6
    assert funding.filter(title__contains="nebenan angekommen").exists()
    assert german(m.District).filter(offers__isnull=False).distinct().count() >= 4
    assert german(m.TargetGroup).filter(offers__isnull=False).distinct().count() >= 4
    languages = {code for offer in offers for code in offer.languages}
    assert {"de", "ar", "uk", "fa"} <= languages
    assert {s.funder_level for s in funding} == {
        "eu",
        "federal",
        "state",
        "municipal",
        "foundation",
    }


def test_demo_users_cover_every_role(db):
    users = {
        spec["username"]: get_user_model().objects.get(username=spec["username"])
        for spec in data.USERS
    }
    by_role: dict[str, list] = {}
    for spec in data.USERS:
        by_role.setdefault(spec["role"], []).append(users[spec["username"]])
    assert sorted(by_role) == ["admin", "editor", "owner", "reviewer", "translator"]
    assert [user.is_superuser for user in by_role["admin"]] == [True]
    measure_owners = set(german(m.MeasurePage).values_list("measure_owner__username", flat=True))
    assert {user.username for user in by_role["owner"]} <= measure_owners
    others = by_role["editor"] + by_role["owner"] + by_role["reviewer"] + by_role["translator"]
    assert not any(user.is_superuser for user in others)
    # Nobody keeps Wagtail's default groups, which may edit the whole tree.
    assert not any(user.groups.filter(name__in=["Editors", "Moderators"]) for user in others)


def test_invented_details_are_marked_as_demo_data(db):
    for model in (m.MeasurePage, m.OfferPage, m.FundingSourcePage, m.Organisation):
        assert german(model).exists(), model.__name__
        assert not model.objects.filter(demo_data_note="").exists(), model.__name__


def test_review_dates_are_spread_so_some_are_overdue_and_some_due_soon(db):
    due = [measure.next_review_due for measure in german(m.MeasurePage).all()]
    overdue = [d for d in due if d < DEMO_DAY]
    soon = [d for d in due if DEMO_DAY <= d <= DEMO_DAY + timedelta(days=14)]
    assert len(overdue) >= 2
    assert len(soon) >= 3


def test_demo_dates_are_counted_from_the_load_day(db):
    for row in data.FUNDING:
        source = german(m.FundingSourcePage).get(translation_key=demo_key("funding", row["slug"]))
        assert [(w.opens_on, w.closes_on) for w in source.deadlines.all()] == [
            (data.on_load_day(w["opens"], DEMO_DAY), data.on_load_day(w["closes"], DEMO_DAY))
            for w in row["deadlines"]
        ], row["slug"]
        assert source.last_checked == data.on_load_day(row["last_checked"], DEMO_DAY)
    for row in data.MEASURES:
        measure = german(m.MeasurePage).get(code=row["code"])
        assert measure.next_review_due == data.on_load_day(row["review_due"], DEMO_DAY)
        assert measure.planned_end == data.on_load_day(row["planned_end"], DEMO_DAY)
    # The yearly "nebenan angekommen" round closes on the day the demo is loaded.
    fund = german(m.FundingSourcePage).get(slug="fonds-nebenan-angekommen")
    assert fund.next_deadline(DEMO_DAY) == DEMO_DAY
    assert fund.status(DEMO_DAY) == FundingStatus.OPEN


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(load_day=st.dates(min_value=date(2026, 1, 1), max_value=date(2045, 12, 31)))
def test_demo_data_is_consistent_on_any_load_day(load_day):
    assert data.check_references(load_day) == []


def _within(day: date | None, load_day: date, days: int) -> bool:
    """Whether `day` is set and at most `days` after `load_day`."""
    return day is not None and day <= load_day + timedelta(days=days)


def _relative_facts(load_day: date) -> dict:
    """What the demo's funding and measures say about `load_day`, by their natural keys."""
    funding = {
        source.slug: (
            source.status(load_day),
            _within(source.next_deadline(load_day), load_day, 30),
        )
        for source in german(m.FundingSourcePage).prefetch_related("deadlines")
    }
    measures = {
        measure.code: (
            (measure.next_review_due - load_day).days,
            measure.last_reviewed_at is not None and measure.last_reviewed_at.date() < load_day,
            measure.planned_end is None or measure.planned_end >= load_day,
            [i.as_of is None or i.as_of <= load_day for i in measure.indicators.all()],
        )
        for measure in german(m.MeasurePage).prefetch_related("indicators")
    }
    return {"funding": funding, "measures": measures}


def test_the_demo_means_the_same_whatever_day_it_is_loaded(db):
    on_demo_day = _relative_facts(DEMO_DAY)
    statuses = Counter(status for status, _soon in on_demo_day["funding"].values())
    assert statuses[FundingStatus.OPEN] >= 2
    assert statuses[FundingStatus.UPCOMING] >= 2
    assert sum(days < 0 for days, *_ in on_demo_day["measures"].values()) >= 2
    # The dated part of the demo is loaded again on another day: editors deleted it.
    for page in [*german(m.FundingSourcePage), *german(m.MeasurePage)]:
        page.delete()
    report = DemoLoader(today=OTHER_DAY).run()
    assert report.created["FundingSourcePage"] == len(data.FUNDING)
    assert report.created["MeasurePage"] == len(data.MEASURES)
    assert _relative_facts(OTHER_DAY) == on_demo_day


def test_second_run_creates_and_changes_nothing(db):
    pages_before = {p.pk: p.latest_revision_id for p in german(m.MeasurePage).all()}
    page_count, revisions_before = Page.objects.count(), Revision.objects.count()
    report = DemoLoader(today=DEMO_DAY + timedelta(days=3)).run()
    assert report.total_created == 0
    assert report.skipped == Counter()
    assert Page.objects.count() == page_count
    assert Revision.objects.count() == revisions_before
    assert {p.pk: p.latest_revision_id for p in german(m.MeasurePage).all()} == pages_before


def test_loader_keeps_editors_changes_to_demo_content(db):
    measure = german(m.MeasurePage).get(code="1.1")
    measure.summary = "Von der Redaktion überarbeitet."
    measure.save_revision().publish()
    DemoLoader(today=DEMO_DAY).run()
    measure.refresh_from_db()
    assert measure.summary == "Von der Redaktion überarbeitet."


def _state(page: Page) -> tuple:
    """What an editor made of a page: title, publication, revisions, place, translations."""
    page = Page.objects.get(pk=page.pk)
    real_translations = Page.objects.filter(
        translation_key=page.translation_key, alias_of__isnull=True
    ).count()
    return (
        page.title,
        page.live,
        page.has_unpublished_changes,
        page.latest_revision_id,
        page.get_parent().pk,
        page.url_path,
        real_translations,
    )


@pytest.fixture
def editors_work(db) -> dict:
    """A day of editors' work, made with the factories and the ORM as the admin would."""
    home = german(m.HomePage).get()
    offers = german(m.OfferIndexPage).get()
    field_two, field_four = (german(m.ActionFieldPage).get(number=n) for n in (2, 4))
    work = {
        "new page": f.StandardPageFactory(parent=home, title="Pressespiegel", publish=True),
        "draft offer": f.OfferPageFactory(
            parent=offers, title="Nähcafé im Aufbau", live=False, publish=False
        ),
        "new measure": f.MeasurePageFactory(
            parent=field_two, title="Mehrsprachige Bürgersprechstunde", publish=True
        ),
    }
    retitled = german(m.OfferPage).get(slug="sprachcafe")
    retitled.title = "Sprachcafé am Johannisplatz (neue Zeiten)"
    retitled.save_revision().publish()
    work["retitled demo offer"] = retitled
    drafted = german(m.FundingSourcePage).get(slug="raumpool-stadt")
    drafted.summary = "Entwurf: Räume jetzt auch am Wochenende."
    drafted.save_revision()
    work["drafted demo funding"] = drafted
    moved = german(m.MeasurePage).get(code="3.2")
    moved.move(field_four, pos="last-child")
    work["moved demo measure"] = moved
    german(m.OfferPage).get(slug="fussball-fuer-alle").delete()
    renamed = german(m.District).get(name="Nordstadt")
    renamed.name = "Eisenach-Nord"
    renamed.save()
    work["renamed demo district"] = renamed
    work["new district"] = f.DistrictFactory(name="Neubaugebiet Kalkenrain")
    work["namesake district"] = f.DistrictFactory(name="Innenstadt")
    return work


def test_loader_runs_again_after_editors_work_and_leaves_it_alone(editors_work):
    pages = {name: obj for name, obj in editors_work.items() if isinstance(obj, Page)}
    before = {name: _state(page) for name, page in pages.items()}
    districts_before = sorted(german(m.District).values_list("pk", "name"))

    report = DemoLoader(today=DEMO_DAY).run()

    # Only the deleted demo offer was missing; it is back, still linked to its translations.
    assert report.created == Counter({"OfferPage": 1})
    assert report.skipped == Counter()
    restored = german(m.OfferPage).get(slug="fussball-fuer-alle")
    assert restored.translation_key == demo_key("offer", "fussball-fuer-alle")
    assert restored.has_translation(Locale.objects.get(language_code="en"))
    assert {name: _state(page) for name, page in pages.items()} == before
    assert sorted(german(m.District).values_list("pk", "name")) == districts_before
    for name in ("new district", "namesake district"):
        assert not editors_work[name].get_translations().exists(), name
    codes = list(german(m.MeasurePage).values_list("code", flat=True))
    assert len(codes) == len(data.MEASURES) + 1
    assert len(set(codes)) == len(codes)


def test_editors_text_on_an_untranslated_demo_page_is_skipped_not_failed(db):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    # As after a load interrupted before the translations: the German page only ...
    Page.objects.filter(translation_key=offer.translation_key).exclude(pk=offer.pk).delete()
    TranslationSource.objects.filter(object_id=offer.translation_key).delete()
    # ... and then an editor retitled it.
    offer.title = "Sprachcafé der Redaktion"
    offer.save_revision().publish()

    report = DemoLoader(today=DEMO_DAY).run()

    assert report.total_created == 0
    assert report.skipped == Counter({"OfferPage translation": len(translate.DEMO_LANGUAGES)})
    assert list(
        Page.objects.filter(translation_key=offer.translation_key, alias_of__isnull=True)
    ) == [offer.page_ptr]


def test_demo_text_missing_from_a_translation_file_is_an_error(db, monkeypatch):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    Page.objects.filter(translation_key=offer.translation_key).exclude(pk=offer.pk).delete()
    offer.delete()
    complete = translate.load_strings

    def without_the_title(code: str) -> dict[str, str]:
        strings = complete(code)
        del strings["Sprachcafé am Johannisplatz"]
        return strings

    monkeypatch.setattr(translate, "load_strings", without_the_title)
    with pytest.raises(MissingDemoTranslation, match="Sprachcafé am Johannisplatz"):
        DemoLoader(today=DEMO_DAY).run()


@pytest.mark.parametrize(
    "base_url, address",
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://localhost", ("localhost", 80)),
        ("https://teilhabe.eisenach.de", ("teilhabe.eisenach.de", 443)),
        ("https://[::1]:8443/", ("::1", 8443)),
    ],
)
def test_site_address_is_read_from_the_base_url(base_url, address):
    assert site_address(base_url) == address


def test_demo_site_serves_on_the_base_url_so_absolute_urls_name_it(db, settings):
    settings.BASE_URL = "http://127.0.0.1:8765"
    DemoLoader(today=DEMO_DAY).run()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8765)
    offer = german(m.OfferPage).live().first()
    assert offer.get_full_url() == f"http://127.0.0.1:8765/de/angebote/{offer.slug}/"


def test_demo_leaves_a_site_an_editor_pointed_at_a_real_domain(db, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "integration.eisenach.de", 443
    site.save()
    settings.BASE_URL = "http://127.0.0.1:8765"
    report = DemoLoader(today=DEMO_DAY).run()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("integration.eisenach.de", 443)
    assert report.total_created == 0
