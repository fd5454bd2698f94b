"""The editorial roles, Plone-style: groups with permissions on their part of the tree.

A role is a Wagtail group. Its model permissions (snippets, images, admin access) are set
when the database is migrated; its page permissions are *local*: granted on the subtree the
role is responsible for (an action field, the offer index, a language's tree) whenever such
a page exists or is created (`sync_local_roles`). Group names are German database values,
stable across languages; the admin shows each role's translated label and description.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

INTEGRATION_MANAGEMENT = "Integrationsmanagement"
OFFER_EDITORS = "Angebots-Redaktion"
FUNDING_EDITORS = "Fördermittel-Redaktion"
REVIEWERS = "Prüfung"
ACTION_FIELD_EDITORS = "Handlungsfeld-Redaktion"
TRANSLATORS = "Übersetzung"

# Page permissions (Wagtail's page actions, as `wagtailcore.<action>_page`).
EDIT_PAGES = ["add", "change", "lock"]
MANAGE_PAGES = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
# Snippets each editing role maintains (site_pages models), with the actions it may take.
SNIPPET_ACTIONS = ["add", "change", "view"]
OFFER_SNIPPETS = ["organisation", "offertype", "targetgroup", "district"]
FUNDING_SNIPPETS = ["organisation", "fundingarea"]
# Organisations have drafts and locks (no workflow): their editors publish and lock them.
ORGANISATION_ACTIONS = ["publish_organisation", "lock_organisation"]
# Media every editing role may upload and choose (granted on the root collection).
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def action_field_group_name(number: int) -> str:
    """The German name of the editors' group of action field `number`."""
    return f"{ACTION_FIELD_EDITORS} {number}"


def translator_group_name(language_code: str) -> str:
    """The German name of the translators' group for `language_code`."""
    return f"{TRANSLATORS} {language_code}"


def translation_languages() -> list[str]:
    """The language codes content is translated into (all but the source language)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@dataclass(frozen=True)
class Role:
    """How the admin presents a role's group: a translated label and what members may do."""

    label: str
    description: str


def _language_name(code: str) -> str:
    """The language's name in the active language, e.g. "Arabisch" in German."""
    from django.utils.translation import get_language_info, gettext

    return gettext(get_language_info(code)["name"])


FIXED_ROLES = {
    INTEGRATION_MANAGEMENT: Role(
        _("Integration management"),
        _(
            "Everything: all pages, snippets, workflows and reports; receives escalations "
            "and approves measures of fields without a coordinator."
        ),
    ),
    OFFER_EDITORS: Role(
        _("Offer editors"),
        _(
            "Edit and submit offers, and maintain organisations, offer types, target groups "
            "and districts. Publishing goes through the review."
        ),
    ),
    FUNDING_EDITORS: Role(
        _("Funding editors"),
        _(
            "Edit and submit funding sources, and maintain funders and funding areas. "
            "Publishing goes through the review."
        ),
    ),
    REVIEWERS: Role(
        pgettext_lazy("editorial role", "Review"),
        _("Approve or reject offers and funding sources in the workflow; no editing."),
    ),
}


def describe_group(name: str) -> Role | None:
    """The role a group named `name` stands for, with its texts translated; None if none."""
    if name in FIXED_ROLES:
        return FIXED_ROLES[name]
    prefix, _space, rest = name.rpartition(" ")
    if prefix == ACTION_FIELD_EDITORS and rest.isdigit():
        return Role(
            _lazy_format(_("Action field editors %(number)s"), number=rest),
            _lazy_format(
                _(
                    "Edit and submit the pages of action field %(number)s and its measures; "
                    "publishing goes through the field's coordinator."
                ),
                number=rest,
            ),
        )
    if prefix == TRANSLATORS and rest in translation_languages():
        return Role(
            _lazy_format(_("Translation: %(language)s"), language_code=rest),
            _lazy_format(
                _(
                    "Translate pages with the translation editor (target language: "
                    "%(language)s); no changes to the German source."
                ),
                language_code=rest,
            ),
        )
    return None


def _format(template: str, number: str = "", language_code: str = "") -> str:
    """`template` in the active language with the number or language name filled in."""
    language = _language_name(language_code) if language_code else ""
    return str(template) % {"number": number, "language": language}


_lazy_format = lazy(_format, str)


# --- groups and model permissions (also run by the migration, with historical models) ------
def _permissions(apps, app_label: str, codenames: list[str]) -> list:
    """The Permission rows for `codenames` of `app_label` (missing ones are left out)."""
    Permission = apps.get_model("auth", "Permission")
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def ensure_groups(apps=global_apps) -> None:
    """Create the role groups that do not exist, with their model permissions; idempotent.

    Only permissions are added, never removed, so what a site manager granted in addition
    is kept.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = _permissions(apps, "wagtailadmin", ["access_admin"])

    def group(name: str, permissions: list) -> None:
        role_group, _created = Group.objects.get_or_create(name=name)
        role_group.permissions.add(*access_admin, *permissions)

    def snippets(models: list[str]) -> list:
        codenames = [f"{action}_{model}" for model in models for action in SNIPPET_ACTIONS]
        if "organisation" in models:
            codenames += ORGANISATION_ACTIONS
        return _permissions(apps, "site_pages", codenames)

    group(INTEGRATION_MANAGEMENT, list(Permission.objects.all()))
    group(OFFER_EDITORS, snippets(OFFER_SNIPPETS))
    group(FUNDING_EDITORS, snippets(FUNDING_SNIPPETS))
    group(REVIEWERS, [])
    for code in translation_languages():
        group(translator_group_name(code), [])


# --- local roles: page permissions on subtrees ----------------------------------------------
def _grant_pages(group, page, actions: list[str]) -> None:
    """Give `group` the page `actions` on `page` and everything below it."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=[f"{a}_page" for a in actions]
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_media(group) -> None:
    """Let `group` upload and choose images and documents in every collection."""
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for app_label, codename in MEDIA_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def ensure_action_field_editors(action_field) -> object:
    """The editors' group of a German action field, created with its page permissions."""
    from django.contrib.auth.models import Group

    from editorial.models import ActionFieldEditors

    link = ActionFieldEditors.objects.select_related("group").filter(action_field=action_field)
    link = link.first()
    expected_name = action_field_group_name(action_field.number)
    if link is None:
        group, _created = Group.objects.get_or_create(name=expected_name)
        ActionFieldEditors.objects.get_or_create(action_field=action_field, group=group)
        group.permissions.add(*_permissions(global_apps, "wagtailadmin", ["access_admin"]))
    else:
        group = link.group
        renumbered = group.name != expected_name and describe_group(group.name) is not None
        if renumbered and not Group.objects.filter(name=expected_name).exists():
            group.name = expected_name  # follow a renumbered field, unless renamed by hand
            group.save(update_fields=["name"])
    _grant_pages(group, action_field, EDIT_PAGES)
    _grant_media(group)
    return group


def sync_local_roles(page=None) -> None:
    """Grant every role its page permissions on the subtrees that exist; idempotent.

    With `page`, only what that page is responsible for (a newly created action field,
    index or language root); without, the whole site (after `migrate`).
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from site_pages.models import ActionFieldPage, FundingIndexPage, HomePage, OfferIndexPage

    def groups(*names: str) -> dict:
        return {g.name: g for g in Group.objects.filter(name__in=names)}

    source = settings.LANGUAGE_CODE
    candidates = [page.specific] if page is not None else None
    roots = groups(INTEGRATION_MANAGEMENT, OFFER_EDITORS, FUNDING_EDITORS)

    def pages_of(model):
        if candidates is not None:
            return [p for p in candidates if isinstance(p, model)]
        return list(model.objects.all())

    with transaction.atomic():
        if page is None and INTEGRATION_MANAGEMENT in roots:
            root = Page.get_first_root_node()
            if root is not None:
                _grant_pages(roots[INTEGRATION_MANAGEMENT], root, MANAGE_PAGES)
                _grant_media(roots[INTEGRATION_MANAGEMENT])
        for model, name in ((OfferIndexPage, OFFER_EDITORS), (FundingIndexPage, FUNDING_EDITORS)):
            for index in pages_of(model):
                if index.locale.language_code == source and name in roots:
                    _grant_pages(roots[name], index, EDIT_PAGES)
                    _grant_media(roots[name])
        for action_field in pages_of(ActionFieldPage):
            if action_field.locale.language_code == source and action_field.number:
                ensure_action_field_editors(action_field)
        translators = groups(*(translator_group_name(c) for c in translation_languages()))
        for home in pages_of(HomePage):
            group = translators.get(translator_group_name(home.locale.language_code))
            if group is not None:
                _grant_pages(group, home, EDIT_PAGES)
