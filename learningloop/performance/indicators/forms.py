import django_filters
from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.filters import GovukFilterSet, SearchFilter, SortFilter
from learningloop.core.govuk_forms import GovukDateField
from learningloop.improvement.models import Action
from learningloop.learning.models import KeyMessage, Priority
from learningloop.partnership.filters import AgencyChoiceFilter
from learningloop.partnership.models import Agency

from ..models import Category, Frequency, ImpactEvidence, Indicator, Story


class IndicatorForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "counting",
            "numerator",
            "denominator",
            "unit",
            "polarity",
            "frequency",
            "category",
            "providers",
            "target",
            "tolerance",
            "priority",
            "source",
            "due_working_days",
            "collect_from",
            "is_active",
        ]
        widgets = {
            "providers": forms.CheckboxSelectMultiple,
            "collect_from": forms.DateInput(attrs={"type": "text"}),
        }
        error_messages = {
            "code": {"required": "Enter a code", "unique": "An indicator with this code already exists"},
            "name": {"required": "Enter the indicator's name"},
            "target": {"invalid": "The target must be a number, like 85 or 12.5"},
            "tolerance": {"invalid": "The tolerance must be a number, like 5"},
            "due_working_days": {
                "invalid": "Enter a whole number of working days",
                "required": "Enter the working days",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["providers"].queryset = Agency.objects.filter(is_active=True).order_by("name")
        self.fields["priority"].queryset = Priority.objects.filter(is_active=True)
        self.fields["collect_from"].help_text = "The first period's start date, for example 2024-04-01"
        self.fields["collect_from"].error_messages["invalid"] = "Enter a real date, for example 2024-04-01"


class StoryForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Story
        fields = ["helping", "hurting", "what_works", "plan", "actions"]
        widgets = {"actions": forms.CheckboxSelectMultiple}

    def __init__(self, *args, actions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = actions if actions is not None else Action.objects.none()
        self.fields["actions"].label_from_instance = lambda a: f"{a.description[:90]} ({a.owner_agency})"
        self.fields["actions"].help_text = "The improvement actions that carry out what the partners will do"


class IndicatorFilterSet(GovukFilterSet):
    q = SearchFilter(fields=["name", "code", "definition"], label="Search indicators")
    category = django_filters.ChoiceFilter(
        choices=Category.choices, label="Outcomes-based question", empty_label="Any question"
    )
    frequency = django_filters.ChoiceFilter(
        choices=Frequency.choices, label="Frequency", empty_label="Any frequency"
    )
    # The agencies that are not schools, and "Any school" (ADR 0038): not every school of a large partnership.
    agency = AgencyChoiceFilter(
        field_name="providers",
        distinct=True,
        queryset=Agency.objects.order_by("name"),
        label="Provider agency",
        empty_label="Any agency",
    )
    priority = django_filters.ModelChoiceFilter(
        queryset=Priority.objects.all(), label="Partnership priority", empty_label="Any priority"
    )
    sort = SortFilter(orderings={"position": ("position", "name"), "name": ("name",)}, default="position")

    class Meta:
        model = Indicator
        fields = []


class EvidenceForm(forms.ModelForm):
    baseline_start = GovukDateField(
        label="Baseline period starts",
        help_text="The first day of the period before the change. For example, 1 4 2025",
        error_messages={"required": "Enter the start of the baseline period"},
    )
    followup_start = GovukDateField(
        label="Follow-up period starts",
        help_text="The first day of the period after the change. For example, 1 4 2026",
        error_messages={"required": "Enter the start of the follow-up period"},
    )

    class Meta:
        model = ImpactEvidence
        fields = ["key_message", "indicator", "baseline_start", "followup_start"]
        error_messages = {
            "key_message": {
                "required": "Select the key message",
                "invalid_choice": "Select a key message from the list",
            },
            "indicator": {
                "required": "Select the indicator",
                "invalid_choice": "Select an indicator from the list",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_message"].queryset = KeyMessage.objects.select_related("summary").order_by(
            "summary__title", "position", "pk"
        )
        self.fields["key_message"].label_from_instance = lambda m: f"{m.summary.title}: {m.text[:80]}"
        self.fields["indicator"].queryset = Indicator.objects.active()
