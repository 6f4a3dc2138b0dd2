"""The three evaluation forms (before, straight after, 6–8 weeks later with the line manager)."""

from django import forms

from ..models import EvaluationStage

SCALE = [
    (str(n), label) for n, label in ((1, "1 – not at all"), (2, "2"), (3, "3"), (4, "4"), (5, "5 – very"))
]


def _scale(label, what):
    return forms.TypedChoiceField(
        label=label,
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Select how {what} you feel",
            "invalid_choice": f"Select how {what} you feel",
        },
    )


class BeforeForm(forms.Form):
    confidence = _scale("How confident do you feel about this subject in your work?", "confident")
    knowledge = _scale("How much do you feel you know about it?", "knowledgeable")


class AfterForm(forms.Form):
    learned = forms.CharField(
        label="What did you learn?",
        widget=forms.Textarea,
        max_length=4000,
        error_messages={
            "required": "Tell us what you learned",
            "max_length": "Use 4,000 characters or fewer",
        },
    )
    confidence = _scale("How confident do you feel about this subject now?", "confident")
    knowledge = _scale("How much do you feel you know about it now?", "knowledgeable")


class FollowUpForm(forms.Form):
    practice_changed = forms.TypedChoiceField(
        label="Has your practice changed because of the training?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes or no", "invalid_choice": "Select yes or no"},
    )
    practice_change = forms.CharField(
        label="What has changed in your practice?",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
        help_text="Agree this with your line manager",
        error_messages={"max_length": "Use 4,000 characters or fewer"},
    )
    line_manager_name = forms.CharField(
        label="Your line manager's name",
        max_length=150,
        error_messages={"required": "Enter the name of the line manager you completed this with"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("practice_changed") and not cleaned.get("practice_change", "").strip():
            self.add_error("practice_change", "Describe what has changed in your practice")
        return cleaned


STAGE_FORMS = {
    EvaluationStage.BEFORE: BeforeForm,
    EvaluationStage.AFTER: AfterForm,
    EvaluationStage.FOLLOW_UP: FollowUpForm,
}
