"""Account emails: a new account's welcome and a password reset carry a working password link that is made
by the worker when it sends the email, so no working link, key or token is ever stored in the task table;
each says what to do and by when, on the shared layout."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from learningloop.accounts import emails
from learningloop.accounts.models import User
from learningloop.core.tests.email_checks import check_email_html, visible_text
from learningloop.core.tests.worker import run_worker

from .factories import UserFactory

# The worker closes connections between tasks, so these tests commit for real (see core/tests/test_tasks).
pytestmark = pytest.mark.django_db(transaction=True)

SITE = "https://learning.example.org"
LINK = re.compile(re.escape(SITE) + r"(/accounts/password/reset/key/(\w+)-([\w-]+)/)")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def task_table_text() -> str:
    """Every column of every row of the task queue's table, as stored."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {DBTaskResult._meta.db_table}")  # noqa: S608 - a model's own table
        return "\n".join(repr(row) for row in cursor.fetchall())


def set_password_by_link(link_path, password):
    client = Client()
    page = client.get(link_path, follow=True)
    assert "Set a new password" in page.text
    action = page.redirect_chain[-1][0] if page.redirect_chain else link_path
    assert client.post(action, {"password1": password, "password2": password}).status_code == 302


def test_a_password_reset_link_is_never_stored_in_the_task_table(client):
    user = UserFactory(email="reset.me@example.org", full_name="Robin Reset")
    requested = client.post(reverse("account_reset_password"), {"email": "reset.me@example.org"})
    assert requested.status_code == 302

    queued = task_table_text()
    assert DBTaskResult.objects.count() == 1
    assert "reset/key" not in queued and "http" not in queued  # the user's id and which email, no link

    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    match = LINK.search(message.body)
    path, uid, token = match.group(1), match.group(2), match.group(3)
    assert SITE + path in message.alternatives[0][0]
    # Nor afterwards: the sent email's link, key and token are not in the task's row (its result included).
    stored = task_table_text()
    assert path not in stored and token not in stored and f"{uid}-{token}" not in stored
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    set_password_by_link(path, "a-brand-new-long-passphrase")
    user.refresh_from_db()
    assert user.check_password("a-brand-new-long-passphrase")


def test_a_welcome_link_is_never_stored_in_the_task_table(home_agency):
    admin = UserFactory(roles=["bu_admin"], agency=home_agency)
    client = Client()
    client.force_login(admin)
    data = {"full_name": "Alex Morgan", "email": "alex.morgan@example.org", "agency": home_agency.pk}
    created = client.post(reverse("accounts:user_create"), {**data, "roles": ["agency_member"]})
    assert created.status_code == 302
    assert "reset/key" not in task_table_text()

    run_worker()
    (message,) = mail.outbox
    assert message.subject == "Your Learning Loop account"
    path = LINK.search(message.body).group(1)
    assert path not in task_table_text()

    set_password_by_link(path, "my-own-long-passphrase")
    assert User.objects.get(email="alex.morgan@example.org").check_password("my-own-long-passphrase")


def test_no_email_for_an_account_deactivated_before_the_worker_ran(client):
    user = UserFactory(email="leaving@example.org")
    client.post(reverse("account_reset_password"), {"email": "leaving@example.org"})
    User.objects.filter(pk=user.pk).update(is_active=False)
    run_worker()
    assert mail.outbox == []


@time_machine.travel(datetime.datetime(2027, 1, 12, 9, 0), tick=False)
def test_welcome_says_what_to_do_and_by_when(settings):
    settings.PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60  # three days: 12 January -> 15 January
    user = UserFactory(email="alex.morgan@example.org", full_name="Alex Morgan")
    email = emails.welcome(user=user)
    assert email.to == ("alex.morgan@example.org",)
    assert email.subject == "Your Learning Loop account"
    assert email.text.startswith("Hello Alex Morgan,\n\n")
    assert "Set your password by 15 January 2027 here (the link works once):" in email.text
    assert "Then sign in with this email address: alex.morgan@example.org" in email.text
    link = SITE + LINK.search(email.text).group(1)
    html = check_email_html(email.html)
    assert link in html.links
    assert "Set your password by 15 January 2027. The link works once." in visible_text(email.html)


@time_machine.travel(datetime.datetime(2027, 1, 12, 9, 0), tick=False)
def test_password_reset_says_what_to_do_and_by_when(settings):
    settings.PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
    user = UserFactory(email="robin@example.org", full_name="Robin Reset")
    email = emails.password_reset(user=user, email="robin@example.org")
    assert email.subject == "Reset your Learning Loop password"
    assert "Choose a new password by 15 January 2027 here (the link works once):" in email.text
    assert "your password has not changed" in email.text
    link = SITE + LINK.search(email.text).group(1)
    assert link in check_email_html(email.html).links
    assert "Choose a new password by 15 January 2027." in visible_text(email.html)


def test_unknown_account_email_has_no_reset_link():
    email = emails.unknown_account(email="nobody@example.org")
    assert email.to == ("nobody@example.org",)
    assert "there is no account for it" in email.text
    assert "/accounts/password/reset/key/" not in email.text + email.html
    assert f"{SITE}/accounts/login/" in check_email_html(email.html).links


def test_allauths_other_notices_go_out_on_the_service_layout_by_the_worker(rf):
    from allauth.core import context

    from learningloop.accounts.adapters import AccountAdapter

    request = rf.get("/")
    with context.request_context(request):
        AccountAdapter(request).send_mail(
            "account/email/password_changed",
            "robin@example.org",
            {"ip": "192.0.2.1", "user_agent": "Firefox", "timestamp": "12 January 2027"},
        )
    assert mail.outbox == []
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["robin@example.org"]
    assert message.subject.startswith("Learning Loop: ")
    assert "Your password has been changed." in message.body
    html = message.alternatives[0][0]
    assert "Your password has been changed." in visible_text(html)


def test_an_allauth_email_carrying_a_code_is_refused_rather_than_stored(rf):
    from allauth.core import context
    from django.core.exceptions import ImproperlyConfigured

    from learningloop.accounts.adapters import AccountAdapter

    request = rf.get("/")
    with context.request_context(request), pytest.raises(ImproperlyConfigured):
        AccountAdapter(request).send_mail("account/email/login_code", "robin@example.org", {"code": "123456"})
    assert not DBTaskResult.objects.exists()


class _DownBackend:
    """A mail server that cannot be reached."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_when_sending_fails_the_retry_is_queued_by_id_and_still_stores_no_link(client, settings):
    UserFactory(email="reset.me@example.org")
    client.post(reverse("account_reset_password"), {"email": "reset.me@example.org"})
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}._DownBackend"}}
    run_worker()
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED" and "mail server down" in failed.traceback
    assert retry.status == "READY" and retry.args_kwargs["kwargs"]["attempt"] == 2
    assert "reset/key" not in task_table_text()
