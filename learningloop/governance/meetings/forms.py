"""Forms for meetings: schedule a year, add or move one, cancel; agenda items and papers; attendance;
minutes, decisions and actions; the attendance report's period and threshold."""

import datetime

from django import forms
from django.utils import timezone

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.dates import format_date
from learningloop.core.govuk_forms import GovukDateField
from learningloop.improvement.models import ActionPlan
from learningloop.learning.models import KeyMessage, LearningActivity
from learningloop.partnership.models import Group, Person

from ..models import AgendaItem, AttendanceStatus, Meeting

TIME_HINT = "Use the 24-hour clock, for example 09:30 or 14:00"


def _time_field(label, required=True):
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        help_text=TIME_HINT,
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as hours and minutes, for example 14:00",
        },
    )


def _people():
    return Person.objects.filter(is_active=True).select_related("agency").order_by("full_name")


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.agency.display_name})"


class _WhereMixin:
    def _check_where(self, data):
        if not data.get("place") and not data.get("online_link"):
            self.add_error("place", "Enter the place or the online meeting link")


class MeetingForm(_WhereMixin, VersionedFormMixin, forms.ModelForm):
    group = forms.ModelChoiceField(
        label="Group",
        queryset=Group.objects.none(),
        empty_label="Choose a group",
        error_messages={"required": "Select the group", "invalid_choice": "Select a group from the list"},
    )
    date = GovukDateField(
        label="Date", help_text="For example, 14 1 2027", error_messages={"required": "Enter the date"}
    )
    start_time = _time_field("Start time")
    end_time = _time_field("End time", required=False)

    class Meta:
        model = Meeting
        fields = ["group", "date", "start_time", "end_time", "place", "online_link"]
        labels = {"place": "Place", "online_link": "Online meeting link"}
        help_texts = {"online_link": "For example, https://teams.microsoft.com/..."}
        error_messages = {
            "place": {"max_length": "The place must be 200 characters or fewer"},
            "online_link": {"invalid": "Enter the online meeting link as a web address starting https://"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].error_messages["required"] = "Enter the date"
        self.fields["group"].queryset = Group.objects.filter(is_active=True)
        if self.instance.pk:
            del self.fields["group"]  # a meeting stays with its group

    def clean(self):
        data = super().clean()
        self._check_where(data)
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        return data


class ScheduleForm(_WhereMixin, forms.Form):
    group = forms.ModelChoiceField(
        label="Group",
        queryset=Group.objects.none(),
        empty_label="Choose a group",
        help_text="Only groups whose terms of reference say how often they meet",
        error_messages={"required": "Select the group", "invalid_choice": "Select a group from the list"},
    )
    first_date = GovukDateField(
        label="Date of the first meeting", error_messages={"required": "Enter the date of the first meeting"}
    )
    start_time = _time_field("Start time")
    end_time = _time_field("End time", required=False)
    place = forms.CharField(
        label="Place",
        max_length=200,
        required=False,
        error_messages={"max_length": "The place must be 200 characters or fewer"},
    )
    online_link = forms.URLField(
        label="Online meeting link",
        max_length=500,
        required=False,
        error_messages={"invalid": "Enter the online meeting link as a web address starting https://"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_date"].error_messages["required"] = "Enter the date of the first meeting"
        self.fields["group"].queryset = Group.objects.filter(
            is_active=True, meetings_every_months__isnull=False
        )

    def clean(self):
        data = super().clean()
        self._check_where(data)
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        max_length=300,
        error_messages={
            "required": "Enter why the meeting is cancelled",
            "max_length": "The reason must be 300 characters or fewer",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AgendaItemForm(VersionedFormMixin, forms.ModelForm):
    owner = PersonField(
        label="Who brings it",
        required=False,
        queryset=Person.objects.none(),
        empty_label="No one named",
        error_messages={"invalid_choice": "Select a person from the list"},
    )
    learning_activity = forms.ModelChoiceField(
        label="Learning it concerns",
        required=False,
        queryset=LearningActivity.objects.none(),
        empty_label="None",
        error_messages={"invalid_choice": "Select learning from the list"},
    )
    key_message = forms.ModelChoiceField(
        label="Key message it concerns",
        required=False,
        queryset=KeyMessage.objects.none(),
        empty_label="None",
        error_messages={"invalid_choice": "Select a key message from the list"},
    )
    action_plan = forms.ModelChoiceField(
        label="Action plan it concerns",
        required=False,
        queryset=ActionPlan.objects.none(),
        empty_label="None",
        error_messages={"invalid_choice": "Select an action plan from the list"},
    )

    class Meta:
        model = AgendaItem
        fields = ["title", "owner", "learning_activity", "key_message", "action_plan", "report_link"]
        labels = {"title": "Agenda item", "report_link": "Link to a report it concerns"}
        error_messages = {
            "title": {
                "required": "Enter the agenda item",
                "max_length": "The agenda item must be 200 characters or fewer",
            },
            "report_link": {"invalid": "Enter the link as a web address starting https://"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()
        self.fields["learning_activity"].queryset = LearningActivity.objects.order_by("title")
        self.fields["key_message"].queryset = KeyMessage.objects.select_related("summary").order_by(
            "summary__title", "position"
        )
        self.fields["action_plan"].queryset = ActionPlan.objects.order_by("title")


class PaperForm(forms.Form):
    file = forms.FileField(
        label="Paper", error_messages={"required": "Select the paper", "empty": "The selected file is empty"}
    )


class AttendanceForm(forms.Form):
    """One status, reason and deputy per seat (the seat's membership id in the field names). A posted seat
    that is not among the meeting's members is named at the top of the error summary."""

    def __init__(self, data=None, *, meeting, seats, recorded, version):
        super().__init__(data)
        self.meeting, self.seats = meeting, list(seats)
        self.version = version
        everyone = _people()
        shown = list(everyone)
        statuses = (
            AttendanceStatus.choices
            if meeting.has_happened()
            else [
                c
                for c in AttendanceStatus.choices
                if c[0] not in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT)
            ]
        )
        for seat in self.seats:
            row = recorded.get(seat.pk)
            who = seat.person.full_name
            self.fields[f"status-{seat.pk}"] = forms.ChoiceField(
                label=f"{who} ({seat.representing.display_name})",
                choices=statuses,
                widget=forms.RadioSelect,
                initial=row.status if row else AttendanceStatus.EXPECTED,
                error_messages={
                    "required": f"Select how {who} attended",
                    "invalid_choice": f"Select how {who} attended",
                },
            )
            self.fields[f"reason-{seat.pk}"] = forms.CharField(
                label=f"Reason for {who}'s apologies",
                required=False,
                max_length=300,
                initial=row.apology_reason if row else "",
                error_messages={"max_length": "The reason must be 300 characters or fewer"},
            )
            deputy = PersonField(
                label=f"Deputy for {who}",
                required=False,
                queryset=everyone,
                empty_label="No deputy",
                initial=row.deputy_id if row else None,
                error_messages={"invalid_choice": "Select a deputy from the list"},
            )
            allowed = [
                p
                for p in shown
                if meeting.group.deputies_from_other_agencies or p.agency_id == seat.representing_id
            ]
            deputy.choices = [
                ("", "No deputy"),
                *((p.pk, f"{p.full_name} ({p.agency.display_name})") for p in allowed),
            ]
            self.fields[f"deputy-{seat.pk}"] = deputy

    def clean(self):
        data = super().clean()
        known = {str(s.pk) for s in self.seats}
        for name in self.data:
            head, _, pk = name.partition("-")
            if head == "status" and pk not in known:
                person = Person.objects.filter(memberships__pk=pk if pk.isdigit() else 0).first()
                who = person.full_name if person else "The person selected"
                self.add_error(
                    None,
                    f"{who} is not a member of {self.meeting.group.name} on {format_date(self.meeting.date)}",
                )
        return data

    def rows(self):
        data = self.cleaned_data
        return [
            (
                seat,
                data.get(f"status-{seat.pk}"),
                data.get(f"reason-{seat.pk}", ""),
                data.get(f"deputy-{seat.pk}"),
            )
            for seat in self.seats
        ]

    def seat_fields(self):
        return [
            (seat, self[f"status-{seat.pk}"], self[f"reason-{seat.pk}"], self[f"deputy-{seat.pk}"])
            for seat in self.seats
        ]


class MinutesForm(forms.Form):
    minutes_sent_on = GovukDateField(
        label="Date the minutes were sent out", required=False, help_text="Leave blank until they are sent"
    )
    minutes_notes = forms.CharField(
        label="Minutes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=50000,
        error_messages={"max_length": "The minutes must be 50,000 characters or fewer"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DecisionForm(forms.Form):
    text = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Enter the decision",
            "max_length": "The decision must be 2,000 characters or fewer",
        },
    )


class MeetingActionForm(forms.Form):
    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Enter the action",
            "max_length": "The action must be 2,000 characters or fewer",
        },
    )
    owner = PersonField(
        label="Owner",
        queryset=Person.objects.none(),
        empty_label="Choose a person",
        error_messages={
            "required": "Select who owns the action",
            "invalid_choice": "Select a person from the list",
        },
    )
    due_on = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()
        self.fields["due_on"].error_messages["required"] = "Enter the due date"


class AttendanceReportForm(forms.Form):
    group = forms.ModelChoiceField(
        label="Group",
        queryset=Group.objects.none(),
        empty_label="Choose a group",
        error_messages={"required": "Select the group", "invalid_choice": "Select a group from the list"},
    )
    start = GovukDateField(label="From", error_messages={"required": "Enter the start of the period"})
    end = GovukDateField(label="To", error_messages={"required": "Enter the end of the period"})
    threshold = forms.IntegerField(
        label="Threshold (per cent)",
        min_value=1,
        max_value=100,
        initial=75,
        help_text="Members and agencies attending less than this share of meetings are listed",
        error_messages={
            "required": "Enter the threshold",
            "invalid": "Enter the threshold as a whole number",
            "min_value": "Enter the threshold as 1 or more",
            "max_value": "Enter the threshold as 100 or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.filter(is_active=True)
        self.fields["start"].error_messages["required"] = "Enter the start of the period"
        self.fields["end"].error_messages["required"] = "Enter the end of the period"

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the period must be on or after its start")
        return data


def default_period(today=None):
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=365), today
