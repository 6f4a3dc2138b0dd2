"""The partners' yearly report (Working Together 2023: at least once in every twelve months), its sign-offs by
the three statutory safeguarding partners and the deadline for the next one.

A report is a draft while its figures are read from live data (reports.yearly.sections); when the third
partner signs off it is frozen: `snapshot` keeps the figures, tables and chart data as they were, and no
edit is accepted again (core.policy STATE_RULES). See docs/adr/0035-yearly-report-snapshot-and-sign-off.md."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.deadlines import DeadlineBase, DeadlineQuerySet
from learningloop.core.querysets import SignedInQuerySet
from learningloop.partnership.models import SAFEGUARDING_PARTNERS, Agency, StatutoryRole


class YearlyReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED_OFF = "signed_off", "Signed off"
    PUBLISHED = "published", "Published"


PARTNER_ROLES = tuple((role.value, role.label.split(" (")[0]) for role in SAFEGUARDING_PARTNERS)
PARTNER_LABELS = dict(PARTNER_ROLES)


def reporting_year_start(year: int) -> datetime.date:
    """The first day of the reporting year that starts in `year` (settings.YEARLY_REPORT_START_MONTH, April by
    default: the financial year English public bodies report in)."""
    return datetime.date(year, getattr(settings, "YEARLY_REPORT_START_MONTH", 4), 1)


def reporting_year_of(day: datetime.date) -> int:
    """The start year of the reporting year holding `day`."""
    start = reporting_year_start(day.year)
    return day.year if day >= start else day.year - 1


class YearlyReportQuerySet(SignedInQuerySet):
    def with_sign_offs(self):
        return self.prefetch_related(
            models.Prefetch(
                "sign_offs",
                queryset=SignOff.objects.filter(withdrawn_at__isnull=True).select_related("agency"),
                to_attr="current_sign_offs",
            )
        )


def report_label(year) -> str:
    """The year a yearly report covers: "2026 to 2027"."""
    return f"{year} to {year + 1}"


class YearlyReport(models.Model):
    """One reporting year's report. `texts` is {section key: {"above": str, "below": str}}: what the partners
    write over and under each section's generated figures."""

    year = models.PositiveIntegerField("reporting year starting", unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    status = models.CharField(
        max_length=12, choices=YearlyReportStatus.choices, default=YearlyReportStatus.DRAFT
    )
    texts = models.JSONField(default=dict, blank=True)
    # Filled when the last partner signs off: {section key: generated content} (sections.py), never changed.
    snapshot = models.JSONField(null=True, blank=True)
    frozen_at = models.DateTimeField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = YearlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="yearly_report_ends_after"
            )
        ]

    def __str__(self):
        return f"Yearly report {self.label}"

    @property
    def label(self) -> str:
        return report_label(self.year)

    @property
    def title(self) -> str:
        from learningloop.partnership.models import Partnership

        partnership = Partnership.current()
        name = partnership.name if partnership else "Safeguarding Children Partnership"
        return f"{name}: yearly report {self.label}"

    @property
    def is_frozen(self) -> bool:
        return self.snapshot is not None

    @property
    def public_sections(self):
        """What the public learning hub shows (reports.yearly.public: the frozen figures and the texts)."""
        from .yearly.public import public_sections

        return public_sections(self)

    def text(self, key: str, where: str) -> str:
        return (self.texts.get(key) or {}).get(where, "")

    @classmethod
    def for_year(cls, year: int) -> "YearlyReport":
        start = reporting_year_start(year)
        return cls(year=year, starts_on=start, ends_on=start + relativedelta(years=1, days=-1))


class SignOff(models.Model):
    """One safeguarding partner's sign-off, by a named strategic lead of that partner's agency. Withdrawn
    (with a reason) only while the report is not yet signed off by all three; a withdrawn one is kept."""

    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="sign_offs")
    partner = models.CharField(max_length=20, choices=PARTNER_ROLES)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(max_length=200)
    signer_role = models.CharField(max_length=200, blank=True)
    signed_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "partner"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_current_sign_off_per_partner",
            )
        ]

    def __str__(self):
        return f"{PARTNER_LABELS.get(self.partner, self.partner)}: {self.signer_name}"

    @property
    def partner_label(self) -> str:
        return PARTNER_LABELS.get(self.partner, self.partner)


class NextReportDueQuerySet(DeadlineQuerySet):
    def visible_to(self, user):
        from learningloop.core.policy import can

        return self if can(user, "yearly.manage") else self.none()


class NextReportDue(DeadlineBase):
    """The next yearly report is due twelve months after the last one was published (a deadline in the one
    engine, core.deadlines); it is met when the next report is published."""

    after = models.OneToOneField(YearlyReport, on_delete=models.CASCADE, related_name="next_due")

    objects = NextReportDueQuerySet.as_manager()

    class Meta(DeadlineBase.Meta):
        verbose_name = "next yearly report due"

    def __str__(self):
        return f"Yearly report due after {self.after.label}"


__all__ = ["PARTNER_ROLES", "NextReportDue", "SignOff", "StatutoryRole", "YearlyReport", "YearlyReportStatus"]


class KeyMessageLoop(models.Model):
    """What a key message's loop status (reports.trail.with_loop_status) is built from, kept on every write
    that changes it (reports.loop.loop_update, ADR 0044), so the home page's stage counts and the trail's
    list read five columns instead of six EXISTS subqueries per key message. A key message with no row has
    reached no stage after identified. `trained_from` is the earliest scheduled training session carrying
    the message: it counts as disseminated from that day on, so no nightly run is needed as dates pass."""

    key_message = models.OneToOneField(
        "learning.KeyMessage", on_delete=models.CASCADE, primary_key=True, related_name="loop"
    )
    planned = models.BooleanField(default=False)
    communicated = models.BooleanField(default=False)
    trained_from = models.DateField(null=True, blank=True)
    embedded = models.BooleanField(default=False)
    evidenced = models.BooleanField(default=False)

    def __str__(self):
        return f"Loop of key message {self.key_message_id}"
