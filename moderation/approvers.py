"""Who approves a page in the coordinator's task: its action field's coordinator, else the group.

A measure's field is its parent, an action field is its own field, and a translation (or a
page in another locale's tree) is judged by its German source. Without an active
coordinator, the members of the fallback group (settings.REVIEW_FALLBACK_GROUP,
*Integrationsmanagement*) approve. Everything here works on many pages at once in a few
queries, because the dashboard asks for all pages awaiting review.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page

from site_pages.models import ActionFieldPage
from translations.fallback import default_locale_id as default_locale


def fallback_approver_ids() -> set[int]:
    """Ids of the active members of the fallback group (Integrationsmanagement)."""
    return set(
        get_user_model()
        .objects.filter(groups__name=settings.REVIEW_FALLBACK_GROUP, is_active=True)
        .values_list("pk", flat=True)
    )


def german_sources(pages: Iterable[Page]) -> dict[int, Page]:
    """Page id → the page whose tree position decides: its German source, else the page itself."""
    pages = list(pages)
    default_locale_id = default_locale()
    keys = {page.translation_key for page in pages if page.locale_id != default_locale_id}
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale_id=default_locale_id)
    }
    return {
        page.pk: page
        if page.locale_id == default_locale_id
        else sources.get(page.translation_key, page)
        for page in pages
    }


def action_fields_for(pages: Iterable[Page]) -> dict[int, ActionFieldPage | None]:
    """Page id → the action field it belongs to (itself, an ancestor), judged by its source."""
    sources = german_sources(pages)
    steplen = Page.steplen
    prefixes = {
        source.path[:length]
        for source in sources.values()
        for length in range(steplen, len(source.path) + 1, steplen)
    }
    fields = {
        field.path: field
        for field in ActionFieldPage.objects.filter(path__in=prefixes).select_related("coordinator")
    }

    def field_of(source: Page) -> ActionFieldPage | None:
        """The deepest action field on `source`'s path."""
        for length in range(len(source.path), 0, -steplen):
            if source.path[:length] in fields:
                return fields[source.path[:length]]
        return None

    return {pk: field_of(source) for pk, source in sources.items()}


def approver_ids_for(pages: Iterable[Page]) -> dict[int, set[int]]:
    """Page id → ids of the users who approve it: the coordinator, else the fallback group."""
    fields = action_fields_for(pages)
    fallback: set[int] | None = None
    result = {}
    for pk, field in fields.items():
        coordinator = field.coordinator if field is not None else None
        if coordinator is not None and coordinator.is_active:
            result[pk] = {coordinator.pk}
        else:
            if fallback is None:
                fallback = fallback_approver_ids()
            result[pk] = fallback
    return result


def _approver_ids(page: Page) -> set[int]:
    """`approver_ids_for` one page, remembered on the page object.

    Wagtail asks the task several times per request about the same page (editor access,
    lock, actions); each request loads its own page object, so the answer stays fresh.
    """
    ids = page.__dict__.get("_approver_ids")
    if ids is None:
        ids = page.__dict__["_approver_ids"] = approver_ids_for([page])[page.pk]
    return ids


def approvers_of(page: Page) -> list:
    """The users who approve `page` (coordinator or fallback group), ordered by id."""
    return list(get_user_model().objects.filter(pk__in=_approver_ids(page)).order_by("pk"))


def is_approver(page: Page, user) -> bool:
    """Whether `user` approves `page` (superusers always may)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.pk in _approver_ids(page)
