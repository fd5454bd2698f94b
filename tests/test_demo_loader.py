"""The demo loader builds the seed's concept, and a second run changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

from wagtail.models import Revision

from site_pages import models as m
from site_pages.demo import data
from site_pages.demo.loader import DemoLoader
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
    for measure in german(m.MeasurePage).all():
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
    roles = sorted(spec["role"] for spec in data.USERS)
    assert roles == ["admin", "editor", "owner", "owner", "reviewer"]


def test_invented_details_are_marked_as_demo_data(db):
    for model in (m.MeasurePage, m.OfferPage, m.FundingSourcePage, m.Organisation):
        assert not model.objects.filter(demo_data_note="").exists(), model.__name__


def test_review_dates_are_spread_so_some_are_overdue_and_some_due_soon(db):
    due = [measure.next_review_due for measure in german(m.MeasurePage).all()]
    overdue = [d for d in due if d < DEMO_DAY]
    soon = [d for d in due if DEMO_DAY <= d <= DEMO_DAY + timedelta(days=14)]
    assert len(overdue) >= 2
    assert len(soon) >= 3


def test_second_run_creates_and_changes_nothing(db):
    pages_before = {p.pk: p.latest_revision_id for p in german(m.MeasurePage).all()}
    revisions_before = Revision.objects.count()
    report = DemoLoader(today=DEMO_DAY + timedelta(days=3)).run()
    assert report.total_created == 0
    assert Revision.objects.count() == revisions_before
    assert {p.pk: p.latest_revision_id for p in german(m.MeasurePage).all()} == pages_before


def test_loader_keeps_editors_changes_to_demo_content(db):
    measure = german(m.MeasurePage).get(code="1.1")
    measure.summary = "Von der Redaktion überarbeitet."
    measure.save_revision().publish()
    DemoLoader(today=DEMO_DAY).run()
    measure.refresh_from_db()
    assert measure.summary == "Von der Redaktion überarbeitet."


def test_demo_data_references_are_consistent():
    assert data.check_references() == []
