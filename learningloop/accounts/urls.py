from allauth.socialaccount.providers.microsoft import views as microsoft_views
from django.urls import path

from . import views
from .sso import only_when_configured

urlpatterns = [
    path("", views.overview, name="account_overview"),
    # Email addresses are set by the business unit (Users pages), not by each user: allauth's email
    # management page is replaced by a pointer to the account overview. Same path and name as allauth's.
    path("email/", views.email_managed_by_business_unit, name="account_email"),
    # Listed before allauth's own Microsoft routes (same paths and names): 404 while SSO is off.
    path("microsoft/login/", only_when_configured(microsoft_views.oauth2_login), name="microsoft_login"),
    path(
        "microsoft/login/callback/",
        only_when_configured(microsoft_views.oauth2_callback),
        name="microsoft_callback",
    ),
]
