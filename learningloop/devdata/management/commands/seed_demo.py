"""`manage.py seed_demo`: a fictional partnership's people, memberships, one demo login per persona, and
demo records in every area (learningloop/devdata/demo/, one builder module per area).

Safe to repeat; refuses to run when DEBUG is off unless --force is given. A new area adds its builder
module beside the others and calls its `seed()` from `Command.seed()`, in dependency order.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.devdata.demo import assurance as assurance_demo
from learningloop.devdata.demo import (
    dissemination_briefings,
    dissemination_plans,
    dissemination_requests,
    governance,
    improvement_actions,
    learning_register,
    learning_reviews,
    learning_summaries,
    partnership,
    website,
    workforce,
)
from learningloop.devdata.demo import performance as impact_dataset
from learningloop.devdata.demo import surveys as surveys_demo
from learningloop.devdata.demo import yearly_report as yearly_report_demo
from learningloop.devdata.demo import you_said_we_did as you_said_we_did_demo
from learningloop.devdata.demo.partnership import DEMO_PASSWORD, DEMO_USERS, LDG_HOLDERS, MEMBERSHIPS, PEOPLE
from learningloop.partnership.models import Partnership
from learningloop.reports.loop import loop_update

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "Command"]


class Command(BaseCommand):
    help = (
        "Create a fictional partnership's people, memberships and one demo login per role "
        f"(shared password {DEMO_PASSWORD!r}). Safe to repeat. Refuses to run unless DEBUG is on "
        "or --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--logins", action="store_true", help="Only print the table of demo logins")
        parser.add_argument("--force", action="store_true", help="Run even though DEBUG is off")

    def handle(self, *args, logins=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates demo accounts that share a published password, so it does not run "
                "when DEBUG is off (as in production). Add --force if this really is a demo site."
            )
        if logins:
            self.print_logins()
            return
        if not Partnership.objects.exists():
            call_command("load_framework", stdout=self.stdout)
        with transaction.atomic():
            added = self.seed()
        self.stdout.write(
            f"Demo data: {len(PEOPLE)} people, {len(DEMO_USERS)} logins, "
            f"{len(MEMBERSHIPS) + len(LDG_HOLDERS)} memberships ({added} rows added). "
            f"Demo password: {DEMO_PASSWORD}"
        )

    def seed(self) -> int:
        """Each area in its own function; each returns how many rows it added."""
        added = partnership.seed()
        # Learning capture, in dependency order: activities and findings, case reviews, summaries.
        learning_register.seed(self.stdout)
        learning_reviews.seed(self.stdout)
        learning_summaries.seed(self.stdout)
        # From learning to practice: plans and communications, briefings, requests to agencies, actions.
        dissemination_plans.seed(self.stdout)
        dissemination_briefings.seed(self.stdout)
        dissemination_requests.seed(self.stdout)
        improvement_actions.seed(self.stdout)
        # Governance: meetings, the work plan, risks, highlight reports, policies, learning events.
        governance.seed(self.stdout)
        # Workforce development: the training programme, practitioners and their bookings.
        workforce.seed(self.stdout)
        # Assurance: audits, self-assessment cycles, agencies' own learning, complaints and compliments.
        assurance_demo.seed(self.stdout)
        # Surveys of children, families and practitioners, with their imported responses.
        surveys_demo.seed(self.stdout)
        # What difference it made: the dataset, its stories and the evidence that closes trails.
        impact_dataset.seed(self.stdout)
        # Evidence of impact from audits and surveys, and "You said, we did" (some published on the hub).
        you_said_we_did_demo.seed(self.stdout)
        # Written past the services: every key message's loop counted once (ADR 0044), before the hub and
        # the yearly report read it.
        loop_update()
        # The public learning hub, last: it publishes what the areas above hold.
        website.seed(self.stdout)
        # The partners' yearly reports: last year's signed off and published on the hub, this year's a draft.
        yearly_report_demo.seed(self.stdout)
        return added

    def print_logins(self):
        users = {u.email: u for u in User.objects.filter(email__in=[e for e, *_ in DEMO_USERS])}
        if not users:
            self.stdout.write("No demo logins yet: run `manage.py seed_demo` first.")
            return
        rows = [("Email", "Role", "Agency", "Password")]
        for email, _, role, _ in DEMO_USERS:
            if user := users.get(email):
                agency = user.agency.display_name if user.agency else "–"
                rows.append((email, Role(role).label, agency, DEMO_PASSWORD))
        for email, role, agency in workforce.demo_logins():  # a practitioner who books training
            rows.append((email, Role(role).label, agency, DEMO_PASSWORD))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        self.stdout.write("Demo logins (fictional people; every login shares the same password):")
        for row in rows:
            self.stdout.write(
                "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
