"""Forms for formal requests to agencies: sending a request, an agency's response, evidence and review."""

from django import forms
from django.forms.utils import ErrorDict

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.core.uploads import check_upload
from learningloop.learning.models import CaseReview, KeyMessage, ReviewKind, SummaryStatus
from learningloop.partnership.forms import AgencyPickField, agencies_picked, every_agency_choices
from learningloop.partnership.models import Agency

from ..models import AgencyResponse
from .services import ACCEPT, DEFAULT_INFORMATION_WORKING_DAYS, MORE_INFORMATION


class KeyMessageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.summary.title}: {obj.text}"


def _choice_errors(what):
    message = f"Select {what} from the list"  # noqa: S608 - a message, not SQL
    return {"invalid_choice": message, "invalid_pk_value": message, "invalid_list": message}


class RequestForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title", "max_length": "Title must be 200 characters or fewer"},
    )
    key_messages = KeyMessageChoiceField(
        label="Key messages",
        queryset=KeyMessage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Key messages from Summaries of Learning accepted by the LDG",
        error_messages={"required": "Select at least one key message", **_choice_errors("key messages")},
    )
    message = forms.CharField(
        label="What you are asking",
        widget=forms.Textarea,
        max_length=20000,
        error_messages={
            "required": "Enter what you are asking the agencies",
            "max_length": "What you are asking must be 20,000 characters or fewer",
        },
    )
    working_days = forms.IntegerField(
        label="Working days to respond",
        initial=20,
        min_value=1,
        max_value=260,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of working days to respond",
            "invalid": "Working days to respond must be a whole number, like 20",
            "min_value": "The due date must be today or in the future: enter at least 1 working day",
            "max_value": "Working days to respond must be 260 or fewer",
        },
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies",
        queryset=Agency.objects.active().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text="Agencies represented on the Learning and Development Group are selected",
        error_messages={"required": "Select at least one agency", **_choice_errors("agencies")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_messages"].queryset = (
            KeyMessage.objects.filter(summary__status=SummaryStatus.ACCEPTED)
            .select_related("summary")
            .order_by("summary__title", "summary_id", "position", "pk")
        )
        self.fields["agencies"].queryset = Agency.objects.active().order_by("name")
        if not self.is_bound:
            self.initial.setdefault(
                "agencies", list(Agency.objects.on_the_ldg().values_list("pk", flat=True))
            )


class _CaseReviewChoices(forms.models.ModelChoiceIterator):
    """Each review as "<kind>: <pseudonym>" (CaseReview.__str__), read as plain values: the list holds
    every review the partnership has had, and building a record for each made the form grow with them."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        kinds = dict(ReviewKind.choices)
        for pk, kind, pseudonym in self.queryset.values_list("pk", "kind", "pseudonym"):
            yield (pk, f"{kinds.get(kind, kind)}: {pseudonym}")


class CaseReviewChoiceField(forms.ModelChoiceField):
    iterator = _CaseReviewChoices

    def label_from_instance(self, obj):
        return str(obj)  # the kind and the pseudonym only, never the child's details


class InformationRequestForm(forms.Form):
    """A request to agencies for information: what is asked and by when, to which agencies, and (for a
    rapid review's chronologies) the case review it is for."""

    title = RequestForm.base_fields["title"]
    case_review = CaseReviewChoiceField(
        label="Case review (optional)",
        queryset=CaseReview.objects.none(),
        required=False,
        empty_label="Not for a case review",
        help_text="For example the rapid review the chronologies are for",
        error_messages=_choice_errors("a case review"),
    )
    message = forms.CharField(
        label="What you are asking for",
        widget=forms.Textarea,
        max_length=20000,
        help_text="For example each agency's chronology of its involvement and a summary of its learning",
        error_messages={
            "required": "Enter what you are asking the agencies for",
            "max_length": "What you are asking for must be 20,000 characters or fewer",
        },
    )
    working_days = forms.IntegerField(
        label="Working days to respond",
        initial=DEFAULT_INFORMATION_WORKING_DAYS,
        min_value=1,
        max_value=260,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text="Counted in working days: weekends and bank holidays in England are not counted",
        error_messages=RequestForm.base_fields["working_days"].error_messages
        | {"invalid": "Working days to respond must be a whole number, like 5"},
    )
    # Who is asked: agencies named (those of the case review are named already, more are found by name)
    # and whole sectors or every school, so the form does not list each of the partnership's hundreds of
    # agencies and schools (ADR 0038); the request goes to each agency so chosen, once.
    agencies = AgencyPickField(
        label="Named agencies",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="For a case review, the agencies involved in it are selected. Find more by name below.",
        error_messages=_choice_errors("agencies"),
    )
    find = forms.CharField(
        label="Find an agency or school by name",
        required=False,
        max_length=100,
        help_text="Part of its name or short name, then select Find",
        error_messages={"max_length": "The name to find must be 100 characters or fewer"},
    )
    every = forms.MultipleChoiceField(
        label="Ask every agency of a sector, or every school",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each sector's agencies that are not schools",
        error_messages=_choice_errors("a sector"),
    )

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_review"].queryset = CaseReview.objects.order_by("-aware_on", "-pk")
        agencies = self.fields["agencies"]
        agencies.queryset = Agency.objects.active().order_by("name")
        self.fields["every"].choices = every_agency_choices()
        if not self.is_bound and review is not None:
            self.initial.setdefault("case_review", review.pk)
            self.initial.setdefault(
                "title", f"Chronology and summary for the rapid review: {review.pseudonym}"
            )
            self.initial.setdefault(
                "message",
                "Please send your agency's chronology of its involvement with the child and family, and a "
                "short summary of what your agency has learned.",
            )
            self.initial.setdefault(
                "agencies",
                list(review.activity.provider_agencies.filter(is_active=True).values_list("pk", flat=True)),
            )
        if self.is_bound:
            agencies.chosen = self.data.getlist(self.add_prefix("agencies"))
            words = self.data.get(self.add_prefix("find"), "")
            agencies.set_search(words if len(words) <= 100 else "")
        else:
            agencies.chosen = [str(pk) for pk in self.initial.get("agencies", [])]

    def clean(self):
        data = super().clean()
        if "agencies" in self.errors or "every" in self.errors:
            return data
        picked = agencies_picked(data.get("agencies") or [], data.get("every") or [])
        if not picked:
            self.add_error("agencies", "Select at least one agency")
        data["agencies"] = picked
        return data

    def without_errors(self):
        """The form as it was filled in, to show again without checking it (after Find)."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        return self


class InformationResponseForm(VersionedFormMixin, forms.ModelForm):
    """An agency's answer to a request for information: the information (files are added as evidence)."""

    information = forms.CharField(
        label="The information you are giving",
        help_text="Or a summary of the files you add as evidence, for example your chronology",
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        max_length=100000,
        error_messages={"max_length": "The information must be 100,000 characters or fewer"},
    )

    class Meta:
        model = AgencyResponse
        fields = ["information"]


class ResponseForm(VersionedFormMixin, forms.ModelForm):
    where_embedded = forms.CharField(
        label="Where in your agency's processes and procedures will the learning be embedded?",
        widget=forms.Textarea, required=False, max_length=20000,
        error_messages={"max_length": "The answer must be 20,000 characters or fewer"},
    )  # fmt: skip
    mechanisms = forms.CharField(
        label="What mechanisms will support the improvement?",
        widget=forms.Textarea, required=False, max_length=20000,
        error_messages={"max_length": "The answer must be 20,000 characters or fewer"},
    )  # fmt: skip
    evaluation = forms.CharField(
        label="How will you evaluate whether it worked?",
        widget=forms.Textarea, required=False, max_length=20000,
        error_messages={"max_length": "The answer must be 20,000 characters or fewer"},
    )  # fmt: skip
    evaluate_by = GovukDateField(label="By when will you evaluate it?", required=False,
                                 help_text="For example, 27 3 2027")  # fmt: skip

    class Meta:
        model = AgencyResponse
        fields = ["where_embedded", "mechanisms", "evaluation", "evaluate_by"]


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="For example a completed briefing action sheet. PDF, Word (.docx), Excel (.xlsx), "
        "PowerPoint (.pptx), CSV, text, PNG or JPEG; smaller than 10 MB",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
            "missing": "Select a file",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.checked = check_upload(upload)
        return upload


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[(ACCEPT, "Accept the response"), (MORE_INFORMATION, "Ask for more information")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to accept the response or ask for more information",
            "invalid_choice": "Select whether to accept the response or ask for more information",
        },
    )
    note = forms.CharField(
        label="What more information is needed?",
        widget=forms.Textarea,
        required=False,
        max_length=20000,
        help_text="Required if you ask for more information. The agency's strategic lead will see it.",
        error_messages={"max_length": "The note must be 20,000 characters or fewer"},
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == MORE_INFORMATION and not (data.get("note") or "").strip():
            self.add_error("note", "Enter what more information is needed")
        return data
