"""The starting vocabulary of themes, with their terms and phrases (learning/preset.py), for new and
existing partnerships alike; themes the business unit already gave terms to are left as they are."""

from django.db import migrations


def load(apps, schema_editor):
    from learningloop.learning.preset import theme_vocabulary_load

    theme_vocabulary_load(apps.get_model("learning", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0010_recurrence_vocabulary_and_marks")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
