"""Forms for the learning register: activities, documents, findings, themes and
partnership priorities. Bad input is reported in GOV.UK style and never reaches the database."""

from django import forms
from django.db.models import Q

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.core.uploads import check_upload
from learningloop.partnership.models import Agency, Group, LearningSourceType

from ..models import (
    ActivityStatus,
    Finding,
    FindingKind,
    LearningActivity,
    Priority,
    Theme,
)
from ..recurrence.vocabulary import SYNONYMS, alternatives


def _too_long(what, limit):
    return f"{what} must be {limit} characters or fewer"


def _active_or_current(queryset, current=()):
    """Active rows, plus any inactive rows the record already uses (so editing never drops them)."""
    current_pks = [obj.pk for obj in current if obj is not None]
    return queryset.filter(Q(is_active=True) | Q(pk__in=current_pks))


def _choices_error(what):
    message = f"Select {what} from the list"  # noqa: S608 - a message, not SQL
    return {"invalid_choice": message, "invalid_pk_value": message, "invalid_list": message}


# --- Activities ---


class ActivityForm(VersionedFormMixin, forms.ModelForm):
    started_on = GovukDateField(label="Started", required=False, help_text="For example, 27 3 2024")
    completed_on = GovukDateField(label="Completed", required=False, help_text="For example, 30 9 2024")

    class Meta:
        model = LearningActivity
        fields = [
            "title",
            "source_type",
            "description",
            "started_on",
            "completed_on",
            "status",
            "provider_agencies",
            "owning_group",
            "priorities",
        ]
        labels = {
            "title": "Title",
            "source_type": "Type",
            "description": "Description",
            "status": "Status",
            "provider_agencies": "Provider agencies",
            "owning_group": "Group that owns the learning",
            "priorities": "Partnership priorities",
        }
        widgets = {
            "status": forms.RadioSelect,
            "provider_agencies": forms.CheckboxSelectMultiple,
            "priorities": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "title": {"required": "Enter the title", "max_length": _too_long("Title", 200)},
            "source_type": {"required": "Select the type", "invalid_choice": "Select a type from the list"},
            "status": {"required": "Select the status", "invalid_choice": "Select a status from the list"},
            "owning_group": {"invalid_choice": "Select a group from the list"},
            "provider_agencies": _choices_error("agencies"),
            "priorities": _choices_error("priorities"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        activity = self.instance
        saved = activity.pk is not None
        f = self.fields
        f["source_type"].queryset = _active_or_current(
            LearningSourceType.objects.all(), [activity.source_type] if activity.source_type_id else []
        )
        f["source_type"].empty_label = "Select a type"
        f["owning_group"].queryset = _active_or_current(
            Group.objects.all(), [activity.owning_group] if activity.owning_group_id else []
        )
        f["owning_group"].empty_label = "None"
        f["provider_agencies"].queryset = _active_or_current(
            Agency.objects.all(), activity.provider_agencies.all() if saved else []
        )
        f["priorities"].queryset = _active_or_current(
            Priority.objects.all(), activity.priorities.all() if saved else []
        )
        f["status"].choices = ActivityStatus.choices
        f["description"].required = False
        f["description"].validators.append(_max_length_validator("Description", 20000))

    def clean(self):
        cleaned = super().clean()
        status, completed = cleaned.get("status"), cleaned.get("completed_on")
        done = status in (ActivityStatus.COMPLETED, ActivityStatus.CLOSED)
        if done and not completed and "completed_on" not in self.errors:
            self.add_error("completed_on", "Enter the date the activity was completed")
        return cleaned


# --- Documents ---


class DocumentForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
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
        self.checked = check_upload(upload)
        return upload


# --- Findings ---


class FindingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["text", "kind", "themes", "recommendations"]
        labels = {"text": "Finding", "kind": "Kind", "themes": "Themes", "recommendations": "Recommendations"}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "kind": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "recommendations": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "text": {"required": "Enter the finding"},
            "kind": {
                "required": "Select the kind of finding",
                "invalid_choice": "Select the kind of finding",
            },
            "themes": _choices_error("themes"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = FindingKind.choices
        self.fields["text"].validators.append(_max_length_validator("Finding", 10000))
        self.fields["recommendations"].validators.append(_max_length_validator("Recommendations", 10000))
        self.fields["themes"].queryset = _active_or_current(
            Theme.objects.all(), self.instance.themes.all() if self.instance.pk else []
        )
        self.fields["themes"].help_text = "Select all that apply"


def _max_length_validator(what, limit):
    def validate(value):
        if value and len(value) > limit:
            raise forms.ValidationError(_too_long(what, limit), code="max_length")

    return validate


# --- Vocabularies: themes and partnership priorities ---


class VocabularyForm(VersionedFormMixin, forms.ModelForm):
    noun = "A record"

    class Meta:
        fields = ["name", "description", "is_active"]
        labels = {"name": "Name", "description": "Description", "is_active": "Active"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self._meta.model._meta.get_field("name").max_length
        self.fields["name"].error_messages.update(
            {"required": "Enter the name", "max_length": _too_long("Name", limit)}
        )
        self.fields["is_active"].help_text = "Untick to stop offering it; records that use it keep it"
        self.fields["description"].validators.append(_max_length_validator("Description", 2000))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the name")
        model = self._meta.model
        if model.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"{self.noun} called {name} already exists")
        return name

    def validate_constraints(self):  # the clean_name check above gives the friendlier message
        pass


class ThemeForm(VocabularyForm):
    noun = "A theme"

    class Meta(VocabularyForm.Meta):
        model = Theme
        fields = ["name", "description", "terms", "is_active"]
        labels = {**VocabularyForm.Meta.labels, "terms": "Terms and phrases"}
        widgets = {**VocabularyForm.Meta.widgets, "terms": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["terms"].help_text = (
            "Other words for this theme, one a line: abbreviations (CSE), the words written out (child "
            "sexual exploitation) and phrases practitioners use. Put ways of saying the same thing on one "
            "line with = between them (chronology = timeline = build-up of concerns): a finding that uses "
            "one is searched for the others. Suggestions of earlier findings search for them too"
        )
        self.fields["terms"].validators.append(_max_length_validator("Terms and phrases", 5000))

    def clean_terms(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data.get("terms", "").splitlines()]
        # A line of several ways of saying one thing ("chronology = timeline") is written " = " apart.
        lines = [f" {SYNONYMS} ".join(" ".join(a.split()) for a in alternatives(line)) for line in lines]
        kept = list(dict.fromkeys(line for line in lines if line))
        too_long = [line for line in kept if any(len(a) > 100 for a in alternatives(line))]
        if too_long:
            raise forms.ValidationError("Each term or phrase must be 100 characters or fewer")
        return "\n".join(kept)


class PriorityForm(VocabularyForm):
    noun = "A priority"

    class Meta(VocabularyForm.Meta):
        model = Priority
