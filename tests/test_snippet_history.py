"""History for snippets: revisions, drafts, publishing, compare, revert and locking.

Everything goes through the admin's own views with logged-in users, as editors work.
"""

import html
import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision

from site_pages import factories as f
from site_pages import models as m
from tests.content import german, translate_all_strings

pytestmark = pytest.mark.django_db

VOCABULARIES = [m.District, m.TargetGroup, m.OfferType, m.FundingArea]
EARLIER = datetime(2026, 1, 2, 10, 0, tzinfo=UTC)


def _url(model, name: str, *args) -> str:
    """The URL of one of the model's snippet admin views."""
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def _form_data(client, url: str) -> dict:
    """What the edit form at `url` would post unchanged (fields with a value only)."""
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, False, ""):
            data[name] = value
    return data


def _public(client, page) -> str:
    """The public HTML of `page`, unescaped."""
    response = client.get(page.url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def superuser(db):
    """A superuser of its own."""
    return f.UserFactory(username="historie", is_superuser=True, is_staff=True)


@pytest.fixture
def wagtail_editor(db):
    """A user in Wagtail's Editors group (which may publish and lock organisations)."""
    user = f.UserFactory(username="wagtail-redaktion")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def provider(db):
    """A published organisation providing a published offer of the demo's catalogue."""
    organisation = f.OrganisationFactory(name="Träger Alt", contact_phone="03691 111", publish=True)
    offer = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(), provider=organisation, publish=True
    )
    return organisation, offer


def _edit(client, organisation, publish: bool = False, **changes):
    """Post the organisation's edit form with `changes`, as a draft or published."""
    url = _url(m.Organisation, "edit", organisation.pk)
    data = _form_data(client, url) | changes
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def test_edit_saves_a_draft_the_public_does_not_see_until_published(client, superuser, provider):
    organisation, offer = provider
    client.force_login(superuser)
    revisions = organisation.revisions.count()

    response = _edit(client, organisation, name="Träger Neu", contact_phone="03691 222")
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.revisions.count() == revisions + 1
    draft = organisation.latest_revision.as_object()
    assert (draft.name, draft.contact_phone) == ("Träger Neu", "03691 222")
    assert (organisation.name, organisation.contact_phone) == ("Träger Alt", "03691 111")
    assert organisation.live and organisation.has_unpublished_changes
    body = _public(client, offer)
    assert "Träger Alt" in body
    assert "Träger Neu" not in body

    response = _edit(client, organisation, publish=True)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.contact_phone) == ("Träger Neu", "03691 222")
    assert organisation.live_revision_id == organisation.latest_revision_id
    assert not organisation.has_unpublished_changes
    body = _public(client, offer)
    assert "Träger Neu" in body
    assert "Träger Alt" not in body


def test_history_lists_revisions_and_compare_shows_the_change(client, superuser, provider):
    organisation, _offer = provider
    first = organisation.latest_revision
    client.force_login(superuser)
    assert _edit(client, organisation, publish=True, contact_phone="03691 333").status_code == 302
    organisation.refresh_from_db()
    second = organisation.latest_revision
    assert second.pk != first.pk

    assert _edit(client, organisation, publish=True, contact_phone="03691 444").status_code == 302
    history = client.get(_url(m.Organisation, "history", organisation.pk))
    assert history.status_code == 200
    # An earlier edit offers "Review this version", i.e. reverting to it.
    revert = _url(m.Organisation, "revisions_revert", organisation.pk, second.pk)
    assert revert in history.content.decode()
    entries = ModelLogEntry.objects.for_instance(organisation)
    assert entries.filter(action="wagtail.edit", revision=second).exists()
    assert entries.filter(action="wagtail.publish", revision=second).exists()
    compare = _url(m.Organisation, "revisions_compare", organisation.pk, first.pk, second.pk)
    assert compare in history.content.decode()  # the entry links its change

    response = client.get(compare)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<span class="deletion">111</span>' in body
    assert '<span class="addition">333</span>' in body


def test_revert_restores_an_earlier_revision(client, superuser, provider):
    organisation, offer = provider
    first = organisation.latest_revision
    client.force_login(superuser)
    assert _edit(client, organisation, publish=True, name="Träger Umbenannt").status_code == 302

    revert_url = _url(m.Organisation, "revisions_revert", organisation.pk, first.pk)
    data = _form_data(client, revert_url)
    assert data["name"] == "Träger Alt"  # the form shows the earlier revision
    response = client.post(revert_url, data | {"action-publish": "action-publish"})
    assert response.status_code == 302

    organisation.refresh_from_db()
    assert organisation.name == "Träger Alt"
    assert ModelLogEntry.objects.for_instance(organisation).filter(action="wagtail.revert").exists()
    assert "Träger Alt" in _public(client, offer)


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda t: t.__name__)
def test_vocabularies_keep_revisions_compare_and_revert(client, superuser, model):
    factory = {
        m.District: f.DistrictFactory,
        m.TargetGroup: f.TargetGroupFactory,
        m.OfferType: f.OfferTypeFactory,
        m.FundingArea: f.FundingAreaFactory,
    }[model]
    obj = factory(name="Name vorher", publish=True)
    first = obj.latest_revision
    client.force_login(superuser)
    edit_url = _url(model, "edit", obj.pk)
    response = client.post(edit_url, _form_data(client, edit_url) | {"name": "Name nachher"})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.name == "Name nachher"  # no draft state: a save is live at once
    second = obj.latest_revision
    assert second.pk != first.pk

    compare = client.get(_url(model, "revisions_compare", obj.pk, first.pk, second.pk))
    assert compare.status_code == 200
    body = compare.content.decode()
    assert '<span class="deletion">vorher</span>' in body
    assert '<span class="addition">nachher</span>' in body
    revert_url = _url(model, "revisions_revert", obj.pk, first.pk)
    assert client.post(revert_url, _form_data(client, revert_url)).status_code == 302
    obj.refresh_from_db()
    assert obj.name == "Name vorher"
    assert obj.latest_revision.pk not in (first.pk, second.pk)


def test_a_locked_organisation_refuses_another_editors_edit(
    client, superuser, wagtail_editor, provider
):
    organisation, _offer = provider
    client.force_login(superuser)
    response = client.post(_url(m.Organisation, "lock", organisation.pk))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.locked and organisation.locked_by == superuser

    client.force_login(wagtail_editor)
    url = _url(m.Organisation, "edit", organisation.pk)
    data = _form_data(client, url) | {"name": "Fremd geändert"}
    revisions = organisation.revisions.count()
    for action in ({}, {"action-publish": "action-publish"}):
        response = client.post(url, data | action)
        assert response.status_code == 200  # the form again, with the lock message
        assert response.context["locked_for_user"] is True
    organisation.refresh_from_db()
    assert organisation.name == "Träger Alt"
    assert organisation.revisions.count() == revisions
    assert organisation.latest_revision.as_object().name == "Träger Alt"
    # Editors may lock themselves, but not take away someone else's lock.
    response = client.post(_url(m.Organisation, "unlock", organisation.pk))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")  # Wagtail's "permission denied"
    organisation.refresh_from_db()
    assert organisation.locked

    client.force_login(superuser)  # the lock holder still edits
    response = _edit(client, organisation, publish=True, name="Träger Gesperrt")
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Träger Gesperrt"


def test_wagtail_editors_may_publish_organisations(client, wagtail_editor):
    organisation = f.OrganisationFactory(name="Redaktionsträger", publish=True)
    client.force_login(wagtail_editor)
    response = _edit(client, organisation, publish=True, name="Redaktionsträger neu")
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Redaktionsträger neu"


def test_translation_stamp_comes_with_the_publish_not_the_draft(client, superuser, provider):
    organisation, _offer = provider
    m.Organisation.objects.filter(pk=organisation.pk).update(content_changed_at=EARLIER)
    client.force_login(superuser)

    assert _edit(client, organisation, description="Neu beschrieben.").status_code == 302
    organisation.refresh_from_db()
    assert organisation.content_changed_at == EARLIER

    assert _edit(client, organisation, publish=True).status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Neu beschrieben."
    assert organisation.content_changed_at > EARLIER


def test_minor_edit_ticked_in_the_draft_holds_when_published(client, superuser, provider):
    organisation, _offer = provider
    m.Organisation.objects.filter(pk=organisation.pk).update(content_changed_at=EARLIER)
    client.force_login(superuser)
    response = _edit(client, organisation, description="Tippfehler behoben", minor_edit="on")
    assert response.status_code == 302
    organisation.refresh_from_db()
    organisation.latest_revision.publish()  # e.g. published later from the listing
    organisation.refresh_from_db()
    assert organisation.description == "Tippfehler behoben"
    assert organisation.content_changed_at == EARLIER
    assert organisation.minor_edit is False


def test_publishing_an_older_revision_never_moves_the_stamp_back(provider):
    organisation, _offer = provider
    organisation.content_changed_at = EARLIER.replace(day=1)
    older = organisation.save_revision()  # same text, an older stamp in the revision
    m.Organisation.objects.filter(pk=organisation.pk).update(content_changed_at=EARLIER)
    Revision.objects.get(pk=older.pk).publish()  # as Wagtail loads it: the object from the row
    organisation.refresh_from_db()
    assert organisation.content_changed_at == EARLIER


def test_a_new_organisation_saved_as_draft_is_not_live(client, superuser):
    client.force_login(superuser)
    add_url = _url(m.Organisation, "add")
    data = _form_data(client, add_url) | {"name": "Entwurfsträger e. V.", "kind": "provider"}
    assert client.post(add_url, data).status_code == 302
    organisation = m.Organisation.objects.get(name="Entwurfsträger e. V.")
    assert not organisation.live
    assert organisation.latest_revision is not None
    assert organisation.live_revision is None
    listing = client.get(_url(m.Organisation, "list"), {"live": "false"})
    assert listing.status_code == 200
    assert "Entwurfsträger e. V." in listing.content.decode()


def test_a_never_published_organisation_is_not_shown_publicly(client):
    draft = f.OrganisationFactory(name="Unveröffentlichter Träger", publish=False)
    assert not draft.live
    offer = f.OfferPageFactory(parent=german(m.OfferIndexPage).get(), provider=draft, publish=True)
    measure = f.MeasurePageFactory(
        parent=german(m.ActionFieldPage).get(number=1),
        responsible_organisation=draft,
        publish=True,
    )
    measure.partner_organisations.set([draft])
    measure.save_revision().publish()
    for page in (offer, measure):
        assert "Unveröffentlichter Träger" not in _public(client, page)


def test_snippet_translation_is_published_as_a_revision(
    client, provider, django_capture_on_commit_callbacks
):
    organisation, offer = provider
    with django_capture_on_commit_callbacks(execute=True):
        translate_all_strings(organisation, "uk", "[uk]")
    translated = m.Organisation.objects.get(
        translation_key=organisation.translation_key, locale__language_code="uk"
    )
    assert translated.name == "[uk] Träger Alt"
    assert translated.live
    assert translated.live_revision_id is not None
    assert translated.live_revision_id == translated.latest_revision_id
    ukrainian_offer = offer.get_translations().get(locale__language_code="uk")
    assert "[uk] Träger Alt" in _public(client, ukrainian_offer)


def test_demo_snippets_are_live_with_a_first_revision():
    organisations = list(german(m.Organisation))
    assert organisations
    assert all(o.live and o.live_revision_id for o in organisations)
    assert all(o.live_revision.as_object().name == o.name for o in organisations)
    for model in VOCABULARIES:
        rows = list(german(model))
        assert rows, f"the demo has no {model.__name__}"
        assert all(row.latest_revision_id for row in rows), model.__name__


def test_migration_gives_existing_snippets_a_first_revision():
    migration = importlib.import_module("site_pages.migrations.0005_snippet_history")
    organisation = f.OrganisationFactory(name="Altbestand e. V.", contact_phone="03691 444")
    district = f.DistrictFactory(name="Altstadtviertel")
    assert organisation.latest_revision is None and district.latest_revision is None

    migration.create_first_revisions(apps, None)

    organisation.refresh_from_db()
    district.refresh_from_db()
    assert organisation.live
    assert organisation.live_revision_id == organisation.latest_revision_id
    restored = organisation.live_revision.as_object()
    assert (restored.name, restored.contact_phone) == ("Altbestand e. V.", "03691 444")
    assert district.latest_revision.as_object().name == "Altstadtviertel"
    assert Revision.objects.for_instance(district).count() == 1


def test_wagtail_groups_may_publish_and_lock_organisations():
    def codenames(group_name: str) -> set[str]:
        group = Group.objects.get(name=group_name)
        return set(group.permissions.values_list("codename", flat=True))

    extra = {"publish_organisation", "lock_organisation", "unlock_organisation"}
    assert codenames("Editors") & extra == {"publish_organisation", "lock_organisation"}
    assert codenames("Moderators") & extra == extra
