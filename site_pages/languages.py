"""Languages at run time: locale rows, related objects in the reader's locale, the switcher."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Model
from django.utils.translation import get_language_info
from wagtail.models import DraftStateMixin, Locale, Page


def ensure_locales(**kwargs) -> None:
    """Create a Wagtail locale for every configured language (runs after `migrate`)."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def localize_all(objects: Iterable[Model], locale: Locale) -> list[Model]:
    """Replace each translatable object by its translation in `locale`, keeping order.

    Objects without a translation stay as they are (the German source). Snippets with a draft
    state (organisations) are shown only while live, and only in a live translation. One
    query per model, however many objects: related offers, districts and target groups of a
    translated page are shown in the reader's language without an N+1.
    """
    objects = [obj for obj in objects if _public_snippet(obj)]
    if not objects:
        return []
    by_model: dict[type, set] = {}
    for obj in objects:
        by_model.setdefault(type(obj), set()).add(obj.translation_key)
    translated: dict[tuple[type, object], Model] = {}
    for model, keys in by_model.items():
        queryset = model.objects.filter(translation_key__in=keys, locale=locale)
        if issubclass(model, Page):
            queryset = queryset.live().public().specific()
        elif issubclass(model, DraftStateMixin):
            queryset = queryset.filter(live=True)
        for obj in queryset:
            translated[(model, obj.translation_key)] = obj
    return [translated.get((type(obj), obj.translation_key), obj) for obj in objects]


def _public_snippet(obj: Model) -> bool:
    """Whether `obj` may be shown: anything but a snippet with a draft state that is not live."""
    return isinstance(obj, Page) or not isinstance(obj, DraftStateMixin) or obj.live


def language_links(page: Page, request=None) -> list[dict]:
    """One entry per configured language for the switcher and the hreflang links.

    Each entry points at `page` in that language: its translation or, where there is none,
    its German fallback (an alias, see `translations.fallback`) under that language's
    prefix. Only where neither exists yet (a language added but not synchronised) does it
    lead to that language's home page (`goes_home`), so the switcher never leads to a 404.
    `has_translation` says whether the text exists in that language (for hreflang).
    """
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    versions = {
        p.locale_id: p
        for p in Page.objects.filter(translation_key=page.translation_key).live().public()
    }
    site = page.get_site()
    site_root = site.root_page if site else None
    homes = {}
    if site_root is not None:
        homes = {
            p.locale_id: p
            for p in Page.objects.filter(translation_key=site_root.translation_key).live()
        }
    links = []
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        if locale is None:
            continue
        info = get_language_info(code)
        target = versions.get(locale.pk)
        goes_home = target is None
        if goes_home:
            target = homes.get(locale.pk)
        url = target.get_url(request) if target is not None else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": locale.pk == page.locale_id,
                "has_translation": not goes_home and target.alias_of_id is None,
                "goes_home": goes_home,
                "bidi": info["bidi"],
            }
        )
    return links
