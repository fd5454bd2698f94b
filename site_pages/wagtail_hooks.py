"""Admin registration: the concept's snippets, grouped under one menu item.

Wagtail adds the history, compare and revert views to every snippet (they keep revisions),
and drafts, publishing, scheduling, unpublishing and locking to organisations (see
`site_pages.models.snippets`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from site_pages.models import District, FundingArea, OfferType, Organisation, TargetGroup


class OrganisationViewSet(SnippetViewSet):
    """Providers, funders, authorities and partners, filterable by kind and by live or draft."""

    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "website"]  # Wagtail adds the live/draft status column
    list_filter = ["kind", "locale", "live"]
    search_fields = ["name", "description"]


class VocabularyViewSet(SnippetViewSet):
    """Shared settings for the small named vocabularies."""

    list_display = ["name", "description"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class DistrictViewSet(VocabularyViewSet):
    """Districts (Sozialräume)."""

    model = District
    icon = "site"


class TargetGroupViewSet(VocabularyViewSet):
    """Target groups (Zielgruppen)."""

    model = TargetGroup
    icon = "user"


class OfferTypeViewSet(VocabularyViewSet):
    """Types of offers."""

    model = OfferType
    icon = "tag"


class FundingAreaViewSet(VocabularyViewSet):
    """Funding areas (Förderbereiche)."""

    model = FundingArea
    icon = "tag"


class ConceptSnippetsGroup(SnippetViewSetGroup):
    """One admin menu item for everything the concept's pages refer to."""

    items = (
        OrganisationViewSet,
        DistrictViewSet,
        TargetGroupViewSet,
        OfferTypeViewSet,
        FundingAreaViewSet,
    )
    menu_icon = "folder-open-inverse"
    menu_label = _("Concept data")
    menu_name = "concept-data"


register_snippet(ConceptSnippetsGroup)
