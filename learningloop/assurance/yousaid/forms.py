"""The "You said, we did" form and list filters."""

import django_filters
from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.filters import GovukFilterSet, SearchFilter, SortFilter
from learningloop.core.govuk_forms import GovukDateField
from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage, LearningActivity, Theme

from ..models import HeardFrom, Survey, SurveyQuestion, YouSaidWeDid

_PICK = {"invalid_choice": "Select from the list", "invalid_pk_value": "Select from the list"}


class KeyMessagesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.summary.title}: {obj.text[:80]}"


class ActionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.plan.title}: {obj.description[:80]}"


class YouSaidWeDidForm(VersionedFormMixin, forms.ModelForm):
    did_on = GovukDateField(
        label="When the partnership did it",
        help_text="For example, 14 9 2026",
        error_messages={"required": "Enter the date"},
    )
    key_messages = KeyMessagesField(
        KeyMessage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Key messages it is part of",
        error_messages=_PICK,
    )
    actions = ActionsField(
        Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Improvement actions",
        error_messages=_PICK,
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes",
        error_messages=_PICK,
    )

    class Meta:
        model = YouSaidWeDid
        fields = ["title", "heard_from", "said", "survey", "question", "source_activity", "did", "did_on"]
        widgets = {
            "heard_from": forms.RadioSelect,
            "said": forms.Textarea(attrs={"rows": 4}),
            "did": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {
                "required": "Enter the headline",
                "max_length": "The headline must be 200 characters or fewer",
            },
            "heard_from": {
                "required": "Select who said it",
                "invalid_choice": "Select who said it from the list",
            },
            "said": {"required": "Enter what they said, in your own words"},
            "did": {"required": "Enter what the partnership did"},
            "source_activity": _PICK,
            "survey": _PICK,
            "question": _PICK,
        }
        help_texts = {
            "question": "The question it came from, if you know it (a question of the survey above)"
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_activity"].queryset = LearningActivity.objects.select_related(
            "source_type"
        ).order_by("-started_on", "title")
        self.fields["source_activity"].empty_label = "Not from a learning source in the register"
        self.fields["source_activity"].required = False
        self.fields["survey"].queryset = Survey.objects.order_by("-opens_on", "title")
        self.fields["survey"].empty_label = "Not from a survey"
        self.fields["survey"].label = "Survey it came from"
        self.fields["question"].queryset = SurveyQuestion.objects.select_related("survey").order_by(
            "survey__title", "position", "pk"
        )
        self.fields["question"].empty_label = "No particular question"
        self.fields["question"].label_from_instance = lambda q: f"{q.survey.title}: {q.text}"
        self.fields["key_messages"].queryset = KeyMessage.objects.select_related("summary").order_by(
            "summary__title", "position", "pk"
        )
        self.fields["actions"].queryset = Action.objects.select_related("plan").order_by(
            "plan__title", "due_on", "pk"
        )
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True).order_by("name")
        if self.instance.pk:
            for name in ("key_messages", "actions", "themes"):
                self.initial[name] = list(getattr(self.instance, name).values_list("pk", flat=True))


class YouSaidWeDidFilterSet(GovukFilterSet):
    q = SearchFilter(fields=("title", "said", "did"), label="Search")
    heard_from = django_filters.ChoiceFilter(
        choices=HeardFrom.choices, label="Who said it", empty_label="Anyone"
    )
    theme = django_filters.ModelChoiceFilter(
        field_name="themes",
        queryset=Theme.objects.all(),
        label="Theme",
        empty_label="All themes",
        distinct=True,
    )
    sort = SortFilter(orderings={"date": ("did_on",), "title": ("title",)}, default="-date", label="Sort by")

    class Meta:
        model = YouSaidWeDid
        fields = ["q", "heard_from", "theme"]
