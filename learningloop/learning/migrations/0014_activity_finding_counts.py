"""Each activity carries its findings' counts for the register (docs/adr/0047): added, then counted in one
UPDATE."""

from django.db import migrations, models
from django.db.models.functions import Coalesce


def count_findings(apps, schema_editor):
    LearningActivity = apps.get_model("learning", "LearningActivity")
    Finding = apps.get_model("learning", "Finding")
    findings = Finding.objects.filter(activity=models.OuterRef("pk")).order_by().values("activity")
    counted = findings.annotate(n=models.Count("pk")).values("n")
    improving = findings.filter(kind="improvement").annotate(n=models.Count("pk")).values("n")
    LearningActivity.objects.update(
        finding_count=Coalesce(models.Subquery(counted), 0),
        improvement_count=Coalesce(models.Subquery(improving), 0),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0013_deadline_due_indexed"),
    ]

    operations = [
        migrations.AddField(
            model_name="learningactivity",
            name="finding_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="learningactivity",
            name="improvement_count",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="areas for improvement"
            ),
        ),
        migrations.RunPython(count_findings, migrations.RunPython.noop, elidable=True),
    ]
