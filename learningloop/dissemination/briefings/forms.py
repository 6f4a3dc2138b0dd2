"""Forms for learning briefings and newsletter items: the briefing itself."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import Q

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.learning.models import KeyMessage, SummaryStatus

from ..models import Briefing, BriefingKind
from .services import EMBEDDING_QUESTION

RICH_TEXT_HINT = (
    "Type plain text (a blank line starts a new paragraph), or use simple HTML: paragraphs, bold, italics, "
    "lists, subheadings (h3, h4) and links to web or email addresses"
)


class KeyMessageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        text = obj.text if len(obj.text) <= 160 else obj.text[:157] + "…"
        return f"{obj.summary.title}: {text}"


def key_message_choices(current=()):
    """Key messages from accepted Summaries of Learning, plus any the briefing already uses."""
    return (
        KeyMessage.objects.filter(
            Q(summary__status=SummaryStatus.ACCEPTED) | Q(pk__in=[m.pk for m in current])
        )
        .select_related("summary")
        .order_by("summary__title", "summary_id", "position", "pk")
    )


class BriefingForm(VersionedFormMixin, forms.ModelForm):
    kind = forms.ChoiceField(
        label="Kind",
        choices=BriefingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind", "invalid_choice": "Select the kind from the list"},
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={
            "required": "Enter a title",
            "max_length": "Title must be 200 characters or fewer",
        },
    )
    key_messages = KeyMessageChoiceField(
        label="Key messages",
        queryset=KeyMessage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="From accepted Summaries of Learning",
        error_messages={
            "invalid_choice": "Select key messages from the list",
            "invalid_pk_value": "Select key messages from the list",
            "invalid_list": "Select key messages from the list",
        },
    )

    class Meta:
        model = Briefing
        fields = ["kind", "title", "key_messages", *Briefing.RICH_TEXT_FIELDS]
        labels = {
            "background": "Background",
            "why_it_matters": "Why it matters",
            "key_information": "Key information",
            "things_to_remember": "Things to remember",
            "what_to_do": "What to do",
            "reflective_questions": "Reflective questions",
        }
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in Briefing.RICH_TEXT_FIELDS}

    def __init__(self, *args, key_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = list(self.instance.key_messages.all()) if self.instance.pk else []
        self.fields["key_messages"].queryset = key_message_choices(current)
        for name in Briefing.RICH_TEXT_FIELDS:
            self.fields[name].help_text = RICH_TEXT_HINT if name == "background" else ""
            message = f"{self.fields[name].label} must be 20,000 characters or fewer"
            self.fields[name].validators.append(MaxLengthValidator(20000, message=message))
        if not self.instance.pk and not self.is_bound:
            kind = self.initial.get("kind") or BriefingKind.SEVEN_MINUTE
            self.initial.setdefault("kind", kind)
            if kind == BriefingKind.SEVEN_MINUTE:
                self.initial.setdefault("reflective_questions", EMBEDDING_QUESTION)
            if key_message and self.fields["key_messages"].queryset.filter(pk=key_message).exists():
                self.initial["key_messages"] = [key_message]
