"""Django's admin site, signing in only through allauth (ADR 0013). Installed in place of
django.contrib.admin (INSTALLED_APPS), as Django documents for overriding the default admin site."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


class AdminSite(admin.AdminSite):
    @login_not_required
    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """The admin's own sign-in form would skip the authenticator step and the sign-in throttle."""
        from .views import admin_login

        return admin_login(request)


class LearningLoopAdminConfig(AdminConfig):
    default_site = "learningloop.accounts.admin_site.AdminSite"
