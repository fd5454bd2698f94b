"""Workflow and task names: stored in German, shown in the reader's language everywhere.

Wagtail keeps `Workflow.name` and `Task.name` as plain database values and prints them as they
are, in its templates (`{{ workflow.name }}`), its `%`-formatted labels ("Submit to %s") and
its lock messages. teilhabe's own names are known German values, so each loaded workflow and
task gets its name as a `TranslatedName`: a `str` that compares, hashes, serialises and saves
as the stored German value, but prints (`str()`, `%s`, `{}` and templates) as the translation
in the active language. A name an editor typed is shown as it is.

An admin form shows the translated name too; saving it unchanged must not store the Arabic
name, so `restore_stored_name` maps any language's translation back to the German value.
"""

from django.db.models.signals import post_init, pre_save
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy

MEASURES_WORKFLOW = "Maßnahmen: Freigabe durch die Koordination"
COORDINATOR_TASK = "Freigabe durch die Koordination des Handlungsfelds"
OFFERS_WORKFLOW = "Angebote und Fördermittel: Prüfung"
REVIEW_TASK = "Prüfung"
DEFAULT_WORKFLOW = "Freigabe durch die Moderation"  # Wagtail's, renamed by site_pages 0004

# Stored German name → its translation (msgid in English).
TRANSLATED_NAMES: dict[str, Promise] = {
    MEASURES_WORKFLOW: _("Measures: approval by the coordinator"),
    COORDINATOR_TASK: _("Approval by the action field's coordinator"),
    OFFERS_WORKFLOW: _("Offers and funding: review"),
    REVIEW_TASK: pgettext_lazy("editorial role", "Review"),  # the group's name, as editorial has it
    DEFAULT_WORKFLOW: _("Approval by the moderators"),
}


def display_name(name: str) -> str:
    """A workflow's or task's stored (German) name in the active language, if it is ours."""
    translated = TRANSLATED_NAMES.get(str.__str__(name))
    return str(translated) if translated is not None else str.__str__(name)


class TranslatedName(str):
    """A stored German name that prints in the active language; equal to the stored value."""

    __slots__ = ()

    def __str__(self) -> str:
        """The translation in the active language (a plain `str`)."""
        return display_name(self)

    def __format__(self, format_spec: str) -> str:
        """`f"{name}"` and `"{}".format(name)` print the translation too."""
        return format(str(self), format_spec)

    def __html__(self) -> SafeString:
        """Templates print the escaped translation."""
        return escape(str(self))

    def __reduce__(self):
        """Pickled (e.g. into a cache) as the plain stored value."""
        return (str, (str.__str__(self),))


def stored_name(name: str) -> str:
    """The German value a name shown in any site language stands for (else the name itself)."""
    from django.conf import settings

    plain = str.__str__(name)
    if plain in TRANSLATED_NAMES:
        return plain
    for stored, translated in TRANSLATED_NAMES.items():
        for language, _label in settings.LANGUAGES:
            with override(language):
                if str(translated) == plain:
                    return stored
    return plain


def translate_loaded_name(sender, instance, **kwargs) -> None:
    """`post_init`: give a loaded workflow or task its name as a `TranslatedName`."""
    name = instance.__dict__.get("name")
    if isinstance(name, str) and not isinstance(name, TranslatedName) and name in TRANSLATED_NAMES:
        instance.__dict__["name"] = TranslatedName(name)


def restore_stored_name(sender, instance, **kwargs) -> None:
    """`pre_save`: store a translated name (e.g. from an admin form) as its German value."""
    name = instance.__dict__.get("name")
    if isinstance(name, str):
        stored = stored_name(name)
        instance.__dict__["name"] = TranslatedName(stored) if stored in TRANSLATED_NAMES else stored


def connect_translated_names() -> None:
    """Connect both handlers to `Workflow` and to every task model (Wagtail's and ours)."""
    from django.apps import apps
    from wagtail.models import Task, Workflow

    models = [Workflow] + [model for model in apps.get_models() if issubclass(model, Task)]
    for model in models:
        post_init.connect(translate_loaded_name, sender=model, dispatch_uid=f"names-{model}")
        pre_save.connect(restore_stored_name, sender=model, dispatch_uid=f"names-{model}")
