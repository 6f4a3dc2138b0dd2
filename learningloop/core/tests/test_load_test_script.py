"""`make load-test` is not run by the CI (it loads the machine for minutes), so its pieces are checked here:
the form it replays is the form a browser sends (saving an action or an activity with its version works, the
stale second copy is refused with 409 and changes nothing), it refuses any target but loopback, and the
shell script parses. locust itself is not installed in the app's environment: a stand-in module lets the
locustfile import."""

import importlib.util
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
from django.urls import reverse

from learningloop.improvement.models import Action
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.learning.models import LearningActivity

BASE_DIR = Path(__file__).resolve().parents[3]


def _stand_in_locust():
    module = types.ModuleType("locust")

    class HttpUser:
        pass

    def task(weight=1):
        return weight if callable(weight) else (lambda f: f)

    listeners = types.SimpleNamespace(add_listener=lambda f: f)
    module.HttpUser, module.task, module.between = HttpUser, task, lambda low, high: None
    module.events = types.SimpleNamespace(test_start=listeners, quitting=listeners)
    return module


@pytest.fixture(scope="module")
def locustfile(tmp_path_factory):
    fixture = tmp_path_factory.mktemp("load") / "fixture.json"
    fixture.write_text(json.dumps({"officers": ["a@example.org"], "leads": ["b@example.org"]}))
    saved = sys.modules.get("locust")
    sys.modules["locust"] = _stand_in_locust()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LOAD_FIXTURE", str(fixture))
        patch.setenv("LOAD_PASSWORD", "not-used-here")
        spec = importlib.util.spec_from_file_location("locustfile", BASE_DIR / "scripts" / "locustfile.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    if saved is None:
        del sys.modules["locust"]
    else:
        sys.modules["locust"] = saved
    return module


@pytest.mark.django_db
def test_the_replayed_action_form_saves_and_a_stale_copy_is_refused(locustfile, persona_client):
    action = ActionFactory(description="Audit the referral pathway")
    client = persona_client("bu_officer")
    url = reverse("improvement:action_edit", args=[action.pk])
    first = locustfile.edit_form(client.get(url).content.decode())
    second = locustfile.edit_form(client.get(url).content.decode())
    assert ("version", str(action.version)) in first
    assert client.post(url, form_as_lists(first)).status_code == 302
    saved = Action.objects.get(pk=action.pk)
    assert saved.version == action.version + 1
    assert saved.description == "Audit the referral pathway"  # sent back as the page showed it
    assert client.post(url, form_as_lists(second)).status_code == 409
    assert Action.objects.get(pk=action.pk).version == saved.version


@pytest.mark.django_db
def test_the_replayed_activity_form_saves(locustfile, persona_client, walk_objects):
    activity = LearningActivity.objects.order_by("pk").first()
    client = persona_client("bu_officer")
    url = reverse("learning:activity_edit", args=[activity.pk])
    form = locustfile.edit_form(client.get(url).content.decode())
    assert form is not None
    response = client.post(url, form_as_lists(form))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert LearningActivity.objects.get(pk=activity.pk).version == activity.version + 1


def form_as_lists(pairs):
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


@pytest.mark.parametrize("host", ["http://example.org", "http://10.0.0.5:8000", "http://192.168.1.2"])
def test_the_load_goes_nowhere_but_loopback(locustfile, host):
    with pytest.raises(SystemExit, match="loopback addresses only"):
        locustfile._only_loopback(types.SimpleNamespace(host=host))


@pytest.mark.parametrize("host", ["http://127.0.0.1:8765", "http://localhost:8765"])
def test_loopback_targets_are_accepted(locustfile, host):
    locustfile._only_loopback(types.SimpleNamespace(host=host))


def test_the_load_test_script_parses():
    result = subprocess.run(["bash", "-n", str(BASE_DIR / "scripts" / "load-test.sh")], capture_output=True)
    assert result.returncode == 0, result.stderr
