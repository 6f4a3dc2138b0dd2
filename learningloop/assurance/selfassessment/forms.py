"""Forms for the self-assessment cycle. Bad input is reported in GOV.UK style and saves nothing."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.core.uploads import check_upload

from ..models import SCORE_CHOICES, Answer, Frequency, Standard, StandardSet

_PICK = {"invalid_choice": "Select an option from the list", "invalid_pk_value": "Select from the list"}


class CycleForm(forms.Form):
    standard_set = forms.ModelChoiceField(
        StandardSet.objects.all(),
        label="Standards",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the standards", **_PICK},
    )
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="For example, Section 11 self-assessment 2026 to 2027",
        error_messages={"required": "Enter the name", "max_length": "Name must be 200 characters or fewer"},
    )
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        label="How often",
        error_messages={"required": "Select how often", **_PICK},
    )
    opens_on = GovukDateField(label="Opens", error_messages={"required": "Enter the date the cycle opens"})
    due_on = GovukDateField(
        label="Returns due", error_messages={"required": "Enter the date returns are due"}
    )

    def clean(self):
        cleaned = super().clean()
        opens, due = cleaned.get("opens_on"), cleaned.get("due_on")
        if opens and due and due < opens:
            self.add_error("due_on", "The returns' due date must be on or after the date the cycle opens")
        return cleaned


class StandardForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Standard
        fields = ["position", "title", "description", "is_active"]
        labels = {"position": "Number", "title": "Standard", "is_active": "In use in new cycles"}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {
                "required": "Enter the standard",
                "max_length": "Standard must be 200 characters or fewer",
            },
            "position": {
                "required": "Enter the number",
                "invalid": "Enter the number as a whole number",
                "max_value": "Enter a smaller number",
                "min_value": "Enter a number of 0 or more",
            },
        }


class AnswerForm(VersionedFormMixin, forms.ModelForm):
    score = forms.TypedChoiceField(
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        label="Score",
        help_text="0 is red, 1 amber, 2 and 3 green",
        error_messages={"required": "Select a score", "invalid_choice": "Select a score from 0 to 3"},
    )
    improvement_due_on = GovukDateField(label="Improvements due", required=False)

    class Meta:
        model = Answer
        fields = ["score", "evidence", "improvement_areas", "improvement_due_on"]
        labels = {"evidence": "Evidence", "improvement_areas": "Areas for improvement"}
        help_texts = {"evidence": "What shows the standard is met. You can also upload files to the return."}
        widgets = {
            "evidence": forms.Textarea(attrs={"rows": 6}),
            "improvement_areas": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        needs_date = (cleaned.get("improvement_areas") or "").strip() and not cleaned.get(
            "improvement_due_on"
        )
        if needs_date and "improvement_due_on" not in self.errors:
            self.add_error("improvement_due_on", "Enter the date the improvements will be made by")
        return cleaned


class EvidenceForm(forms.Form):
    file = forms.FileField(label="File", error_messages={"required": "Choose a file to upload"})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


class SubmitForm(forms.Form):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": "This page is out of date. Open it again"},
    )


class ReopenForm(forms.Form):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": "This page is out of date. Open it again"},
    )
    reason = forms.CharField(
        label="Why is the return being reopened?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Enter why the return is being reopened",
            "max_length": "Reason must be 2000 characters or fewer",
        },
    )
    due_on = GovukDateField(label="New deadline", error_messages={"required": "Enter the new deadline"})


class ModerationForm(forms.Form):
    """One moderated score per standard (blank keeps the agency's own), and up to three agreed actions."""

    held_on = GovukDateField(
        label="Date of the moderation event",
        error_messages={"required": "Enter the date of the moderation event"},
    )
    notes = forms.CharField(
        label="Notes of the challenge",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        error_messages={"max_length": "Notes must be 5000 characters or fewer"},
    )
    ACTIONS = 3

    def __init__(self, *args, answers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = list(answers)
        choices = [("", "Keep the agency's score"), *[(str(v), label) for v, label in SCORE_CHOICES]]
        for answer in self.answers:
            self.fields[f"score_{answer.standard_id}"] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                label=f"Moderated score: {answer.standard}",
                initial="" if answer.moderated_score is None else str(answer.moderated_score),
                error_messages={"invalid_choice": "Select a score from 0 to 3"},
            )
        for n in range(1, self.ACTIONS + 1):
            self.fields[f"action_{n}"] = forms.CharField(
                label=f"Agreed action {n}",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": "An action must be 2000 characters or fewer"},
            )
            self.fields[f"action_{n}_due"] = GovukDateField(label=f"Agreed action {n} due", required=False)

    def clean(self):
        cleaned = super().clean()
        for n in range(1, self.ACTIONS + 1):
            text, due = (cleaned.get(f"action_{n}") or "").strip(), cleaned.get(f"action_{n}_due")
            if text and not due and f"action_{n}_due" not in self.errors:
                self.add_error(f"action_{n}_due", f"Enter the date agreed action {n} is due")
        return cleaned

    @property
    def scores(self):
        return {a.standard_id: self.cleaned_data.get(f"score_{a.standard_id}") for a in self.answers}

    @property
    def actions(self):
        out = []
        for n in range(1, self.ACTIONS + 1):
            text = (self.cleaned_data.get(f"action_{n}") or "").strip()
            if text:
                out.append((text, self.cleaned_data[f"action_{n}_due"]))
        return out
