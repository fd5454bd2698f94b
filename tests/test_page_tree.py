"""Editors can only build the intended tree: each page type under its proper parent."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from site_pages import models as m
from tests.content import german

ALLOWED = {
    m.HomePage: {Page},
    m.StandardPage: {m.HomePage, m.StandardPage},
    m.ActionFieldIndexPage: {m.HomePage},
    m.ActionFieldPage: {m.ActionFieldIndexPage},
    m.MeasurePage: {m.ActionFieldPage},
    m.OfferIndexPage: {m.HomePage},
    m.OfferPage: {m.OfferIndexPage},
    m.FundingIndexPage: {m.HomePage},
    m.FundingSourcePage: {m.FundingIndexPage},
    m.FactsPage: {m.HomePage},
}


@pytest.mark.parametrize("page_type", list(ALLOWED), ids=lambda t: t.__name__)
def test_each_page_type_has_exactly_its_intended_parents(page_type):
    assert set(page_type.allowed_parent_page_models()) == ALLOWED[page_type]


def test_a_measure_cannot_be_created_under_the_offer_index(demo_home):
    offer_index = german(m.OfferIndexPage).get()
    assert not m.MeasurePage.can_create_at(offer_index)
    assert m.OfferPage.can_create_at(offer_index)


def test_admin_refuses_to_create_a_measure_under_the_offer_index(client, admin_user):
    client.force_login(admin_user)
    offer_index = german(m.OfferIndexPage).get()
    url = reverse("wagtailadmin_pages:add", args=["site_pages", "measurepage", offer_index.pk])
    response = client.get(url, follow=True)
    assert response.redirect_chain, "the add form must not be served"
    assert response.request["PATH_INFO"] == "/admin/"
    assert [msg.level_tag for msg in response.context["messages"]] == ["error"]


def test_admin_offers_a_measure_under_an_action_field(client, admin_user):
    client.force_login(admin_user)
    field = german(m.ActionFieldPage).get(number=3)
    url = reverse("wagtailadmin_pages:add", args=["site_pages", "measurepage", field.pk])
    assert client.get(url).status_code == 200


def test_index_pages_exist_once_per_home_page(demo_home):
    assert not m.OfferIndexPage.can_create_at(demo_home)
    assert not m.FundingIndexPage.can_create_at(demo_home)
    assert not m.ActionFieldIndexPage.can_create_at(demo_home)
    assert m.StandardPage.can_create_at(demo_home)
