"""Every page type, its relations filled, renders in every preview a moderator or editor opens.

Previews render a page that is not the database row: the edit form's data or a revision's
content. Its many-to-many relations are then modelcluster's in-memory querysets, which lack
Wagtail's `live()`/`public()`; a preview must never answer 500 because of that.
"""

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.forms import BoundField, CheckboxInput, Form
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from wagtail.blocks import BlockWidget, StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from site_pages import factories as f
from site_pages import models as m
from tests.content import german

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Subject:
    """A page under test and the texts of its relations that its previews must show.

    `shown` is what the rendered page shows of its relations; `compared` is what the
    revision comparison lists (it compares the page's own fields, not its children).
    """

    page: Page
    shown: tuple[str, ...]
    compared: tuple[str, ...]


def _drafted(page: Page) -> Page:
    """Save the page's first, still bare revision: the one comparisons start from."""
    page.save_revision()
    return page


def _home_page(home: m.HomePage) -> Subject:
    """A second home page (beside the demo's `home`) with a live section below it."""
    page = _drafted(f.HomePageFactory(parent=Page.get_first_root_node(), title="Vorschau-Start"))
    page.intro = "<p>Willkommen in der Vorschau.</p>"
    page.save()
    section = f.StandardPageFactory(parent=page, title="Vorschau-Rubrik")
    return Subject(page, shown=(section.title,), compared=("Willkommen in der Vorschau.",))


def _standard_page(home: m.HomePage) -> Subject:
    """A free-content page with a paragraph in its body."""
    page = _drafted(f.StandardPageFactory(parent=home, title="Vorschau-Seite"))
    page.body = [("paragraph", RichText("<p>Absatz der Vorschau</p>"))]
    page.save()
    return Subject(page, shown=("Absatz der Vorschau",), compared=("Absatz der Vorschau",))


def _accessibility_statement_page(home: m.HomePage) -> Subject:
    """A second accessibility statement: its text, then the feedback form."""
    page = _drafted(f.AccessibilityStatementPageFactory(parent=home, title="Vorschau-Erklärung"))
    page.body = [("paragraph", RichText("<p>Stand der Vorschau</p>"))]
    page.save()
    return Subject(page, shown=("Stand der Vorschau",), compared=("Stand der Vorschau",))


def _action_field_index_page(home: m.HomePage) -> Subject:
    """A second action field index with one action field below it."""
    page = _drafted(f.ActionFieldIndexPageFactory(parent=home, title="Vorschau-Felder"))
    page.intro = "<p>Neun Felder.</p>"
    page.save()
    field = _free_action_field(page)
    return Subject(page, shown=(field.title,), compared=("Neun Felder.",))


def _free_action_field(parent: Page) -> m.ActionFieldPage:
    """An action field numbered 9: the demo's German field 9 is removed to free the number."""
    german(m.ActionFieldPage).get(number=9).delete()
    return f.ActionFieldPageFactory(
        parent=parent, title="Vorschau-Handlungsfeld", number=9, summary=""
    )


def _action_field_page(home: m.HomePage) -> Subject:
    """An action field with one measure below it."""
    page = _drafted(_free_action_field(german(m.ActionFieldIndexPage).get()))
    page.summary = "Worum es in der Vorschau geht."
    page.save()
    measure = f.MeasurePageFactory(parent=page, title="Vorschau-Maßnahme im Feld", code="9.98")
    return Subject(page, shown=(measure.title,), compared=(page.summary,))


def _measure_page(home: m.HomePage) -> Subject:
    """A measure with partners, districts, target groups, offers, funding and indicators."""
    page = _drafted(
        f.MeasurePageFactory(
            parent=german(m.ActionFieldPage).get(number=1), title="Vorschau-Maßnahme", code="1.98"
        )
    )
    partner = f.OrganisationFactory(name="Vorschau-Partner e. V.", kind="partner")
    district = f.DistrictFactory(name="Vorschau-Stadtteil")
    group = f.TargetGroupFactory(name="Vorschau-Zielgruppe")
    offer = f.OfferPageFactory(parent=german(m.OfferIndexPage).get(), title="Vorschau-Angebot")
    source = f.FundingSourcePageFactory(
        parent=german(m.FundingIndexPage).get(), title="Vorschau-Förderung"
    )
    page.responsible_organisation = partner
    page.partner_organisations.set([partner])
    page.districts.set([district])
    page.target_groups.set([group])
    page.related_offers.set([offer])
    page.related_funding_sources.set([source])
    page.indicators = [
        m.MeasureIndicator(
            name="Vorschau-Sprachfassungen",
            unit="Sprachfassungen",
            baseline=Decimal(0),
            target=Decimal(6),
            current_value=Decimal(7),
            as_of=date(2026, 3, 8),
            locale=page.locale,
        )
    ]
    page.save()
    names = (partner.name, district.name, group.name, offer.title, source.title)
    shown = (*names, "Vorschau-Sprachfassungen")
    return Subject(page, shown=shown, compared=shown)


def _offer_index_page(home: m.HomePage) -> Subject:
    """A second offer catalogue with one offer in it."""
    page = _drafted(f.OfferIndexPageFactory(parent=home, title="Vorschau-Angebote"))
    page.intro = "<p>Alle Angebote.</p>"
    page.save()
    offer = f.OfferPageFactory(parent=page, title="Vorschau-Angebot im Katalog")
    return Subject(page, shown=(offer.title,), compared=("Alle Angebote.",))


def _offer_page(home: m.HomePage) -> Subject:
    """An offer with provider, type, target groups, districts and opening hours."""
    page = _drafted(
        f.OfferPageFactory(parent=german(m.OfferIndexPage).get(), title="Vorschau-Sprechstunde")
    )
    page.provider = f.OrganisationFactory(name="Vorschau-Träger")
    page.offer_type = f.OfferTypeFactory(name="Vorschau-Beratung")
    page.target_groups.set([f.TargetGroupFactory(name="Vorschau-Familien")])
    page.districts.set([f.DistrictFactory(name="Vorschau-Nordviertel")])
    page.related_action_fields.set([german(m.ActionFieldPage).get(number=1)])
    page.opening_hours = [m.OpeningHours(weekday=0, opens=time(9, 15), closes=time(11, 45))]
    page.save()
    names = ("Vorschau-Träger", "Vorschau-Beratung", "Vorschau-Familien", "Vorschau-Nordviertel")
    return Subject(page, shown=(*names, "09:15"), compared=(*names, "09:15"))


def _funding_index_page(home: m.HomePage) -> Subject:
    """A second funding overview with one funding source in it."""
    page = _drafted(f.FundingIndexPageFactory(parent=home, title="Vorschau-Fördertöpfe"))
    page.intro = "<p>Geld für Projekte.</p>"
    page.save()
    source = f.FundingSourcePageFactory(parent=page, title="Vorschau-Programm")
    return Subject(page, shown=(source.title,), compared=("Geld für Projekte.",))


def _funding_source_page(home: m.HomePage) -> Subject:
    """A funding source with funder, funding areas and a yearly application window."""
    page = _drafted(
        f.FundingSourcePageFactory(parent=german(m.FundingIndexPage).get(), title="Vorschau-Fonds")
    )
    page.funder = f.OrganisationFactory(name="Vorschau-Stiftung", kind="funder")
    page.funding_areas.set([f.FundingAreaFactory(name="Vorschau-Sport")])
    page.deadlines = [
        m.FundingDeadline(
            opens_on=date(2026, 1, 1),
            closes_on=date(2026, 3, 31),
            recurs_yearly=True,
            note="Vorschau-Frist",
            locale=page.locale,
        )
    ]
    page.save()
    names = ("Vorschau-Stiftung", "Vorschau-Sport", "Vorschau-Frist")
    return Subject(page, shown=names, compared=names)


def _facts_page(home: m.HomePage) -> Subject:
    """A second facts page with one sourced figure."""
    page = _drafted(f.FactsPageFactory(parent=home, title="Vorschau-Zahlen"))
    page.facts = [
        m.Fact(
            label="Vorschau-Einwohnerzahl",
            value=Decimal(3818),
            reference_date=date(2019, 12, 31),
            source="Vorschau-Statistikamt",
            locale=page.locale,
        )
    ]
    page.save()
    names = ("Vorschau-Einwohnerzahl", "Vorschau-Statistikamt")
    return Subject(page, shown=names, compared=names)


BUILDERS: dict[type[Page], Callable[[m.HomePage], Subject]] = {
    m.HomePage: _home_page,
    m.StandardPage: _standard_page,
    m.AccessibilityStatementPage: _accessibility_statement_page,
    m.ActionFieldIndexPage: _action_field_index_page,
    m.ActionFieldPage: _action_field_page,
    m.MeasurePage: _measure_page,
    m.OfferIndexPage: _offer_index_page,
    m.OfferPage: _offer_page,
    m.FundingIndexPage: _funding_index_page,
    m.FundingSourcePage: _funding_source_page,
    m.FactsPage: _facts_page,
}


def _field_data(bound: BoundField) -> dict[str, object]:
    """What the admin's browser posts for one form field showing its current value."""
    widget, value = bound.field.widget, bound.value()
    if isinstance(widget, BlockWidget):
        return _stream_data(bound.html_name, value)
    if isinstance(widget, CheckboxInput):
        return {bound.html_name: "on"} if value else {}
    formatted = widget.format_value(value)
    return {bound.html_name: "" if formatted is None else formatted}


def _stream_data(prefix: str, stream: StreamValue) -> dict[str, object]:
    """A StreamField of plain field blocks (paragraphs, …) as the admin's form data."""
    data: dict[str, object] = {f"{prefix}-count": str(len(stream))}
    for index, child in enumerate(stream):
        block, key = child.block, f"{prefix}-{index}"
        data |= {
            f"{key}-type": child.block_type,
            f"{key}-value": block.field.widget.format_value(block.value_for_form(child.value)),
            f"{key}-order": str(index),
            f"{key}-deleted": "",
            f"{key}-id": child.id,
        }
    return data


def _form_data(form: Form) -> dict[str, object]:
    """A form's current values, inline formsets included, as the admin's browser posts them."""
    data: dict[str, object] = {}
    for bound in form:
        data |= _field_data(bound)
    for formset in getattr(form, "formsets", {}).values():
        data |= _form_data(formset.management_form)
        for child_form in formset.forms:
            data |= _form_data(child_form)
    return data


def edit_form_data(page: Page, user: AbstractBaseUser) -> dict[str, object]:
    """The edit form of `page` submitted unchanged, as the preview panel posts it."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent().specific)
    return _form_data(form)


def _edit_preview(client: Client, subject: Subject, user: AbstractBaseUser) -> HttpResponse:
    """The edit view's preview panel: post the form, then render what was posted."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[subject.page.pk])
    posted = client.post(url, edit_form_data(subject.page, user))
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(url)


def _revision_view(client: Client, subject: Subject, user: AbstractBaseUser) -> HttpResponse:
    """A revision opened from the page's history."""
    revision = subject.page.save_revision(user=user)
    return client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[subject.page.pk, revision.pk])
    )


def _revision_compare(client: Client, subject: Subject, user: AbstractBaseUser) -> HttpResponse:
    """The comparison of the page's bare first revision with the filled-in latest one."""
    latest = subject.page.save_revision(user=user)
    return client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[subject.page.pk, "earliest", latest.pk],
        )
    )


def _workflow_preview(client: Client, subject: Subject, user: AbstractBaseUser) -> HttpResponse:
    """The preview a moderator opens from the review request (Wagtail's default workflow)."""
    subject.page.save_revision(user=user)
    workflow = subject.page.get_workflow()
    assert workflow is not None, "the demo site has no moderation workflow"
    workflow.start(subject.page, user)
    task = subject.page.current_workflow_task
    return client.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[subject.page.pk, task.pk])
    )


ENTRY_POINTS = {
    "edit_preview": _edit_preview,
    "revision_view": _revision_view,
    "revision_compare": _revision_compare,
    "workflow_preview": _workflow_preview,
}


def test_every_page_type_has_a_preview_subject():
    page_types = {
        model for model in apps.get_app_config("site_pages").get_models() if issubclass(model, Page)
    }
    assert page_types == set(BUILDERS)


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
@pytest.mark.parametrize("page_type", BUILDERS, ids=lambda t: t.__name__)
def test_previews_render_every_page_type_with_its_relations(
    client, admin_user, demo_home, page_type, entry_point
):
    built = BUILDERS[page_type](demo_home)
    subject = replace(built, page=page_type.objects.get(pk=built.page.pk))  # as the admin reads it
    client.force_login(admin_user)

    response = ENTRY_POINTS[entry_point](client, subject, admin_user)

    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert subject.page.title in body
    expected = subject.compared if entry_point == "revision_compare" else subject.shown
    assert expected, "a subject names the relations its previews must show"
    missing = [text for text in expected if text not in body]
    assert not missing, f"{entry_point} of {page_type.__name__} lacks {missing}"


def test_a_new_measure_previews_with_its_relations_before_it_is_first_saved(
    client, admin_user, demo_home
):
    subject = _measure_page(demo_home)
    data = edit_form_data(subject.page, admin_user) | {
        "title": "Neue Vorschau-Maßnahme",
        "slug": "neue-vorschau-massnahme",
        "code": "1.97",
    }
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["site_pages", "measurepage", subject.page.get_parent().pk],
    )
    client.force_login(admin_user)

    posted = client.post(url, data)
    response = client.get(url)

    assert posted.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert "Neue Vorschau-Maßnahme" in body
    missing = [text for text in subject.shown if text not in body]
    assert not missing, f"the new measure's preview lacks {missing}"
