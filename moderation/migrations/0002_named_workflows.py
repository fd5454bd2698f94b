"""Create the named German workflows and assign them to the existing index pages.

"Maßnahmen: Freigabe durch die Koordination" (one task: the action field's coordinator) goes
to every ActionFieldIndexPage, "Angebote und Fördermittel: Prüfung" (one task: the groups
Prüfung and Integrationsmanagement approve without editing) to every OfferIndexPage and
FundingIndexPage, in every locale. Idempotent: what exists (matched by name) is kept, and a
page that already has a workflow of its own keeps it. The groups are created here if the
editorial app's migration has not created them yet (the same names). Pages created later,
such as the demo's, get their workflow from the hook in `moderation.signal_handlers`.
"""

from django.db import migrations

MEASURES_WORKFLOW = "Maßnahmen: Freigabe durch die Koordination"
COORDINATOR_TASK = "Freigabe durch die Koordination des Handlungsfelds"
OFFERS_WORKFLOW = "Angebote und Fördermittel: Prüfung"
REVIEW_TASK = "Prüfung"
REVIEW_GROUPS = ["Prüfung", "Integrationsmanagement"]
INDEX_WORKFLOWS = {
    "actionfieldindexpage": MEASURES_WORKFLOW,
    "offerindexpage": OFFERS_WORKFLOW,
    "fundingindexpage": OFFERS_WORKFLOW,
}


def create_workflows(apps, schema_editor):
    """Create groups, tasks and workflows that are missing; assign the index pages."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    CoordinatorApprovalTask = apps.get_model("moderation", "CoordinatorApprovalTask")
    ReviewOnlyGroupApprovalTask = apps.get_model("moderation", "ReviewOnlyGroupApprovalTask")

    def content_type(model: str):
        """The content type of one of this app's task models (created before post_migrate)."""
        return ContentType.objects.get_or_create(app_label="moderation", model=model)[0]

    coordinator_task = CoordinatorApprovalTask.objects.filter(name=COORDINATOR_TASK).first()
    if coordinator_task is None:
        coordinator_task = CoordinatorApprovalTask.objects.create(
            name=COORDINATOR_TASK, content_type=content_type("coordinatorapprovaltask")
        )
    review_task = ReviewOnlyGroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if review_task is None:
        review_task = ReviewOnlyGroupApprovalTask.objects.create(
            name=REVIEW_TASK, content_type=content_type("reviewonlygroupapprovaltask")
        )
        review_task.groups.set(Group.objects.get_or_create(name=name)[0] for name in REVIEW_GROUPS)

    workflows = {}
    for name, task in ((MEASURES_WORKFLOW, coordinator_task), (OFFERS_WORKFLOW, review_task)):
        workflow, created = Workflow.objects.get_or_create(name=name)
        if created:
            WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
        workflows[name] = workflow

    for model, name in INDEX_WORKFLOWS.items():
        index_type = ContentType.objects.filter(app_label="site_pages", model=model).first()
        if index_type is None:
            continue  # a fresh database: no pages yet
        for page in Page.objects.filter(content_type=index_type):
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflows[name]})


def remove_workflows(apps, schema_editor):
    """Remove the two named workflows and their tasks (the groups stay)."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name__in=[MEASURES_WORKFLOW, OFFERS_WORKFLOW]).delete()
    Task.objects.filter(
        name__in=[COORDINATOR_TASK, REVIEW_TASK], content_type__app_label="moderation"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("site_pages", "0004_german_workflow_name"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflows, remove_workflows)]
