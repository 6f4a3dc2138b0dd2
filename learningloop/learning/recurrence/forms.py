"""The form a chair uses to mark a suggestion: same issue, or not related."""

from django import forms

from ..models import RecurrenceVerdict


class MarkForm(forms.Form):
    verdict = forms.ChoiceField(
        label="Is this the same practice problem?",
        choices=RecurrenceVerdict.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select same issue or not related",
            "invalid_choice": "Select same issue or not related",
        },
    )
