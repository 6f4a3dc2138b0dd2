"""allauth's sign-up form for practitioners: a work email at an approved agency domain, their name, job
and line manager."""

from allauth.account.forms import SignupForm
from django import forms

from ..models import AgencyEmailDomain

UNKNOWN_DOMAIN = (
    "Use your work email address. If your organisation's email domain is not accepted yet, ask the "
    "partnership business unit to approve it"
)


def agency_for_email(email: str):
    """The agency whose approved domain the address is at (None if no approved domain matches)."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    row = (
        AgencyEmailDomain.objects.select_related("agency")
        .filter(domain__iexact=domain, agency__is_active=True)
        .first()
    )
    return row.agency if row else None


class PractitionerSignupForm(SignupForm):
    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter your full name"}
    )
    job_title = forms.CharField(
        label="Job title", max_length=200, error_messages={"required": "Enter your job title"}
    )
    manager_name = forms.CharField(label="Line manager's name", max_length=150, required=False)
    manager_email = forms.EmailField(
        label="Line manager's work email",
        required=False,
        help_text="Your line manager completes the follow-up evaluation with you",
        error_messages={
            "invalid": "Enter your line manager's email address in the correct format, like name@example.org"
        },
    )

    field_order = [
        "full_name",
        "email",
        "job_title",
        "manager_name",
        "manager_email",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Work email address"
        self.fields["email"].help_text = "The address your organisation gave you"
        self.fields["password1"].label = "Create a password"
        self.fields["password1"].help_text = "At least 12 characters"
        self.fields["password2"].label = "Confirm your password"
        for name in self.fields:
            self.fields[name].widget.attrs.pop("placeholder", None)
        self.order_fields(self.field_order)

    def clean_email(self):
        email = super().clean_email()
        if email and agency_for_email(email) is None:
            raise forms.ValidationError(UNKNOWN_DOMAIN)
        return email
