"""Complaints and compliments counts from a file, through the shared import kit (core.imports, ADR 0016):
one row per agency, quarter, kind and theme with its count. All or nothing; each row is saved the way the
form saves it (services.feedback_count_record), so importing a quarter again corrects its counts rather
than adding to them. An agency's lead imports their own agency's counts only."""

from learningloop.core import imports
from learningloop.learning.models import Theme
from learningloop.partnership.models import Agency

from ..models import FeedbackKind
from . import services

KINDS = {
    "complaint": FeedbackKind.COMPLAINT,
    "complaints": FeedbackKind.COMPLAINT,
    "compliment": FeedbackKind.COMPLIMENT,
    "compliments": FeedbackKind.COMPLIMENT,
}
QUARTER_DAYS = "the first day of a quarter: 1 January, 1 April, 1 July or 1 October"


class FeedbackCountImport(imports.ImportSpec):
    key = "assurance.feedback_counts"
    title = "Complaints and compliments"
    sheet = "Counts"
    columns = (
        imports.Column("agency", "Agency", hint="The agency's name or short name"),
        imports.Column("quarter", "Quarter starting", hint="The quarter's first day, like 01/04/2026"),
        imports.Column("kind", "Kind", hint="Complaints or Compliments"),
        imports.Column("theme", "Theme", required=False, hint="A learning theme's name, or blank"),
        imports.Column("count", "Count", hint="A whole number, 0 or more"),
    )

    def prepare(self, *, user, context):
        agencies = Agency.objects.filter(is_active=True)
        by_name = {a.short_name.strip().lower(): a for a in agencies if a.short_name}
        by_name |= {a.name.strip().lower(): a for a in agencies}  # a name wins over a short name
        themes = {t.name.strip().lower(): t for t in Theme.objects.filter(is_active=True)}
        return {"agencies": by_name, "themes": themes, "own_agency": context.get("own_agency")}

    def clean_row(self, values, *, state, row):
        problems = {}
        agency = self._agency(values["agency"], state, problems)
        quarter = None
        if values["quarter"] is None:
            problems["Quarter starting"] = "Enter the first day of the quarter, like 01/04/2026"
        else:
            try:
                quarter = imports.parse_date(values["quarter"], label="Quarter starting")
            except imports.CellError as error:
                problems["Quarter starting"] = str(error)
            else:
                if quarter.day != 1 or quarter.month not in (1, 4, 7, 10):
                    problems["Quarter starting"] = f"Enter {QUARTER_DAYS}"
        kind = KINDS.get(imports.parse_text(values["kind"]).lower()) if values["kind"] is not None else None
        if kind is None:
            problems["Kind"] = "Enter Complaints or Compliments"
        theme = None
        if values["theme"] is not None:
            name = imports.parse_text(values["theme"])
            theme = state["themes"].get(name.lower())
            if theme is None:
                problems["Theme"] = f"‘{name}’ is not a learning theme. Use a theme's name, or leave it blank"
        count = None
        if values["count"] is None:
            problems["Count"] = "Enter how many"
        else:
            try:
                number = imports.parse_number(values["count"], label="Count")
            except imports.CellError:
                number = None
            if number is None or number != number.to_integral_value() or not 0 <= number <= 100000:
                problems["Count"] = "Enter the count as a whole number from 0 to 100,000"
            else:
                count = int(number)
        if problems:
            raise imports.RowInvalid(problems)
        return agency, quarter, kind, theme, count

    def _agency(self, value, state, problems):
        name = imports.parse_text(value) if value is not None else ""
        if not name:
            problems["Agency"] = "Enter the agency"
            return None
        agency = state["agencies"].get(name.lower())
        if agency is None:
            problems["Agency"] = (
                f"‘{name}’ is not an active agency. Use the agency's name as the partnership lists it"
            )
        elif state["own_agency"] and agency.pk != state["own_agency"]:
            problems["Agency"] = "You can import counts for your own agency only"
        return agency

    def check_rows(self, cleaned, *, state):
        seen, errors = {}, []
        for number, (agency, quarter, kind, theme, _count) in cleaned:
            key = (agency.pk, quarter, kind, theme.pk if theme else None)
            if key in seen:
                errors.append(
                    imports.RowError(
                        number,
                        "",
                        f"The same agency, quarter, kind and theme as row {seen[key]}: keep one row",
                    )
                )
            else:
                seen[key] = number
        return errors

    def save(self, cleaned, *, state, user, run):
        by = user if getattr(user, "is_authenticated", False) else None
        for agency, quarter, kind, theme, count in cleaned:
            services.feedback_count_record(
                agency=agency, period_start=quarter, kind=kind, theme=theme, count=count, by=by
            )
        return len(cleaned)

    def template_rows(self, *, user, context):
        agencies = Agency.objects.filter(is_active=True).order_by("name")
        if context.get("own_agency"):
            agencies = agencies.filter(pk=context["own_agency"])
        return [
            [a.name, "", label, "", ""] for a in agencies[:200] for label in ("Complaints", "Compliments")
        ]


SPEC = FeedbackCountImport()


def register():
    imports.register(SPEC)
