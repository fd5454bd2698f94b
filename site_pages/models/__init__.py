"""The content model, one module per concept of the integration concept."""

from site_pages.models.action_fields import ActionFieldIndexPage, ActionFieldPage
from site_pages.models.facts import Fact, FactsPage
from site_pages.models.funding import FundingDeadline, FundingIndexPage, FundingSourcePage
from site_pages.models.home import HomePage, StandardPage
from site_pages.models.legal import AccessibilityStatementPage
from site_pages.models.measures import MeasureIndicator, MeasurePage
from site_pages.models.offers import OfferIndexPage, OfferPage, OpeningHours
from site_pages.models.progress import MeasureProgressEntry, ProgressKind
from site_pages.models.site_settings import SiteSettings
from site_pages.models.snippets import District, FundingArea, OfferType, Organisation, TargetGroup
from site_pages.models.synonyms import SynonymSet

__all__ = [
    "AccessibilityStatementPage",
    "ActionFieldIndexPage",
    "ActionFieldPage",
    "District",
    "Fact",
    "FactsPage",
    "FundingArea",
    "FundingDeadline",
    "FundingIndexPage",
    "FundingSourcePage",
    "HomePage",
    "MeasureIndicator",
    "MeasurePage",
    "MeasureProgressEntry",
    "OfferIndexPage",
    "OfferPage",
    "OfferType",
    "OpeningHours",
    "Organisation",
    "ProgressKind",
    "SiteSettings",
    "StandardPage",
    "SynonymSet",
    "TargetGroup",
]
