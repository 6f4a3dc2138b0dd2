"""The account adapter with practitioners' self-registration (ADR 0020): the service's adapter
(accounts.adapters.AccountAdapter) for everything else, plus
- sign-up is open, through PractitionerSignupForm, which accepts only work emails at an approved domain;
- a signed-up user becomes a practitioner of that agency (practitioners.services.practitioner_create);
- a practitioner must confirm their email address before signing in (allauth's mandatory verification,
  for practitioners only: partnership staff are given their accounts by the business unit);
- the confirmation email is queued by id and rendered by the worker (its key is never stored)."""

from allauth.account import app_settings
from allauth.account.models import EmailAddress
from allauth.account.stages import EmailVerificationStage

from learningloop.accounts.adapters import AccountAdapter
from learningloop.core.policy import Role

from .services import practitioner_create
from .tasks import queue_confirmation_email

CONFIRMATION_EMAILS = {"account/email/email_confirmation", "account/email/email_confirmation_signup"}


def is_practitioner_user(user) -> bool:
    return Role.PRACTITIONER in (getattr(user, "roles", None) or ())


class PractitionerEmailVerificationStage(EmailVerificationStage):
    """allauth's verification step, mandatory for practitioners whatever ACCOUNT_EMAIL_VERIFICATION says."""

    def handle(self):
        if is_practitioner_user(self.login.user):
            self.login.email_verification = app_settings.EmailVerificationMethod.MANDATORY
        return super().handle()


class PractitionerAccountAdapter(AccountAdapter):
    def is_open_for_signup(self, request):
        return True

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.save()
        practitioner_create(user=user, data=form.cleaned_data)
        return user

    def get_login_stages(self):
        return [
            "learningloop.workforce.practitioners.adapters.PractitionerEmailVerificationStage"
            if path == "allauth.account.stages.EmailVerificationStage"
            else path
            for path in super().get_login_stages()
        ]

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        address = emailconfirmation.email_address
        queue_confirmation_email(email_address_id=address.pk)

    def send_mail(self, template_prefix, email, context):
        if template_prefix in CONFIRMATION_EMAILS:
            address = EmailAddress.objects.filter(email__iexact=email, verified=False).first()
            if address is not None:
                queue_confirmation_email(email_address_id=address.pk)
            return
        super().send_mail(template_prefix, email, context)
