"""Forms for learning events: the event, and attendance by agency."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.learning.models import KeyMessage

from ..models import LearningEvent
from ..policies.forms import KeyMessageField


class KeyMessagesField(forms.ModelMultipleChoiceField):
    label_from_instance = KeyMessageField.label_from_instance


class LearningEventForm(VersionedFormMixin, forms.ModelForm):
    held_on = GovukDateField(label="Date", error_messages={"required": "Enter the date"})
    key_messages = KeyMessagesField(
        label="Key messages it shared",
        required=False,
        queryset=KeyMessage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select key messages from the list",
            "invalid_pk_value": "Select key messages from the list",
        },
    )

    class Meta:
        model = LearningEvent
        fields = ["title", "kind", "held_on", "key_messages"]
        labels = {"title": "Title", "kind": "Kind"}
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "title": {
                "required": "Enter the title",
                "max_length": "The title must be 200 characters or fewer",
            },
            "kind": {"required": "Select the kind", "invalid_choice": "Select the kind from the list"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].error_messages["required"] = "Enter the date"
        self.fields["key_messages"].queryset = KeyMessage.objects.select_related("summary").order_by(
            "summary__title", "position", "pk"
        )


class EventAttendanceForm(forms.Form):
    """How many attended from each active agency (blank or 0: none)."""

    def __init__(self, data=None, *, agencies, recorded):
        super().__init__(data)
        self.agencies = list(agencies)
        for agency in self.agencies:
            self.fields[f"agency-{agency.pk}"] = forms.IntegerField(
                label=agency.name,
                required=False,
                min_value=0,
                max_value=10000,
                initial=recorded.get(agency.pk),
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                error_messages={
                    "invalid": f"Enter the number from {agency.name} as a whole number",
                    "min_value": f"Enter the number from {agency.name} as 0 or more",
                    "max_value": f"Enter the number from {agency.name} as 10,000 or fewer",
                },
            )

    def counts(self):
        return {a: self.cleaned_data.get(f"agency-{a.pk}") or 0 for a in self.agencies}
