from django.db import migrations

WORKFLOW_NAME = "Library review"
TASK_NAME = "Secretariat review"


def create(apps, schema_editor):
    """The Russian locale and the secretariat's review of practice notes.

    The workflow is attached to the library page by ``knowledge.services.library_setup`` once
    that page exists.
    """
    Locale = apps.get_model("wagtailcore", "Locale")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    Locale.objects.get_or_create(language_code="ru")
    secretariat, _ = Group.objects.get_or_create(name="secretariat")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(secretariat)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_pages_and_documents"),
        ("members", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
