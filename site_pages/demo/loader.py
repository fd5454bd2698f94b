"""Build the Eisenach demo from `site_pages.demo.data`, idempotently, beside editors' content.

The loader only ever touches what the demo owns. Every demo object carries a translation key
derived from its natural key in the data (slug under its parent, action field number, measure
code, snippet key), so it is recognised after editors renamed, re-titled or moved it; objects
of demos loaded before these keys existed are recognised by the natural key itself. Whatever
of the demo is missing is created (a deleted demo page comes back); nothing that exists is
changed, and editors' own pages and snippets are never looked at. A second run creates and
changes nothing.

Dates are counted from the load day (`DemoLoader(today=...)`, see `data.LoadDay`).
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page, Site

from site_pages import models as m
from site_pages.dates import add_months
from site_pages.demo import data
from site_pages.demo.translate import DemoObject, DemoTranslator
from site_pages.demo.users import ensure_user

# Namespace of the demo's translation keys: uuid5(DEMO_KEYS, "offer:sprachcafe") and so on.
DEMO_KEYS = uuid.UUID("6f1d3c52-8a4e-4c1b-9d2f-7e5a0b3c9d41")


def demo_key(kind: str, natural_key: object) -> uuid.UUID:
    """The translation key of the demo object of `kind` with `natural_key`, in every database."""
    return uuid.uuid5(DEMO_KEYS, f"{kind}:{natural_key}")


# Host names a developer's machine serves on: the demo may re-point a site still set to one.
LOCAL_HOSTNAMES = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]"})


def site_address(base_url: str) -> tuple[str, int]:
    """The Wagtail `Site` hostname and port that serve `base_url` (e.g. settings.BASE_URL)."""
    parts = urlsplit(base_url)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def _html(paragraphs: list[str]) -> str:
    """Turn plain paragraphs into rich-text HTML."""
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _bullets(items: list[str]) -> str:
    """Turn plain sentences into a rich-text bullet list."""
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _stream_paragraphs(paragraphs: list[str]) -> list[dict]:
    """Turn plain paragraphs into StreamField data of paragraph blocks."""
    return [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in paragraphs]


def _stream_sections(sections: list[tuple[str, list[str]]]) -> list[dict]:
    """Turn (heading, paragraphs) sections into StreamField data; "" means no heading."""
    blocks = []
    for heading, paragraphs in sections:
        if heading:
            blocks.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        blocks.extend(_stream_paragraphs(paragraphs))
    return blocks


def _decimal(value) -> Decimal | None:
    """A number from the data as Decimal (None stays None)."""
    return None if value is None else Decimal(str(value))


@dataclass
class LoadReport:
    """What one run of the loader created (and left untranslated), counted per kind."""

    created: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    users: list[dict] = field(default_factory=list)

    @property
    def total_created(self) -> int:
        """How many objects this run created in all."""
        return sum(self.created.values())


class DemoLoader:
    """Creates whatever of the demo is missing, in German (the source locale)."""

    def __init__(self, today: date | None = None):
        self.today = today or timezone.localdate()
        self.report = LoadReport()
        self.locale = None
        self.users: dict[str, object] = {}
        self.snippets: dict[str, dict[str, object]] = {}
        self.owned: list[DemoObject] = []

    def run(self) -> LoadReport:
        """Load everything that is missing and return what was created.

        The German content is built in one transaction. Translations come afterwards, one
        transaction each: wagtail-localize publishes a translation when its transaction
        commits, and a publish deferred behind later tree changes would restore stale tree
        counters (`numchild`) from the revision.
        """
        with transaction.atomic():
            self._load_sources()
        translator = DemoTranslator(self._count, self.owned)
        translator.run()
        self.report.skipped.update(translator.skipped)
        with transaction.atomic():
            self._load_synonyms()
        # Wagtail caches the per-locale root paths; new home translations must be seen.
        Site.clear_site_root_paths_cache()
        return self.report

    def _load_sources(self) -> None:
        """Create the missing German content: users, snippets and the page tree."""
        self.locale, created = Locale.objects.get_or_create(language_code="de")
        self._count("locale", created)
        self._load_users()
        self._load_snippets()
        home = self._home_page()
        self._point_site_at_base_url()
        self._load_introduction(home)
        fields = self._load_action_fields(home)
        self._make_coordinators_field_editors(fields)
        offers = self._load_offers(home, fields)
        funding = self._load_funding(home)
        self._load_facts(home)
        self._load_measures(fields, offers, funding)
        self._load_legal_pages(home)

    # --- helpers ------------------------------------------------------------------------
    def _count(self, kind: str, created: bool) -> None:
        """Record one created object of `kind`."""
        if created:
            self.report.created[kind] += 1

    def _date(self, value) -> date | None:
        """A date of the data as of the load day."""
        return data.on_load_day(value, self.today)

    def _own(self, kind: str, key: object, obj, created: bool):
        """Note `obj` as the demo's `kind` with natural `key` (for the translator); return it."""
        self.owned.append(DemoObject(kind=kind, key=str(key), obj=obj, created=created))
        return obj

    def _find(self, model: type[models.Model], kind: str, key: object, **natural):
        """The demo's German `model` object: by its demo translation key, else by `natural`."""
        german = model.objects.filter(locale=self.locale)
        found = german.filter(translation_key=demo_key(kind, key)).first()
        if found is None and natural:
            found = german.filter(**natural).order_by("pk").first()
        return found

    def _page(self, parent: Page, model: type[Page], kind: str, key: object, slug: str, build):
        """The demo page `kind`/`key` (found anywhere) or a new published child of `parent`.

        Pages of demos loaded before the demo keys are found by `slug` under `parent`. A new
        page takes the next free slug if an editor's page already uses the demo's.
        """
        existing = self._find(model, kind, key)
        if existing is None:
            existing = (
                model.objects.child_of(parent)
                .filter(slug=slug, locale=self.locale)
                .order_by("pk")
                .first()
            )
        if existing is not None:
            return self._own(kind, key, existing, created=False)
        page = build()
        page.translation_key = demo_key(kind, key)
        page.slug = find_available_slug(parent, slug)
        page.locale = self.locale
        parent.add_child(instance=page)
        page.save_revision().publish()
        self._count(type(page).__name__, True)
        return self._own(kind, key, page, created=True)

    # --- users and snippets ---------------------------------------------------------------
    def _load_users(self) -> None:
        """Create the demo logins (admin, editor, two owners, a reviewer, a translator)."""
        for spec in data.USERS:
            user, created = ensure_user(spec)
            self._count("user", created)
            self.users[spec["key"]] = user
            self.report.users.append(spec)

    def _load_snippets(self) -> None:
        """Create organisations, districts, target groups, offer types and funding areas."""
        plain = {
            "district": (m.District, data.DISTRICTS),
            "target_group": (m.TargetGroup, data.TARGET_GROUPS),
            "offer_type": (m.OfferType, data.OFFER_TYPES),
            "funding_area": (m.FundingArea, data.FUNDING_AREAS),
        }
        for kind, (model, rows) in plain.items():
            self.snippets[kind] = {}
            for row in rows:
                self.snippets[kind][row["key"]] = self._snippet(
                    model, kind, row, {"description": row.get("description", "")}
                )
        self.snippets["organisation"] = {}
        for row in data.ORGANISATIONS:
            self.snippets["organisation"][row["key"]] = self._snippet(
                m.Organisation,
                "organisation",
                row,
                {
                    "kind": row["kind"],
                    "website": row.get("website", ""),
                    "description": row.get("description", ""),
                    "demo_data_note": data.DEMO_NOTE,
                },
            )

    def _snippet(self, model: type[models.Model], kind: str, row: dict, fields: dict):
        """The demo snippet of `row` (by demo key, else by name), created if missing."""
        obj = self._find(model, kind, row["key"], name=row["name"])
        created = obj is None
        if created:
            obj = model.objects.create(
                name=row["name"],
                locale=self.locale,
                translation_key=demo_key(kind, row["key"]),
                **fields,
            )
            # A first revision in the history, published where the snippet has a draft state.
            revision = obj.save_revision(log_action="wagtail.create")
            if isinstance(obj, DraftStateMixin):
                revision.publish()
        self._count(kind, created)
        return self._own(kind, row["key"], obj, created)

    def _load_synonyms(self) -> None:
        """Create the missing synonym sets of public search, in each language that has them."""
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        for row in data.SYNONYM_SETS:
            key = demo_key("synonyms", row["key"])
            for language_code, terms in row.items():
                locale = locales.get(language_code)
                if locale is None or language_code == "key":
                    continue
                _set, created = m.SynonymSet.objects.get_or_create(
                    translation_key=key, locale=locale, defaults={"terms": terms}
                )
                self._count("synonym set", created)

    def _snippets(self, kind: str, keys: list[str]) -> list:
        """Look up demo snippets of `kind` by their data keys."""
        return [self.snippets[kind][key] for key in keys]

    # --- pages ----------------------------------------------------------------------------
    def _home_page(self) -> m.HomePage:
        """The German home page, made the default site's root (replacing Wagtail's welcome)."""
        site = Site.objects.filter(is_default_site=True).first()
        home = self._find(m.HomePage, "page", "home")
        if home is None and site is not None and isinstance(site.root_page.specific, m.HomePage):
            home = site.root_page.specific  # a demo loaded before the demo keys
        if home is not None:
            return self._own("page", "home", home, created=False)
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page", numchild=0
        )
        for page in welcome:
            page.delete()
        home = self._page(
            root,
            m.HomePage,
            "page",
            "home",
            "home",
            lambda: m.HomePage(
                title=data.HOME["title"],
                motto=data.HOME["motto"],
                intro=_html([data.HOME["intro"]]),
            ),
        )
        site = Site.objects.filter(is_default_site=True).first()  # the welcome page's went
        if site is None:
            hostname, port = site_address(settings.BASE_URL)
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name="teilhabe Eisenach",
            )
        else:
            site.root_page = home
            site.site_name = "teilhabe Eisenach"
            site.save()
        return home

    def _point_site_at_base_url(self) -> None:
        """Serve the demo's site on BASE_URL's host and port, so absolute URLs name them.

        Only a site still on a developer's local address is re-pointed (``make run`` on another
        PORT follows); a site an editor set to a real domain is left as it is.
        """
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.hostname not in LOCAL_HOSTNAMES:
            return
        hostname, port = site_address(settings.BASE_URL)
        if (site.hostname, site.port) == (hostname, port):
            return
        if Site.objects.exclude(pk=site.pk).filter(hostname=hostname, port=port).exists():
            return  # another site already serves that address
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        self._count("site address", True)

    def _load_introduction(self, home: m.HomePage) -> None:
        """The concept's introduction as a standard page."""
        intro = data.INTRODUCTION
        self._page(
            home,
            m.StandardPage,
            "page",
            "integrationskonzept",
            "integrationskonzept",
            lambda: m.StandardPage(
                title=intro["title"], body=_stream_paragraphs(intro["paragraphs"])
            ),
        )

    def _load_legal_pages(self, home: m.HomePage) -> None:
        """Imprint, privacy policy, accessibility statement and contact, linked in the footer.

        The site settings get the demo's pages and feedback address only where they are
        empty, so an editor's choice survives a re-run.
        """
        site_settings = m.SiteSettings.for_site(Site.objects.get(is_default_site=True))
        changed = []
        for spec in data.LEGAL_PAGES:
            model = (
                m.AccessibilityStatementPage
                if spec["setting"] == "accessibility_page"
                else m.StandardPage
            )
            page = self._page(
                home,
                model,
                "page",
                spec["key"],
                spec["key"],
                lambda spec=spec, model=model: model(
                    title=spec["title"], body=_stream_sections(spec["sections"])
                ),
            )
            if getattr(site_settings, f"{spec['setting']}_id") is None:
                setattr(site_settings, spec["setting"], page)
                changed.append(spec["setting"])
        if not site_settings.feedback_email:
            site_settings.feedback_email = data.DEMO_CONTACT_EMAIL
            changed.append("feedback_email")
        if changed:
            site_settings.save(update_fields=changed)

    def _load_facts(self, home: m.HomePage) -> None:
        """The data-and-facts page with the seed's figures, its charts and the top countries."""

        def block(spec: dict) -> dict:
            """StreamField data of a chart or ranking block from `data.FACTS_CHARTS`."""
            value = {
                "title": spec["title"],
                "unit": spec["unit"],
                "items": [
                    {"label": label, "value": _decimal(number)} for label, number in spec["items"]
                ],
                "note": spec["note"],
                "source": spec["source"],
                "reference_date": spec["reference_date"],
            }
            if spec["type"] == "chart":
                value |= {
                    "kind": spec["kind"],
                    "total": _decimal(spec["total"]),
                    "total_label": spec["total_label"],
                }
            return {"type": spec["type"], "value": value}

        def build() -> m.FactsPage:
            page = m.FactsPage(
                title="Daten und Fakten",
                intro=_html([data.FACTS_INTRO]),
                body=[block(spec) for spec in data.FACTS_CHARTS],
            )
            for row in data.FACTS:
                page.facts.add(
                    m.Fact(
                        label=row["label"],
                        value=_decimal(row["value"]),
                        unit=row["unit"],
                        reference_date=row["reference_date"],
                        source=row["source"],
                    )
                )
            return page

        self._page(home, m.FactsPage, "page", "daten-und-fakten", "daten-und-fakten", build)

    def _load_offers(self, home: m.HomePage, fields) -> dict[str, m.OfferPage]:
        """The offer catalogue and its offers."""
        index = self._page(
            home,
            m.OfferIndexPage,
            "page",
            "angebote",
            "angebote",
            lambda: m.OfferIndexPage(
                title="Angebote",
                intro=_html(["Beratung, Sprachkurse, Treffpunkte und Wegweiser in Eisenach."]),
            ),
        )
        offers = {}
        for row in data.OFFERS:
            offers[row["slug"]] = self._page(
                index,
                m.OfferPage,
                "offer",
                row["slug"],
                row["slug"],
                lambda row=row: self._offer(row, fields),
            )
        return offers

    def _offer(self, row: dict, fields) -> m.OfferPage:
        """Build one unsaved offer page from its data row."""
        page = m.OfferPage(
            title=row["title"],
            provider=self.snippets["organisation"][row["provider"]],
            offer_type=self.snippets["offer_type"][row["offer_type"]],
            summary=row["summary"],
            description=_html(row["description"]),
            languages=list(row["languages"]),
            street_address=row["street"],
            postal_code=row["postal_code"],
            locality=row["city"],
            opening_hours_note=row.get("opening_hours_note", ""),
            cost=row["cost"],
            cost_note=row.get("cost_note", ""),
            registration_required=row["registration_required"],
            barrier_free=row["barrier_free"],
            contact_phone=row.get("phone", ""),
            contact_email=row.get("email", ""),
            contact_website=row.get("website", ""),
            valid_from=self._date(row.get("valid_from")),
            valid_until=self._date(row.get("valid_until")),
            last_checked=self._date(data.FRESHNESS.get(row["slug"], {}).get("last_checked")),
            responsible_user=self._responsible(row["slug"]),
            demo_data_note=data.DEMO_NOTE,
        )
        page.target_groups = self._snippets("target_group", row["target_groups"])
        page.districts = self._snippets("district", row["districts"])
        page.related_action_fields = [fields[number] for number in row["action_fields"]]
        for weekday, opens, closes in row["opening_hours"]:
            page.opening_hours.add(m.OpeningHours(weekday=weekday, opens=opens, closes=closes))
        return page

    def _responsible(self, slug: str):
        """The demo user asked whether the offer or funding source `slug` is current, if any."""
        key = data.FRESHNESS.get(slug, {}).get("responsible")
        return self.users[key] if key else None

    def _load_funding(self, home: m.HomePage) -> dict[str, m.FundingSourcePage]:
        """The funding overview and its funding sources."""
        index = self._page(
            home,
            m.FundingIndexPage,
            "page",
            "foerdermittel",
            "foerdermittel",
            lambda: m.FundingIndexPage(
                title="Fördermittel",
                intro=_html(["Förderprogramme für Integrationsprojekte, Vereine und Initiativen."]),
            ),
        )
        sources = {}
        for row in data.FUNDING:
            sources[row["slug"]] = self._page(
                index,
                m.FundingSourcePage,
                "funding",
                row["slug"],
                row["slug"],
                lambda row=row: self._funding_source(row),
            )
        return sources

    def _funding_source(self, row: dict) -> m.FundingSourcePage:
        """Build one unsaved funding source page from its data row."""
        page = m.FundingSourcePage(
            title=row["title"],
            funder=self.snippets["organisation"][row["funder"]],
            funder_level=row["funder_level"],
            funding_type=row["funding_type"],
            eligible_applicants=list(row["eligible_applicants"]),
            region=row["region"],
            summary=row["summary"],
            description=_html(row["description"]),
            amount_min=_decimal(row.get("amount_min")),
            amount_max=_decimal(row.get("amount_max")),
            own_contribution_percent=_decimal(row.get("own_contribution_percent")),
            rolling_applications=row["rolling"],
            programme_url=row.get("programme_url", ""),
            contact_phone=row.get("phone", ""),
            contact_email=row.get("email", ""),
            last_checked=self._date(row["last_checked"]),
            responsible_user=self._responsible(row["slug"]),
            demo_data_note=data.DEMO_NOTE,
        )
        page.funding_areas = self._snippets("funding_area", row["areas"])
        for window in row["deadlines"]:
            page.deadlines.add(
                m.FundingDeadline(
                    opens_on=self._date(window.get("opens")),
                    closes_on=self._date(window["closes"]),
                    recurs_yearly=window.get("recurs_yearly", False),
                    note=window.get("note", ""),
                )
            )
        return page

    def _load_action_fields(self, home: m.HomePage) -> dict[int, m.ActionFieldPage]:
        """The action field index and the nine action fields with the seed's titles."""
        index = self._page(
            home,
            m.ActionFieldIndexPage,
            "page",
            "handlungsfelder",
            "handlungsfelder",
            lambda: m.ActionFieldIndexPage(
                title="Handlungsfelder",
                intro=_html(
                    ["Neun Handlungsfelder mit insgesamt 30 SMART formulierten Maßnahmen."]
                ),
            ),
        )
        fields = {}
        for row in data.ACTION_FIELDS:
            number = row["number"]
            # Numbers are unique per locale: an action field with the number is the demo's.
            existing = self._find(m.ActionFieldPage, "action_field", number, number=number)
            if existing is not None:
                fields[number] = self._own("action_field", number, existing, created=False)
                continue
            fields[number] = self._page(
                index,
                m.ActionFieldPage,
                "action_field",
                number,
                f"{number}-{slugify(row['title'])}"[:80],
                lambda row=row: m.ActionFieldPage(
                    title=row["title"],
                    number=row["number"],
                    summary=row["summary"],
                    goals=_bullets(row["goals"]),
                    coordinator=self.users.get(row.get("coordinator")),
                ),
            )
        return fields

    def _make_coordinators_field_editors(self, fields: dict[int, m.ActionFieldPage]) -> None:
        """Demo coordinators edit the fields they coordinate (their Handlungsfeld-Redaktion)."""
        from editorial.roles import ensure_action_field_editors

        for row in data.ACTION_FIELDS:
            user = self.users.get(row.get("coordinator"))
            if user is not None and not user.is_superuser:
                user.groups.add(ensure_action_field_editors(fields[row["number"]]))

    def _load_measures(self, fields, offers, funding) -> None:
        """The seed's eighteen example measures, each created under its action field."""
        for row in data.MEASURES:
            code = row["code"]
            # Codes are unique per locale: a measure with the code is the demo's, wherever
            # an editor moved it.
            existing = self._find(m.MeasurePage, "measure", code, code=code)
            if existing is not None:
                page = self._own("measure", code, existing, created=False)
            else:
                page = self._page(
                    fields[row["action_field"]],
                    m.MeasurePage,
                    "measure",
                    code,
                    slugify(row["title"])[:80],
                    lambda row=row: self._measure(row, offers, funding),
                )
            self._load_progress(page, row)

    def _load_progress(self, page: m.MeasurePage, row: dict) -> None:
        """The measure's demo progress log, unless it has a log already (the demo's or editors')."""
        if not row.get("progress") or page.progress_entries.exists():
            return
        indicators = {indicator.name: indicator for indicator in page.indicators.all()}
        entries = []
        for spec in row["progress"]:
            day = self._date(spec["date"])
            indicator = indicators.get(spec.get("indicator"))
            entries.append(
                m.MeasureProgressEntry(
                    measure=page,
                    date=day,
                    kind=spec["kind"],
                    old_status=spec.get("old_status", ""),
                    new_status=spec.get("new_status", ""),
                    text=spec.get("text", ""),
                    review_outcome=spec.get("outcome", ""),
                    indicator_key=indicator.translation_key if indicator else None,
                    indicator_name=spec.get("indicator", ""),
                    indicator_unit=indicator.unit if indicator else "",
                    value=_decimal(spec.get("value")),
                    as_of=self._date(spec.get("as_of")),
                    source=spec.get("source", ""),
                    author=self.users.get(spec.get("author")),
                    created_at=timezone.make_aware(datetime.combine(day, time(10, 0))),
                )
            )
        m.MeasureProgressEntry.objects.bulk_create(entries)
        self.report.created["progress entry"] += len(entries)

    def _measure(self, row: dict, offers, funding) -> m.MeasurePage:
        """Build one unsaved measure page from its data row."""
        due = self._date(row["review_due"])
        interval = row["review_interval_months"]
        last_review_day = add_months(due, -interval)
        owner = self.users.get(row["owner"]) if row.get("owner") else None
        page = m.MeasurePage(
            title=row["title"],
            code=row["code"],
            summary=row["summary"],
            description=_stream_paragraphs(row["description"]),
            specific_goal=row["specific_goal"],
            rationale=row["rationale"],
            responsible_organisation=self.snippets["organisation"][row["responsible_organisation"]],
            measure_owner=owner,
            deputy=self.users.get(row["deputy"]) if row.get("deputy") else None,
            planned_start=self._date(row["planned_start"]),
            planned_end=self._date(row.get("planned_end")),
            actual_start=self._date(row.get("actual_start")),
            actual_end=self._date(row.get("actual_end")),
            status=row["status"],
            priority=row["priority"],
            review_interval_months=interval,
            next_review_due=due,
            last_reviewed_at=(
                timezone.make_aware(datetime.combine(last_review_day, time(10, 0)))
                if last_review_day < self.today
                else None
            ),
            last_reviewed_by=owner if last_review_day < self.today else None,
            demo_data_note=data.DEMO_NOTE,
        )
        page.partner_organisations = self._snippets("organisation", row["partners"])
        page.districts = self._snippets("district", row["districts"])
        page.target_groups = self._snippets("target_group", row["target_groups"])
        page.related_offers = [offers[slug] for slug in row["offers"]]
        page.related_funding_sources = [funding[slug] for slug in row["funding"]]
        for indicator in row["indicators"]:
            page.indicators.add(
                m.MeasureIndicator(
                    name=indicator["name"],
                    unit=indicator.get("unit", ""),
                    baseline=_decimal(indicator.get("baseline")),
                    target=_decimal(indicator.get("target")),
                    current_value=_decimal(indicator.get("current_value")),
                    as_of=self._date(indicator.get("as_of")),
                )
            )
        return page
