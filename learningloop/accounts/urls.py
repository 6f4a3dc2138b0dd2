from allauth.socialaccount.providers.microsoft import views as microsoft_views
from django.urls import path

from . import views
from .sso import only_when_configured

urlpatterns = [
    path("", views.overview, name="account_overview"),
    # Listed before allauth's own Microsoft routes (same paths and names): 404 while SSO is off.
    path("microsoft/login/", only_when_configured(microsoft_views.oauth2_login), name="microsoft_login"),
    path(
        "microsoft/login/callback/",
        only_when_configured(microsoft_views.oauth2_callback),
        name="microsoft_callback",
    ),
]
