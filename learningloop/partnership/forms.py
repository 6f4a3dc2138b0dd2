"""Forms for the partnership structure pages: filters, agencies, people, groups, memberships, presets."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.govuk_forms import GovukDateField

from .models import (
    Agency,
    AudienceGroup,
    ChairRule,
    DisseminationMethod,
    Group,
    LearningSourceType,
    Membership,
    MonitoringProcess,
    Person,
)


def _too_long(what, limit):
    return f"{what} must be {limit} characters or fewer"


def _check_unique_name(model, name, instance, noun):
    if name and model.objects.filter(name__iexact=name).exclude(pk=instance.pk).exists():
        raise forms.ValidationError(f"{noun} called {name} already exists")
    return name


# --- Agencies ---


class AgencyForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "short_name", "sector", "statutory_role", "is_school"]
        labels = {
            "name": "Name",
            "short_name": "Short name",
            "sector": "Sector",
            "statutory_role": "Statutory role",
            "is_school": "This agency is a school",
        }
        help_texts = {"short_name": "Optional. Used where space is short, for example NHP"}
        widgets = {"statutory_role": forms.RadioSelect}
        error_messages = {
            "name": {
                "required": "Enter the agency's name",
                "max_length": _too_long("The agency's name", 200),
            },
            "short_name": {"max_length": _too_long("The short name", 40)},
            "sector": {
                "required": "Select the agency's sector",
                "invalid_choice": "Select a sector from the list",
            },
            "statutory_role": {
                "required": "Select the agency's statutory role",
                "invalid_choice": "Select a statutory role from the list",
            },
        }

    def clean_name(self):
        return _check_unique_name(Agency, self.cleaned_data.get("name"), self.instance, "An agency")


# --- People ---


class PersonForm(VersionedFormMixin, forms.ModelForm):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.none(),
        empty_label="Choose an agency",
        error_messages={
            "required": "Select the person's agency",
            "invalid_choice": "Select an agency from the list",
        },
    )

    class Meta:
        model = Person
        fields = ["full_name", "job_title", "email", "agency"]
        labels = {"full_name": "Full name", "job_title": "Job title", "email": "Email address"}
        error_messages = {
            "full_name": {
                "required": "Enter the person's full name",
                "max_length": _too_long("Full name", 150),
            },
            "job_title": {"max_length": _too_long("Job title", 200)},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.com",
                "max_length": _too_long("Email address", 254),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        current = Q(pk=self.instance.agency_id) if self.instance.agency_id else Q(pk__in=[])
        self.fields["agency"].queryset = Agency.objects.filter(Q(is_active=True) | current)


# --- Groups and their terms of reference ---


def _count_field(label, what, maximum, required=True, initial=None):
    return forms.IntegerField(
        label=label,
        initial=initial,
        min_value=0 if required else 1,
        max_value=maximum,
        required=required,
        error_messages={
            "required": f"Enter {what}",
            "invalid": f"Enter {what} as a whole number",
            "min_value": f"Enter {what} as {0 if required else 1} or more",
            "max_value": f"Enter {what} as {maximum} or fewer",
        },
    )


class GroupForm(VersionedFormMixin, forms.ModelForm):
    accountable_to = forms.ModelChoiceField(
        label="Accountable to",
        required=False,
        queryset=Group.objects.none(),
        empty_label="Not accountable to a group",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    papers_due_working_days = _count_field(
        "Papers out, working days before the meeting",
        "the number of working days before the meeting",
        60,
        initial=5,
    )
    minutes_due_days = _count_field(
        "Minutes out, days after the meeting", "the number of days after the meeting", 365, initial=14
    )
    quorum_minimum = _count_field(
        "Minimum members for quorum", "the minimum number of members for quorum", 500, required=False
    )
    terms_approved_on = GovukDateField(label="Terms of reference approved on", required=False)
    terms_review_due = GovukDateField(label="Terms of reference next review", required=False)
    meetings_every_months = _count_field(
        "Meets every (months)", "the number of months between meetings", 12, required=False
    )
    terms_last_reviewed_on = GovukDateField(label="Terms of reference last reviewed on", required=False)

    class Meta:
        model = Group
        fields = [
            "name",
            "short_name",
            "purpose",
            "accountable_to",
            "meeting_frequency",
            "papers_due_working_days",
            "minutes_due_days",
            "quorum_rule",
            "quorum_minimum",
            "terms_approved_on",
            "terms_review_due",
            "meetings_every_months",
            "chair_rule",
            "deputies_from_other_agencies",
            "terms_last_reviewed_on",
            "terms_changes",
            "handles_case_reviews",
        ]
        labels = {
            "name": "Name",
            "short_name": "Short name",
            "purpose": "Purpose",
            "meeting_frequency": "Meeting frequency",
            "quorum_rule": "Quorum rule",
            "chair_rule": "Who may chair",
            "deputies_from_other_agencies": "A deputy may come from another agency",
            "terms_changes": "What changed at the last review",
            "handles_case_reviews": "Its members may see the identifying details of children in case reviews",
        }
        help_texts = {
            "meeting_frequency": "For example, every two months",
            "quorum_minimum": "Only needed when the quorum rule is a minimum number of members",
            "handles_case_reviews": "Only for the group that runs case reviews, such as the CSPR Panel",
        }
        widgets = {"quorum_rule": forms.RadioSelect, "chair_rule": forms.RadioSelect}
        error_messages = {
            "name": {"required": "Enter the group's name", "max_length": _too_long("The group's name", 200)},
            "short_name": {"max_length": _too_long("The short name", 30)},
            "meeting_frequency": {"max_length": _too_long("Meeting frequency", 100)},
            "quorum_rule": {
                "required": "Select a quorum rule",
                "invalid_choice": "Select a quorum rule from the list",
            },
            "chair_rule": {
                "required": "Select who may chair",
                "invalid_choice": "Select who may chair from the list",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Group.objects.filter(Q(is_active=True) | Q(pk=self.instance.accountable_to_id or 0))
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["accountable_to"].queryset = qs
        self.fields["chair_rule"].required = False

    def clean_name(self):
        return _check_unique_name(Group, self.cleaned_data.get("name"), self.instance, "A group")

    def clean_chair_rule(self):
        # Not choosing leaves the group as it was (any member may chair a new group).
        return self.cleaned_data.get("chair_rule") or self.instance.chair_rule or ChairRule.ANY_MEMBER

    def clean_accountable_to(self):
        parent = self.cleaned_data.get("accountable_to")
        seen = set()
        node = parent
        while node is not None and self.instance.pk and node.pk not in seen:
            if node.pk == self.instance.pk:
                raise forms.ValidationError("A group cannot be accountable to a group that reports to it")
            seen.add(node.pk)
            node = node.accountable_to
        return parent


# --- Memberships ---


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.agency.display_name})"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.agency.display_name})"


class MembershipForm(VersionedFormMixin, forms.ModelForm):
    person = PersonChoiceField(
        label="Person",
        queryset=Person.objects.none(),
        empty_label="Choose a person",
        error_messages={"required": "Select the person", "invalid_choice": "Select a person from the list"},
    )
    representing = forms.ModelChoiceField(
        label="Agency represented",
        required=False,
        queryset=Agency.objects.none(),
        empty_label="The person's own agency",
        help_text="Leave as the person's own agency unless they represent another",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )
    start_date = GovukDateField(label="Start date", help_text="For example, 1 4 2025")
    end_date = GovukDateField(
        label="End date", required=False, help_text="Leave blank while the membership goes on"
    )
    deputies = PeopleChoiceField(
        label="Who may deputise",
        required=False,
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select people from the list",
            "invalid_pk_value": "Select people from the list",
        },
    )

    class Meta:
        model = Membership
        fields = ["person", "role", "representing", "start_date", "end_date", "deputies"]
        labels = {"role": "Role"}
        widgets = {"role": forms.RadioSelect}
        error_messages = {
            "role": {"required": "Select the role", "invalid_choice": "Select a role from the list"}
        }

    def __init__(self, *args, deputies_from=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_date"].error_messages["required"] = "Enter the start date"
        keep_person = Q(pk=self.instance.person_id or 0)
        self.fields["person"].queryset = Person.objects.filter(
            Q(is_active=True) | keep_person
        ).select_related("agency")
        keep_agency = Q(pk=self.instance.representing_id or 0)
        self.fields["representing"].queryset = Agency.objects.filter(Q(is_active=True) | keep_agency)
        current = list(self.instance.deputies.values_list("pk", flat=True)) if self.instance.pk else []
        offered = Q(is_active=True, agency=deputies_from) if deputies_from else Q(is_active=True)
        self.fields["deputies"].queryset = Person.objects.filter(offered | Q(pk__in=current)).select_related(
            "agency"
        )
        if deputies_from:
            self.fields["deputies"].help_text = f"Showing active people from {deputies_from.name}"

    def clean(self):
        data = super().clean()
        person = data.get("person")
        if person and not data.get("representing"):
            data["representing"] = person.agency
        if person and person in (data.get("deputies") or []):
            self.add_error("deputies", "A person cannot deputise for themselves")
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date")
        elif person and start and self.instance.group_id:
            overlapping = Membership.objects.filter(person=person, group_id=self.instance.group_id).exclude(
                pk=self.instance.pk
            )
            overlapping = overlapping.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            if end:
                overlapping = overlapping.filter(start_date__lte=end)
            if overlapping.exists():
                self.add_error(
                    "person", f"{person.full_name} already has a seat on this group for those dates"
                )
        return data


class DeputiesAgencyForm(forms.Form):
    """GET filter on the membership form: offer only one agency's people as deputies."""

    agency = forms.ModelChoiceField(
        label="Only offer deputies from this agency",
        required=False,
        queryset=Agency.objects.filter(is_active=True),
        empty_label="All active people",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )

    def selected(self):
        return self.cleaned_data.get("agency") if self.is_valid() else None


class MembershipEndForm(forms.Form):
    end_date = GovukDateField(label="End date")

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.fields["end_date"].error_messages["required"] = "Enter the end date"
        self.fields["end_date"].initial = timezone.localdate()

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        if end < self.membership.start_date:
            raise forms.ValidationError("The end date must be on or after the start date")
        return end


# --- The framework preset lists ---


class PresetForm(VersionedFormMixin, forms.ModelForm):
    def clean_name(self):
        return _check_unique_name(self._meta.model, self.cleaned_data.get("name"), self.instance, "An item")


PRESET_LABELS = {
    "name": "Name",
    "description": "Description",
    "position": "Position in lists",
    "category": "Category",
    "usual_providers": "Usual providers",
    "owning_group": "Owning group",
}
PRESET_ERRORS = {
    "name": {"required": "Enter the name", "max_length": _too_long("The name", 200)},
    "category": {"required": "Enter the category", "max_length": _too_long("The category", 200)},
    "position": {
        "required": "Enter the position in lists",
        "invalid": "Enter the position as a whole number",
        "min_value": "Enter the position as 0 or more",
        "max_value": "Enter the position as 32767 or fewer",
    },
    "owning_group": {"invalid_choice": "Select a group from the list"},
}


def preset_form_class(model, fields):
    return forms.modelform_factory(
        model,
        form=PresetForm,
        fields=fields,
        labels={f: PRESET_LABELS[f] for f in fields},
        help_texts={"position": "Lower numbers come first"},
        error_messages={f: PRESET_ERRORS[f] for f in fields if f in PRESET_ERRORS},
    )


# slug -> (model, plural title, singular noun, form fields, extra list columns)
PRESET_KINDS = {
    "source-types": (
        LearningSourceType,
        "Learning source types",
        "source type",
        ["name", "category", "description", "usual_providers", "owning_group", "position"],
    ),
    "dissemination-methods": (
        DisseminationMethod,
        "Dissemination methods",
        "dissemination method",
        ["name", "description", "position"],
    ),
    "monitoring-processes": (
        MonitoringProcess,
        "Monitoring processes",
        "monitoring process",
        ["name", "category", "description", "position"],
    ),
    "audiences": (AudienceGroup, "Audience groups", "audience group", ["name", "description", "position"]),
}


# --- Choosing agencies to ask: named ones, found by name, and whole sectors or every school ---

# How many agencies a search by name shows at once (the rest are counted: "type more of the name").
AGENCY_FIND_LIMIT = 20
EVERY_SCHOOL = "schools"


def _agency_ids(values):
    """The ids among `values` the database can hold (junk is left for the field to report)."""
    return [int(v) for v in values if str(v).isdigit() and int(v) < 2**63]


class _ShownAgencies(forms.models.ModelChoiceIterator):
    """Only the agencies already chosen and those the search by name found, in name order: a partnership
    has hundreds of schools, and a checkbox for each made the form grow with them (ADR 0038)."""

    def __iter__(self):
        field = self.field
        wanted = Q(pk__in=_agency_ids(field.chosen))
        if field.found:
            wanted |= Q(pk__in=[a.pk for a in field.found])
        for agency in self.queryset.filter(wanted).order_by("name", "pk").only("pk", "name"):
            yield self.choice(agency)

    def __len__(self):
        return sum(1 for _ in self)


class AgencyPickField(forms.ModelMultipleChoiceField):
    """Named agencies as checkboxes: any active agency is accepted, but only the chosen ones and those
    found by name are offered (`chosen` and `find` are set by the form from what was asked for)."""

    iterator = _ShownAgencies
    chosen = ()
    found = ()
    more_found = 0  # how many more agencies match the search than are shown

    def set_search(self, words: str):
        # A NUL byte cannot be searched for (PostgreSQL refuses it in any text): it is dropped, as any other
        # control character, before the words reach the database.
        words = "".join(c for c in (words or "") if c.isprintable() or c == " ").strip()
        if not words:
            self.found, self.more_found = (), 0
            return
        matches = self.queryset.search(words).order_by("name", "pk").only("pk")
        self.found = list(matches[: AGENCY_FIND_LIMIT + 1])
        if len(self.found) > AGENCY_FIND_LIMIT:
            self.found = self.found[:AGENCY_FIND_LIMIT]
            self.more_found = matches.count() - AGENCY_FIND_LIMIT
        else:
            self.more_found = 0


def every_agency_choices():
    """("health", "Health (43 agencies)")... for each sector's active agencies that are not schools, then
    every school: one GROUP BY over the agencies, whatever their number."""
    from .models import Sector

    counts = {
        (row["is_school"], row["sector"]): row["n"]
        for row in Agency.objects.active()
        .order_by()
        .values("is_school", "sector")
        .annotate(n=models.Count("pk"))
    }
    choices = []
    for value, label in Sector.choices:
        n = counts.get((False, value), 0)
        if n:
            choices.append((value, f"{label} ({n} agenc{'y' if n == 1 else 'ies'})"))
    schools = sum(n for (is_school, _sector), n in counts.items() if is_school)
    if schools:
        choices.append((EVERY_SCHOOL, f"Every school ({schools:,} school{'' if schools == 1 else 's'})"))
    return choices


def agencies_picked(named, every):
    """The active agencies to ask, in name order: those named, each agency (not a school) of the sectors
    chosen, and every school if that is chosen."""
    wanted = Q(pk__in=[a.pk for a in named])
    sectors = [value for value in every if value != EVERY_SCHOOL]
    if sectors:
        wanted |= Q(is_school=False, sector__in=sectors)
    if EVERY_SCHOOL in every:
        wanted |= Q(is_school=True)
    return list(Agency.objects.active().filter(wanted).order_by("name", "pk"))
