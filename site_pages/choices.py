"""Fixed vocabularies of the concept: statuses, levels, types. Labels go through gettext."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeasureStatus(models.TextChoices):
    """Where a measure stands in its implementation."""

    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    IMPLEMENTED = "implemented", _("implemented")
    ONGOING = "ongoing", _("ongoing")
    DELAYED = "delayed", _("delayed")
    DISCONTINUED = "discontinued", _("discontinued")


# Measures in these states are finished: no longer reviewed, not counted as active.
FINISHED_MEASURE_STATUSES = frozenset({MeasureStatus.IMPLEMENTED, MeasureStatus.DISCONTINUED})


class Priority(models.TextChoices):
    """How urgent the concept considers a measure."""

    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class OrganisationKind(models.TextChoices):
    """The role an organisation plays in the concept's network."""

    AUTHORITY = "authority", _("public authority")
    PROVIDER = "provider", _("provider of offers")
    FUNDER = "funder", _("funder")
    PARTNER = "partner", _("network partner")
    ADVISORY_COUNCIL = "advisory_council", _("advisory council")


class Cost(models.TextChoices):
    """Whether taking up an offer costs money."""

    FREE = "free", _("free of charge")
    FEE = "fee", _("fee")


class FunderLevel(models.TextChoices):
    """The political level a funding source comes from."""

    EU = "eu", _("European Union")
    FEDERAL = "federal", _("federal")
    STATE = "state", _("state")
    MUNICIPAL = "municipal", _("municipal")
    FOUNDATION = "foundation", _("foundation")


class FundingType(models.TextChoices):
    """What kind of support a funding source gives."""

    GRANT = "grant", _("grant")
    LOAN = "loan", _("loan")
    PRIZE = "prize", _("prize")
    IN_KIND = "in_kind", _("in kind")


class FundingRegion(models.TextChoices):
    """Where applicants must be based to be eligible."""

    LOCAL = "local", _("Eisenach")
    DISTRICT = "district", _("Wartburgkreis region")
    STATE = "state", _("Thuringia")
    NATIONAL = "national", _("Germany")
    EU = "eu", _("European Union")


class ApplicantType(models.TextChoices):
    """Who may apply for a funding source."""

    ASSOCIATIONS = "associations", _("registered associations")
    INITIATIVES = "initiatives", _("citizens' initiatives")
    MIGRANT_ORGANISATIONS = "migrant_organisations", _("migrant organisations")
    MUNICIPALITIES = "municipalities", _("municipalities")
    SCHOOLS = "schools", _("schools and day-care centres")
    COMPANIES = "companies", _("companies")
    INDIVIDUALS = "individuals", _("individuals")
    RELIGIOUS_COMMUNITIES = "religious_communities", _("religious communities")


class Weekday(models.IntegerChoices):
    """Days of the week as ISO numbers minus one (Monday = 0), like `date.weekday()`."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class FundingStatus(models.TextChoices):
    """Whether one can apply for a funding source today; derived from its dates, never typed."""

    OPEN = "open", _("open now")
    UPCOMING = "upcoming", _("opens soon")
    CLOSED = "closed", _("closed")


# ISO 639-1 codes of languages offers are commonly given in, in Eisenach and elsewhere.
# Names are gettext-marked so the public sees them in its own language.
OFFER_LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian (Farsi/Dari)")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("bg", _("Bulgarian")),
    ("hr", _("Croatian")),
    ("sr", _("Serbian")),
    ("sq", _("Albanian")),
    ("el", _("Greek")),
    ("hu", _("Hungarian")),
    ("cs", _("Czech")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("vi", _("Vietnamese")),
    ("zh", _("Chinese")),
    ("hi", _("Hindi")),
    ("ur", _("Urdu")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("am", _("Amharic")),
]
