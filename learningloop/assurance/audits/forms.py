"""Forms for multi-agency audits. Bad input is reported in GOV.UK style and saves nothing."""

from django import forms
from django.utils import timezone

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.learning.models import FindingKind, Theme
from learningloop.partnership.models import Agency

from ..models import AuditCaseDetails, Grade

_PICK = {
    "invalid_choice": "Select from the list",
    "invalid_pk_value": "Select from the list",
    "invalid_list": "Select from the list",
}
GRADE_CHOICES = [("", "Select a grade"), *Grade.choices]


class AuditForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter the title", "max_length": "Title must be 200 characters or fewer"},
    )
    theme = forms.CharField(
        label="Theme",
        max_length=200,
        help_text="For example, neglect",
        error_messages={"required": "Enter the theme", "max_length": "Theme must be 200 characters or fewer"},
    )
    agencies = forms.ModelMultipleChoiceField(
        Agency.objects.filter(is_active=True, is_school=False),
        widget=forms.CheckboxSelectMultiple,
        label="Agencies taking part",
        error_messages={"required": "Select the agencies taking part", **_PICK},
    )
    started_on = GovukDateField(
        label="Starts", error_messages={"required": "Enter the date the audit starts"}
    )


class MilestoneForm(forms.Form):
    label = forms.CharField(
        label="Step",
        max_length=200,
        help_text="For example, gradings due, or moderation meeting",
        error_messages={"required": "Enter the step", "max_length": "Step must be 200 characters or fewer"},
    )
    due_on = GovukDateField(label="Due", error_messages={"required": "Enter the due date"})


class CaseForm(forms.Form):
    reference = forms.CharField(
        label="Pseudonymised reference",
        max_length=50,
        help_text="For example, Case 3. Never a name or a case number: those go in the restricted details.",
        error_messages={
            "required": "Enter the reference",
            "max_length": "Reference must be 50 characters or fewer",
        },
    )


class CaseDetailsForm(VersionedFormMixin, forms.ModelForm):
    date_of_birth = GovukDateField(label="Date of birth", required=False)

    class Meta:
        model = AuditCaseDetails
        fields = ["child_name", "date_of_birth", "case_reference"]
        labels = {"child_name": "Child’s name", "case_reference": "Agency case reference"}

    def clean_date_of_birth(self):
        value = self.cleaned_data.get("date_of_birth")
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date of birth must be today or in the past")
        return value


class GradingForm(forms.Form):
    """A grade and a rationale per domain of the audit tool."""

    def __init__(self, *args, domains=(), existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = list(domains)
        existing = existing or {}
        for d in self.domains:
            grade, rationale = existing.get(d.pk, ("", ""))
            self.fields[f"grade_{d.pk}"] = forms.ChoiceField(
                choices=GRADE_CHOICES,
                label=f"{d.name}: grade",
                initial=grade,
                error_messages={
                    "required": f"Select a grade for {d.name}",
                    "invalid_choice": f"Select a grade for {d.name}",
                },
            )
            self.fields[f"rationale_{d.pk}"] = forms.CharField(
                label=f"{d.name}: rationale",
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=3000,
                initial=rationale,
                error_messages={
                    "required": f"Enter the rationale for the grade for {d.name}",
                    "max_length": "A rationale must be 3000 characters or fewer",
                },
            )

    @property
    def grades(self):
        return {
            d.pk: (self.cleaned_data[f"grade_{d.pk}"], self.cleaned_data[f"rationale_{d.pk}"])
            for d in self.domains
        }


class CaseModerationForm(forms.Form):
    held_on = GovukDateField(
        label="Date of the moderation meeting",
        error_messages={"required": "Enter the date of the moderation meeting"},
    )

    def __init__(self, *args, domains=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = list(domains)
        for d in self.domains:
            self.fields[f"agreed_{d.pk}"] = forms.ChoiceField(
                choices=GRADE_CHOICES,
                label=f"{d.name}: agreed grade",
                required=False,
                error_messages={"invalid_choice": f"Choose the agreed grade for {d.name} from the list"},
            )
            self.fields[f"note_{d.pk}"] = forms.CharField(
                label=f"{d.name}: note",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": "A note must be 2000 characters or fewer"},
            )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"agreed_{d.pk}") for d in self.domains) and not self.errors:
            raise forms.ValidationError("Select the agreed grade for at least one domain")
        held = cleaned.get("held_on")
        if held and held > timezone.localdate():
            self.add_error("held_on", "The meeting date must be today or in the past")
        return cleaned

    @property
    def agreed(self):
        return {
            d.pk: (self.cleaned_data.get(f"agreed_{d.pk}"), self.cleaned_data.get(f"note_{d.pk}"))
            for d in self.domains
        }


class AuditFindingForm(forms.Form):
    text = forms.CharField(
        label="Finding",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={
            "required": "Enter the finding",
            "max_length": "Finding must be 5000 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        choices=FindingKind.choices,
        widget=forms.RadioSelect,
        label="Kind",
        error_messages={"required": "Select strength or area for improvement", **_PICK},
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes",
        error_messages=_PICK,
    )
