"""Each communication carries the plan its audience row belongs to (docs/adr/0046): added empty, filled
from the audience rows in one UPDATE; 0006 makes it required (a migration of its own: PostgreSQL refuses
to alter a table with the UPDATE's foreign key checks still pending in the same transaction)."""

import django.db.models.deletion
from django.db import migrations, models


def fill_plans(apps, schema_editor):
    Communication = apps.get_model("dissemination", "Communication")
    AudiencePlan = apps.get_model("dissemination", "AudiencePlan")
    plan = AudiencePlan.objects.filter(pk=models.OuterRef("audience_plan_id")).values("message_plan__plan_id")
    Communication.objects.update(plan_id=models.Subquery(plan[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("dissemination", "0004_deadline_due_indexed"),
    ]

    operations = [
        migrations.AddField(
            model_name="communication",
            name="plan",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="communications",
                to="dissemination.disseminationplan",
            ),
        ),
        migrations.RunPython(fill_plans, migrations.RunPython.noop, elidable=True),
    ]
