"""Forms for the work plan, risks and barriers, and highlight reports."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.partnership.models import Group, Person

from ..meetings.forms import PersonField
from ..models import HighlightReport, Meeting, MeetingStatus, RiskItem, WorkPlanItem


def _group_field():
    return forms.ModelChoiceField(
        label="Group",
        queryset=Group.objects.none(),
        empty_label="Choose a group",
        error_messages={"required": "Select the group", "invalid_choice": "Select a group from the list"},
    )


def _owner_field(required=False):
    return PersonField(
        label="Owner",
        required=required,
        queryset=Person.objects.none(),
        empty_label="No one named",
        error_messages={"required": "Select the owner", "invalid_choice": "Select a person from the list"},
    )


class _OwnedForm(VersionedFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.filter(is_active=True) | Group.objects.filter(
            pk=self.instance.group_id or 0
        )
        self.fields["owner"].queryset = Person.objects.filter(is_active=True).select_related("agency")


class WorkPlanItemForm(_OwnedForm):
    group = _group_field()
    owner = _owner_field()
    due_on = GovukDateField(label="Due date", error_messages={"required": "Enter the due date"})
    year = forms.IntegerField(
        label="Plan year",
        min_value=2000,
        max_value=2200,
        help_text="The year the plan starts, for example 2026",
        error_messages={
            "required": "Enter the plan year",
            "invalid": "Enter the plan year as a number, for example 2026",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year up to 2200",
        },
    )

    class Meta:
        model = WorkPlanItem
        fields = ["group", "year", "activity", "objective", "owner", "due_on", "status", "progress_notes"]
        labels = {
            "activity": "Activity (terms of reference)",
            "objective": "Objective",
            "status": "Status",
            "progress_notes": "Progress notes",
        }
        widgets = {"status": forms.RadioSelect, "objective": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "activity": {
                "required": "Select the activity",
                "invalid_choice": "Select an activity from the list",
            },
            "objective": {"required": "Enter the objective"},
            "status": {"required": "Select the status", "invalid_choice": "Select a status from the list"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].error_messages["required"] = "Enter the due date"


class RiskForm(_OwnedForm):
    group = _group_field()
    owner = _owner_field()
    escalated_on = GovukDateField(
        label="Escalated on", required=False, help_text="Leave blank unless the chair escalated it"
    )

    class Meta:
        model = RiskItem
        fields = [
            "group",
            "title",
            "is_barrier",
            "description",
            "owner",
            "rating",
            "mitigation",
            "escalated_on",
            "escalated_to",
            "status",
        ]
        labels = {
            "title": "Risk or barrier",
            "is_barrier": "This is a barrier rather than a risk",
            "description": "Description",
            "rating": "Rating",
            "mitigation": "Mitigation",
            "escalated_to": "Escalated to",
            "status": "Status",
        }
        help_texts = {"escalated_to": "For example, the Executive Group or the Assurance and Review Group"}
        widgets = {"rating": forms.RadioSelect, "status": forms.RadioSelect}
        error_messages = {
            "title": {
                "required": "Enter the risk or barrier",
                "max_length": "The risk must be 200 characters or fewer",
            },
            "rating": {"required": "Select the rating", "invalid_choice": "Select a rating from the list"},
            "status": {"required": "Select the status", "invalid_choice": "Select a status from the list"},
            "escalated_to": {"max_length": "Escalated to must be 200 characters or fewer"},
        }


class HighlightCreateForm(forms.Form):
    group = _group_field()
    executive_meeting = forms.ModelChoiceField(
        label="Executive meeting it goes to",
        queryset=Meeting.objects.none(),
        empty_label="Choose a meeting",
        error_messages={
            "required": "Select the Executive meeting",
            "invalid_choice": "Select a meeting from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.filter(is_active=True)
        self.fields["executive_meeting"].queryset = (
            Meeting.objects.filter(group__name__icontains="Executive", status=MeetingStatus.SCHEDULED)
            .select_related("group")
            .order_by("-date")
        )


class HighlightEditForm(VersionedFormMixin, forms.ModelForm):
    """One text box per section of the stored report."""

    class Meta:
        model = HighlightReport
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in self.instance.sections:
            self.fields[f"section-{section['key']}"] = forms.CharField(
                label=section["heading"],
                required=False,
                initial=section["text"],
                widget=forms.Textarea(attrs={"rows": 6}),
                max_length=20000,
                error_messages={"max_length": f"{section['heading']} must be 20,000 characters or fewer"},
            )

    def texts(self):
        return {
            name.removeprefix("section-"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("section-")
        }
