"""Editorial roles as local roles: each boundary proved through the admin's own views."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale
from wagtail.users.models import UserProfile

from editorial import roles
from editorial.models import ActionFieldEditors
from editorial.views import role_description, role_label
from site_pages import factories as f
from site_pages import models as m
from tests.content import german

# Wagtail's admin answers a refused action by sending the user to the dashboard.
EDITS = "form"
DENIED = "refused"


def user(username: str):
    """A demo login."""
    return get_user_model().objects.get(username=username)


def measure(code: str) -> m.MeasurePage:
    """The German demo measure with `code`."""
    return german(m.MeasurePage).get(code=code)


def field(number: int) -> m.ActionFieldPage:
    """The German demo action field with `number`."""
    return german(m.ActionFieldPage).get(number=number)


def opens(client, who, url: str) -> str:
    """What `who` gets for GET `url` in the admin: the form, or refused (sent to the dashboard)."""
    client.force_login(who)
    response = client.get(url)
    if response.status_code == 200:
        return EDITS
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        return DENIED
    return f"{response.status_code} {response.get('Location', '')}"


def edit_url(page) -> str:
    """The admin's edit view of `page`."""
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent, model) -> str:
    """The admin's create view of a `model` page under `parent`."""
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def publish_in_bulk(client, who, page) -> None:
    """`who` uses the admin's bulk "Publish" on `page`."""
    client.force_login(who)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {"include_descendants": False})


# --- the groups ----------------------------------------------------------------------------
def test_role_groups_exist_with_a_group_per_action_field_and_language(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Integrationsmanagement",
        "Angebots-Redaktion",
        "Fördermittel-Redaktion",
        "Prüfung",
    } <= names
    assert {f"Handlungsfeld-Redaktion {n}" for n in range(1, 10)} <= names
    assert {f"Übersetzung {c}" for c in ["en", "ar", "uk", "ru", "tr", "fa", "pl", "ro"]} <= names
    links = ActionFieldEditors.objects.select_related("group", "action_field")
    assert sorted((link.action_field.number, link.group.name) for link in links) == [
        (n, f"Handlungsfeld-Redaktion {n}") for n in range(1, 10)
    ]


def test_field_editors_may_edit_their_field_subtree_only(db):
    group = Group.objects.get(name="Handlungsfeld-Redaktion 3")
    granted = GroupPagePermission.objects.filter(group=group)
    assert {p.page_id for p in granted} == {field(3).pk}
    assert {p.permission.codename for p in granted} == {"add_page", "change_page", "lock_page"}


def test_a_new_action_field_gets_its_editors_group_with_page_permissions(db):
    # The concept has nine fields (numbers 1-9): a new one takes the place of a removed one.
    old = field(9)
    Group.objects.filter(pk=old.editors.group.pk).delete()
    old.delete()
    index = german(m.ActionFieldIndexPage).get()
    new_field = f.ActionFieldPageFactory(parent=index, number=9, title="Neues Feld")
    link = ActionFieldEditors.objects.get(action_field=new_field)
    assert link.group.name == "Handlungsfeld-Redaktion 9"
    codenames = set(
        GroupPagePermission.objects.filter(group=link.group, page=new_field).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "lock_page"}


def test_a_renumbered_field_takes_its_editors_group_name_along(db):
    moved = field(9)
    group = moved.editors.group
    Group.objects.filter(name="Handlungsfeld-Redaktion 8").delete()
    field(8).delete()
    moved.number = 8
    moved.save_revision().publish()
    group.refresh_from_db()
    assert group.name == "Handlungsfeld-Redaktion 8"
    assert ActionFieldEditors.objects.get(action_field=moved).group == group


def test_translated_pages_do_not_get_field_editor_groups(db):
    english = field(3).get_translation(Locale.objects.get(language_code="en"))
    assert not ActionFieldEditors.objects.filter(action_field_id=english.pk).exists()


def test_group_names_and_descriptions_are_translated(db):
    group = Group.objects.get(name="Handlungsfeld-Redaktion 4")
    translators = Group.objects.get(name="Übersetzung fa")
    with translation.override("en"):
        assert role_label(group) == "Action field editors 4"
        assert "action field 4" in role_description(group)
        assert role_label(translators) == "Translation: Persian"
    with translation.override("de"):
        assert role_label(Group.objects.get(name="Prüfung")) == "Prüfung"
        assert role_label(translators) == "Übersetzung: Persisch"
        assert "Handlungsfelds 4" in role_description(group)
    assert role_label(Group.objects.create(name="Hausmeisterei")) == "Hausmeisterei"


def test_group_listing_shows_translated_roles(client, db):
    manager = user("admin")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"  # the admin speaks the user's language
    profile.save()
    client.force_login(manager)
    response = client.get(reverse("wagtailusers_groups:index"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Offer editors" in text
    assert "Approve or reject offers and funding sources" in text


# --- the demo's assignments ----------------------------------------------------------------
@pytest.mark.parametrize(
    "username, groups",
    [
        ("l.schubert", [f"Handlungsfeld-Redaktion {n}" for n in (3, 4, 6, 9)]),
        ("k.haddad", [f"Handlungsfeld-Redaktion {n}" for n in (2, 5, 7)]),
        ("redaktion", ["Angebots-Redaktion", "Fördermittel-Redaktion"]),
        ("e.nowak", ["Prüfung"]),
        ("uebersetzung", ["Übersetzung ar", "Übersetzung en"]),
    ],
)
def test_demo_users_have_their_roles(db, username, groups):
    assert sorted(user(username).groups.values_list("name", flat=True)) == groups


# --- boundaries through the admin's views --------------------------------------------------
def test_field_editor_edits_measures_of_her_fields_only(client, db):
    schubert = user("l.schubert")
    assert opens(client, schubert, edit_url(measure("4.1"))) == EDITS
    assert opens(client, schubert, edit_url(field(3))) == EDITS
    assert opens(client, schubert, edit_url(measure("5.1"))) == DENIED
    assert opens(client, schubert, edit_url(field(5))) == DENIED
    assert opens(client, user("k.haddad"), edit_url(measure("5.1"))) == EDITS


def test_field_editor_creates_measures_in_her_fields_only(client, db):
    schubert = user("l.schubert")
    assert opens(client, schubert, add_url(field(3), m.MeasurePage)) == EDITS
    assert opens(client, schubert, add_url(field(5), m.MeasurePage)) == DENIED
    offers = german(m.OfferIndexPage).get()
    assert opens(client, schubert, add_url(offers, m.OfferPage)) == DENIED


def test_field_editor_cannot_publish_integration_management_can(client, db):
    page = measure("3.1")
    page.summary = "Entwurf der Redaktion."
    page.save_revision()
    publish_in_bulk(client, user("l.schubert"), page)
    page.refresh_from_db()
    assert page.has_unpublished_changes
    manager = f.UserFactory(username="im-member")
    manager.groups.add(Group.objects.get(name="Integrationsmanagement"))
    publish_in_bulk(client, manager, page)
    page.refresh_from_db()
    assert not page.has_unpublished_changes
    assert page.summary == "Entwurf der Redaktion."


def test_field_editor_cannot_move_or_delete_a_measure_outside_her_fields(client, db):
    schubert = user("l.schubert")
    other = measure("5.1")
    assert opens(client, schubert, reverse("wagtailadmin_pages:move", args=[other.pk])) == DENIED
    assert opens(client, schubert, reverse("wagtailadmin_pages:delete", args=[other.pk])) == DENIED
    client.post(reverse("wagtailadmin_pages:delete", args=[other.pk]))
    assert m.MeasurePage.objects.filter(pk=other.pk).exists()


def test_field_editor_moves_a_draft_only_between_her_fields(client, db):
    schubert = user("l.schubert")
    draft = f.MeasurePageFactory(parent=field(3), live=False, publish=False)
    confirm = "wagtailadmin_pages:move_confirm"
    client.force_login(schubert)
    response = client.post(reverse(confirm, args=[draft.pk, field(5).pk]))
    assert response["Location"] == reverse("wagtailadmin_home")
    draft.refresh_from_db()
    assert draft.get_parent().pk == field(3).pk
    response = client.post(reverse(confirm, args=[draft.pk, field(4).pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.get_parent().pk == field(4).pk


def test_offer_editor_edits_offers_and_funding_but_no_measure(client, db):
    redaktion = user("redaktion")
    offer = german(m.OfferPage).live().first()
    funding = german(m.FundingSourcePage).live().first()
    assert opens(client, redaktion, edit_url(offer)) == EDITS
    assert opens(client, redaktion, edit_url(funding)) == EDITS
    assert opens(client, redaktion, add_url(german(m.OfferIndexPage).get(), m.OfferPage)) == EDITS
    assert opens(client, redaktion, edit_url(measure("1.1"))) == DENIED
    assert opens(client, redaktion, add_url(field(1), m.MeasurePage)) == DENIED
    organisation = german(m.Organisation).first()
    snippet_edit = reverse("wagtailsnippets_site_pages_organisation:edit", args=[organisation.pk])
    assert opens(client, redaktion, snippet_edit) == EDITS
    # Organisations have no workflow: their editors publish them (and lock them while editing).
    assert redaktion.has_perms(["site_pages.publish_organisation", "site_pages.lock_organisation"])
    assert not redaktion.has_perm("site_pages.unlock_organisation")


def test_reviewer_cannot_edit(client, db):
    nowak = user("e.nowak")
    assert opens(client, nowak, reverse("wagtailadmin_home")) == EDITS
    for page in (measure("2.2"), german(m.OfferPage).live().first(), field(1)):
        assert opens(client, nowak, edit_url(page)) == DENIED


def test_translator_edits_her_languages_and_never_the_source(client, db):
    translator = user("uebersetzung")
    source = measure("3.1")
    for code in ("ar", "en"):
        target = source.get_translation(Locale.objects.get(language_code=code))
        assert target.alias_of_id is None  # the demo translates into en and ar
        assert opens(client, translator, edit_url(target)) == EDITS
    ukrainian = source.get_translation(Locale.objects.get(language_code="uk"))
    assert opens(client, translator, edit_url(ukrainian)) == DENIED
    assert opens(client, translator, edit_url(source)) == DENIED
    english_field = field(3).get_translation(Locale.objects.get(language_code="en"))
    assert opens(client, translator, edit_url(english_field)) == EDITS
    assert opens(client, user("l.schubert"), edit_url(english_field)) == DENIED


# --- the owner's role ----------------------------------------------------------------------
@pytest.fixture
def outsider_owner(db):
    """A measure in field 5 owned by a field-3 editor, and one deputised by an offer editor."""
    owner = f.UserFactory(username="owner-from-field-3")
    owner.groups.add(roles.ensure_action_field_editors(field(3)))
    deputy = f.UserFactory(username="deputy-offers")
    deputy.groups.add(Group.objects.get(name="Angebots-Redaktion"))
    owned = f.MeasurePageFactory(parent=field(5), measure_owner=owner, deputy=deputy, publish=True)
    other = f.MeasurePageFactory(parent=field(5), publish=True)
    return owner, deputy, owned, other


def test_owner_and_deputy_edit_their_measure_wherever_it_is(client, outsider_owner):
    owner, deputy, owned, other = outsider_owner
    for who in (owner, deputy):
        assert opens(client, who, edit_url(owned)) == EDITS
        assert opens(client, who, edit_url(other)) == DENIED
        assert opens(client, who, add_url(field(5), m.MeasurePage)) == DENIED
        assert opens(client, who, reverse("wagtailadmin_pages:delete", args=[owned.pk])) == DENIED
        assert opens(client, who, reverse("wagtailadmin_pages:move", args=[owned.pk])) == DENIED


def test_owner_cannot_publish_her_measure(client, outsider_owner):
    owner, _deputy, owned, _other = outsider_owner
    owned.summary = "Neu vom Owner."
    owned.save_revision()
    publish_in_bulk(client, owner, owned)
    owned.refresh_from_db()
    assert owned.has_unpublished_changes


def test_owner_without_admin_access_gets_no_edit_form(client, db):
    stranger = f.UserFactory(username="no-admin")
    owned = f.MeasurePageFactory(parent=field(5), measure_owner=stranger, publish=True)
    client.force_login(stranger)
    response = client.get(edit_url(owned))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_translator_gets_wagtail_localizes_translation_editor(client, db):
    client.force_login(user("uebersetzung"))
    arabic = measure("3.1").get_translation(Locale.objects.get(language_code="ar"))
    response = client.get(edit_url(arabic))
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_only_translation_roles_may_submit_pages_for_translation(client, db):
    url = reverse("wagtail_localize:submit_page_translation", args=[measure("4.1").pk])
    assert opens(client, user("l.schubert"), url) == DENIED
    manager = f.UserFactory(username="im-translations")
    manager.groups.add(Group.objects.get(name="Integrationsmanagement"))
    assert opens(client, manager, url) == EDITS
