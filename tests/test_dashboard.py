"""The steering dashboard: status chart, attention, data quality, and the lists behind counts."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from dashboard import views as dashboard_views
from dashboard.panels import DataQualityPanel, StatusChartPanel, panels_for, problem_url
from dashboard.quality import PROBLEMS_BY_KEY, pages_with_problem, quality_rows
from editorial.roles import INTEGRATION_MANAGEMENT, OFFER_EDITORS, action_field_group_name
from reviews.panels import MyReviewsPanel
from reviews.planning import plan_run
from site_pages import models as m
from site_pages.choices import MeasureStatus
from site_pages.dates import add_months
from site_pages.factories import (
    FundingSourcePageFactory,
    MeasurePageFactory,
    OfferPageFactory,
    UserFactory,
)
from tests.conftest import DEMO_DAY
from tests.content import german
from tests.reviewing import NOW, digest_for


@pytest.fixture
def admin_user(admin_user):
    """The demo administrator, working in English (the tests read the English headings)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


TODAY = DEMO_DAY


def new_field(number: int = 9, **fields) -> m.ActionFieldPage:
    """The demo's German action field `number` (numbers are unique, a test cannot add one)."""
    action_field = german(m.ActionFieldPage).get(number=number)
    for name, value in fields.items():
        setattr(action_field, name, value)
    if fields:
        action_field.save()
    return action_field


def healthy_measure(action_field, **fields) -> m.MeasurePage:
    """A measure that breaks no rule on TODAY: owner, target, a fresh value, a recent review."""
    values = {
        "measure_owner": UserFactory(),
        "status": MeasureStatus.IN_PROGRESS,
        "last_reviewed_at": timezone.make_aware(datetime.combine(TODAY, time(9))),
        "next_review_due": TODAY + timedelta(days=200),
        **fields,
    }
    indicator = {
        k.removeprefix("indicator_"): values.pop(k)
        for k in list(values)
        if k.startswith("indicator_")
    }
    measure = MeasurePageFactory(parent=action_field, **values)
    add_indicator(measure, **{"target": 10, "current_value": 3, "as_of": TODAY, **indicator})
    return measure


def add_indicator(measure, **fields) -> m.MeasureIndicator:
    """An indicator of `measure`, in its locale."""
    return m.MeasureIndicator.objects.create(
        measure=measure, locale=measure.locale, name="Teilnehmende", **fields
    )


def counted(problem: str, action_field) -> int:
    """The dashboard's count of `problem` in `action_field` on TODAY."""
    [row] = quality_rows([action_field], TODAY, total=False)
    return row.counts[problem]


def listed(problem: str, action_field) -> set[int]:
    """The ids the list behind that count shows on TODAY."""
    return set(
        pages_with_problem(PROBLEMS_BY_KEY[problem], TODAY, [action_field]).values_list(
            "pk", flat=True
        )
    )


class Added:
    """What a test's pages add to one field's count and list of one rule (the demo's stay)."""

    def __init__(self, problem: str, action_field) -> None:
        self.problem, self.action_field = problem, action_field
        self.count_before = counted(problem, action_field)
        self.listed_before = listed(problem, action_field)
        assert self.count_before == len(self.listed_before)

    def count(self) -> int:
        """How much the count grew."""
        return counted(self.problem, self.action_field) - self.count_before

    def listed(self) -> set[int]:
        """The pages the list shows now and did not before."""
        now = listed(self.problem, self.action_field)
        assert self.listed_before <= now
        return now - self.listed_before


def review_day(days_ago: int) -> datetime:
    """A review `days_ago` days before TODAY, late in the local day."""
    return timezone.make_aware(datetime.combine(TODAY - timedelta(days=days_ago), time(23, 30)))


# --- data-quality rules, each with a measure that breaks it and one that does not ---------


def test_a_measure_without_target_is_counted_and_listed_one_with_target_is_not(db):
    action_field = new_field()
    added = Added("no_target", action_field)
    healthy_measure(action_field)
    no_target = healthy_measure(action_field, indicator_target=None)
    no_indicator = MeasurePageFactory(parent=action_field, measure_owner=UserFactory())
    assert added.listed() == {no_target.pk, no_indicator.pk}
    assert added.count() == 2


def test_a_current_value_counts_for_exactly_twelve_months(db):
    action_field = new_field()
    added = Added("no_current_value", action_field)
    healthy_measure(action_field, indicator_as_of=add_months(TODAY, -12))  # the boundary
    older = healthy_measure(
        action_field, indicator_as_of=add_months(TODAY, -12) - timedelta(days=1)
    )
    no_value = healthy_measure(action_field, indicator_current_value=None, indicator_as_of=None)
    assert added.listed() == {older.pk, no_value.pk}
    assert added.count() == 2


def test_a_measure_without_owner_or_with_a_deactivated_one_is_counted(db):
    action_field = new_field()
    added = Added("no_owner", action_field)
    healthy_measure(action_field)
    orphan = healthy_measure(action_field, measure_owner=None, deputy=UserFactory())
    gone = healthy_measure(action_field, measure_owner=UserFactory(is_active=False))
    assert added.listed() == {orphan.pk, gone.pk}
    assert added.count() == 2


def test_a_review_counts_for_180_days_then_the_measure_is_counted(db):
    action_field = new_field()
    added = Added("not_reviewed", action_field)
    healthy_measure(action_field, last_reviewed_at=review_day(180))  # the boundary
    late = healthy_measure(action_field, last_reviewed_at=review_day(181))
    never = healthy_measure(action_field, last_reviewed_at=None)
    assert never.first_published_at is None  # never reviewed, never published: counted
    assert added.listed() == {late.pk, never.pk}
    assert added.count() == 2


def test_a_never_reviewed_measure_counts_from_its_first_publication(db):
    action_field = new_field()
    added = Added("not_reviewed", action_field)
    fresh = healthy_measure(action_field, last_reviewed_at=None)
    fresh.first_published_at = review_day(10)
    fresh.save()
    old = healthy_measure(action_field, last_reviewed_at=None)
    old.first_published_at = review_day(181)
    old.save()
    assert added.listed() == {old.pk}


def test_finished_measures_are_not_counted(db):
    action_field = new_field()
    rules = ["no_target", "no_current_value", "no_owner", "not_reviewed"]
    added = {rule: Added(rule, action_field) for rule in rules}
    [before] = quality_rows([action_field], TODAY, total=False)
    for status in (MeasureStatus.IMPLEMENTED, MeasureStatus.DISCONTINUED):
        MeasurePageFactory(parent=action_field, status=status)  # breaks every measure rule
    counting = MeasurePageFactory(parent=action_field, status=MeasureStatus.DELAYED)
    [after] = quality_rows([action_field], TODAY, total=False)
    assert after.active - before.active == 1
    assert {rule: added[rule].listed() for rule in rules} == {rule: {counting.pk} for rule in rules}


def test_stale_offers_count_for_the_fields_they_name_and_those_of_their_measures(db):
    action_field, other = new_field(9), new_field(8)
    in_nine, in_eight = Added("stale_offers", action_field), Added("stale_offers", other)
    index = german(m.OfferIndexPage).get()
    stale = add_months(TODAY, -6) - timedelta(days=1)
    named = OfferPageFactory(parent=index, last_checked=stale)
    named.related_action_fields = [action_field]
    named.save()
    via_measure = OfferPageFactory(parent=index, last_checked=stale)
    measure = healthy_measure(other)
    measure.related_offers = [via_measure]
    measure.save()
    current = OfferPageFactory(parent=index, last_checked=add_months(TODAY, -6))
    current.related_action_fields = [action_field, other]
    current.save()
    assert in_nine.listed() == {named.pk}
    assert in_eight.listed() == {via_measure.pk}
    assert (in_nine.count(), in_eight.count()) == (1, 1)
    whole = set(
        pages_with_problem(PROBLEMS_BY_KEY["stale_offers"], TODAY, None).values_list(
            "pk", flat=True
        )
    )
    assert {named.pk, via_measure.pk} <= whole
    assert current.pk not in whole


def test_stale_funding_counts_for_the_fields_of_the_measures_naming_it(db):
    action_field = new_field()
    added = Added("stale_funding", action_field)
    index = german(m.FundingIndexPage).get()
    stale = FundingSourcePageFactory(
        parent=index, last_checked=add_months(TODAY, -3) - timedelta(days=1)
    )
    current = FundingSourcePageFactory(parent=index, last_checked=add_months(TODAY, -3))
    measure = healthy_measure(action_field)
    measure.related_funding_sources = [stale, current]
    measure.save()
    assert added.listed() == {stale.pk}
    assert added.count() == 1


def test_the_whole_concept_row_adds_up_the_fields_and_counts_each_offer_once(db):
    fields = list(german(m.ActionFieldPage).order_by("number"))
    rows = quality_rows(fields, TODAY, total=True)
    *per_field, whole = rows
    assert whole.action_field is None
    for key in ("no_target", "no_current_value", "no_owner", "not_reviewed"):
        assert whole.counts[key] == sum(row.counts[key] for row in per_field)
        assert whole.counts[key] == pages_with_problem(PROBLEMS_BY_KEY[key], TODAY, None).count()
    stale = pages_with_problem(PROBLEMS_BY_KEY["stale_offers"], TODAY, None).count()
    assert whole.counts["stale_offers"] == stale


# --- the demo -----------------------------------------------------------------------------


def test_the_demo_has_something_to_steer(db):
    fields = list(german(m.ActionFieldPage).order_by("number"))
    *per_field, whole = quality_rows(fields, TODAY, total=True)
    # 8.2 and others have no owner in the demo.
    eight = next(row for row in per_field if row.action_field.number == 8)
    assert eight.counts["no_owner"] >= 1
    assert german(m.MeasurePage).get(code="8.2").pk in listed("no_owner", eight.action_field)
    assert (
        whole.counts["no_owner"]
        == german(m.MeasurePage)
        .filter(measure_owner__isnull=True)
        .exclude(status__in=["implemented", "discontinued"])
        .count()
    )
    # Two demo offers were last checked more than six months before the demo day.
    assert whole.counts["stale_offers"] >= 1


def test_the_status_table_gives_the_demo_numbers(admin_user):
    context = StatusChartPanel(admin_user, TODAY).get_context_data()
    measures = german(m.MeasurePage).filter(alias_of__isnull=True)
    assert context["grand_total"] == measures.count()
    for (status, _label), total in zip(MeasureStatus.choices, context["totals"], strict=True):
        assert total == measures.filter(status=status).count()
    assert len(context["rows"]) == german(m.ActionFieldPage).count()


# --- the chart ------------------------------------------------------------------------------


def test_the_chart_is_an_svg_image_with_a_text_alternative_and_patterns(admin_user):
    with translation.override("en"):
        html = StatusChartPanel(admin_user, TODAY).render_html({})
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="status-chart-title status-chart-desc"' in svg
    assert '<title id="status-chart-title">' in svg
    desc = re.search(r'<desc id="status-chart-desc">(.*?)</desc>', svg, re.S).group(1)
    eight = german(m.MeasurePage).filter(
        path__startswith=german(m.ActionFieldPage).get(number=8).path
    )
    assert f"({eight.count()} measures)" in desc
    assert "<script" not in html
    assert "currentColor" in svg
    # Every status but the solid and the empty one has a pattern of its own.
    assert len(re.findall(r"<pattern ", svg)) == 4
    assert "<table" in html and "<caption>" in html


# --- the admin home page and who sees what --------------------------------------------------


def test_the_integration_manager_sees_every_panel(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for heading in ("Needs attention", "Measures by status", "Data quality", "Recently changed"):
        assert heading in html, heading
    assert problem_url("no_owner", german(m.ActionFieldPage).get(number=8)) in html


def test_a_group_member_without_superuser_is_an_integration_manager(db):
    manager = UserFactory(username="steuerung")
    manager.groups.add(Group.objects.get(name=INTEGRATION_MANAGEMENT))
    assert [type(p).__name__ for p in panels_for(manager, TODAY)] == [
        "AttentionPanel",
        "StatusChartPanel",
        "DataQualityPanel",
        "RecentChangesPanel",
    ]


def test_a_coordinator_sees_only_the_rows_of_her_fields(db):
    coordinator = UserFactory(username="koordination")
    mine = new_field(coordinator=coordinator)
    names = [type(p).__name__ for p in panels_for(coordinator, TODAY)]
    assert names == ["StatusChartPanel", "DataQualityPanel"]
    context = DataQualityPanel(coordinator, TODAY).get_context_data()
    assert [row["label"] for row in context["rows"]] == [f"9 {mine.title}"]


@pytest.fixture
def offer_editor(db):
    """A member of the offer editors: no action field, no integration management."""
    user = UserFactory(username="angebote")
    user.groups.add(Group.objects.get(name=OFFER_EDITORS))
    return user


def test_users_without_fields_see_no_dashboard_panel(client, offer_editor):
    assert panels_for(offer_editor, TODAY) == []
    client.force_login(offer_editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Data quality" not in html


def test_panels_name_no_person(client, admin_user):
    owner = UserFactory(first_name="Zelinda", last_name="Quastenflosser")
    healthy_measure(new_field(), measure_owner=owner, indicator_target=None)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    dashboard = html[html.index("Needs attention") :]
    assert "Quastenflosser" not in dashboard and owner.email not in dashboard


# --- the lists behind the counts ------------------------------------------------------------


@pytest.fixture
def on_demo_day(monkeypatch):
    """The dashboard's lists see TODAY as today."""
    monkeypatch.setattr(dashboard_views, "local_today", lambda: TODAY)


def listed_titles(response) -> list[str]:
    """The page titles of a problem list's table."""
    return re.findall(
        r'class="title-wrapper">\s*<a [^>]*>\s*([^<]+?)\s*<', response.content.decode()
    )


def test_the_link_lists_exactly_the_counted_measures(client, admin_user, on_demo_day):
    action_field = new_field()
    healthy_measure(action_field, title="Gesund")
    healthy_measure(action_field, title="Ohne Ziel A", indicator_target=None)
    healthy_measure(action_field, title="Ohne Ziel B", indicator_target=None)
    client.force_login(admin_user)
    response = client.get(problem_url("no_target", action_field))
    assert response.status_code == 200
    expected = pages_with_problem(PROBLEMS_BY_KEY["no_target"], TODAY, [action_field])
    titles = sorted(listed_titles(response))
    assert titles == sorted(expected.values_list("title", flat=True))
    assert {"Ohne Ziel A", "Ohne Ziel B"} <= set(titles)
    assert "Gesund" not in titles
    assert len(titles) == counted("no_target", action_field)


def test_the_list_without_field_shows_the_whole_concept(client, admin_user, on_demo_day):
    client.force_login(admin_user)
    response = client.get(problem_url("no_owner"))
    assert response.status_code == 200
    expected = pages_with_problem(PROBLEMS_BY_KEY["no_owner"], TODAY, None)
    assert sorted(listed_titles(response)) == sorted(expected.values_list("title", flat=True))
    assert "Whole concept" in response.content.decode()


def test_the_offer_list_shows_the_stale_offers(client, admin_user, on_demo_day):
    action_field = new_field()
    index = german(m.OfferIndexPage).get()
    offer = OfferPageFactory(
        parent=index, title="Altes Angebot", last_checked=add_months(TODAY, -7)
    )
    offer.related_action_fields = [action_field]
    offer.save()
    client.force_login(admin_user)
    response = client.get(problem_url("stale_offers", action_field))
    expected = pages_with_problem(PROBLEMS_BY_KEY["stale_offers"], TODAY, [action_field])
    assert "Altes Angebot" in listed_titles(response)
    assert sorted(listed_titles(response)) == sorted(expected.values_list("title", flat=True))


def test_coordinators_may_list_their_fields_only(client, db, on_demo_day):
    coordinator = UserFactory(username="koordination")
    coordinator.groups.add(Group.objects.get(name=action_field_group_name(9)))  # admin access
    mine = new_field(coordinator=coordinator)
    other = german(m.ActionFieldPage).get(number=3)
    client.force_login(coordinator)
    assert client.get(problem_url("no_owner", mine)).status_code == 200
    assert client.get(problem_url("no_owner", other)).status_code == 302  # refused
    assert client.get(problem_url("no_owner")).status_code == 200  # her fields only


def test_users_without_fields_may_not_list(client, offer_editor, on_demo_day):
    client.force_login(offer_editor)
    response = client.get(problem_url("no_owner"))
    assert response.status_code == 302  # Wagtail's "permission denied" redirect
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    "path, query",
    [("no_such_rule", ""), ("no_owner", "abc"), ("no_owner", "999999"), ("no_owner", "-1")],
)
def test_bad_input_is_a_400(client, admin_user, on_demo_day, path, query):
    client.force_login(admin_user)
    url = reverse("dashboard:problems", args=[path])
    assert client.get(url, {"field": query} if query else {}).status_code == 400


def test_a_page_number_past_the_end_shows_the_last_page(client, admin_user, on_demo_day):
    client.force_login(admin_user)
    assert client.get(problem_url("no_owner"), {"p": "999"}).status_code == 200


# --- queries ----------------------------------------------------------------------------------

HOME_QUERIES = 80


def add_100_measures() -> None:
    """100 more measures over the nine fields, half without owner, two thirds without target."""
    fields = list(german(m.ActionFieldPage).order_by("number"))
    for number in range(100):
        action_field = fields[number % 9]
        healthy_measure(
            action_field,
            code=f"{action_field.number}.{50 + number // 9}",
            measure_owner=None if number % 2 else UserFactory(),
            indicator_target=None if number % 3 else 5,
        )


def test_the_dashboard_costs_the_same_queries_with_100_more_measures(
    client, admin_user, django_assert_max_num_queries
):
    client.force_login(admin_user)
    client.get(reverse("wagtailadmin_home"))  # warm caches (content types, site)
    with django_assert_max_num_queries(HOME_QUERIES) as demo:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    add_100_measures()
    with django_assert_max_num_queries(HOME_QUERIES) as more:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert len(more.captured_queries) == len(demo.captured_queries)


def test_the_panels_query_counts_do_not_grow_with_measures(admin_user, django_assert_num_queries):
    def render() -> None:
        for panel in panels_for(admin_user, TODAY):
            panel.render_html({})

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        render()
    add_100_measures()
    with django_assert_num_queries(len(before.captured_queries)):
        render()


# --- the personal panel and the digest -------------------------------------------------------


def test_the_personal_panel_and_the_digest_agree_for_the_demo_admin(admin_user):
    """8.2 has no owner or deputy; field 8's coordinator, admin, gets it in her digest."""
    measure = german(m.MeasurePage).get(code="8.2")
    assert measure.measure_owner is None and measure.deputy is None
    digest = digest_for(plan_run(NOW), admin_user)
    in_digest = {item.page.pk for item in digest.items if item.is_measure}
    assert measure.pk in in_digest
    panel = MyReviewsPanel(admin_user, today=TODAY).get_context_data()
    in_panel = {row["page"].pk for row in panel["rows"]}
    assert in_panel == {item.page.pk for item in digest.items}


def test_the_panel_keeps_what_the_digest_already_said(admin_user):
    """Sending the digest does not empty the panel: it lists what is due, not what is unsent."""
    from reviews.models import SentReminder

    digest = digest_for(plan_run(NOW), admin_user)
    for page_id, stage, due in digest.reminder_keys:
        SentReminder.objects.create(
            page_id=page_id, recipient=admin_user, stage=stage, due_date=due, sent_at=NOW
        )
    assert digest_for(plan_run(NOW), admin_user) is None
    panel = MyReviewsPanel(admin_user, today=TODAY).get_context_data()
    assert {row["page"].pk for row in panel["rows"]} == {item.page.pk for item in digest.items}
