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
from .kept import kept_choices_markup
from .links import numbered, numbered_shape, reverse_numbered, reverse_once
from .policy import can


def url(name, *args, **kwargs):
    if not args and not kwargs:  # the layout's and a list's fixed links: worked out once (core.links)
        return reverse_once(name)
    return reverse_numbered(name, args, kwargs)  # a record's link (pk=42): its remembered shape


def _macro(name, env=None):
    env = env or engines["jinja2"].env  # looked up lazily: tests may build a fresh environment
    # govukDateInput is in components/date-input/macro.html
    component = re.sub(r"(?<!^)([A-Z])", r"-\1", name.removeprefix("govuk")).lower()
    return getattr(env.get_template(f"govuk_frontend_jinja/components/{component}/macro.html").module, name)


# A form field's GOV.UK markup is a pure function of its parameters (the components take no context), and a
# list page draws the same filter fields, with the same values, request after request: the markup is kept
# for parameters already rendered (ADR 0025). Only plain values make a key (str, Markup, numbers, booleans,
# None, lists and dicts of them), so a text and the same characters as HTML are not confused; a field
# whose markup is long (a checkbox per agency) is rendered every time, to keep the memory small.
_RENDERED: dict = {}
_RENDERED_MAX_ENTRIES = 1000
_RENDERED_MAX_CHARS = 8000
_SCALARS = (int, float, bool, type(None))


def _frozen(value):
    """A hashable key standing for `value`, or raise TypeError for a value that cannot make one."""
    if isinstance(value, Markup):
        return ("html", str(value))
    if type(value) is str:
        return value
    if isinstance(value, _SCALARS):
        return (type(value).__name__, value)
    if isinstance(value, dict):
        return ("dict", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return ("list", tuple(_frozen(item) for item in value))
    raise TypeError(type(value).__name__)


def _component(name, params):
    """The GOV.UK macro `name` called with `params`, remembered for parameters seen before."""
    env = engines["jinja2"].env
    try:
        key = (env, name, _frozen(params))
    except TypeError:
        return str(_macro(name, env)(params))
    html = _RENDERED.get(key)
    if html is None:
        html = str(_macro(name, env)(params))
        if len(html) <= _RENDERED_MAX_CHARS:
            if len(_RENDERED) >= _RENDERED_MAX_ENTRIES:
                _RENDERED.clear()
            _RENDERED[key] = html
    return html


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
    html = _component("govukSelect", {**params, "items": [placeholder]})
    return Markup(_PLACEHOLDER_OPTION.sub(lambda _match: str(options), html, count=1))


def url_for_each(name, arg="pk"):
    """A list's links to its rows' pages, the address's shape looked up once per page instead of once per
    row (ADR 0038; core.links): `{% set detail = url_for_each("app:thing_detail") %}` then `detail(row.pk)`
    gives what `url("app:thing_detail", pk=row.pk)` would."""
    shape = numbered_shape(name, (arg,))
    if shape is None:
        return lambda value: reverse(name, kwargs={arg: value})
    head, _, tail = shape
    return lambda value: f"{head}{value}{tail}" if numbered(value) else reverse(name, kwargs={arg: value})


def govuk(name, params):
    """A GOV.UK component drawn with the same parameters on many requests (the layout's header and footer,
    a filter form's button, a list's pagination): `{{ govuk("govukFooter", {...}) }}` is
    `{{ govukFooter({...}) }}`, its markup kept for parameters already drawn (see _component)."""
    return Markup(_component(name, params))


def govuk_tag(text, classes=""):
    """A GOV.UK tag, as the govukTag macro writes it (text only, no attributes), for tags shown on every row
    of a list: one string format instead of a macro call each (ADR 0025)."""
    class_attr = f"govuk-tag {escape(classes)}" if classes else "govuk-tag"
    return Markup(f'<strong class="{class_attr}">\n  {escape(text)}\n</strong>')


def govuk_field(bound_field, **overrides):
    """Render one form field with its GOV.UK macro (label, hint, error message, value).

    A list filter's choice of reference rows (a theme, a group, an agency) declared on its filter set's
    class is the same markup for everyone who asks for the same value: it is kept (core.kept) under the
    filter's name and that value, instead of reading and drawing every option again on each page."""
    field = bound_field.field
    declared = getattr(field, "declared_choices", None)
    if declared is not None and declared[1] is field.queryset and not bound_field.errors:
        try:
            value = _frozen(bound_field.value())
            key = (*declared[0], bound_field.html_name, bound_field.auto_id, value,
                   _frozen(list(getattr(field, "chosen", ()))), _frozen(overrides))  # fmt: skip
        except TypeError:  # a value that makes no key (a model object given as the initial value)
            key = None
        if key is not None:
            return Markup(kept_choices_markup(key, field.queryset, lambda: _drawn(bound_field, overrides)))
    return Markup(_drawn(bound_field, overrides))


def _drawn(bound_field, overrides):
    macro_name, params = govuk_forms.field_params(bound_field, **overrides)
    if macro_name == "govukSelect":
        return str(_select(params))
    return _component(macro_name, params)


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


_DICT_ATTRIBUTES = frozenset(dir(dict))


class Environment(jinja2.Environment):
    """Jinja's environment, reading `row.title` from a plain dict without an exception first.

    A list's rows are plain dicts (ADR 0025), and so are the GOV.UK components' parameters. Jinja compiles
    `row.title` to `getattr(row, "title")`, which fails with AttributeError on a dict before Jinja tries
    `row["title"]`: an exception raised and caught for every cell. A plain dict has no attributes but its
    methods, so for any other name the item is the answer Jinja would have reached anyway; `row.items`
    and the other method names still give the method, as in Jinja."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


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
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        static=static,
        can=can,
        url=url,
        url_for_each=url_for_each,
        govuk_field=govuk_field,
        govuk_fields=govuk_fields,
        govuk_error_summary=govuk_error_summary,
        govuk=govuk,
        govuk_tag=govuk_tag,
        htmx_script=htmx_script,
    )
    env.filters.update(
        date=dates.format_date,
        datetime=dates.format_datetime,
        intcomma=intcomma,
    )
    return env
