"""Forms for the training programme. Bad input is reported in GOV.UK style and saves nothing."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.learning.models import KeyMessage
from learningloop.partnership.models import Agency, Person

from ..models import Attendance, Course, CourseFormat, CourseLevel, Trainer, TrainingSession, TrainingSettings


def _pick(what):
    message = f"Select {what} from the list"  # noqa: S608 - a message, not SQL
    return {"invalid_choice": message, "invalid_pk_value": message, "invalid_list": message}


class KeyMessageChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.text[:120]


class CourseForm(VersionedFormMixin, forms.ModelForm):
    key_messages = KeyMessageChoice(
        queryset=KeyMessage.objects.select_related("summary").order_by("summary", "position", "pk"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Key messages the course carries",
        help_text="Each session delivered counts as dissemination of these key messages",
        error_messages=_pick("key messages"),
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "level",
            "format",
            "duration_minutes",
            "audience",
            "learning_outcomes",
            "key_messages",
            "is_active",
        ]
        widgets = {"level": forms.RadioSelect, "format": forms.RadioSelect}
        error_messages = {
            "title": {"required": "Enter the course title"},
            "learning_outcomes": {"required": "Enter the learning outcomes"},
            "audience": {"required": "Enter who the course is for"},
            "duration_minutes": {
                "required": "Enter the duration in minutes",
                "invalid": "Enter the duration as a whole number of minutes",
                "min_value": "A course lasts at least 15 minutes",
                "max_value": "Enter a duration of 5 days or less",
            },
            "level": {"required": "Select the level", "invalid_choice": "Select the level"},
            "format": {"required": "Select the format", "invalid_choice": "Select the format"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = CourseLevel.choices
        self.fields["format"].choices = CourseFormat.choices


class SessionForm(VersionedFormMixin, forms.ModelForm):
    date = GovukDateField(
        label="Date", help_text="For example, 27 3 2027", error_messages={"required": "Enter the date"}
    )
    start_time = forms.TimeField(
        label="Start time",
        help_text="For example, 09:30",
        error_messages={
            "required": "Enter the start time",
            "invalid": "Enter the start time as hours and minutes, like 09:30",
        },
    )
    end_time = forms.TimeField(
        label="End time",
        help_text="For example, 12:30",
        error_messages={
            "required": "Enter the end time",
            "invalid": "Enter the end time as hours and minutes, like 12:30",
        },
    )
    trainers = forms.ModelMultipleChoiceField(
        queryset=Trainer.objects.active().select_related("person__agency"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Trainers from the training pool",
        error_messages=_pick("trainers"),
    )

    class Meta:
        model = TrainingSession
        fields = [
            "date",
            "start_time",
            "end_time",
            "venue",
            "joining_link",
            "capacity",
            "trainers",
            "joining_instructions",
        ]
        error_messages = {
            "capacity": {
                "required": "Enter the number of places",
                "invalid": "Enter the number of places as a whole number",
                "min_value": "A session has at least 1 place",
                "max_value": "Enter 500 places or fewer",
            },
            "joining_link": {"invalid": "Enter the joining link as a web address starting https://"},
        }
        help_texts = {"venue": "Or give a joining link for an online session"}


class TrainerForm(VersionedFormMixin, forms.ModelForm):
    person = forms.ModelChoiceField(
        queryset=Person.objects.filter(is_active=True).select_related("agency"),
        label="Person",
        help_text="Someone from a partner agency (add them under People first)",
        error_messages={"required": "Select the person", **_pick("a person")},
    )
    courses = forms.ModelMultipleChoiceField(
        queryset=Course.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Courses they can deliver",
        error_messages=_pick("courses"),
    )

    class Meta:
        model = Trainer
        fields = ["person", "courses", "notes", "is_active"]


class AttendanceForm(forms.Form):
    """One radio group per booked practitioner: attended, late cancellation, did not attend."""

    def __init__(self, *args, bookings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = list(bookings)
        for booking in self.bookings:
            agency = booking.practitioner.agency
            self.fields[f"b{booking.pk}"] = forms.ChoiceField(
                label=f"{booking.practitioner.full_name} ({agency.display_name if agency else 'no agency'})",
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=booking.attendance or None,
                error_messages={"invalid_choice": "Choose attended, late cancellation or did not attend"},
            )

    def marks(self):
        return {
            b.pk: self.cleaned_data[f"b{b.pk}"] for b in self.bookings if self.cleaned_data.get(f"b{b.pk}")
        }


class SettingsForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = TrainingSettings
        fields = [
            "cancellation_cutoff_working_days",
            "offer_working_days",
            "reminder_working_days",
            "tell_manager_of_non_attendance",
        ]


class DomainForm(forms.Form):
    domain = forms.CharField(
        label="Email domain",
        max_length=200,
        help_text="The part after @, for example northshire.police.uk",
        error_messages={"required": "Enter the email domain"},
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.active(),
        label="Agency",
        error_messages={"required": "Select the agency", **_pick("an agency")},
    )

    def clean_domain(self):
        domain = self.cleaned_data["domain"].strip().lower().lstrip("@")
        labels = domain.split(".")
        if len(labels) < 2 or not all(
            label and all(c.isalnum() or c == "-" for c in label) for label in labels
        ):
            raise forms.ValidationError("Enter a domain like northshire.police.uk")
        return domain
