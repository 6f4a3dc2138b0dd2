"""The starting vocabulary gains synonym groups (lines of several ways of saying one thing, " = " apart:
ADR 0024). A theme whose terms are still exactly the starting set first shipped (told by its fingerprint
below) gets the new starting set; a theme the business unit has edited is left as it is, as always."""

import hashlib

from django.db import migrations

# Theme name -> the first 16 hex digits of sha256 of its starting terms as first shipped (one a line).
FIRST_SHIPPED = {
    "Professional curiosity": "96b91c253523dfb7",
    "Information sharing": "04190dc10ecc9f62",
    "Voice of the child": "e84c28ac5f5298c5",
    "Risk assessment": "3ea4a3046ab72b2f",
    "Neglect": "def39cd40748f666",
    "Domestic abuse": "a9c58d8e80927dfc",
    "Fathers and significant adults": "36f196f72e550dc4",
    "Escalation": "76190a00c67597c6",
    "Exploitation": "e99554ba162e79b6",
    "Parental mental health": "2818f7f084604ce7",
    "Substance misuse": "fe897b401b21f0eb",
    "Safe sleep": "0b8d8ed56321eea3",
    "Multi-agency working": "9d0e07678ffdb5b1",
    "Record keeping": "f963f921a25d0f86",
    "Thresholds and early help": "95dbf861a877b20d",
    "Child in need and child protection planning": "d2bbb68dedb2df25",
    "Strategy discussions": "8dc6c9b80febd794",
    "Allegations against people who work with children": "92519f90346ba054",
    "Missing children": "f2ec36c947187db8",
    "Injuries to non-mobile babies": "6e30e1e1f65229f4",
    "Transitions": "b8508f0d5dc096bf",
    "Special educational needs and disabilities": "7045d4767fcc86be",
    "Education and home education": "87828cd32caf19ea",
    "Private fostering": "4ffd2d93ddbf59be",
    "Think family": "938198fd1beb6de1",
    "Disguised compliance": "9a9f558573d82a41",
}


def _fingerprint(terms):
    lines = [line.strip() for line in terms.splitlines() if line.strip()]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def upgrade(apps, schema_editor):
    from learningloop.learning.preset import THEME_VOCABULARY

    theme_model = apps.get_model("learning", "Theme")
    for name, (_, terms) in THEME_VOCABULARY.items():
        theme = theme_model.objects.filter(name__iexact=name).first()
        if theme is not None and FIRST_SHIPPED.get(name) == _fingerprint(theme.terms):
            theme.terms = "\n".join(terms)
            theme.version += 1  # a form opened before the upgrade is told the theme changed
            theme.save(update_fields=["terms", "version"])


class Migration(migrations.Migration):
    dependencies = [("learning", "0011_theme_vocabulary")]
    operations = [migrations.RunPython(upgrade, migrations.RunPython.noop)]
