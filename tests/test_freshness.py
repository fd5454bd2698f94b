"""Freshness reviews of offers and funding sources: one engine with the measures' reviews."""

import re
from datetime import timedelta

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from reviews.delivery import deliver
from reviews.models import AddressPreference, ReminderPreference, ReviewLog, SentReminder
from reviews.planning import plan_run
from reviews.recipients import Address
from site_pages import models as m
from site_pages.dates import add_months
from site_pages.factories import FundingSourcePageFactory, OfferPageFactory, UserFactory
from tests.conftest import DEMO_DAY
from tests.content import german
from tests.reviewing import NOW, add_measure, digest_for

LINK = re.compile(r"/reminders/review/[^/\s\"]+/")


def checked_for_due(due_in_days: int, months: int) -> object:
    """The `last_checked` date that makes a check with `months` interval due then."""
    return add_months(DEMO_DAY + timedelta(days=due_in_days), -months)


def add_offer(due_in_days: int, **fields) -> m.OfferPage:
    """A live German offer whose check is due `due_in_days` after the demo day."""
    index = german(m.OfferIndexPage).get()
    return OfferPageFactory(parent=index, last_checked=checked_for_due(due_in_days, 6), **fields)


def add_funding(due_in_days: int, **fields) -> m.FundingSourcePage:
    """A live German funding source whose check is due `due_in_days` after the demo day."""
    index = german(m.FundingIndexPage).get()
    return FundingSourcePageFactory(
        parent=index, last_checked=checked_for_due(due_in_days, 3), **fields
    )


def speaking(language: str, username: str = "zustaendig"):
    """A user whose profile asks for `language`."""
    user = UserFactory(username=username, first_name="Mira", last_name="Quokkawitz")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def link_in(message) -> str:
    """The (only) "still current" link path of a digest."""
    links = LINK.findall(message.body)
    assert len(links) == 1, links
    return links[0]


def test_a_stale_offer_earns_one_digest_with_a_working_still_current_link(db, client):
    user = speaking("en")
    offer = add_offer(-10, responsible_user=user)
    assert offer.freshness_interval_months == 6  # the default for offers
    plan = plan_run(NOW)
    digest = digest_for(plan, user)
    assert [(i.page.pk, i.state.value) for i in digest.items] == [(offer.pk, "overdue")]
    assert deliver(digest, NOW) == 1
    assert digest_for(plan_run(NOW), user) is None  # a second run sends nothing
    [message] = mail.outbox
    assert message.to == [user.email]
    assert message.extra_headers["Content-Language"] == "en"
    assert "still current" in message.body and "Overdue" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert SentReminder.objects.filter(page=offer, recipient=user).count() == 1

    url = link_in(message)
    page = client.get(url)  # mail scanners open links: a GET records nothing
    assert page.status_code == 200 and b"Yes, still current" in page.content
    assert not ReviewLog.objects.exists()
    done = client.post(url, {})
    assert done.status_code == 200
    offer.refresh_from_db()
    today = timezone.localdate()
    assert offer.last_checked == today
    log = ReviewLog.objects.get(page=offer)
    assert (log.reviewed_by, log.outcome) == (user, "confirmed")
    assert log.next_review_due == add_months(today, 6)
    again = client.post(url, {})  # the link was for that due date only
    assert again.status_code == 200 and ReviewLog.objects.filter(page=offer).count() == 1

    public = client.get(offer.url).content.decode()
    with translation.override("de"):
        assert date_format(today, "DATE_FORMAT") in last_checked_line(public)
    assert user.email not in public  # never the person
    assert "Quokkawitz" not in public


def last_checked_line(html: str) -> str:
    """The "last checked on …" line of a public offer page."""
    match = re.search(r'<p class="meta last-checked">(.*?)</p>', html)
    assert match, "the page shows when it was last checked"
    return match.group(1)


def test_the_public_offer_page_shows_the_last_check_but_no_contact_person(db, client):
    user = speaking("de")
    offer = add_offer(100, responsible_user=user, responsible_email="intern@traeger.example")
    html = client.get(offer.url).content.decode()
    with translation.override("de"):
        day = date_format(offer.last_checked, "DATE_FORMAT")
    assert day in last_checked_line(html)
    assert user.email not in html and "Mira" not in html and "intern@traeger.example" not in html


def test_due_soon_opt_out_is_respected_overdue_is_not(db):
    user = speaking("de")
    soon = add_offer(3, responsible_user=user)
    ReminderPreference.objects.create(user=user, due_soon_reminders=False)
    assert digest_for(plan_run(NOW), user) is None
    stale = add_offer(-2, responsible_user=user)
    assert [i.page.pk for i in digest_for(plan_run(NOW), user).items] == [stale.pk]
    assert soon.pk != stale.pk


def test_without_a_responsible_user_the_address_is_asked_once(db, client):
    offer = add_offer(-10, responsible_email="Team@Traeger.example")
    plan = plan_run(NOW)
    [digest] = [d for d in plan.digests if isinstance(d.recipient, Address)]
    assert digest.recipient.email == "team@traeger.example" and digest.language == "de"
    assert [i.page.pk for i in digest.items] == [offer.pk]
    assert deliver(digest, NOW) == 1
    [message] = mail.outbox
    assert message.to == ["team@traeger.example"] and "List-Unsubscribe" in message.extra_headers
    assert SentReminder.objects.get(page=offer).address == "team@traeger.example"
    assert not [d for d in plan_run(NOW).digests if isinstance(d.recipient, Address)]
    assert client.post(link_in(message), {}).status_code == 200
    log = ReviewLog.objects.get(page=offer)
    assert (log.reviewed_by, log.reviewer_address) == (None, "team@traeger.example")


def test_an_address_can_opt_out_of_early_reminders(db, client):
    offer = add_offer(3, responsible_email="team@traeger.example")
    digest = next(d for d in plan_run(NOW).digests if isinstance(d.recipient, Address))
    assert deliver(digest, NOW) == 1
    unsubscribe = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = unsubscribe.split("127.0.0.1:8000", 1)[-1]
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not AddressPreference.objects.get(address="team@traeger.example").due_soon_reminders
    # The next early stage ("soon-3" was sent) would be "today"; a day before it, nothing.
    SentReminder.objects.filter(page=offer).delete()
    assert not [d for d in plan_run(NOW).digests if isinstance(d.recipient, Address)]
    overdue = plan_run(NOW + timedelta(days=4)).digests
    assert [d.recipient.email for d in overdue if isinstance(d.recipient, Address)] == [
        "team@traeger.example"
    ]


def test_confirming_a_funding_source_sets_last_checked(db, client):
    user = speaking("de", "foerderung")
    source = add_funding(-5, responsible_user=user)
    assert source.freshness_interval_months == 3  # the default for funding sources
    digest = digest_for(plan_run(NOW), user)
    assert [i.page.pk for i in digest.items] == [source.pk]
    deliver(digest, NOW)
    assert client.post(link_in(mail.outbox[0]), {}).status_code == 200
    source.refresh_from_db()
    assert source.last_checked == timezone.localdate()


def test_a_link_for_someone_no_longer_responsible_is_refused(db, client):
    user = speaking("de")
    offer = add_offer(-10, responsible_user=user)
    deliver(digest_for(plan_run(NOW), user), NOW)
    offer.responsible_user = UserFactory(username="nachfolge")
    offer.save()
    assert client.post(link_in(mail.outbox[0]), {}).status_code == 403
    assert not ReviewLog.objects.exists()


def test_stale_entries_are_marked_in_the_admin_listing(db, client, admin_user):
    stale = add_offer(-10, title="Altes Angebot")
    fresh = add_offer(100, title="Frisches Angebot")
    client.force_login(admin_user)
    html = client.get("/admin/offer_freshness/").content.decode()
    rows = {
        title: html.split(title, 1)[1].split("</tr>", 1)[0] for title in (stale.title, fresh.title)
    }
    with translation.override("de"):  # the demo admin works in German
        marker = translation.gettext("⚠ STALE: check was due on %(due)s").split(":")[0]
    assert marker == "⚠ VERALTET"
    assert marker in rows[stale.title] and marker not in rows[fresh.title]
    only_stale = client.get("/admin/offer_freshness/", {"freshness": "overdue"}).content.decode()
    assert stale.title in only_stale and fresh.title not in only_stale
    funding = add_funding(-1, title="Altes Programm")
    html = client.get("/admin/funding_freshness/").content.decode()
    assert marker in html.split(funding.title, 1)[1].split("</tr>", 1)[0]


def test_a_digest_mixes_measures_and_offers(field):
    user = speaking("de")
    add_measure(field, "9.51", -3, measure_owner=user)
    add_offer(-3, responsible_user=user)
    digest = digest_for(plan_run(NOW), user)
    assert sorted(i.is_measure for i in digest.items) == [False, True]
    deliver(digest, NOW)
    body = mail.outbox[0].body
    assert "Maßnahme 9.51" in body and len(LINK.findall(body)) == 2


def planning_queries(user, expected_items: int) -> int:
    """How many queries planning the demo day's run takes (checking `user`'s digest)."""
    with CaptureQueriesContext(connection) as queries:
        plan = plan_run(NOW)
    assert len(digest_for(plan, user).items) == expected_items
    return len(queries)


def test_planning_queries_do_not_grow_with_the_number_of_offers(db):
    user = speaking("de")
    other = UserFactory(username="andere")
    for number in range(2):  # the same shapes as below: users and bare addresses
        add_offer(-number - 1, responsible_user=user)
        add_offer(-number - 1, responsible_email=f"s{number}@traeger.example")
        add_funding(-number - 1, responsible_user=other)
    small = planning_queries(user, 2)
    for number in range(20):
        add_offer(-number - 1, responsible_user=user)
        add_offer(-number - 1, responsible_email=f"t{number}@traeger.example")
        add_funding(-number - 1, responsible_user=other)
    assert planning_queries(user, 22) == small


# --- confirming in the admin ---------------------------------------------------------------


def test_an_editor_confirms_an_offer_in_one_step_from_its_edit_view(db, client):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    editor = UserFactory(username="angebote")
    editor.groups.add(Group.objects.get(name="Angebots-Redaktion"))
    offer = add_offer(-10, title="Zu prüfendes Angebot")
    client.force_login(editor)
    url = reverse("reviews_admin:confirm_current", args=[offer.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk])).content.decode()
    assert f'href="{url}"' in edit
    assert client.get(url).status_code == 200
    assert not ReviewLog.objects.filter(page=offer).exists()  # a GET records nothing
    response = client.post(url, {"comment": "Telefonisch bestätigt."})
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[offer.pk])
    offer.refresh_from_db()
    assert offer.last_checked == timezone.localdate()
    [log] = ReviewLog.objects.filter(page=offer)
    assert (log.reviewed_by, log.comment) == (editor, "Telefonisch bestätigt.")
    assert "Telefonisch bestätigt." in client.get(url).content.decode()  # earlier checks


def test_confirming_in_the_admin_is_refused_to_others_and_for_other_pages(db, client):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    reviewer = UserFactory(username="nur-pruefung")
    reviewer.groups.add(Group.objects.get(name="Prüfung"))
    offer = add_offer(-10)
    client.force_login(reviewer)
    response = client.post(reverse("reviews_admin:confirm_current", args=[offer.pk]))
    assert response["Location"] == reverse("wagtailadmin_home")
    offer.refresh_from_db()
    assert offer.last_checked == checked_for_due(-10, 6)
    measure = german(m.MeasurePage).first()
    client.force_login(UserFactory(username="chef", is_superuser=True))
    url = reverse("reviews_admin:confirm_current", args=[measure.pk])
    assert client.post(url).status_code == 400
    assert client.get("/admin/reviews/current/999999/").status_code == 400
    measure.refresh_from_db()
    assert not ReviewLog.objects.filter(page=measure, reviewed_by__username="chef").exists()
