from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.filters import GovukFilterSet
from learningloop.partnership.filters import AgencyChoiceFilter
from learningloop.partnership.models import Agency

from ..models import DataDue, Submission

NUMBER = {
    "invalid": "Enter a number, like 12 or 12.5",
    "max_digits": "Enter a smaller number",
    "max_decimal_places": "Enter a number with up to 2 decimal places",
    "max_whole_digits": "Enter a smaller number",
}


def _number(label, help_text=""):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
        error_messages=NUMBER,
    )


class SubmissionForm(forms.Form):
    agency = forms.ChoiceField(
        label="Agency",
        error_messages={"required": "Select the agency", "invalid_choice": "Select the agency"},
    )
    period = forms.ChoiceField(
        label="Period",
        error_messages={"required": "Select the period", "invalid_choice": "Select a period that is owed"},
    )
    value = _number("Value", "Or give the numerator and denominator and the value is worked out")
    numerator = _number("Numerator")
    denominator = _number("Denominator")
    commentary = forms.CharField(
        label="Analysis and commentary",
        required=False,
        widget=forms.Textarea,
        max_length=5000,
        help_text="What the figure shows and why it has changed",
    )

    def __init__(self, *args, agencies, periods, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "Select the agency")] + [(str(a.pk), a.name) for a in agencies]
        if len(agencies) == 1:
            self.fields["agency"].initial = str(agencies[0].pk)
        self.fields["period"].choices = [("", "Select the period")] + [
            (p.start.isoformat(), p.label) for p in periods
        ]
        if not indicator.is_ratio:
            for name in ("numerator", "denominator"):
                del self.fields[name]
        else:
            self.fields["numerator"].help_text = indicator.numerator
            self.fields["denominator"].help_text = indicator.denominator


class CorrectionForm(VersionedFormMixin, forms.ModelForm):
    reason = forms.CharField(
        label="Why is the value being corrected?",
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"required": "Enter why the value is being corrected"},
    )

    class Meta:
        model = Submission
        fields = ["value", "numerator", "denominator", "commentary"]
        error_messages = {"value": NUMBER, "numerator": NUMBER, "denominator": NUMBER}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].required = False
        if not self.instance.indicator.is_ratio:
            del self.fields["numerator"]
            del self.fields["denominator"]

    def _post_clean(self):  # the service validates and saves; the saved values stay untouched here
        pass


class LateFilterSet(GovukFilterSet):
    # The agencies that are not schools, and "Any school" (ADR 0038): not every school of a large partnership.
    agency = AgencyChoiceFilter(
        queryset=Agency.objects.order_by("name"), label="Agency", empty_label="Every agency"
    )

    class Meta:
        model = DataDue
        fields = []
