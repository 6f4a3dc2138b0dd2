from allauth.account.forms import LoginForm as AllauthLoginForm

from . import sso


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, with GOV.UK labels and the single sign-on link for the template."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs["autocomplete"] = "email"
        self.fields["password"].label = "Password"
        self.fields["password"].help_text = ""
        self.fields.pop("remember", None)

    @property
    def microsoft_login_url(self):
        return sso.microsoft_login_url(self.request)
