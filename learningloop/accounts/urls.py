from django.urls import path

from . import views
from .sso import entra_callback_view, entra_login_view, only_when_configured

urlpatterns = [
    path("", views.overview, name="account_overview"),
    # Email addresses are set by the business unit (Users pages), not by each user: allauth's email
    # management page is replaced by a pointer to the account overview. Same path and name as allauth's.
    path("email/", views.email_managed_by_business_unit, name="account_email"),
    path("session/keep-alive/", views.session_keep_alive, name="session_keep_alive"),
    # Listed before allauth's own Microsoft routes (same paths and names): 404 while SSO is off. allauth's
    # views, with an adapter that also notes whether Entra ID did MFA (sso.py).
    path("microsoft/login/", only_when_configured(entra_login_view()), name="microsoft_login"),
    path("microsoft/login/callback/", only_when_configured(entra_callback_view()), name="microsoft_callback"),
]
