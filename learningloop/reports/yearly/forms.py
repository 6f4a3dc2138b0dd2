"""Forms of the yearly report: the reporting year to draft, the sections' texts, a withdrawal's reason."""

from django import forms
from django.utils import timezone

from learningloop.core.concurrency import VersionedFormMixin

from ..models import YearlyReport, reporting_year_of, reporting_year_start
from . import sections

MAX_TEXT = 20000


def year_label(year: int) -> str:
    start = reporting_year_start(year)
    end = YearlyReport.for_year(year).ends_on
    return f"{start:%B %Y} to {end:%B %Y}"


class YearlyCreateForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Reporting year",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the reporting year",
            "invalid_choice": "Select a reporting year from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = reporting_year_of(timezone.localdate())
        taken = set(YearlyReport.objects.values_list("year", flat=True))
        self.fields["year"].choices = [
            (y, year_label(y)) for y in range(current, current - 4, -1) if y not in taken
        ]


def field_name(key: str, where: str) -> str:
    return f"section-{key}-{where}"


class YearlyEditForm(VersionedFormMixin, forms.ModelForm):
    """Two text boxes per section: what the partners write above its figures and under them."""

    class Meta:
        model = YearlyReport
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in sections.sections():
            for where, hint in (("above", section.above_hint), ("below", section.below_hint)):
                label = f"{section.heading}: {hint.lower()}" if hint else section.heading
                self.fields[field_name(section.key, where)] = forms.CharField(
                    label=label,
                    required=False,
                    initial=self.instance.text(section.key, where),
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=MAX_TEXT,
                    error_messages={
                        "max_length": f"{hint or section.heading} must be 20,000 characters or fewer"
                    },
                )

    def texts(self) -> dict:
        found: dict = {}
        for section in sections.sections():
            for where in ("above", "below"):
                value = self.cleaned_data.get(field_name(section.key, where), "")
                found.setdefault(section.key, {})[where] = value
        return found


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the sign-off withdrawn?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={
            "required": "Enter why the sign-off is withdrawn",
            "max_length": "The reason must be 2,000 characters or fewer",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
