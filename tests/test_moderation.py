"""Moderation workflows: measures through their field's coordinator, offers through Prüfung.

Issue 10, acceptance point 2. Everything goes through the admin's own views (edit with
"submit", the workflow action and preview views, the dashboard); emails leave only after
the request committed, from the Celery task (eager here; a real worker and SMTP server in
the last test).
"""

import json
import pickle
import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page, TaskState, Workflow, WorkflowState
from wagtail.users.models import UserProfile

from moderation.models import (
    CoordinatorApprovalTask,
    ReviewOnlyGroupApprovalTask,
    SentNotification,
)
from moderation.names import (
    COORDINATOR_TASK,
    MEASURES_WORKFLOW,
    OFFERS_WORKFLOW,
    display_name,
    stored_name,
)
from moderation.tasks import send_workflow_notification
from moderation.workflows import assign_workflows
from site_pages import factories as f
from site_pages import models as m
from tests.content import german, translate
from tests.test_previews import edit_form_data

pytestmark = pytest.mark.django_db

User = get_user_model()
COMMENT = "Bitte das Ziel messbar formulieren."


@pytest.fixture
def eager_tasks():
    """Celery tasks run in the test's process as soon as they are queued."""
    from cms.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


def staff(username: str, *groups: str, language: str = "de"):
    """A user who may log into the admin, in `groups`, reading `language`."""
    user = f.UserFactory(username=username)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@dataclass
class Cast:
    """A measure in field 9, its author, the field's coordinator and field 8's coordinator."""

    author: object
    coordinator: object
    other_coordinator: object
    measure: m.MeasurePage


@pytest.fixture
def cast(db) -> Cast:
    """The people of a measure's moderation; the author is an editor who reads English."""
    author = staff("autorin", "Editors", language="en")
    coordinator = staff("koordination")
    other_coordinator = staff("andere-koordination")
    for number, user in ((9, coordinator), (8, other_coordinator)):
        action_field = german(m.ActionFieldPage).get(number=number)
        action_field.coordinator = user
        action_field.save()
    field = german(m.ActionFieldPage).get(number=9)
    measure = f.MeasurePageFactory(parent=field, publish=True, owner=author)
    return Cast(author, coordinator, other_coordinator, measure)


def client_for(user) -> Client:
    """A client logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client


def submit(user, page: Page, **changes) -> None:
    """`user` saves `page` with `changes` and submits it to its workflow (edit view)."""
    page = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    data = edit_form_data(page, user) | changes | {"action-submit": "1"}
    response = client_for(user).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def current_task_state(page: Page) -> TaskState:
    """The page's task state in progress."""
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def act(user, page: Page, action: str, comment: str = ""):
    """`user` takes `action` ("approve", "reject") on the page's current task (admin view)."""
    state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client_for(user).post(url, {"comment": comment})


def awaiting_review(user) -> list[str]:
    """The titles in the dashboard's "Awaiting your review" panel for `user`."""
    response = client_for(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").find(id=re.compile("^awaiting-review"))
    if panel is None:  # Wagtail leaves the panel out when nothing awaits the user
        return []
    return [" ".join(cell.get_text().split()) for cell in panel.select("td.title")]


def assert_done(response, page: Page) -> None:
    """A workflow action that was carried out: Wagtail redirects to the page's edit view."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_refused(response) -> None:
    """Wagtail's answer to a permission denied in the admin: back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def only_message_to(user) -> mail.EmailMessage:
    """The one email in the outbox, checked to be addressed to `user`."""
    (message,) = mail.outbox
    assert message.to == [user.email]
    return message


def path_of(url: str) -> str:
    """The path of an absolute link in an email (links use settings.BASE_URL)."""
    assert url.startswith(settings.BASE_URL + "/"), url
    return url.removeprefix(settings.BASE_URL)


def link_to(fragment: str, body: str) -> str:
    """The one URL in an email body that contains `fragment` (labels depend on the language)."""
    (url,) = [url for url in re.findall(r"https?://\S+", body) if fragment in url]
    return url


def test_demo_index_pages_carry_the_named_workflows_in_every_locale():
    expected = {
        m.ActionFieldIndexPage: MEASURES_WORKFLOW,
        m.OfferIndexPage: OFFERS_WORKFLOW,
        m.FundingIndexPage: OFFERS_WORKFLOW,
    }
    for model, name in expected.items():
        pages = model.objects.all()
        locales = {page.locale.language_code for page in pages}
        assert {"de", "en", "ar"} <= locales
        assert {page.get_workflow().name for page in pages} == {name}
    assert assign_workflows() == 0  # idempotent: everything is assigned already


def test_stored_german_names_are_shown_translated_in_teilhabes_texts():
    with translation.override("en"):
        assert display_name(MEASURES_WORKFLOW) == "Measures: approval by the coordinator"
        assert display_name(OFFERS_WORKFLOW) == "Offers and funding: review"
        assert display_name("Eigener Ablauf der Stadt") == "Eigener Ablauf der Stadt"


def test_a_measure_and_its_translation_are_approved_by_the_fields_coordinator(cast):
    task = cast.measure.get_workflow().tasks.get().specific
    assert isinstance(task, CoordinatorApprovalTask)
    english = translate(cast.measure, "en", title="Measure in English")
    assert english.get_workflow().tasks.get().specific == task
    for page in (cast.measure, english):
        assert task.approvers(page) == [cast.coordinator]
        assert task.get_actions(page, cast.coordinator)
        assert task.get_actions(page, cast.other_coordinator) == []
        assert task.locked_for_user(page, cast.author)


def test_without_a_coordinator_integration_management_approves(cast):
    field = cast.measure.get_parent().specific
    field.coordinator = None
    field.save()
    manager = staff("leitung", settings.REVIEW_FALLBACK_GROUP)
    task = cast.measure.get_workflow().tasks.get().specific
    approvers = task.approvers(cast.measure)
    assert manager in approvers
    assert cast.coordinator not in approvers
    assert task.get_actions(cast.measure, manager)


def test_submit_reject_resubmit_approve_a_measure(
    cast, eager_tasks, django_capture_on_commit_callbacks
):
    # The author submits: nothing is mailed inside the request, only after the commit.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(cast.author, cast.measure, title="Sprachcafé für alle")
    assert mail.outbox == []
    assert callbacks
    for callback in callbacks:
        callback()
    submitted = only_message_to(cast.coordinator)
    assert submitted.extra_headers["Content-Language"] == "de"
    assert "Sprachcafé für alle" in submitted.subject
    assert "(Maßnahme)" in submitted.body  # the coordinator reads German
    preview = path_of(link_to("/workflow/preview/", submitted.body))

    # The coordinator's queue shows it; the other field's coordinator's does not.
    assert "Sprachcafé für alle" in " ".join(awaiting_review(cast.coordinator))
    assert "Sprachcafé für alle" not in " ".join(awaiting_review(cast.other_coordinator))
    reviewable = TaskState.objects.reviewable_by(cast.coordinator)
    assert list(reviewable) == [current_task_state(cast.measure)]
    assert not TaskState.objects.reviewable_by(cast.other_coordinator).exists()

    # The mailed preview link works for the coordinator, not for the other one.
    shown = client_for(cast.coordinator).get(preview)
    assert shown.status_code == 200
    assert "Sprachcafé für alle" in shown.content.decode()
    assert_refused(client_for(cast.other_coordinator).get(preview))

    # The other field's coordinator cannot decide.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert_refused(act(cast.other_coordinator, cast.measure, "approve"))
        assert_refused(act(cast.other_coordinator, cast.measure, "reject", "Nein"))
    assert current_task_state(cast.measure).status == TaskState.STATUS_IN_PROGRESS
    assert mail.outbox == []

    # The coordinator requests changes: back to the author, with the comment, in English.
    with django_capture_on_commit_callbacks(execute=True):
        assert_done(act(cast.coordinator, cast.measure, "reject", COMMENT), cast.measure)
    workflow_state = WorkflowState.objects.get(object_id=str(cast.measure.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = only_message_to(cast.author)
    assert rejected.extra_headers["Content-Language"] == "en"
    assert COMMENT in rejected.body
    assert "(measure)" in rejected.body
    assert client_for(cast.author).get(path_of(link_to("/edit/", rejected.body))).status_code == 200

    # The author resubmits: the coordinator is asked again (a new task state, a new email).
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(cast.author, cast.measure, title="Sprachcafé für alle Generationen")
    assert "Sprachcafé für alle Generationen" in only_message_to(cast.coordinator).subject

    # The coordinator approves: the page is live with the new title, the author is told.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert_done(act(cast.coordinator, cast.measure, "approve"), cast.measure)
    measure = m.MeasurePage.objects.get(pk=cast.measure.pk)
    assert measure.title == "Sprachcafé für alle Generationen"
    assert measure.live and not measure.has_unpublished_changes
    approved = only_message_to(cast.author)
    assert "approved" in approved.subject
    assert awaiting_review(cast.coordinator) == []

    # Each event was mailed once per recipient; repeating the tasks sends nothing.
    sent = SentNotification.objects.filter(task_state__workflow_state=workflow_state)
    assert sorted(sent.values_list("kind", flat=True)) == [
        "approved",
        "rejected",
        "submitted",
        "submitted",
    ]
    mail.outbox.clear()
    for notification in sent:
        assert (
            send_workflow_notification.apply(
                args=[notification.kind, notification.task_state_id, None]
            ).get()
            == 0
        )
    assert mail.outbox == []


@pytest.mark.parametrize("kind", ["offer", "funding"])
def test_pruefung_approves_offers_and_funding_without_an_edit_form(
    db, eager_tasks, django_capture_on_commit_callbacks, kind
):
    author = staff("angebotsredaktion", "Editors")
    reviewer = staff("pruefung", "Prüfung", language="ar")
    if kind == "offer":
        parent = german(m.OfferIndexPage).get()
        page = f.OfferPageFactory(parent=parent, publish=True, owner=author)
    else:
        parent = german(m.FundingIndexPage).get()
        page = f.FundingSourcePageFactory(parent=parent, publish=True, owner=author)

    with django_capture_on_commit_callbacks(execute=True):
        submit(author, page, title="Geprüfter Titel")
    state = current_task_state(page)
    assert isinstance(state.task.specific, ReviewOnlyGroupApprovalTask)
    # Prüfung and Integrationsmanagement review; each member is asked once.
    reviewers = set(
        User.objects.filter(groups__name__in=["Prüfung", settings.REVIEW_FALLBACK_GROUP])
        .exclude(email="")
        .values_list("email", flat=True)
    )
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(reviewers)
    (asked,) = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert asked.extra_headers["Content-Language"] == "ar"
    with translation.override("ar"):
        assert f": {display_name(OFFERS_WORKFLOW)}" in asked.body  # the name, translated
    preview = path_of(link_to("/workflow/preview/", asked.body))

    # The reviewer previews and finds it in the queue, but gets no edit form.
    assert client_for(reviewer).get(preview).status_code == 200
    assert "Geprüfter Titel" in " ".join(awaiting_review(reviewer))
    assert_refused(client_for(reviewer).get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    post = edit_form_data(page.specific_class.objects.get(pk=page.pk), reviewer)
    response = client_for(reviewer).post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), post | {"title": "Geändert"}
    )
    assert_refused(response)
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Geprüfter Titel"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert_done(act(reviewer, page, "approve"), page)
    published = Page.objects.get(pk=page.pk)
    assert published.live and published.title == "Geprüfter Titel"
    assert only_message_to(author).extra_headers["Content-Language"] == "de"


def test_wagtails_synchronous_workflow_emails_are_disconnected():
    from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

    from moderation import signal_handlers

    for signal, sender, handler in (
        (task_submitted, TaskState, signal_handlers.on_task_submitted),
        (workflow_rejected, WorkflowState, signal_handlers.on_workflow_rejected),
        (workflow_approved, WorkflowState, signal_handlers.on_workflow_approved),
    ):
        sync_receivers, _async_receivers = signal._live_receivers(sender)
        assert handler in sync_receivers
        assert [r for r in sync_receivers if type(r).__module__ == "wagtail.admin.mail"] == []


def _build_committed_cycle() -> dict:
    """An author (English), field 9's coordinator and a published measure, committed."""
    author = staff("e2e-autorin", "Editors", language="en")
    coordinator = staff("e2e-koordination")
    field = german(m.ActionFieldPage).get(number=9)
    previous = field.coordinator_id
    m.ActionFieldPage.objects.filter(pk=field.pk).update(coordinator=coordinator)
    measure = f.MeasurePageFactory(parent=field, publish=True, owner=author)
    return {
        "author": author.pk,
        "coordinator": coordinator.pk,
        "field": field.pk,
        "previous_coordinator": previous,
        "measure": measure.pk,
        "translation_key": measure.translation_key,
    }


def _forget_cycle(made: dict) -> None:
    """Remove what the committed cycle created; give field 9 its coordinator back."""
    from wagtail.models import PageLogEntry

    WorkflowState.objects.filter(object_id=str(made["measure"])).delete()
    for page in Page.objects.filter(translation_key=made["translation_key"]).order_by("-depth"):
        PageLogEntry.objects.filter(page_id=page.pk).delete()
        page.delete()
    m.ActionFieldPage.objects.filter(pk=made["field"]).update(
        coordinator_id=made["previous_coordinator"]
    )
    User.objects.filter(pk__in=[made["author"], made["coordinator"]]).delete()


def _wait_for_messages(smtp, count: int) -> None:
    """Wait until the SMTP server accepted `count` messages (at most a minute)."""
    import time

    deadline = time.monotonic() + 60
    while len(smtp.handler.accepted) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(smtp.handler.accepted) == count, smtp.handler.recipients()


def _run_committed_cycle(made: dict, smtp) -> None:
    """Submit, reject, resubmit, approve through the admin, each step committed.

    The resubmission's mailed preview link is opened while the task is in progress.
    """
    author = User.objects.get(pk=made["author"])
    coordinator = User.objects.get(pk=made["coordinator"])
    measure = Page.objects.get(pk=made["measure"])
    submit(author, measure, title="Sprachcafé am Markt")
    _wait_for_messages(smtp, 1)
    assert_done(act(coordinator, measure, "reject", COMMENT), measure)
    _wait_for_messages(smtp, 2)
    submit(author, measure, title="Sprachcafé am Markt, jeden Dienstag")
    _wait_for_messages(smtp, 3)
    asked = smtp.handler.accepted[2].get_body(preferencelist=("plain",)).get_content()
    preview = client_for(coordinator).get(path_of(link_to("/workflow/preview/", asked)))
    assert preview.status_code == 200
    assert "jeden Dienstag" in preview.content.decode()
    assert_done(act(coordinator, measure, "approve"), measure)
    _wait_for_messages(smtp, 4)


@pytest.mark.service("redis")
@pytest.mark.service("postgres")
def test_a_real_worker_mails_the_whole_cycle_over_smtp(db, settings):
    """Requests commit in their own connection; a Celery worker on Redis mails over SMTP."""
    import time

    from cms.celery import app
    from tests.processes import in_own_connection
    from tests.smtp import SMTPServer
    from tests.test_reviews_real_services import worker_in_background

    assert app.conf.broker_url.startswith("redis://")
    made: dict = {}
    in_own_connection(lambda: made.update(_build_committed_cycle()))
    try:
        with SMTPServer() as smtp:
            for name, value in smtp.django_settings().items():
                setattr(settings, name, value)
            app.control.purge()
            with worker_in_background(app):
                in_own_connection(lambda: _run_committed_cycle(made, smtp))
                time.sleep(1)  # anything sent twice would arrive now
            messages = list(smtp.handler.accepted)
        coordinator = User.objects.get(pk=made["coordinator"])
        author = User.objects.get(pk=made["author"])
        assert [str(message["To"]) for message in messages] == [
            coordinator.email,
            author.email,
            coordinator.email,
            author.email,
        ]
        assert [message["Content-Language"] for message in messages] == ["de", "en", "de", "en"]
        rejected = messages[1].get_body(preferencelist=("plain",)).get_content()
        assert COMMENT in rejected
        assert "jeden Dienstag" in str(messages[2]["Subject"])
        assert "approved" in str(messages[3]["Subject"])
        assert (
            SentNotification.objects.filter(
                task_state__workflow_state__object_id=str(made["measure"])
            ).count()
            == 4
        )
    finally:
        in_own_connection(lambda: _forget_cycle(made))


def admin_html(user, url: str) -> str:
    """The admin page at `url` as `user` sees it (200 checked)."""
    response = client_for(user).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_wagtails_admin_shows_workflow_and_task_names_in_the_readers_language(
    cast, eager_tasks, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(cast.author, cast.measure, title="Sprachcafé für alle")
    reader = staff("leserin", settings.REVIEW_FALLBACK_GROUP, language=language)
    reader.is_superuser = True
    reader.save()
    with translation.override(language):
        workflow_label = display_name(MEASURES_WORKFLOW)
        task_label = display_name(COORDINATOR_TASK)
    assert workflow_label != MEASURES_WORKFLOW and task_label != COORDINATOR_TASK

    workflow = cast.measure.get_workflow()
    page = cast.measure.pk
    screens = {
        "workflows": reverse("wagtailadmin_workflows:index"),
        "workflow": reverse("wagtailadmin_workflows:edit", args=[workflow.pk]),
        "tasks": reverse("wagtailadmin_workflows:task_index"),
        "page editor": reverse("wagtailadmin_pages:edit", args=[page]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page]),
        "dashboard": reverse("wagtailadmin_home"),
    }
    for screen, url in screens.items():
        html = admin_html(reader, url)  # dialogs are in <template>s: read the markup
        shown = task_label if screen == "dashboard" else workflow_label
        assert escape(shown) in html, screen
        assert MEASURES_WORKFLOW not in html and COORDINATOR_TASK not in html, screen


def test_saving_a_workflow_form_unchanged_keeps_the_stored_german_name(cast):
    reader = staff("leserin", settings.REVIEW_FALLBACK_GROUP, language="ar")
    reader.is_superuser = True
    reader.save()
    workflow = cast.measure.get_workflow()
    url = reverse("wagtailadmin_workflows:edit", args=[workflow.pk])
    form = BeautifulSoup(admin_html(reader, url), "html.parser").find("input", {"name": "name"})
    with translation.override("ar"):
        assert form["value"] == display_name(MEASURES_WORKFLOW)  # shown in Arabic

    task = workflow.workflow_tasks.get().task
    data = {
        "name": form["value"],
        "pages-TOTAL_FORMS": "0",
        "pages-INITIAL_FORMS": "0",
        "pages-MIN_NUM_FORMS": "0",
        "pages-MAX_NUM_FORMS": "1000",
        "workflow_tasks-TOTAL_FORMS": "1",
        "workflow_tasks-INITIAL_FORMS": "1",
        "workflow_tasks-MIN_NUM_FORMS": "0",
        "workflow_tasks-MAX_NUM_FORMS": "1000",
        "workflow_tasks-0-id": str(workflow.workflow_tasks.get().pk),
        "workflow_tasks-0-task": str(task.pk),
        "workflow_tasks-0-ORDER": "1",
        "workflow_tasks-0-DELETE": "",
    }
    response = client_for(reader).post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Workflow.objects.filter(pk=workflow.pk).values_list("name", flat=True).get() == (
        MEASURES_WORKFLOW
    )
    # A name the editor really changes is stored as typed.
    response = client_for(reader).post(url, data | {"name": "Eigener Ablauf"})
    assert response.status_code == 302
    assert Workflow.objects.filter(pk=workflow.pk).values_list("name", flat=True).get() == (
        "Eigener Ablauf"
    )


def test_a_translated_name_is_stored_german_and_prints_translated():
    workflow = Workflow.objects.get(name=MEASURES_WORKFLOW)
    assert workflow.name == MEASURES_WORKFLOW  # compares as the stored value
    assert json.loads(json.dumps({"name": workflow.name})) == {"name": MEASURES_WORKFLOW}
    assert pickle.loads(pickle.dumps(workflow.name)) == MEASURES_WORKFLOW
    with translation.override("en"):
        expected = "Measures: approval by the coordinator"
        assert str(workflow.name) == expected
        assert f"{workflow.name}" == expected
        label = "Submit to %s" % workflow.name  # noqa: UP031 - as Wagtail formats its labels
        assert label == f"Submit to {expected}"
        assert stored_name(expected) == MEASURES_WORKFLOW
    with translation.override("de"):
        assert str(workflow.name) == MEASURES_WORKFLOW
    assert stored_name("Eigener Ablauf") == "Eigener Ablauf"
