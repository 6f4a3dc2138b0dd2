"""Forms for the case review pages. Date order is checked by CaseReview.clean(), which a ModelForm runs
and whose messages land on the right field."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.deadlines import Direction, Unit
from learningloop.core.govuk_forms import GovukDateField
from learningloop.partnership.models import Group

from ..models import CaseReview, ChildDetails, DeadlineRule, LearningActivity, ReviewDecision, ReviewKind

REQUIRED = "Enter {}"


def _limit(n):
    return MaxLengthValidator(n, message=f"Enter {n:,} characters or fewer")


def _required(field, what):
    field.error_messages["required"] = REQUIRED.format(what)
    return field


class ReviewCreateForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of review",
        choices=ReviewKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of review"},
    )
    title = _required(
        forms.CharField(
            label="Title",
            max_length=LearningActivity._meta.get_field("title").max_length,
            help_text="How the learning register will list it. Do not use the child’s name.",
        ),
        "the title",
    )
    pseudonym = _required(
        forms.CharField(
            label="Pseudonym",
            max_length=CaseReview._meta.get_field("pseudonym").max_length,
            help_text="How the review refers to the child, for example Child A",
        ),
        "the pseudonym",
    )
    aware_on = _required(
        GovukDateField(label="Date the local authority became aware"),
        "the date the local authority became aware",
    )
    owning_group = forms.ModelChoiceField(
        label="Group that owns the learning",
        queryset=Group.objects.all(),
        empty_label="Choose a group",
        error_messages={"required": "Select the group that owns the learning"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owning_group"].queryset = Group.objects.filter(is_active=True).order_by("name")
        if not self.is_bound:
            self.initial.setdefault("owning_group", Group.objects.cspr_panel())


class ReviewEditForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = CaseReview
        fields = [
            "pseudonym",
            "aware_on",
            "panel_notified_on",
            "rapid_review_sent_on",
            "panel_response_on",
            "panel_response",
            "decision",
            "decision_on",
            "criteria_improvements",
            "criteria_recurrent_themes",
            "criteria_multi_agency",
            "criteria_panel_referred",
            "decision_rationale",
            "reviewer",
            "terms_of_reference_on",
            "planned_publication_on",
            "sent_to_panel_on",
            "published_on",
            "delay_reasons",
        ]
        widgets = {"decision": forms.RadioSelect}
        error_messages = {"pseudonym": {"required": "Enter the pseudonym"}}

    DATE_FIELDS = [
        "aware_on",
        "panel_notified_on",
        "rapid_review_sent_on",
        "panel_response_on",
        "decision_on",
        "terms_of_reference_on",
        "planned_publication_on",
        "sent_to_panel_on",
        "published_on",
    ]
    TEXT_LIMIT = 10_000
    SECTIONS = [
        ("The child and the incident", ["pseudonym", "aware_on"]),
        ("Notification to the national Panel", ["panel_notified_on"]),
        ("Rapid review", ["rapid_review_sent_on", "panel_response_on", "panel_response"]),
        (
            "Decision on a local review",
            [
                "decision",
                "decision_on",
                "criteria_improvements",
                "criteria_recurrent_themes",
                "criteria_multi_agency",
                "criteria_panel_referred",
                "decision_rationale",
            ],
        ),
        (
            "Local review",
            [
                "reviewer",
                "terms_of_reference_on",
                "planned_publication_on",
                "sent_to_panel_on",
                "published_on",
                "delay_reasons",
            ],
        ),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.DATE_FIELDS:
            model_field = CaseReview._meta.get_field(name)
            self.fields[name] = GovukDateField(label=model_field.verbose_name.capitalize(), required=False)
        for name in ("panel_response", "decision_rationale", "delay_reasons"):
            self.fields[name].validators.append(_limit(self.TEXT_LIMIT))
        self.fields["decision"].choices = ReviewDecision.choices
        self.fields["aware_on"].required = True
        self.fields["aware_on"].error_messages["required"] = "Enter the date the local authority became aware"
        self.fields["decision"].error_messages["required"] = "Select the decision"
        if self.instance.kind != ReviewKind.CHILD:
            # Safeguarding adult reviews and domestic homicide reviews have no notification or rapid review.
            for name in ("panel_notified_on", "rapid_review_sent_on", "panel_response_on", "panel_response"):
                del self.fields[name]
            for name in [n for n in self.fields if n.startswith("criteria_")]:
                del self.fields[name]

    def sections(self):
        for heading, names in self.SECTIONS:
            fields = [self[n] for n in names if n in self.fields]
            if fields:
                yield heading, fields


class DeadlineRuleForm(VersionedFormMixin, forms.ModelForm):
    """What the business unit may change in a deadline rule: the period, its direction and its basis. What
    the rule counts from and what meets it stay fixed: they are the review's own dates."""

    class Meta:
        model = DeadlineRule
        fields = ["amount", "unit", "direction", "basis"]

    amount = forms.IntegerField(
        label="How many",
        min_value=0,
        max_value=999,
        error_messages={
            "required": "Enter how many working days, days, weeks or months",
            "invalid": "Enter a whole number",
            "min_value": "Enter a number of 0 or more",
            "max_value": "Enter a number of 999 or fewer",
        },
    )
    unit = forms.ChoiceField(label="Counted in", choices=Unit.choices,
                             error_messages={"required": "Choose what the rule counts in"})  # fmt: skip
    direction = forms.ChoiceField(label="Before or after", choices=Direction.choices,
                                  error_messages={"required": "Choose before or after"})  # fmt: skip
    basis = forms.CharField(label="Basis", required=False, validators=[_limit(300)],
                            help_text="The guidance or local agreement the rule comes from")  # fmt: skip


class MonitoringEntryForm(forms.Form):
    entry_on = _required(GovukDateField(label="Date"), "the date")
    note = forms.CharField(
        label="Note",
        widget=forms.Textarea,
        validators=[_limit(5000)],
        help_text="The time taken and the quality of the review so far (regulation 14)",
        error_messages={"required": "Enter the note"},
    )


class ChildDetailsForm(VersionedFormMixin, forms.ModelForm):
    date_of_birth = GovukDateField(label="Date of birth", required=False)

    class Meta:
        model = ChildDetails
        fields = ["child_name", "date_of_birth", "address", "case_reference"]
        labels = {"child_name": "Child’s name", "case_reference": "Case reference"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].validators.append(_limit(1000))

    def clean_date_of_birth(self):
        value = self.cleaned_data.get("date_of_birth")
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date of birth must be today or in the past")
        return value
