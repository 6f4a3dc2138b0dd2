"""Attendance at a learning event from a file, through the shared import kit (core.imports): a registration
list (one row per person with their agency) or a summary (an agency and how many attended). Rows for the
same agency are added up; the file replaces the event's attendance, all or nothing."""

from collections import Counter

from learningloop.core import imports
from learningloop.partnership.models import Agency

from ..models import EventAttendance, LearningEvent


class EventAttendanceImport(imports.ImportSpec):
    key = "governance.event_attendance"
    title = "Learning event attendance"
    sheet = "Attendance"
    columns = (
        imports.Column("agency", "Agency", hint="The agency's name or short name"),
        imports.Column("attendees", "Attendees", required=False, hint="Leave out for one row per person"),
        imports.Column("name", "Name", required=False, hint="Not stored: attendance is counted by agency"),
    )

    def prepare(self, *, user, context):
        by_name = {}
        for agency in Agency.objects.filter(is_active=True):
            by_name[agency.name.strip().lower()] = agency
            if agency.short_name:
                by_name.setdefault(agency.short_name.strip().lower(), agency)
        return {"agencies": by_name, "event": context.get("event")}

    def clean_row(self, values, *, state, row):
        problems = {}
        agency = None
        name = imports.parse_text(values["agency"]) if values["agency"] is not None else ""
        if not name:
            problems["Agency"] = "Enter the agency"
        else:
            agency = state["agencies"].get(name.lower())
            if agency is None:
                problems["Agency"] = (
                    f"‘{name}’ is not an active agency. Use the agency's name as the partnership lists it"
                )
        count = 1
        if values["attendees"] is not None:
            try:
                number = imports.parse_number(values["attendees"], label="The number of attendees")
            except imports.CellError as error:
                problems["Attendees"] = str(error)
            else:
                if number != number.to_integral_value() or number < 0 or number > 10000:
                    problems["Attendees"] = "Enter the number of attendees as a whole number from 0 to 10,000"
                else:
                    count = int(number)
        if problems:
            raise imports.RowInvalid(problems)
        return agency.pk, count

    def save(self, cleaned, *, state, user, run):
        event = LearningEvent.objects.select_for_update().get(pk=state["event"])
        totals = Counter()
        for agency_id, count in cleaned:
            totals[agency_id] += count
        event.attendance.all().delete()
        EventAttendance.objects.bulk_create(
            [EventAttendance(event=event, agency_id=a, attendees=n) for a, n in sorted(totals.items()) if n]
        )
        return len(cleaned)

    def template_rows(self, *, user, context):
        return [[a.name, "", ""] for a in Agency.objects.filter(is_active=True).order_by("name")[:200]]


SPEC = EventAttendanceImport()


def register():
    imports.register(SPEC)
