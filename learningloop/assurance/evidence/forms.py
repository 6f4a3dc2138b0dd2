"""Forms that name assurance evidence of impact for a key message."""

from django import forms

from learningloop.learning.models import KeyMessage

from ..models import Audit, AuditDomain, QuestionKind, SurveyQuestion

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


class QuestionField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.survey.title}: {obj.text}"


class SurveyEvidenceForm(forms.Form):
    """A survey question asked in a baseline survey and again in a later survey, with the answers that
    count as favourable."""

    favourable_options = forms.CharField(
        label="Answers that count as favourable",
        help_text="For a choice question: the answers as the survey words them, one a line",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Enter 2,000 characters or fewer"},
    )
    favourable_from = forms.IntegerField(
        label="Favourable from",
        help_text="For a scale question: the lowest number that counts as favourable",
        required=False,
        min_value=-100,
        max_value=100,
        error_messages={
            "invalid": "Enter a whole number",
            "min_value": "Enter a number on the scale",
            "max_value": "Enter a number on the scale",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = (
            SurveyQuestion.objects.select_related("survey")
            .exclude(kind=QuestionKind.FREE_TEXT)
            .order_by("survey__title", "position", "pk")
        )
        fields = {"key_message": key_message_field()}
        for name, label, hint in (
            ("baseline_question", "Baseline survey question", "The question as asked before the change"),
            ("followup_question", "Follow-up survey question", "The same question in a later survey"),
        ):
            fields[name] = QuestionField(
                questions,
                label=label,
                help_text=hint,
                empty_label="Select the question",
                error_messages={
                    "required": f"Select the {label.lower()}",
                    "invalid_choice": f"Select a question {_PICK}",
                },
            )
        self.fields = {**fields, **self.fields}

    def clean_favourable_options(self):
        return [line.strip() for line in self.cleaned_data["favourable_options"].splitlines() if line.strip()]
