import datetime

from django import forms
from django.conf import settings
from django.utils import timezone

from learningloop.core.govuk_forms import GovukDateField

from ..models import AccessToken


class TokenCreateForm(forms.ModelForm):
    expires_on = GovukDateField(
        label="Expiry date",
        help_text=f"The token stops working after this day. At most {settings.API_TOKEN_MAX_DAYS} days "
        "from today. For example, 31 3 2027",
        error_messages={"required": "Enter the expiry date"},
    )

    class Meta:
        model = AccessToken
        fields = ["name", "expires_on"]
        labels = {"name": "Name"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = "What it is for, for example ‘Power BI dashboard’"
        self.fields["name"].error_messages["required"] = "Enter a name for the token"
        if not self.is_bound:
            self.initial.setdefault("expires_on", timezone.localdate() + datetime.timedelta(days=90))
