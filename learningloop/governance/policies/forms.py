"""Forms for the policies and procedures register."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.learning.models import KeyMessage
from learningloop.partnership.models import Person

from ..meetings.forms import PersonField
from ..models import PolicyDocument


class PolicyForm(VersionedFormMixin, forms.ModelForm):
    owner = PersonField(
        label="Owner",
        required=False,
        queryset=Person.objects.none(),
        empty_label="No one named",
        error_messages={"invalid_choice": "Select a person from the list"},
    )
    last_reviewed_on = GovukDateField(label="Last reviewed on", required=False)
    next_review_due = GovukDateField(
        label="Next review due", required=False, help_text="Its owner is reminded a month before"
    )

    class Meta:
        model = PolicyDocument
        fields = ["title", "owner", "link", "last_reviewed_on", "next_review_due", "is_active"]
        labels = {"title": "Title", "link": "Link to the policy or procedure", "is_active": "In force"}
        error_messages = {
            "title": {
                "required": "Enter the title",
                "max_length": "The title must be 200 characters or fewer",
            },
            "link": {"invalid": "Enter the link as a web address starting https://"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Person.objects.filter(is_active=True).select_related("agency")


class KeyMessageField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        text = obj.text if len(obj.text) <= 120 else obj.text[:117] + "…"
        return f"{obj.summary.title}: {text}"


class PolicyChangeForm(forms.Form):
    changed_on = GovukDateField(
        label="Date of the change", error_messages={"required": "Enter the date of the change"}
    )
    description = forms.CharField(
        label="What changed",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={
            "required": "Enter what changed",
            "max_length": "What changed must be 5,000 characters or fewer",
        },
    )
    key_message = KeyMessageField(
        label="Key message of learning it reflects",
        required=False,
        queryset=KeyMessage.objects.none(),
        empty_label="Not because of learning",
        error_messages={"invalid_choice": "Select a key message from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changed_on"].error_messages["required"] = "Enter the date of the change"
        self.fields["key_message"].queryset = KeyMessage.objects.select_related("summary").order_by(
            "summary__title", "position", "pk"
        )
