"""Every communication has its plan (filled by 0005): the column becomes required (docs/adr/0046)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dissemination", "0005_communication_plan"),
    ]

    operations = [
        migrations.AlterField(
            model_name="communication",
            name="plan",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="communications",
                to="dissemination.disseminationplan",
            ),
        ),
    ]
