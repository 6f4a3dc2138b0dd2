"""Forms for complaints and compliments counts."""

from django import forms

from learningloop.core.govuk_forms import GovukDateField
from learningloop.learning.models import Theme
from learningloop.partnership.models import Agency

from ..models import FeedbackKind

_PICK = {"invalid_choice": "Select from the list"}


class FeedbackCountForm(forms.Form):
    period_start = GovukDateField(
        label="Quarter starting",
        help_text="The first day of the quarter, for example 1 4 2026",
        error_messages={"required": "Enter the first day of the quarter"},
    )
    kind = forms.ChoiceField(
        choices=FeedbackKind.choices,
        widget=forms.RadioSelect,
        label="Complaints or compliments",
        error_messages={"required": "Select complaints or compliments", **_PICK},
    )
    theme = forms.ModelChoiceField(
        Theme.objects.filter(is_active=True),
        required=False,
        label="Theme",
        empty_label="No particular theme",
        error_messages=_PICK,
    )
    count = forms.IntegerField(
        label="How many",
        min_value=0,
        max_value=100000,
        error_messages={
            "required": "Enter how many",
            "invalid": "Enter a whole number",
            "min_value": "Enter 0 or more",
            "max_value": "Enter 100,000 or fewer",
        },
    )

    def __init__(self, *args, choose_agency=False, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_agency:
            self.fields["agency"] = forms.ModelChoiceField(
                Agency.objects.filter(is_active=True),
                label="Agency",
                empty_label="Select the agency",
                error_messages={"required": "Select the agency", **_PICK},
            )
            self.order_fields(["agency"])
