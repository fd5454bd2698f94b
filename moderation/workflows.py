"""The named workflows and where they apply: measures, offers, funding sources.

Names are stored in German (database values); `moderation.names` shows them in the reader's
language, in Wagtail's admin and in teilhabe's own texts (emails). `ensure_workflows` and
`assign_workflows` are idempotent: the data migration, the page-creation hook and the demo
loader may all call them. A page that already has a workflow of its own is left alone.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask

from moderation.models import CoordinatorApprovalTask, ReviewOnlyGroupApprovalTask
from moderation.names import (
    COORDINATOR_TASK,
    MEASURES_WORKFLOW,
    OFFERS_WORKFLOW,
    REVIEW_TASK,
)
from site_pages.models import ActionFieldIndexPage, FundingIndexPage, OfferIndexPage

REVIEW_GROUP = "Prüfung"

# Which index page type gets which workflow (the pages below inherit it).
WORKFLOW_OF_INDEX = {
    ActionFieldIndexPage: MEASURES_WORKFLOW,
    OfferIndexPage: OFFERS_WORKFLOW,
    FundingIndexPage: OFFERS_WORKFLOW,
}


@transaction.atomic
def ensure_workflows() -> dict[str, Workflow]:
    """Create the two named workflows with their tasks unless they exist (matched by name)."""
    coordinator_task, _created = CoordinatorApprovalTask.objects.get_or_create(
        name=COORDINATOR_TASK
    )
    review_task, created = ReviewOnlyGroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
    if created:
        review_task.groups.add(
            Group.objects.get_or_create(name=REVIEW_GROUP)[0],
            Group.objects.get_or_create(name=settings.REVIEW_FALLBACK_GROUP)[0],
        )
    workflows = {}
    for name, task in ((MEASURES_WORKFLOW, coordinator_task), (OFFERS_WORKFLOW, review_task)):
        workflow, created = Workflow.objects.get_or_create(name=name)
        if created:
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        workflows[name] = workflow
    return workflows


def workflow_for_index(page: Page) -> Workflow | None:
    """The workflow a new index page should carry: its German source's, else the named one."""
    name = WORKFLOW_OF_INDEX.get(type(page.specific))
    if name is None:
        return None
    source = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .filter(workflowpage__isnull=False)
        .select_related("workflowpage__workflow")
        .first()
    )
    if source is not None:
        return source.workflowpage.workflow
    return Workflow.objects.filter(name=name, active=True).first()


def assign_workflow(page: Page) -> bool:
    """Give an index page its workflow unless it has one; whether one was assigned."""
    if WorkflowPage.objects.filter(page=page).exists():
        return False
    workflow = workflow_for_index(page)
    if workflow is None:
        return False
    WorkflowPage.objects.create(page=page, workflow=workflow)
    return True


def assign_workflows() -> int:
    """Create the workflows, assign them to every index page in every locale; how many new."""
    ensure_workflows()
    assigned = 0
    for model in WORKFLOW_OF_INDEX:
        for page in model.objects.order_by("path"):  # aliases too: their children inherit
            assigned += assign_workflow(page)
    return assigned
