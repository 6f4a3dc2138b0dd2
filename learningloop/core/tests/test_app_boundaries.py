"""The app boundaries of docs/adr/0006-app-layers.md hold: import-linter's contracts in pyproject.toml are
kept (as `make lint` checks), and every app of the project has its place in the layers."""

import subprocess
import sys
import tomllib
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[3]


def _contracts():
    with open(BASE_DIR / "pyproject.toml", "rb") as f:
        return {c["name"]: c for c in tomllib.load(f)["tool"]["importlinter"]["contracts"]}


def test_the_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(_contracts())} kept, 0 broken" in result.stdout


def test_the_three_contracts_the_partnership_agreed():
    contracts = _contracts()
    layers = contracts["Apps are layered: a lower app never imports a higher one"]["layers"]
    assert layers[0] == "config" and layers[-1] == "core"
    assert layers.index("partnership") > layers.index("learning")  # partnership sits below learning
    assert contracts["Core imports no domain app"]["source_modules"] == ["learningloop.core"]
    assert contracts["Partnership does not import learning"]["forbidden_modules"] == ["learningloop.learning"]


def test_every_project_app_has_a_layer_and_core_forbids_it():
    contracts = _contracts()
    named = set()
    for layer in contracts["Apps are layered: a lower app never imports a higher one"]["layers"]:
        for part in layer.replace("|", ":").split(":"):
            named.add(part.strip().strip("()"))
    apps = {
        config.name.removeprefix("learningloop.")
        for config in django_apps.get_app_configs()
        if config.name.startswith("learningloop.")
    }
    assert apps <= named, f"Place these apps in the layers contract: {apps - named}"
    forbidden = {
        m.removeprefix("learningloop.") for m in contracts["Core imports no domain app"]["forbidden_modules"]
    }
    assert apps - {"core"} <= forbidden, f"Forbid core to import: {apps - {'core'} - forbidden}"


def test_core_reaches_the_areas_only_through_what_they_register():
    from learningloop.core import policy
    from learningloop.partnership import rules

    # The restricted-details rule for case review group members comes from partnership, not from core.
    assert policy.EXTRA_RULES["restricted.view"] is rules.sits_on_a_case_review_group
    processors = settings.TEMPLATES[0]["OPTIONS"]["context_processors"]
    assert "learningloop.partnership.context_processors.partnership" in processors


def test_the_public_hub_reads_only_published_snapshots():
    """The public pages import no working model: only the website's snapshot models (docs/adr/0029)."""
    contract = _contracts()["The public hub reads only published snapshots"]
    assert contract["type"] == "forbidden"
    assert contract["source_modules"] == ["learningloop.website.public"]
    working = {
        "learningloop.accounts",
        "learningloop.partnership",
        "learningloop.learning",
        "learningloop.dissemination",
        "learningloop.improvement",
        "learningloop.performance",
        "learningloop.assurance",
        "learningloop.workforce",
        "learningloop.governance",
        "learningloop.reports",
        "learningloop.website.publishing",
    }
    assert working <= set(contract["forbidden_modules"])
    assert not contract.get("ignore_imports")
    assert contract.get("allow_indirect_imports") in (None, False)  # the snapshot models import none either
