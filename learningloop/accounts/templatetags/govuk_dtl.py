"""The GOV.UK form adapter for the few DTL pages left (allauth pages without a Jinja2 override)."""

from django import template

from learningloop.core import jinja

register = template.Library()


@register.simple_tag
def govuk_fields(form):
    return jinja.govuk_fields(form)


@register.simple_tag
def govuk_error_summary(form):
    return jinja.govuk_error_summary(form)
