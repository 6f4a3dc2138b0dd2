"""Forms for agencies' own learning."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.partnership.models import Agency, LearningSourceType

from ..models import AgencyContribution

# The kinds of single-agency learning an agency shares (names from the framework preset).
AGENCY_SOURCE_TYPES = (
    "Ofsted inspection",
    "CQC inspection",
    "HMICFRS inspection",
    "Other inspectorate inspection",
    "Single-agency audit",
    "Voice of the child",
    "LADO annual report",
    "Private fostering report",
    "Education report",
)


class ContributionForm(VersionedFormMixin, forms.ModelForm):
    happened_on = GovukDateField(
        label="Date of the activity", error_messages={"required": "Enter the date of the activity"}
    )

    class Meta:
        model = AgencyContribution
        fields = ["source_type", "title", "happened_on", "summary", "objectives", "outcomes", "action_plan"]
        labels = {"source_type": "Type", "title": "Title"}
        help_texts = {
            "objectives": "For an audit: what it set out to check",
            "outcomes": "For an audit or inspection: what it found",
            "action_plan": "What the agency will do, by when",
        }
        widgets = {
            "source_type": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "outcomes": forms.Textarea(attrs={"rows": 3}),
            "action_plan": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "source_type": {"required": "Select the type", "invalid_choice": "Select the type from the list"},
            "title": {"required": "Enter the title", "max_length": "Title must be 200 characters or fewer"},
            "summary": {"required": "Enter a summary of the learning"},
        }

    def __init__(self, *args, choose_agency=False, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_agency:  # the business unit records on an agency's behalf
            self.fields["agency"] = forms.ModelChoiceField(
                Agency.objects.filter(is_active=True),
                label="Agency",
                empty_label="Select the agency",
                error_messages={
                    "required": "Select the agency",
                    "invalid_choice": "Select the agency from the list",
                },
            )
            self.order_fields(["agency"])
        field = self.fields["source_type"]
        field.queryset = LearningSourceType.objects.filter(is_active=True, name__in=AGENCY_SOURCE_TYPES)
        field.empty_label = None

    def clean(self):
        cleaned = super().clean()
        if "agency" in self.fields and cleaned.get("agency"):
            self.instance.agency = cleaned["agency"]
        return cleaned


class DecisionForm(forms.Form):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": "This page is out of date. Open it again"},
    )
    decision = forms.ChoiceField(
        choices=[("accept", "Accept into the learning register"), ("return", "Return to the agency")],
        widget=forms.RadioSelect,
        label="Decision",
        error_messages={"required": "Select accept or return", "invalid_choice": "Select accept or return"},
    )
    reason = forms.CharField(
        label="Reason (when returning)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Reason must be 2000 characters or fewer"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Enter why the contribution is being returned")
        return cleaned
