"""GOV.UK Notify as the email backend, against a fake Notify on the loopback: the request the official
client sends (template id, address, personalisation, a token signed with the key), and a refusal surfaced
as a failed task (tried again later when the failure may pass), never silently dropped."""

import datetime
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from learningloop.config.mailers import mailers_from_env
from learningloop.core.emails import Email, queue_email
from learningloop.core.notify import NotifyEmailBackend, NotifyError
from learningloop.core.tests.worker import run_worker

SERVICE_ID = str(uuid.uuid4())
SECRET = str(uuid.uuid4())
API_KEY = f"learningloop_test-{SERVICE_ID}-{SECRET}"
TEMPLATE_ID = str(uuid.uuid4())


class FakeNotify:
    """An http.server thread on 127.0.0.1 that answers like Notify's POST /v2/notifications/email."""

    def __init__(self):
        self.requests = []
        self.status, self.answer = 201, None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                fake.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "json": json.loads(body)}
                )
                answer = fake.answer or {
                    "id": str(uuid.uuid4()),
                    "reference": None,
                    "content": {"subject": "-", "body": "-", "from_email": "learning-loop@notify.example"},
                    "uri": "-",
                    "template": {"id": TEMPLATE_ID, "version": 1, "uri": "-"},
                }
                data = json.dumps(answer).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def refuse(self, status, message):
        self.status = status
        self.answer = {"status_code": status, "errors": [{"error": "BadRequestError", "message": message}]}


@pytest.fixture
def notify(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    fake = FakeNotify()
    fake.thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def notify_mailer(settings, notify):
    settings.MAILERS = {
        "default": {
            "BACKEND": "learningloop.core.notify.NotifyEmailBackend",
            "OPTIONS": {"api_key": API_KEY, "template_id": TEMPLATE_ID, "base_url": notify.url},
        }
    }
    return notify


def _email(**fields):
    return Email(
        **{
            "name": "request_sent",
            "to": ("police.lead@example.org",),
            "subject": "Request to embed learning: Chronologies",
            "text": "Please respond by 15 January 2027:\nhttps://learning.example.org/dissemination/responses/7/\n",
            "html": "<p>Please respond</p>",
            **fields,
        }
    )


def test_the_backend_sends_the_generic_template_with_subject_and_body(notify):
    backend = NotifyEmailBackend(
        alias="default", api_key=API_KEY, template_id=TEMPLATE_ID, base_url=notify.url
    )
    message = mail.EmailMultiAlternatives(
        subject="Your Learning Loop account", body="Set your password:\nhttps://x/", to=["a@example.org"]
    )
    message.attach_alternative("<p>Set your password</p>", "text/html")
    assert backend.send_messages([message]) == 1

    (request,) = notify.requests
    assert request["path"] == "/v2/notifications/email"
    assert request["json"] == {
        "email_address": "a@example.org",
        "template_id": TEMPLATE_ID,
        "personalisation": {
            "subject": "Your Learning Loop account",
            "body": "Set your password:\nhttps://x/",
        },
    }
    # The client signs a token with the key's secret, issued by the key's service.
    token = request["headers"]["Authorization"].removeprefix("Bearer ")
    assert jwt.decode(token, SECRET, algorithms=["HS256"])["iss"] == SERVICE_ID


def test_each_recipient_is_one_notification(notify):
    backend = NotifyEmailBackend(
        alias="default", api_key=API_KEY, template_id=TEMPLATE_ID, base_url=notify.url
    )
    message = mail.EmailMessage(subject="S", body="B", to=["a@example.org"], cc=["b@example.org"])
    backend.send_messages([message])
    assert [r["json"]["email_address"] for r in notify.requests] == ["a@example.org", "b@example.org"]


def test_a_reply_to_address_is_passed_when_configured(notify):
    backend = NotifyEmailBackend(
        alias="default",
        api_key=API_KEY,
        template_id=TEMPLATE_ID,
        base_url=notify.url,
        email_reply_to_id="r-1",
    )
    backend.send_messages([mail.EmailMessage(subject="S", body="B", to=["a@example.org"])])
    assert notify.requests[0]["json"]["email_reply_to_id"] == "r-1"


@pytest.mark.django_db(transaction=True)
def test_a_queued_email_goes_through_notify_from_the_worker(notify_mailer):
    with transaction.atomic():
        queue_email(_email())
    assert notify_mailer.requests == []  # not inside the request
    run_worker()
    (request,) = notify_mailer.requests
    assert request["json"]["email_address"] == "police.lead@example.org"
    assert request["json"]["template_id"] == TEMPLATE_ID
    assert request["json"]["personalisation"] == {
        "subject": "Request to embed learning: Chronologies",
        "body": "Please respond by 15 January 2027:\nhttps://learning.example.org/dissemination/responses/7/\n",
    }
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_refusal_fails_the_task_with_notifys_message_and_is_not_retried(notify_mailer):
    notify_mailer.refuse(400, "Can't send to this recipient using a team-only API key")
    with transaction.atomic():
        queue_email(_email())
    run_worker()
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED"
    assert result.exception_class_path == "learningloop.core.notify.NotifyError"
    assert "team-only API key" in result.traceback
    assert len(notify_mailer.requests) == 1
    run_worker()  # nothing queued to try again: a wrong address or key will not pass by itself
    assert DBTaskResult.objects.count() == 1 and len(notify_mailer.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_notify_being_down_fails_the_task_and_queues_a_later_attempt(notify_mailer):
    notify_mailer.refuse(500, "Internal server error")
    with transaction.atomic():
        queue_email(_email())
    before = timezone.now()
    run_worker()
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert retry.status == "READY"
    assert retry.run_after >= before + datetime.timedelta(minutes=1)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.args_kwargs["kwargs"]["to"] == ["police.lead@example.org"]


def test_a_refusal_says_whether_trying_again_may_work(notify):
    backend = NotifyEmailBackend(
        alias="default", api_key=API_KEY, template_id=TEMPLATE_ID, base_url=notify.url
    )
    for status, transient in ((400, False), (403, False), (429, True), (500, True)):
        notify.refuse(status, "No")
        with pytest.raises(NotifyError) as raised:
            backend.send_messages([mail.EmailMessage(subject="S", body="B", to=["a@example.org"])])
        assert raised.value.transient is transient, status


def test_notify_not_answering_may_pass():
    backend = NotifyEmailBackend(
        alias="default", api_key=API_KEY, template_id=TEMPLATE_ID, base_url="http://127.0.0.1:9", timeout=2
    )
    with pytest.raises(NotifyError) as raised:
        backend.send_messages([mail.EmailMessage(subject="S", body="B", to=["a@example.org"])])
    assert raised.value.transient is True


@pytest.mark.parametrize(
    ("environment", "backend", "options"),
    [
        ({}, "django.core.mail.backends.console.EmailBackend", {}),
        (
            {"NOTIFY_API_KEY": API_KEY, "NOTIFY_TEMPLATE_ID": TEMPLATE_ID},
            "learningloop.core.notify.NotifyEmailBackend",
            {
                "api_key": API_KEY,
                "template_id": TEMPLATE_ID,
                "base_url": "https://api.notifications.service.gov.uk",
                "email_reply_to_id": "",
            },
        ),
        (
            {
                "EMAIL_BACKEND": "smtp",
                "EMAIL_HOST": "mail.example.org",
                "EMAIL_PORT": "587",
                "EMAIL_USE_TLS": "true",
            },
            "django.core.mail.backends.smtp.EmailBackend",
            {
                "host": "mail.example.org",
                "port": 587,
                "username": "",
                "password": "",
                "use_tls": True,
                "use_ssl": False,
                "timeout": 30,
            },
        ),
        (
            {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
            "django.core.mail.backends.locmem.EmailBackend",
            {},
        ),
    ],
)
def test_the_mailer_comes_from_the_environment(monkeypatch, environment, backend, options):
    for name in (
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_USE_TLS",
        "NOTIFY_API_KEY",
        "NOTIFY_TEMPLATE_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert mailers_from_env(default="console") == {"default": {"BACKEND": backend, "OPTIONS": options}}


@pytest.mark.parametrize(
    "environment",
    [
        {"EMAIL_BACKEND": "notify"},
        {"EMAIL_BACKEND": "notify", "NOTIFY_API_KEY": API_KEY},
        {"EMAIL_BACKEND": "pigeon"},
    ],
)
def test_an_incomplete_mailer_stops_the_service_with_a_message(monkeypatch, environment):
    for name in ("EMAIL_BACKEND", "NOTIFY_API_KEY", "NOTIFY_TEMPLATE_ID"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured):
        mailers_from_env(default="console")
