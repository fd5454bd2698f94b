"""Editors can work with every page type and snippet in the Wagtail admin."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from site_pages import models as m
from tests.content import german
from tests.test_public_pages import PAGE_TYPES

SNIPPETS = [m.Organisation, m.District, m.TargetGroup, m.OfferType, m.FundingArea]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
def test_editor_can_open_the_edit_view_of_each_page_type(client, editor, page_type):
    client.force_login(editor)
    page = german(page_type).first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


# A tab of Wagtail's tabbed edit form: its label's text, up to the error counter inside it.
TAB_LABEL = re.compile(
    r'<a id="tab-label-[\w-]+" href="#tab-[\w-]+" class="w-tabs__tab[^>]*>([^<]*)<'
)


def test_measure_edit_view_is_split_into_tabs(client, editor):
    client.force_login(editor)
    page = german(m.MeasurePage).first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    with translation.override("de"):  # the demo editor works in German
        headings = [gettext(tab) for tab in ("SMART", "Responsibility", "Relations", "Review")]
    assert headings[1] == "Zuständigkeit"
    tabs = [html.unescape(label).strip() for label in TAB_LABEL.findall(body)]
    assert set(headings) <= set(tabs), tabs
    assert tabs.index(headings[0]) < tabs.index(headings[-1])


def test_demo_note_is_shown_as_a_warning_in_the_editor(client, editor):
    client.force_login(editor)
    page = german(m.OfferPage).first()
    body = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "help-warning" in body
    assert page.demo_data_note[:30] in body


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda t: t.__name__)
def test_editor_can_list_and_edit_each_snippet(client, editor, model):
    client.force_login(editor)
    obj = model.objects.first()
    listing = client.get(reverse(model.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    edit = client.get(reverse(model.snippet_viewset.get_url_name("edit"), args=[obj.pk]))
    assert edit.status_code == 200
