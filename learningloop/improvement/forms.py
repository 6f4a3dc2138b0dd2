"""Forms for improvement plans and actions. Bad input is reported in GOV.UK style and saves nothing."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from learningloop.core.concurrency import VersionedFormMixin, versions_from
from learningloop.core.govuk_forms import GovukDateField
from learningloop.core.uploads import check_upload
from learningloop.learning.models import CaseReview, Finding, KeyMessage, LearningActivity
from learningloop.partnership.models import Agency, Person

from .models import Action, ActionPlan, ActionStatus, PlanScope, SustainmentResult
from .presenters import SOURCE_FIELD, SOURCE_KINDS
from .services import BULK_STATUSES, PAST_DUE


def _pick(what):
    message = f"Select {what} from the list"  # noqa: S608 - a message, not SQL
    return {"invalid_choice": message, "invalid_pk_value": message, "invalid_list": message}


class _LabelledChoice(forms.ModelChoiceField):
    def __init__(self, *args, label_from=str, **kwargs):
        self._label_from = label_from
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self._label_from(obj)


# --- Plans ---


class PlanForm(forms.ModelForm):
    source_kind = forms.ChoiceField(
        label="Source",
        choices=SOURCE_KINDS,
        widget=forms.RadioSelect,
        help_text="Where the learning behind this plan came from",
        error_messages={
            "required": "Select the kind of source",
            "invalid_choice": "Select the kind of source",
        },
    )

    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "scope",
            "agency",
            "source_kind",
            "source_review",
            "source_finding",
            "source_activity",
            "source_key_message",
            "source_meeting",
        ]
        labels = {
            "title": "Title",
            "scope": "Scope",
            "agency": "Agency",
            "source_meeting": "Meeting",
        }
        widgets = {"scope": forms.RadioSelect}
        error_messages = {
            "title": {"required": "Enter the title", "max_length": "Title must be 200 characters or fewer"},
            "scope": {"required": "Select the scope", "invalid_choice": "Select the scope"},
            "agency": _pick("an agency"),
            "source_review": _pick("a case review"),
            "source_finding": _pick("a finding"),
            "source_activity": _pick("an activity"),
            "source_key_message": _pick("a key message"),
            "source_meeting": {"max_length": "Meeting must be 200 characters or fewer"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields
        f["scope"].choices = PlanScope.choices
        f["agency"].queryset = Agency.objects.filter(is_active=True)
        f["agency"].empty_label = "Select an agency"
        f["agency"].help_text = "For a single-agency plan"
        f["source_review"] = _LabelledChoice(
            CaseReview.objects.select_related("activity"),
            required=False,
            label="Case review",
            empty_label="Select a case review",
            error_messages=_pick("a case review"),
            label_from=lambda r: f"{r.activity.title} ({r.pseudonym})",
        )
        f["source_finding"] = _LabelledChoice(
            Finding.objects.select_related("activity").order_by("activity__title", "pk"),
            required=False,
            label="Finding",
            empty_label="Select a finding",
            error_messages=_pick("a finding"),
            label_from=lambda x: f"{x.activity.title}: {str(x)[:70]}",
        )
        f["source_activity"] = _LabelledChoice(
            LearningActivity.objects.select_related("source_type").order_by("title"),
            required=False,
            label="Activity (audit or inspection)",
            empty_label="Select an activity",
            error_messages=_pick("an activity"),
            label_from=lambda a: f"{a.title} ({a.source_type.name})",
        )
        f["source_key_message"] = _LabelledChoice(
            KeyMessage.objects.select_related("summary").order_by("summary__title", "position", "pk"),
            required=False,
            label="Key message",
            empty_label="Select a key message",
            error_messages=_pick("a key message"),
            label_from=lambda k: f"{k.summary.title}: {str(k)[:70]}",
        )
        f["source_meeting"].help_text = "The meeting and its date, for example LDG meeting, 3 March 2026"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == PlanScope.SINGLE_AGENCY and not cleaned.get("agency"):
            self.add_error("agency", "Select the agency whose plan this is")
        if cleaned.get("scope") == PlanScope.MULTI_AGENCY:
            cleaned["agency"] = None
        kind = cleaned.get("source_kind")
        if kind:
            chosen = SOURCE_FIELD[kind]
            for field in SOURCE_FIELD.values():
                if field != chosen:
                    cleaned[field] = "" if field == "source_meeting" else None
            if not cleaned.get(chosen) and chosen not in self.errors:
                label = self.fields[chosen].label.lower()
                self.add_error(chosen, "Enter the meeting" if kind == "meeting" else f"Select the {label}")
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # The model's "exactly one source" message belongs with the source radios.
        if None in self.errors:
            errors = self.errors.pop(None)
            self.add_error("source_kind", errors)

    def validate_constraints(self):  # clean() above gives field-level messages
        pass


# --- Actions ---


def _owner_choices():
    return (
        Person.objects.filter(is_active=True).select_related("agency").order_by("agency__name", "full_name")
    )


class ActionForm(VersionedFormMixin, forms.ModelForm):
    due_on = GovukDateField(
        label="Due date",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the due date"},
    )

    class Meta:
        model = Action
        fields = ["description", "owner_agency", "owner", "due_on"]
        labels = {"description": "Description", "owner_agency": "Owner agency", "owner": "Owner"}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "description": {"required": "Enter a description of the action"},
            "owner_agency": {"required": "Select the owner agency", **_pick("an agency")},
            "owner": _pick("a person"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields
        current = [self.instance.owner_agency_id] if self.instance.owner_agency_id else []
        f["owner_agency"].queryset = Agency.objects.filter(Q(is_active=True) | Q(pk__in=current))
        f["owner_agency"].empty_label = "Select an agency"
        f["owner"] = _LabelledChoice(
            _owner_choices(),
            required=False,
            label="Owner",
            empty_label="Select a person",
            error_messages=_pick("a person"),
            help_text="A person who works for the owner agency",
            label_from=lambda p: f"{p.full_name} ({p.agency.name})",
        )

    def clean(self):
        cleaned = super().clean()
        owner, agency = cleaned.get("owner"), cleaned.get("owner_agency")
        if owner and agency and owner.agency_id != agency.pk:
            self.add_error("owner", "The owner must work for the owner agency")
        due = cleaned.get("due_on")
        moved = self.instance.pk is None or due != self.instance.due_on
        if due and moved and due < timezone.localdate():
            self.add_error("due_on", PAST_DUE)
        return cleaned


class ActionUpdateForm(VersionedFormMixin, forms.ModelForm):
    note = forms.CharField(
        label="What has happened",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={
            "required": "Enter what has happened",
            "max_length": "What has happened must be 5000 characters or fewer",
        },
    )
    progress = forms.IntegerField(
        label="Progress (per cent)",
        min_value=0,
        max_value=100,
        help_text="A whole number from 0 to 100",
        error_messages={
            "required": "Enter the progress",
            "invalid": "Enter the progress as a whole number",
            "min_value": "Progress must be between 0 and 100",
            "max_value": "Progress must be between 0 and 100",
        },
    )
    completed_on = GovukDateField(
        label="Date completed",
        required=False,
        help_text="Only when the status is completed. For example, 27 3 2026",
    )

    class Meta:
        model = Action
        fields = ["note", "status", "progress", "completed_on", "evidence_of_completion"]
        labels = {"status": "Status", "evidence_of_completion": "Evidence of completion"}
        widgets = {"status": forms.RadioSelect, "evidence_of_completion": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"status": {"required": "Select the status", "invalid_choice": "Select the status"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ActionStatus.choices
        self.fields["evidence_of_completion"].help_text = "What shows the action was done"

    def _post_clean(self):  # the service validates the instance; keep the saved values untouched here
        pass


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label="Evidence of completion",
        help_text="PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), CSV, text, PNG or JPEG; "
        "smaller than 10 MB",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
            "missing": "Select a file",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


class SustainmentForm(VersionedFormMixin, forms.ModelForm):
    sustainment_due_on = GovukDateField(
        label="Check the improvement lasted on",
        help_text="After the date completed. For example, 1 9 2026",
        error_messages={"required": "Enter the date to check the improvement lasted"},
    )
    sustainment_checked_on = GovukDateField(
        label="Date checked", required=False, help_text="Leave blank until the check has been done"
    )

    class Meta:
        model = Action
        fields = ["sustainment_due_on", "sustainment_checked_on", "sustainment_result", "sustainment_note"]
        labels = {"sustainment_result": "Result", "sustainment_note": "What the check found"}
        widgets = {
            "sustainment_result": forms.RadioSelect,
            "sustainment_note": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {"sustainment_result": {"invalid_choice": "Select the result"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sustainment_result"].choices = SustainmentResult.choices
        self.fields["sustainment_result"].required = False

    def _post_clean(self):
        pass


# --- Lists ---


class BulkUpdateForm(forms.Form):
    actions = forms.ModelMultipleChoiceField(
        label="Actions",
        queryset=Action.objects.none(),
        error_messages={"required": "Select at least one action", **_pick("actions")},
    )
    status = forms.ChoiceField(
        label="Mark selected as",
        choices=BULK_STATUSES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what to mark the actions as",
            "invalid_choice": "Select a status",
        },
    )
    note = forms.CharField(
        label="Note for each action's log",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        error_messages={"required": "Enter a note to add to each action's log"},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.visible_to(user).select_related("plan")

    def versions(self) -> dict:
        """The version each selected action had when the list was shown (None when the page sent none)."""
        shown = versions_from(self.data, "version")
        return {action.pk: shown.get(action.pk) for action in self.cleaned_data.get("actions", ())}
