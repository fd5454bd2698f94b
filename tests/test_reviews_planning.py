"""Planning a reminder run: recipients, fallback chain, opt-out, the log, query counts."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from reviews.models import ReminderPreference, ReviewLog, SentReminder
from reviews.planning import plan_run
from reviews.services import complete_review
from site_pages import models as m
from site_pages.choices import MeasureStatus
from site_pages.factories import UserFactory
from tests.conftest import DEMO_DAY
from tests.content import german
from tests.reviewing import NOW, add_measure, digest_for


def test_owner_and_deputy_get_one_digest_each_grouped_by_state(field):
    owner, deputy = UserFactory(username="eigner"), UserFactory(username="vertretung")
    add_measure(field, "9.51", -10, measure_owner=owner, deputy=deputy)
    add_measure(field, "9.52", 0, measure_owner=owner)
    add_measure(field, "9.53", 3, measure_owner=owner)
    add_measure(field, "9.54", 40, measure_owner=owner)  # not due: no reminder
    plan = plan_run(NOW)
    digest = digest_for(plan, owner)
    assert [(state.value, [i.page.code for i in items]) for state, items in digest.groups()] == [
        ("overdue", ["9.51"]),
        ("due_today", ["9.52"]),
        ("due_soon", ["9.53"]),
    ]
    assert [i.page.code for i in digest_for(plan, deputy).items] == ["9.51"]
    assert sum(1 for d in plan.digests if d.recipient.pk == owner.pk) == 1


def test_fallback_to_coordinator_marked_no_recipient(field):
    gone = UserFactory(username="ehemalig", is_active=False)
    silent = UserFactory(username="ohnepost", email="")
    add_measure(field, "9.51", -2, measure_owner=gone, deputy=silent)
    plan = plan_run(NOW)
    assert digest_for(plan, gone) is None and digest_for(plan, silent) is None
    (item,) = digest_for(plan, field.coordinator).items
    assert item.page.code == "9.51" and item.no_recipient


def test_fallback_to_the_integration_management_group_then_nobody(field, settings):
    field.coordinator = None
    field.save()
    add_measure(field, "9.51", -2)
    plan = plan_run(NOW)
    group = Group.objects.get(name=settings.REVIEW_FALLBACK_GROUP)
    members = list(group.user_set.filter(is_active=True).exclude(email=""))
    assert members, "the demo has an integration manager"
    for member in members:
        assert "9.51" in [i.page.code for i in digest_for(plan, member).items if i.is_measure]
    group.user_set.clear()
    plan = plan_run(NOW)
    assert [p.code for p in plan.unreachable if isinstance(p, m.MeasurePage)] == ["9.51"]


def test_escalation_goes_to_the_coordinator_after_thirty_days(field):
    owner = UserFactory(username="eigner")
    add_measure(field, "9.51", -29, measure_owner=owner)
    assert digest_for(plan_run(NOW), field.coordinator) is None
    add_measure(field, "9.52", -30, measure_owner=owner)
    (item,) = digest_for(plan_run(NOW), field.coordinator).items
    assert item.page.code == "9.52" and item.escalated and item.stages == ["escalation-30"]


def test_opt_out_stops_due_soon_but_not_overdue(field):
    owner = UserFactory(username="eigner")
    ReminderPreference.objects.create(user=owner, due_soon_reminders=False)
    add_measure(field, "9.51", 5, measure_owner=owner)
    assert digest_for(plan_run(NOW), owner) is None
    add_measure(field, "9.52", -1, measure_owner=owner)
    assert [i.page.code for i in digest_for(plan_run(NOW), owner).items] == ["9.52"]


def test_completed_and_discontinued_measures_leave_the_cycle(field):
    owner = UserFactory(username="eigner")
    add_measure(field, "9.51", -3, measure_owner=owner, status=MeasureStatus.IMPLEMENTED)
    add_measure(field, "9.52", -3, measure_owner=owner, status=MeasureStatus.DISCONTINUED)
    assert digest_for(plan_run(NOW), owner) is None


def test_sent_reminders_are_left_out(field):
    owner = UserFactory(username="eigner")
    measure = add_measure(field, "9.51", -3, measure_owner=owner)
    SentReminder.objects.create(
        page=measure,
        recipient=owner,
        stage="overdue-1",
        due_date=measure.next_review_due,
        sent_at=NOW,
    )
    assert digest_for(plan_run(NOW), owner) is None
    # Four days later the next stage is due and goes out.
    later = plan_run(NOW + timedelta(days=4))
    assert digest_for(later, owner).items[0].stages == ["overdue-7"]


def test_language_is_the_users_preference_default_german(field):
    owner, other = UserFactory(username="eigner"), UserFactory(username="andere")
    profile = UserProfile.get_for_user(owner)
    profile.preferred_language = "ar"
    profile.save()
    add_measure(field, "9.51", -3, measure_owner=owner, deputy=other)
    plan = plan_run(NOW)
    assert digest_for(plan, owner).language == "ar"
    assert digest_for(plan, other).language == "de"


def test_planning_queries_do_not_grow_with_the_number_of_measures(field):
    owners = [UserFactory(username=f"eigner{i}") for i in range(5)]

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            plan = plan_run(NOW)
        assert plan.digests
        return len(queries)

    fields = list(german(m.ActionFieldPage).order_by("number"))
    for i in range(500):
        if i == 10:
            with_ten = count_queries()
        parent = fields[i % 9]
        code = f"{parent.number}.{20 + i // 9}"
        add_measure(parent, code, i % 30 - 15, measure_owner=owners[i % 5], slug=f"m{i}")
    assert german(m.MeasurePage).count() >= 500
    assert count_queries() == with_ten
    assert with_ten <= 8


def test_complete_review_logs_and_moves_the_due_date(field):
    owner = UserFactory(username="eigner")
    measure = add_measure(field, "9.51", -3, measure_owner=owner, review_interval_months=6)
    log = complete_review(measure, owner, NOW, outcome="updated", comment="Zahlen ergänzt")
    measure.refresh_from_db()
    assert measure.next_review_due == DEMO_DAY.replace(year=2027, month=5, day=30)
    assert measure.last_reviewed_by == owner and measure.last_reviewed_at == NOW
    assert (log.outcome, log.comment, log.was_due) == (
        "updated",
        "Zahlen ergänzt",
        DEMO_DAY - timedelta(days=3),
    )
    assert ReviewLog.objects.filter(page=measure).count() == 1


def test_complete_review_of_a_discontinued_measure_ends_the_cycle(field):
    measure = add_measure(field, "9.51", -3, status=MeasureStatus.DISCONTINUED)
    complete_review(measure, None, NOW, outcome="status_changed")
    measure.refresh_from_db()
    assert measure.next_review_due is None


def test_publishing_an_older_revision_keeps_the_review(field):
    """Review bookkeeping lives on the row; revisions must not set it back."""
    owner = UserFactory(username="eigner")
    measure = add_measure(field, "9.51", -3, measure_owner=owner)
    revision = measure.save_revision(user=owner)  # a draft made before the review
    complete_review(measure, owner, NOW)
    reviewed_due = m.MeasurePage.objects.get(pk=measure.pk).next_review_due
    revision.publish()
    assert m.MeasurePage.objects.get(pk=measure.pk).next_review_due == reviewed_due
    loaded = m.MeasurePage.objects.get(pk=measure.pk).get_latest_revision_as_object()
    assert loaded.next_review_due == reviewed_due


def test_planning_for_one_recipient_matches_the_full_plan(field):
    """A delivery task plans only its recipient's measures; the digest must be the same."""
    owner, deputy = UserFactory(username="eigner"), UserFactory(username="vertretung")
    add_measure(field, "9.51", -40, measure_owner=owner, deputy=deputy)
    add_measure(field, "9.52", 2, deputy=owner)
    add_measure(field, "9.53", -3)  # nobody: goes to the coordinator
    full = plan_run(NOW)
    for user in (owner, deputy, field.coordinator):
        alone = plan_run(NOW, recipient_id=user.pk)
        assert [d.recipient.pk for d in alone.digests] == [user.pk]
        assert digest_for(alone, user).reminder_keys == digest_for(full, user).reminder_keys
    for member in fallback_members():
        alone = digest_for(plan_run(NOW, recipient_id=member.pk), member)
        expected = digest_for(full, member)
        assert (alone and alone.reminder_keys) == (expected and expected.reminder_keys)


def fallback_members():
    """The demo's integration management group."""
    from reviews.recipients import fallback_group_members

    return list(fallback_group_members())


def test_a_new_measure_is_first_due_one_interval_from_today(field):
    from django.utils import timezone

    from site_pages.dates import add_months

    measure = add_measure(field, "9.51", 0, review_interval_months=6)
    m.MeasurePage.objects.filter(pk=measure.pk).update(next_review_due=None)
    fresh = m.MeasurePage(
        title="Neu", code="9.52", summary="s", specific_goal="z", review_interval_months=6
    )
    field.add_child(instance=fresh)
    assert fresh.next_review_due == add_months(timezone.localdate(), 6)
    existing = m.MeasurePage.objects.get(pk=measure.pk)
    existing.save()  # saving an existing measure leaves its (empty) due date alone
    assert m.MeasurePage.objects.get(pk=measure.pk).next_review_due is None


def test_the_review_state_filter_agrees_with_review_state(field):
    """The listing filter and the dashboard use the database form of `review_state`."""
    from reviews.rules import ReminderRules, ReviewState, review_state, review_state_filter

    rules = ReminderRules.from_settings()
    created = [
        add_measure(field, f"9.{70 + i}", offset).pk
        for i, offset in enumerate((-3, -1, 0, 1, 14, 15, 40))
    ]
    mine = m.MeasurePage.objects.filter(pk__in=created)
    for state in ReviewState:
        matched = set(mine.filter(review_state_filter(state, DEMO_DAY, rules)))
        expected = {p for p in mine if review_state(p.next_review_due, DEMO_DAY, rules) == state}
        assert matched == expected and matched, state
