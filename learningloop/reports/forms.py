"""The trail index's filters: an invalid value is reported and ignored; the valid ones still apply."""

from django import forms

from learningloop.partnership.models import Group

from .trail import STAGES


class TrailFilterForm(forms.Form):
    loop_status = forms.ChoiceField(
        label="Loop status",
        required=False,
        choices=[("", "Any status"), *STAGES],
        error_messages={"invalid_choice": "Select a loop status from the list"},
    )
    subgroup = forms.ModelChoiceField(
        label="Subgroup",
        required=False,
        queryset=Group.objects.order_by("name"),
        empty_label="Any subgroup",
        error_messages={"invalid_choice": "Select a subgroup from the list"},
    )

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("loop_status"):
            queryset = queryset.filter(loop_status=data["loop_status"])
        if data.get("subgroup"):
            queryset = queryset.filter(summary__subgroup=data["subgroup"])
        return queryset
