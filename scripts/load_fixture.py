"""Prepares a generated large partnership for `make load-test` and writes what the simulated people need:
who signs in (business unit officers and agency leads, without an authenticator app requirement in the load
test's settings) and which records they open, edit and download. Also uploads a few documents to activities,
so the load includes file downloads through the configured storage.

    DATABASE_URL=... python scripts/load_fixture.py OUTPUT.json

Called by scripts/load-test.sh; not meant for a real partnership's database (it adds documents)."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learningloop.config.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402

from learningloop.accounts.models import User  # noqa: E402
from learningloop.core.policy import Role  # noqa: E402
from learningloop.dissemination.models import AgencyResponse, DisseminationPlan, EmbeddingRequest  # noqa: E402
from learningloop.improvement.models import Action, ActionStatus  # noqa: E402
from learningloop.learning.models import (  # noqa: E402
    ActivityDocument,
    Finding,
    LearningActivity,
    SummaryOfLearning,
)

SAMPLE = 400
DOCUMENTS = 20


def _ids(queryset, n=SAMPLE):
    return list(queryset.order_by("?").values_list("pk", flat=True)[:n])


def _emails(*roles):
    users = User.objects.filter(is_active=True).exclude(password__startswith="!")
    return sorted(u.email for u in users if set(u.roles) & {str(r) for r in roles})


def _documents():
    """A few uploaded documents (about 200 KB each), once: the generator makes none."""
    existing = list(ActivityDocument.objects.values_list("pk", flat=True))
    if existing:
        return existing
    body = b"%PDF-1.7\n" + b"Chronology of events and agency involvement. " * 4500
    for activity in LearningActivity.objects.order_by("pk")[:DOCUMENTS]:
        document = ActivityDocument(
            activity=activity, original_name="Chronology.pdf", content_type="application/pdf", size=len(body)
        )
        document.file.save("Chronology.pdf", ContentFile(body), save=True)
    return list(ActivityDocument.objects.values_list("pk", flat=True))


def main(output: str) -> None:
    fixture = {
        "officers": _emails(Role.BU_OFFICER, Role.BU_ADMIN),
        "leads": _emails(Role.AGENCY_LEAD),
        "activities": _ids(LearningActivity.objects.all()),
        "findings": _ids(Finding.objects.all()),
        "open_actions": _ids(
            Action.objects.filter(status__in=[ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS])
        ),
        "summaries": _ids(SummaryOfLearning.objects.all()),
        "plans": _ids(DisseminationPlan.objects.all()),
        "requests": _ids(EmbeddingRequest.objects.all()),
        "responses": _ids(AgencyResponse.objects.all()),
        "documents": _documents(),
    }
    Path(output).write_text(json.dumps(fixture))
    print("load fixture: " + ", ".join(f"{len(v)} {k}" for k, v in fixture.items()))
    if not fixture["officers"] or not fixture["leads"]:
        sys.exit("load fixture: no users who can sign in (generate_large_partnership --password ...)")


if __name__ == "__main__":
    main(sys.argv[1])
