"""factory_boy factories for the content model, for tests and benchmarks.

Page factories need a `parent` (the demo's tree or one built with these factories). A page is
created live but without a revision, as `add_child` leaves it; pass ``publish=True`` to
publish it the way an editor does (a revision, first publication date, page_published), or
``live=False, publish=False`` for a draft that was never published.
"""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import DraftStateMixin, Locale

from site_pages import models as m
from site_pages.choices import FunderLevel


class UserFactory(factory.django.DjangoModelFactory):
    """A Wagtail user with a name and an email address."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    email = factory.LazyAttribute(lambda u: f"{u.username}@eisenach.example")
    password = factory.django.Password("secret-password")


class TranslatableSnippetFactory(factory.django.DjangoModelFactory):
    """Base for snippets: German locale by default.

    Created live without a revision; ``publish=True`` saves a first revision (published, for
    organisations), ``publish=False`` makes a never-published draft organisation.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    locale = factory.LazyFunction(lambda: Locale.get_default())
    name = factory.Sequence(lambda n: f"Eintrag {n}")

    @factory.post_generation
    def publish(snippet, create: bool, extracted: bool | None, **kwargs) -> None:
        """Publish a first revision (True) or keep a draft (False); None leaves it be."""
        if not create or extracted is None:
            return
        has_draft_state = isinstance(snippet, DraftStateMixin)
        if not extracted and has_draft_state:
            snippet.live = False
            snippet.save(update_fields=["live"])
        revision = snippet.save_revision()
        if extracted and has_draft_state:
            revision.publish()


class OrganisationFactory(TranslatableSnippetFactory):
    """An organisation (provider by default)."""

    class Meta:
        model = m.Organisation

    name = factory.Sequence(lambda n: f"Träger {n}")
    kind = "provider"


class DistrictFactory(TranslatableSnippetFactory):
    """A district (Sozialraum)."""

    class Meta:
        model = m.District

    name = factory.Sequence(lambda n: f"Stadtteil {n}")


class TargetGroupFactory(TranslatableSnippetFactory):
    """A target group."""

    class Meta:
        model = m.TargetGroup


class OfferTypeFactory(TranslatableSnippetFactory):
    """An offer type."""

    class Meta:
        model = m.OfferType


class FundingAreaFactory(TranslatableSnippetFactory):
    """A funding area."""

    class Meta:
        model = m.FundingArea


class PageFactory(wagtail_factories.PageFactory):
    """Base of the page factories: ``publish=True`` publishes, ``publish=False`` drafts."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create: bool, extracted: bool | None, **kwargs) -> None:
        """Publish a revision (True) or save one as a draft (False); None leaves the page be."""
        if not create or extracted is None:
            return
        revision = page.save_revision()
        if extracted:
            revision.publish()


class HomePageFactory(PageFactory):
    """A home page (give `parent`, usually the root page)."""

    class Meta:
        model = m.HomePage

    title = "Startseite"


class StandardPageFactory(PageFactory):
    """A free-content page."""

    class Meta:
        model = m.StandardPage

    title = factory.Sequence(lambda n: f"Seite {n}")


class AccessibilityStatementPageFactory(PageFactory):
    """An accessibility statement with its feedback form."""

    class Meta:
        model = m.AccessibilityStatementPage

    title = factory.Sequence(lambda n: f"Erklärung zur Barrierefreiheit {n}")


class ActionFieldIndexPageFactory(PageFactory):
    """The action field index."""

    class Meta:
        model = m.ActionFieldIndexPage

    title = "Handlungsfelder"


class ActionFieldPageFactory(PageFactory):
    """An action field with a number from 1 to 9."""

    class Meta:
        model = m.ActionFieldPage

    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    number = factory.Sequence(lambda n: n % 9 + 1)
    summary = "Worum es in diesem Handlungsfeld geht."


def _measure_code(measure, n: int) -> str:
    """The parent action field's number, a dot and a running number from 50 to 99.

    The demo's measures count from 1, so factory-made codes never clash with theirs.
    """
    number = getattr(getattr(measure, "parent", None), "number", None) or 1
    return f"{number}.{n % 50 + 50}"


class MeasurePageFactory(PageFactory):
    """A measure; its code follows the parent action field's number.

    Its first review falls due one review interval from today, as for a measure an editor
    creates (see `MeasurePage.save`).
    """

    class Meta:
        model = m.MeasurePage

    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    code = factory.LazyAttributeSequence(_measure_code)
    summary = "Kurzbeschreibung der Maßnahme."
    specific_goal = "Ein konkretes, messbares Ziel."


class OfferIndexPageFactory(PageFactory):
    """The offer catalogue."""

    class Meta:
        model = m.OfferIndexPage

    title = "Angebote"


class OfferPageFactory(PageFactory):
    """An offer, free of charge by default."""

    class Meta:
        model = m.OfferPage

    title = factory.Sequence(lambda n: f"Angebot {n}")
    summary = "Beratung für Neuzugewanderte."
    languages = factory.LazyFunction(lambda: ["de", "ar"])


class FundingIndexPageFactory(PageFactory):
    """The funding overview."""

    class Meta:
        model = m.FundingIndexPage

    title = "Fördermittel"


class FundingSourcePageFactory(PageFactory):
    """A funding source (a state grant by default)."""

    class Meta:
        model = m.FundingSourcePage

    title = factory.Sequence(lambda n: f"Förderprogramm {n}")
    funder_level = FunderLevel.STATE
    summary = "Zuschüsse für Integrationsprojekte."


class FactsPageFactory(PageFactory):
    """The data-and-facts page."""

    class Meta:
        model = m.FactsPage

    title = "Daten und Fakten"


class SynonymSetFactory(factory.django.DjangoModelFactory):
    """A set of words public search treats as the same, German by default."""

    class Meta:
        model = "site_pages.SynonymSet"

    locale = factory.LazyFunction(lambda: Locale.get_default())
    terms = "Kita, Kindergarten, Kindertagesstätte"
