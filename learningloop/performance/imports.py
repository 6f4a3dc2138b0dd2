"""Agencies' data returns by file (core.imports): one row per indicator, agency and period, all or
nothing. The template is prefilled with the rows the agency owes."""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.db import connections, router
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone

from learningloop.core import imports
from learningloop.core.policy import can
from learningloop.partnership.models import Agency

from .measures import check_values
from .models import DataDue, Indicator, Submission
from .periods import period_ending
from .services import impact_evidence_update, period_totals_update

UNKNOWN_INDICATOR = "There is no indicator with the code ‘{code}’. Use the codes in the template"
UNKNOWN_AGENCY = "There is no agency called ‘{name}’"
NOT_YOURS = "You can only submit values for {agency}"
NOT_A_PROVIDER = "{agency} does not provide this indicator"
NOT_A_PERIOD = "{date} is not the end of a {frequency} period of this indicator"
NOT_DUE = "No value is due for the period ending {date}: the indicator collects data from {first}"
NOT_ENDED = "The period ending {date} has not ended yet"
ALREADY = "{agency} has already submitted this period: correct the value on the indicator's page"
DUPLICATE = "This row repeats row {row} (the same indicator, agency and period)"
BLANK = "Enter the {what}"
DATE_WORDS = "{date:%-d %B %Y}"


class Row(NamedTuple):
    """One clean row of a file, ready to insert."""

    indicator_id: int
    agency_id: int
    period_start: datetime.date
    period_end: datetime.date
    value: Decimal
    numerator: Decimal | None
    denominator: Decimal | None
    commentary: str


class SubmissionImport(imports.ImportSpec):
    key = "performance.submissions"
    title = "Data returns"
    sheet = "Data returns"
    columns = (
        imports.Column("code", "Indicator code"),
        imports.Column("name", "Indicator", required=False),
        imports.Column("agency", "Agency"),
        imports.Column("period_end", "Period end"),
        imports.Column("value", "Value", required=False),
        imports.Column("numerator", "Numerator", required=False),
        imports.Column("denominator", "Denominator", required=False),
        imports.Column("commentary", "Analysis and commentary", required=False),
    )

    def prepare(self, *, user, context):
        indicators = {i.code.casefold(): i for i in Indicator.objects.active().prefetch_related("providers")}
        providers = {i.pk: {a.pk for a in i.providers.all()} for i in indicators.values()}
        agencies = {}
        for agency in Agency.objects.all():
            agencies.setdefault(agency.name.casefold(), agency)
            if agency.short_name:
                agencies.setdefault(agency.short_name.casefold(), agency)
        own = None if can(user, "impact.manage") else getattr(user, "agency", None)
        existing = set(Submission.objects.values_list("indicator_id", "agency_id", "period_start"))
        return {
            "indicators": indicators,
            "providers": providers,
            "agencies": agencies,
            "own": own,
            "existing": existing,
            "today": timezone.localdate(),
            "periods": {},
        }

    def clean_row(self, values, *, state, row):
        problems = {}
        code = imports.parse_text(values["code"])
        indicator = state["indicators"].get(code.casefold()) if code else None
        if not code:
            problems["Indicator code"] = BLANK.format(what="indicator code")
        elif indicator is None:
            problems["Indicator code"] = UNKNOWN_INDICATOR.format(code=code)
        name = imports.parse_text(values["agency"])
        agency = state["agencies"].get(name.casefold()) if name else None
        if not name:
            problems["Agency"] = BLANK.format(what="agency")
        elif agency is None:
            problems["Agency"] = UNKNOWN_AGENCY.format(name=name)
        elif state["own"] is not None and agency.pk != state["own"].pk:
            problems["Agency"] = NOT_YOURS.format(agency=state["own"])
        elif indicator is not None and agency.pk not in state["providers"][indicator.pk]:
            problems["Agency"] = NOT_A_PROVIDER.format(agency=agency)
        period = None
        if values["period_end"] is None:
            problems["Period end"] = BLANK.format(what="date the period ended")
        else:
            try:
                end = imports.parse_date(values["period_end"], label="The period end")
            except imports.CellError as error:
                problems["Period end"] = str(error)
            else:
                if indicator is not None:
                    period = self._period(indicator, end, state, problems)
        numbers = {}
        for key, header in (("value", "Value"), ("numerator", "Numerator"), ("denominator", "Denominator")):
            if values[key] is None:
                numbers[key] = None
                continue
            try:
                numbers[key] = imports.parse_number(values[key], label=f"The {header.lower()}")
            except imports.CellError as error:
                problems[header] = str(error)
        value = None
        if indicator is not None and len(numbers) == 3:
            found, value = check_values(indicator, **numbers)
            for field, message in found.items():
                problems[field.capitalize()] = message
        complete = indicator is not None and agency is not None and period is not None and not problems
        if complete and (indicator.pk, agency.pk, period.start) in state["existing"]:
            problems[""] = ALREADY.format(agency=agency)
        if problems:
            raise imports.RowInvalid(problems)
        return Row(
            indicator.pk, agency.pk, period.start, period.end, value, numbers["numerator"],
            numbers["denominator"], imports.parse_text(values["commentary"]),
        )  # fmt: skip

    def _period(self, indicator, end, state, problems):
        key = (indicator.frequency, end)
        if key not in state["periods"]:
            state["periods"][key] = period_ending(indicator.frequency, end)
        period = state["periods"][key]
        if period is None:
            problems["Period end"] = NOT_A_PERIOD.format(
                date=DATE_WORDS.format(date=end), frequency=indicator.get_frequency_display().lower()
            )
        elif period.end >= state["today"]:
            problems["Period end"] = NOT_ENDED.format(date=DATE_WORDS.format(date=end))
        elif indicator.collect_from and period.start < indicator.collect_from:
            problems["Period end"] = NOT_DUE.format(
                date=DATE_WORDS.format(date=end), first=DATE_WORDS.format(date=indicator.collect_from)
            )
        else:
            return period
        return None

    def check_rows(self, cleaned, *, state):
        seen, errors = {}, []
        for row, submission in cleaned:
            key = (submission.indicator_id, submission.agency_id, submission.period_start)
            if key in seen:
                errors.append(imports.RowError(row, "", DUPLICATE.format(row=seen[key])))
            else:
                seen[key] = row
        return errors

    def save(self, cleaned, *, state, user, run):
        """One multi-row insert (executemany) rather than a model instance per row: 100,000 values in
        seconds. The rows were validated above; the table's unique constraint still guards a race."""
        db = connections[router.db_for_write(Submission)]  # the connection itself, not the proxy, per value
        meta = Submission._meta
        per_row = [meta.get_field(name) for name in Row._fields]
        fixed = {
            "submitted_by": user.pk if getattr(user, "is_authenticated", False) else None,
            "submitted_at": timezone.now(),
            "version": 1,
        }
        fixed_values = tuple(meta.get_field(n).get_db_prep_save(v, db) for n, v in fixed.items())
        columns = [f.column for f in per_row] + [meta.get_field(n).column for n in fixed]
        # Only the model's own table and column names, quoted by the backend, go into the statement.
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            db.ops.quote_name(meta.db_table),
            ", ".join(db.ops.quote_name(c) for c in columns),
            ", ".join(["%s"] * len(columns)),
        )
        adapters = [self._adapter(field, db) for field in per_row]
        rows = [
            (*(adapt(value) for adapt, value in zip(adapters, row, strict=True)), *fixed_values)
            for row in cleaned
        ]
        with db.cursor() as cursor:
            for i in range(0, len(rows), 5000):
                cursor.executemany(sql, rows[i : i + 5000])
        # The dues these rows answer, marked done in one statement (not one per agency and indicator).
        indicator_ids = {row.indicator_id for row in cleaned}
        answered = Submission.objects.filter(
            indicator_id=OuterRef("indicator_id"),
            agency_id=OuterRef("agency_id"),
            period_start=OuterRef("period_start"),
        )
        DataDue.objects.filter(indicator_id__in=indicator_ids, done_on=None).filter(Exists(answered)).update(
            done_on=timezone.localdate()
        )
        # The periods' totals added up again: one GROUP BY and one upsert for the file, not one per row.
        period_totals_update(indicator_ids=indicator_ids, period_starts={row.period_start for row in cleaned})
        impact_evidence_update(indicator_ids=indicator_ids)
        return len(cleaned)

    @staticmethod
    def _adapter(field, db):
        """How one column's Python value goes to the database: the backend's own conversion for dates
        (remembered: a file repeats a few dates) and decimals (values are already Decimals); text and ids
        need none."""
        kind = field.get_internal_type()
        if kind == "DecimalField":
            adapt, digits, places = db.ops.adapt_decimalfield_value, field.max_digits, field.decimal_places
            return lambda value: None if value is None else adapt(value, digits, places)
        if kind == "DateField":
            seen = {}

            def date(value):
                if value not in seen:
                    seen[value] = field.get_db_prep_save(value, db)
                return seen[value]

            return date
        return lambda value: value

    def template_rows(self, *, user, context):
        """What the user's agency owes (the business unit: every agency), for periods that have ended."""
        dues = DataDue.objects.visible_to(user).filter(done_on=None, period_end__lt=timezone.localdate())
        if not can(user, "impact.manage"):
            dues = dues.filter(agency_id=getattr(user, "agency_id", None))
        dues = dues.select_related("indicator", "agency").order_by(
            Lower("indicator__name"), "agency__name", "period_start"
        )
        for due in dues:
            yield [
                due.indicator.code,
                due.indicator.name,
                due.agency.name,
                due.period_end,
                None,
                None,
                None,
                None,
            ]


SUBMISSIONS = imports.register(SubmissionImport())
