"""What every builder of the large partnership shares: the run's context (random generator, dates,
what earlier areas built) and bulk helpers."""

import datetime
import random
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from learningloop.partnership.models import (
    Agency,
)

BATCH = 2000
EMAIL_DOMAIN = "large.example.org"
ADMIN_EMAIL = f"admin@{EMAIL_DOMAIN}"


@dataclass
class Context:
    rng: random.Random
    years: int
    scale: float
    today: datetime.date
    start: datetime.date
    password: str | None = None
    bu: Agency | None = None
    agencies: list = field(default_factory=list)  # non-school, not the business unit
    schools: list = field(default_factory=list)
    people_by_agency: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    users: dict = field(default_factory=dict)  # role -> [users]
    groups: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    summaries: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    improvement_findings: list = field(default_factory=list)
    accepted_messages: list = field(default_factory=list)
    audit: list = field(default_factory=list)  # LogEntry rows, written at the end

    def n(self, per_year_or_total, minimum=1):
        return max(minimum, round(per_year_or_total * self.scale))

    def year_spans(self):
        """(first day, last day) of each generated year, oldest first; the last one ends today."""
        for i in range(self.years):
            first = self.start + relativedelta(years=i)
            last = min(self.today, first + relativedelta(years=1) - datetime.timedelta(days=1))
            yield first, last

    def day_between(self, first, last):
        return first + datetime.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def moment(self, day, hour=None):
        hour = self.rng.randint(8, 17) if hour is None else hour
        naive = datetime.datetime.combine(day, datetime.time(hour, self.rng.randint(0, 59)))
        return timezone.make_aware(naive)

    def user(self, *roles):
        pool = [u for r in roles for u in self.users.get(r, [])]
        return self.rng.choice(pool) if pool else None

    def person_of(self, agency):
        people = self.people_by_agency.get(agency.pk)
        return self.rng.choice(people) if people else None

    def log(self, obj, action, when, actor=None):
        self.audit.append((obj, action, when, actor))


def bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


def pick(rng, items, low, high):
    return rng.sample(items, min(len(items), rng.randint(low, high)))
