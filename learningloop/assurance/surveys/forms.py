"""Forms for surveys: the survey and its questions (edited on the one edit path with their versions), the
answer form built from a survey's questions, and the results filter."""

import django_filters
from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.filters import GovukFilterSet, SearchFilter
from learningloop.core.govuk_forms import GovukDateField

from ..models import Audience, QuestionKind, Survey, SurveyQuestion, SurveyResponse, SurveyStatus

FREE_TEXT_MAX = 2000


class SurveyForm(VersionedFormMixin, forms.ModelForm):
    opens_on = GovukDateField(label="Opens", required=False, help_text="Leave blank to open at once")
    closes_on = GovukDateField(label="Closes", required=False, help_text="Leave blank to keep it open")

    class Meta:
        model = Survey
        fields = [
            "title",
            "slug",
            "description",
            "audience",
            "answered_by",
            "opens_on",
            "closes_on",
            "status",
            "asks_personal_data",
            "privacy_statement",
        ]
        labels = {
            "title": "Title",
            "slug": "Web address",
            "description": "Introduction",
            "audience": "Who it is for",
            "answered_by": "How it is answered",
            "status": "Status",
            "asks_personal_data": "Ask for the person's name and email address",
            "privacy_statement": "Privacy statement",
        }
        help_texts = {
            "description": "Shown above the questions",
            "asks_personal_data": "Leave unticked unless the survey needs them: most surveys are anonymous",
            "privacy_statement": "Needed when the survey asks for personal data: what is kept, why, how long",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "privacy_statement": forms.Textarea(attrs={"rows": 4}),
            "audience": forms.RadioSelect,
            "answered_by": forms.RadioSelect,
            "status": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": "Enter the title", "max_length": "Title must be 200 characters or fewer"},
            "slug": {
                "required": "Enter the web address",
                "invalid": "The web address can only have letters, numbers, hyphens and underscores",
                "unique": "Another survey already has this web address",
                "max_length": "The web address must be 80 characters or fewer",
            },
            "audience": {
                "required": "Select who the survey is for",
                "invalid_choice": "Select from the list",
            },
            "answered_by": {
                "required": "Select how the survey is answered",
                "invalid_choice": "Select from the list",
            },
            "status": {"required": "Select the status", "invalid_choice": "Select from the list"},
        }


class QuestionForm(VersionedFormMixin, forms.ModelForm):
    options = forms.CharField(
        label="Options",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="For single and multiple choice questions: one option on each line",
    )

    class Meta:
        model = SurveyQuestion
        fields = [
            "text",
            "hint",
            "kind",
            "required",
            "scale_min",
            "scale_max",
            "min_label",
            "max_label",
            "is_respondent_group",
            "position",
        ]
        labels = {
            "text": "Question",
            "hint": "Hint",
            "kind": "Kind of answer",
            "required": "An answer is required",
            "scale_min": "Lowest number on the scale",
            "scale_max": "Highest number on the scale",
            "min_label": "What the lowest number means",
            "max_label": "What the highest number means",
            "is_respondent_group": "Results can be filtered by this question's answer (the respondent group)",
            "position": "Order",
        }
        help_texts = {
            "hint": "Optional: a line under the question to help people answer",
            "scale_min": "For a scale, for example 1",
            "scale_max": "For a scale, for example 5",
            "min_label": "For example, not at all",
            "max_label": "For example, very much",
            "is_respondent_group": "For a single choice question such as school year, age band or agency",
            "position": "Questions are shown from the lowest number",
        }
        widgets = {"kind": forms.RadioSelect}
        _number = {
            "invalid": "Enter a whole number",
            "min_value": "Enter a larger number",
            "max_value": "Enter a smaller number",
        }
        error_messages = {
            "text": {
                "required": "Enter the question",
                "max_length": "Question must be 300 characters or fewer",
            },
            "hint": {"max_length": "Hint must be 300 characters or fewer"},
            "kind": {"required": "Select the kind of answer", "invalid_choice": "Select from the list"},
            "scale_min": _number,
            "scale_max": _number,
            "position": {**_number, "required": "Enter the order as a whole number"},
            "min_label": {"max_length": "Label must be 80 characters or fewer"},
            "max_label": {"max_length": "Label must be 80 characters or fewer"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        if self.instance.pk and not self.is_bound:
            self.fields["options"].initial = "\n".join(o.label for o in self.instance.options.all())

    def option_labels(self):
        return [line for line in (self.cleaned_data.get("options") or "").splitlines() if line.strip()]


def _scale_label(question, value):
    if value == question.scale_min and question.min_label:
        return f"{value} – {question.min_label}"
    if value == question.scale_max and question.max_label:
        return f"{value} – {question.max_label}"
    return str(value)


def field_name(question) -> str:
    return f"q{question.pk}"


class AnswerForm(forms.Form):
    """One field per question of the survey (questions with their options, prefetched). Nothing about the
    person is asked unless the survey asks for personal data."""

    def __init__(self, *args, survey, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = self._field(question)
        if survey.asks_personal_data:
            self.fields["contact_name"] = forms.CharField(
                label="Your name",
                required=False,
                max_length=200,
                error_messages={"max_length": "Your name must be 200 characters or fewer"},
            )
            self.fields["contact_email"] = forms.EmailField(
                label="Your email address",
                required=False,
                max_length=254,
                error_messages={
                    "invalid": "Enter an email address in the correct format, like name@example.com",
                    "max_length": "Your email address must be 254 characters or fewer",
                },
            )

    @staticmethod
    def _field(question):
        text = question.text
        common = {"label": text, "required": question.required, "help_text": question.hint}
        if question.kind == QuestionKind.SINGLE:
            return forms.TypedChoiceField(
                choices=[(o.pk, o.label) for o in question.options.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select an answer to ‘{text}’",
                    "invalid_choice": f"Select one of the answers to ‘{text}’",
                },
                **common,
            )
        if question.kind == QuestionKind.MULTIPLE:
            return forms.TypedMultipleChoiceField(
                choices=[(o.pk, o.label) for o in question.options.all()],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "required": f"Select at least one answer to ‘{text}’",
                    "invalid_choice": f"Select from the answers to ‘{text}’",
                },
                **common,
            )
        if question.kind == QuestionKind.SCALE:
            low, high = question.scale_min, question.scale_max
            return forms.TypedChoiceField(
                choices=[(v, _scale_label(question, v)) for v in question.scale_values],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select a number for ‘{text}’",
                    "invalid_choice": f"Pick a number on the scale, {low} to {high}",
                },
                **common,
            )
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=FREE_TEXT_MAX,
            error_messages={
                "required": f"Enter an answer to ‘{text}’",
                "max_length": f"Your answer must be {FREE_TEXT_MAX:,} characters or fewer",
            },
            **common,
        )

    def values(self) -> dict:
        """{question id: answer} for services.response_submit."""
        return {q.pk: self.cleaned_data.get(field_name(q)) for q in self.questions}


class SurveyFilterSet(GovukFilterSet):
    q = SearchFilter(fields=("title", "description"), label="Search surveys")
    audience = django_filters.ChoiceFilter(
        choices=Audience.choices, label="Who it is for", empty_label="Anyone"
    )
    status = django_filters.ChoiceFilter(
        choices=SurveyStatus.choices, label="Status", empty_label="Any status"
    )

    class Meta:
        model = Survey
        fields = ["q", "audience", "status"]


class GroupFilterSet(GovukFilterSet):
    """Results filtered by the survey's respondent group (the choices are its options)."""

    group = django_filters.ChoiceFilter(
        field_name="respondent_group", label="Respondent group", empty_label="Everyone"
    )

    class Meta:
        model = SurveyResponse
        fields = []

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].extra["choices"] = [(g, g) for g in groups]
        self.form.fields["group"].choices = [("", "Everyone"), *[(g, g) for g in groups]]

    @property
    def chosen_group(self) -> str:
        return self.value("group") or ""
