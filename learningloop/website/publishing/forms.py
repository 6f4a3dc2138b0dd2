from django import forms

CHECKS = [
    ("no_child", "It identifies no child"),
    ("no_family_member", "It identifies no family member"),
    ("no_practitioner", "It identifies no practitioner"),
]
CHECK_MISSING = "Confirm all three checks: the item identifies no child, family member or practitioner"


class PublishForm(forms.Form):
    checks = forms.MultipleChoiceField(
        label="Before publishing, I have read the whole item and checked that",
        choices=CHECKS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CHECK_MISSING, "invalid_choice": CHECK_MISSING},
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10000,
        error_messages={"max_length": "The text must be 10,000 characters or fewer"},
    )
    document = forms.FileField(
        label="Document to publish (optional)",
        help_text=(
            "A PDF, Word (.docx) or Excel (.xlsx) file. Its author, comments and revision history are "
            "removed before it is published."
        ),
        required=False,
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        if kind.notes_label:
            self.fields["notes"].label = kind.notes_label
        else:
            del self.fields["notes"]
        if not kind.takes_document:
            del self.fields["document"]

    def clean_checks(self):
        value = set(self.cleaned_data["checks"])
        if value != {code for code, _ in CHECKS}:
            raise forms.ValidationError(CHECK_MISSING)
        return value


class RetireForm(forms.Form):
    reason = forms.CharField(
        label="Why is it being retired?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={
            "required": "Enter why the item is being retired",
            "max_length": "The reason must be 2,000 characters or fewer",
        },
    )


class StatisticsRecordForm(forms.Form):
    start_year = forms.TypedChoiceField(
        label="Financial year",
        coerce=int,
        error_messages={
            "required": "Select a financial year",
            "invalid_choice": "Select a financial year from the list",
        },
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_year"].choices = [(y, f"April {y} to March {y + 1}") for y in years]
