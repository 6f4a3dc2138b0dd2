"""Forms for the Learning Dissemination Action Plan: the plan list's filter, a key message's purpose with
its four audience rows (prefixed forms, no JavaScript needed), and tracked communications."""

from django import forms
from django.db.models import Q

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField
from learningloop.partnership.models import Agency, DisseminationMethod, Person

from ..models import Communication, CommunicationStatus

OUT_OF_DATE = "This form is out of date. Open the page again and re-enter your changes"
TEXT_LIMIT = 5000


def _too_long(what, limit):
    return f"{what} must be {limit} characters or fewer"


def _max_length(what, limit):
    def validate(value):
        if value and len(value) > limit:
            raise forms.ValidationError(_too_long(what, limit), code="max_length")

    return validate


def _active_or_current(queryset, current=()):
    return queryset.filter(Q(is_active=True) | Q(pk__in=[obj.pk for obj in current if obj is not None]))


def _choice_error(what):
    message = f"Select {what} from the list"  # noqa: S608 - a message, not SQL
    return {"invalid_choice": message, "invalid_pk_value": message, "invalid_list": message}


# --- A key message's row of the plan ---


class MessagePlanForm(VersionedFormMixin, forms.Form):
    """The purpose of the key message, and the plan's version the editor started from."""

    purpose = forms.CharField(
        label="Purpose",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why this key message matters and what should change in practice",
        validators=[_max_length("Purpose", TEXT_LIMIT)],
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = True
        self.fields["version"].initial = plan.version


class AudiencePlanForm(forms.Form):
    """One audience row: communication methods and measures of success (prefixed per audience)."""

    methods = forms.ModelMultipleChoiceField(
        label="Communication methods",
        required=False,
        queryset=DisseminationMethod.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_error("communication methods"),
    )
    measures_of_success = forms.CharField(
        label="Measures of success",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, attendance, downloads, feedback or audit results",
        validators=[_max_length("Measures of success", TEXT_LIMIT)],
    )

    def __init__(self, *args, audience_plan, methods_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience_plan = audience_plan
        self.fields["methods"].queryset = methods_queryset
        self.fields["methods"].label = f"Communication methods: {audience_plan.audience.name}"
        self.fields["measures_of_success"].label = f"Measures of success: {audience_plan.audience.name}"
        if not self.is_bound:
            self.initial = {
                "methods": [m.pk for m in audience_plan.methods.all()],
                "measures_of_success": audience_plan.measures_of_success,
            }


def audience_forms(data, message_plan):
    """One prefixed form per audience row of a key message."""
    audience_plans = list(message_plan.audience_plans.all())
    current = [m for ap in audience_plans for m in ap.methods.all()]
    methods = _active_or_current(DisseminationMethod.objects.all(), current).order_by("position", "name")
    return [
        AudiencePlanForm(data, prefix=f"audience-{ap.pk}", audience_plan=ap, methods_queryset=methods)
        for ap in audience_plans
    ]


# --- Communications ---


class _CommunicationFields(forms.ModelForm):
    def _limit_choices(self):
        c = self.instance
        if "method" in self.fields:
            self.fields["method"].queryset = _active_or_current(
                DisseminationMethod.objects.all(), [c.method] if c.method_id else []
            ).order_by("position", "name")
            self.fields["method"].empty_label = "Select a method"
        if "owner" in self.fields:
            self.fields["owner"].queryset = _active_or_current(
                Person.objects.select_related("agency"), [c.owner] if c.owner_id else []
            )
            self.fields["owner"].empty_label = "Not yet chosen"
        if "owner_agency" in self.fields:
            self.fields["owner_agency"].queryset = _active_or_current(
                Agency.objects.all(), [c.owner_agency] if c.owner_agency_id else []
            )
            self.fields["owner_agency"].empty_label = "Not yet chosen"
        if "notes" in self.fields:
            self.fields["notes"].validators.append(_max_length("Notes", TEXT_LIMIT))


class CommunicationCreateForm(_CommunicationFields):
    due_on = GovukDateField(
        label="Due date",
        help_text="Today or later, for example 27 3 2026",
        error_messages={"required": "Enter the due date"},
    )

    class Meta:
        model = Communication
        fields = ["method", "description", "owner", "owner_agency", "due_on", "notes"]
        labels = {
            "method": "Communication method",
            "description": "Description",
            "owner": "Owner",
            "owner_agency": "Owner's agency",
            "notes": "Notes",
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "method": {"required": "Select the communication method", **_choice_error("a method")},
            "description": {"required": "Enter the description", "max_length": _too_long("Description", 300)},
            "owner": _choice_error("an owner"),
            "owner_agency": _choice_error("an agency"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_choices()

    def clean(self):
        cleaned = super().clean()
        owner, agency = cleaned.get("owner"), cleaned.get("owner_agency")
        if owner and not agency:
            cleaned["owner_agency"] = owner.agency
            self.instance.owner_agency = owner.agency
        return cleaned


class _ReachField(forms.IntegerField):
    def __init__(self, label, **kwargs):
        super().__init__(
            label=label,
            required=False,
            min_value=0,
            max_value=10_000_000,
            error_messages={
                "invalid": f"{label} must be a whole number, like 25",
                "min_value": f"{label} must be 0 or more",
                "max_value": f"{label} must be 10,000,000 or fewer",
            },
            **kwargs,
        )
        self.widget.input_type = "text"
        self.widget.attrs.update({"inputmode": "numeric"})


class CommunicationEditForm(VersionedFormMixin, _CommunicationFields):
    done_on = GovukDateField(label="Date done", required=False, help_text="For example, 27 3 2026")
    people_attending = _ReachField("People attending")
    recipients = _ReachField("Recipients")
    downloads_or_views = _ReachField("Downloads or views")

    class Meta:
        model = Communication
        fields = ["status", "done_on", "people_attending", "recipients", "downloads_or_views", "notes"]
        labels = {"status": "Status", "notes": "Notes"}
        widgets = {"status": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "status": {"required": "Select the status", "invalid_choice": "Select a status from the list"}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = CommunicationStatus.choices
        self._limit_choices()
        for name in ("people_attending", "recipients", "downloads_or_views"):
            self.fields[name].help_text = "Reach, when done. Leave blank if not known"

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == CommunicationStatus.DONE
            and not cleaned.get("done_on")
            and "done_on" not in self.errors
        ):
            self.add_error("done_on", "Enter the date the communication was done")
        return cleaned

    def validate_constraints(self):  # clean() above gives the friendlier message for the same rule
        pass
