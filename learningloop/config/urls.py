from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from learningloop.assurance.surveys import urls as assurance_survey_urls
from learningloop.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accessibility", core_views.accessibility, name="accessibility"),
    path("audit/", include("learningloop.core.urls")),
    path("partnership/", include("learningloop.partnership.urls")),
    path("learning/", include("learningloop.learning.urls")),
    path("dissemination/", include("learningloop.dissemination.urls")),
    path("actions/", include("learningloop.improvement.urls")),
    path("trail/", include("learningloop.reports.urls")),
    path("impact/", include("learningloop.performance.urls")),
    path("assurance/", include("learningloop.assurance.urls")),
    path("have-your-say/", include(assurance_survey_urls.public_urlpatterns)),  # surveys' answer forms
    path("training/", include("learningloop.workforce.urls")),
    path("governance/", include("learningloop.governance.urls")),
    path("publications/", include("learningloop.website.urls")),
    path("accounts/users/", include("learningloop.accounts.users.urls", namespace="accounts")),
    path("accounts/", include("learningloop.accounts.urls")),
    path("accounts/", include("allauth.urls")),
]

# Django admin (DJANGO_ADMIN_ENABLED, off in production by default). Its login URL leads to allauth's
# sign-in (learningloop.accounts.admin_site, ADR 0013).
if settings.DJANGO_ADMIN_ENABLED:
    urlpatterns += [path("django-admin/", admin.site.urls)]

handler403 = "learningloop.core.views.error_403"
handler404 = "learningloop.core.views.error_404"
handler500 = "learningloop.core.views.error_500"
