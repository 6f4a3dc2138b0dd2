"""The Jinja2 environment: GOV.UK Frontend macros, url/static helpers and the form adapter."""

import re

import jinja2
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import engines
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django_htmx.jinja import htmx_script
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from markupsafe import Markup, escape

from . import dates, govuk_forms
from .policy import can


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _macro(name):
    env = engines["jinja2"].env  # looked up lazily: tests may build a fresh environment
    component = {
        "govukDateInput": "date-input",
        "govukRadios": "radios",
        "govukCheckboxes": "checkboxes",
        "govukSelect": "select",
        "govukTextarea": "textarea",
        "govukFileUpload": "file-upload",
        "govukPasswordInput": "password-input",
        "govukInput": "input",
        "govukErrorSummary": "error-summary",
    }[name]
    return getattr(env.get_template(f"govuk_frontend_jinja/components/{component}/macro.html").module, name)


# A select's options, written in Python (docs/adr/0025-page-cost-that-does-not-grow.md): the GOV.UK macro
# renders the label, hint, error message and the <select> itself around one placeholder option, which is
# then replaced with the real ones. The GOV.UK macro costs a macro call per option, and a filter listing
# every agency and school of a large partnership has over a thousand.
_OPTIONS_PLACEHOLDER = "app-select-options-placeholder"
_PLACEHOLDER_OPTION = re.compile(rf"<option[^>]*>{_OPTIONS_PLACEHOLDER}</option>")


def _options_html(items):
    return Markup(
        "\n".join(
            f'<option value="{escape(item["value"])}"{" selected" if item.get("selected") else ""}>'
            f"{escape(item['text'])}</option>"
            for item in items
        )
    )


def _select(params):
    options = _options_html(params["items"])
    placeholder = {"value": _OPTIONS_PLACEHOLDER, "text": _OPTIONS_PLACEHOLDER}
    html = str(_macro("govukSelect")({**params, "items": [placeholder]}))
    return Markup(_PLACEHOLDER_OPTION.sub(lambda _match: str(options), html, count=1))


def url_for_each(name, arg="pk"):
    """A list's links to its rows' pages, reversed once per page instead of once per row (ADR 0038):
    `{% set detail = url_for_each("app:thing_detail") %}` then `detail(row.pk)` gives what
    `url("app:thing_detail", pk=row.pk)` would."""
    sentinel = "2147483646"
    head, tail = reverse(name, kwargs={arg: int(sentinel)}).split(sentinel, 1)
    return lambda value: f"{head}{value}{tail}"


def govuk_tag(text, classes=""):
    """A GOV.UK tag, as the govukTag macro writes it (text only, no attributes), for tags shown on every row
    of a list: one string format instead of a macro call each (ADR 0025)."""
    class_attr = f"govuk-tag {escape(classes)}" if classes else "govuk-tag"
    return Markup(f'<strong class="{class_attr}">\n  {escape(text)}\n</strong>')


def govuk_field(bound_field, **overrides):
    """Render one form field with its GOV.UK macro (label, hint, error message, value)."""
    macro_name, params = govuk_forms.field_params(bound_field, **overrides)
    if macro_name == "govukSelect":
        return _select(params)
    return Markup(_macro(macro_name)(params))


def govuk_fields(form, **overrides):
    return Markup("\n").join(govuk_field(bf, **overrides) for bf in form if not bf.is_hidden) + Markup(
        "".join(str(bf) for bf in form.hidden_fields())
    )


def govuk_error_summary(form):
    if not form.errors:
        return ""
    return Markup(_macro("govukErrorSummary")(govuk_forms.error_summary_params(form)))


def autoescape(template_name):
    """HTML is escaped; plain-text templates (*.txt, such as the text part of an email) are not."""
    return not (template_name or "").endswith(".txt")


def environment(**options):
    options["autoescape"] = autoescape
    options.setdefault("undefined", jinja2.Undefined)
    options.setdefault("extensions", ["jinja2.ext.i18n"])
    # Compiled templates stay in memory (Django turns auto_reload off outside DEBUG) and on disk (the
    # bytecode cache below): room for every template of every area and the GOV.UK components, so none is
    # compiled again on a busy page (Jinja's default keeps 400). ADR 0025.
    options.setdefault("cache_size", 2000)
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}),
        ]
    )
    cache_dir = settings.VAR_DIR / "jinja-cache"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        options.setdefault("bytecode_cache", jinja2.FileSystemBytecodeCache(str(cache_dir)))
    except OSError:
        pass
    env = jinja2.Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        static=static,
        can=can,
        url=url,
        url_for_each=url_for_each,
        govuk_field=govuk_field,
        govuk_fields=govuk_fields,
        govuk_error_summary=govuk_error_summary,
        govuk_tag=govuk_tag,
        htmx_script=htmx_script,
    )
    env.filters.update(
        date=dates.format_date,
        datetime=dates.format_datetime,
        intcomma=intcomma,
    )
    return env
