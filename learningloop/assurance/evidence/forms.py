"""Forms that name assurance evidence of impact for a key message."""

from django import forms

from learningloop.learning.models import KeyMessage

from ..models import Audit, AuditDomain

_PICK = "from the list"


class KeyMessageField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.summary.title}: {obj.text[:80]}"


def key_message_field():
    return KeyMessageField(
        KeyMessage.objects.select_related("summary").order_by("summary__title", "position", "pk"),
        label="Key message",
        empty_label="Select the key message",
        error_messages={
            "required": "Select the key message",
            "invalid_choice": f"Select a key message {_PICK}",
        },
    )


class AuditEvidenceForm(forms.Form):
    """An audit domain graded in a baseline audit and again in a later follow-up audit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        audits = Audit.objects.select_related("activity").order_by("activity__started_on", "pk")
        self.fields["key_message"] = key_message_field()
        for name, label, hint in (
            ("baseline_audit", "Baseline audit", "The audit before the change"),
            ("followup_audit", "Follow-up audit", "A later audit on the same theme, after the change"),
        ):
            self.fields[name] = forms.ModelChoiceField(
                audits,
                label=label,
                help_text=hint,
                empty_label="Select the audit",
                error_messages={
                    "required": f"Select the {label.lower()}",
                    "invalid_choice": f"Select an audit {_PICK}",
                },
            )
        names = AuditDomain.objects.order_by("name").values_list("name", flat=True).distinct()
        self.fields["domain"] = forms.ChoiceField(
            choices=[("", "Select the domain")] + [(n, n) for n in names],
            label="Audit domain",
            help_text="Compared: the share of cases whose agreed grade in it is good or outstanding",
            error_messages={
                "required": "Select the audit domain",
                "invalid_choice": f"Select a domain {_PICK}",
            },
        )

    def clean(self):
        data = super().clean()
        before, after = data.get("baseline_audit"), data.get("followup_audit")
        if before and after and before.pk == after.pk:
            self.add_error("followup_audit", "Choose a different, later audit for the follow-up")
        return data
