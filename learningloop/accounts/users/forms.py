"""Forms for the business unit's user account pages."""

from django import forms

from learningloop.core.concurrency import VersionedFormMixin
from learningloop.core.policy import Role
from learningloop.partnership.models import Agency, Person

from ..models import User

ROLE_ERRORS = {"required": "Choose at least one role", "invalid_choice": "Choose roles from the list"}


class _RolesMixin(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Roles", choices=Role.choices, widget=forms.CheckboxSelectMultiple, error_messages=ROLE_ERRORS
    )


class UserCreateForm(_RolesMixin, forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={
            "required": "Enter the person's full name",
            "max_length": "Full name must be 150 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="They will get an email at this address to set their password.",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    agency = forms.ModelChoiceField(
        Agency.objects.none(),
        label="Agency",
        empty_label="Choose an agency",
        error_messages={
            "required": "Choose the agency they work for",
            "invalid_choice": "Choose an agency from the list",
        },
    )
    person = forms.ModelChoiceField(
        Person.objects.none(),
        label="Person record (optional)",
        required=False,
        empty_label="No person record",
        help_text="Link the account to someone already recorded in the partnership who has no account.",
        error_messages={"invalid_choice": "Choose a person from the list"},
    )

    field_order = ["full_name", "email", "agency", "roles", "person"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True)
        self.fields["person"].queryset = Person.objects.filter(
            user__isnull=True, is_active=True
        ).select_related("agency")
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("A user with this email address already exists")
        return email

    def clean_full_name(self):
        return self.cleaned_data["full_name"].strip()


class UserEditForm(VersionedFormMixin, _RolesMixin, forms.ModelForm):
    agency = forms.ModelChoiceField(
        Agency.objects.none(),
        label="Agency",
        empty_label="Choose an agency",
        error_messages={
            "required": "Choose the agency they work for",
            "invalid_choice": "Choose an agency from the list",
        },
    )
    is_active = forms.BooleanField(label="Active: this person can sign in", required=False)

    class Meta:
        model = User
        fields = ["agency", "roles", "is_active"]

    def __init__(self, *args, editor, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True) | Agency.objects.filter(
            pk=self.instance.agency_id
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk == self.editor.pk:
            if "is_active" in cleaned and not cleaned["is_active"]:
                self.add_error("is_active", "You cannot deactivate your own account")
            if "roles" in cleaned and Role.BU_ADMIN not in cleaned["roles"]:
                self.add_error("roles", "You cannot remove your own administrator role")
        return cleaned
