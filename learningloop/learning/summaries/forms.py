"""Forms for the Summary of Learning pages: list filters, create, edit, key messages, return."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.partnership.models import AudienceGroup, Group

from ..models import (
    Finding,
    KeyMessage,
    LearningActivity,
    SummaryOfLearning,
    WorkforceGroup,
)

ACTIVITY_CHOICES_LIMIT = 100


def _too_long(what, limit):
    return f"{what} must be {limit} characters or fewer"


class _Labelled(forms.ModelMultipleChoiceField):
    def __init__(self, *args, label_from=str, **kwargs):
        self._label_from = label_from
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self._label_from(obj)


class _ButtonPress(VersionedFormMixin, forms.Form):
    """A button press (submit, accept, return, delete a key message) that carries the summary's version
    when the page had one; without it the step is checked against the summary as saved now."""

    def versioned_object(self):
        return None


class ActivitySearchForm(forms.Form):
    q = forms.CharField(label="Find activities by title", required=False, max_length=200)

    def text(self):
        return self.cleaned_data["q"].strip() if self.is_bound and self.is_valid() else ""


def _activity_label(activity):
    done = (
        f", completed {activity.completed_on.day} {activity.completed_on:%B %Y}"
        if activity.completed_on
        else ""
    )
    return f"{activity.title} ({activity.source_type.name}{done})"


def activities_offered(q=""):
    """Activities a summary can draw on: those with findings first, narrowed by title, newest first."""
    queryset = LearningActivity.objects.select_related("source_type").order_by("-completed_on", "-pk")
    if q:
        queryset = queryset.filter(title__icontains=q)
    return queryset


# --- Summary ---

_SUMMARY_ERRORS = {
    "title": {"required": "Enter the title", "max_length": _too_long("The title", 200)},
    "subgroup": {
        "required": "Select the subgroup",
        "invalid_choice": "Select a subgroup from the list",
    },
}


class SummaryCreateForm(forms.ModelForm):
    activities = _Labelled(
        queryset=LearningActivity.objects.none(),
        label="Activities",
        widget=forms.CheckboxSelectMultiple,
        label_from=_activity_label,
        help_text="Select the activities this summary draws its learning from",
        error_messages={
            "required": "Select at least one activity",
            "invalid_choice": "Select activities from the list",
            "invalid_pk_value": "Select activities from the list",
        },
    )

    class Meta:
        model = SummaryOfLearning
        fields = ["title", "subgroup", "activities"]
        labels = {"title": "Title", "subgroup": "Subgroup"}
        error_messages = _SUMMARY_ERRORS

    def __init__(self, *args, q="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subgroup"].queryset = Group.objects.active().order_by("name")
        self.fields["subgroup"].empty_label = "Select a subgroup"
        self.fields["subgroup"].help_text = "The subgroup at which the learning was identified"
        offered = activities_offered(q)
        # The choices shown are capped; validation accepts any activity that matches the narrowing.
        self.fields["activities"].queryset = offered
        self.activity_total = offered.count()
        self.fields["activities"].choices = [
            (a.pk, _activity_label(a)) for a in offered[:ACTIVITY_CHOICES_LIMIT]
        ]


class SummaryEditForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = SummaryOfLearning
        fields = ["title", "subgroup", "activity_type", "description", "findings_summary"]
        labels = {
            "title": "Title",
            "subgroup": "Subgroup",
            "activity_type": "Type of SCP activity",
            "description": "Brief description of the activity and dates undertaken",
            "findings_summary": "Summary of findings",
        }
        help_texts = {"activity_type": "For example: Audit, User feedback, Complaint, Rapid review, LCSPR"}
        error_messages = {
            **_SUMMARY_ERRORS,
            "activity_type": {"max_length": _too_long("The type of activity", 300)},
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "findings_summary": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        subgroup_id = self.instance.subgroup_id
        self.fields["subgroup"].queryset = Group.objects.filter(is_active=True) | Group.objects.filter(
            pk=subgroup_id
        )
        self.fields["subgroup"].empty_label = "Select a subgroup"


# --- Key messages ---


def _finding_label(finding):
    text = finding.text if len(finding.text) <= 160 else finding.text[:157] + "…"
    return f"{finding.activity.title}: {text}"


class KeyMessageForm(VersionedFormMixin, forms.ModelForm):
    audiences = _Labelled(
        queryset=AudienceGroup.objects.none(),
        label="Audience groups",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select audience groups from the list"},
    )
    workforce_groups = _Labelled(
        queryset=WorkforceGroup.objects.none(),
        label="Workforce groups",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Named groups of the workforce this message is for",
        error_messages={"invalid_choice": "Select workforce groups from the list"},
    )
    findings = _Labelled(
        queryset=Finding.objects.none(),
        label="Findings it comes from",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label_from=_finding_label,
        error_messages={"invalid_choice": "Select findings from the list"},
    )

    versioned_model = SummaryOfLearning

    class Meta:
        model = KeyMessage
        fields = ["text", "audiences", "workforce_groups", "findings"]
        labels = {"text": "Key message"}
        error_messages = {"text": {"required": "Enter the key message"}}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, summary, **kwargs):
        self.summary = summary
        super().__init__(*args, **kwargs)
        chosen = self.instance.pk is not None
        self.fields["audiences"].queryset = AudienceGroup.objects.order_by("position", "name")
        workforce = WorkforceGroup.objects.filter(is_active=True)
        if chosen:
            workforce = workforce | WorkforceGroup.objects.filter(key_messages=self.instance)
        self.fields["workforce_groups"].queryset = workforce.distinct().order_by("name")
        self.fields["findings"].queryset = (
            Finding.objects.filter(activity__summaries=summary).select_related("activity").distinct()
        )

    def versioned_object(self):
        """A key message is part of its summary: the summary's version guards adding or changing one."""
        return self.summary

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("audiences")
            and not cleaned.get("workforce_groups")
            and not self.has_error("audiences")
        ):
            self.add_error("audiences", "Select at least one audience group or workforce group")
        return cleaned


class ConfirmForm(_ButtonPress):
    """A button press that carries the summary's version (delete, submit, accept)."""


class ReturnForm(_ButtonPress):
    reason = forms.CharField(
        label="Reason for returning",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text="Say what the subgroup needs to change before resubmitting",
        error_messages={
            "required": "Enter the reason for returning the summary",
            "max_length": _too_long("The reason", 5000),
        },
    )
