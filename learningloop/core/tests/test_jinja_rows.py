"""A list's rows are plain dicts (ADR 0025): `row.title` in a template reads the item, as Jinja always did,
and a dict's methods and missing names behave as in Jinja (core.jinja.Environment)."""

from django.template import engines


def _render(source, **context):
    return engines["jinja2"].from_string(source).render(context)


def test_a_rows_name_is_its_item():
    assert _render("{{ row.title }} ({{ row.count }})", row={"title": "Rapid review", "count": 3}) == (
        "Rapid review (3)"
    )


def test_a_dicts_methods_are_still_its_methods():
    row = {"items": "a key named items", "b": 2}
    assert _render("{% for k, v in row.items() %}{{ k }}={{ v }};{% endfor %}", row=row) == (
        "items=a key named items;b=2;"
    )
    assert _render("{{ row.get('b') }}", row=row) == "2"


def test_a_missing_name_is_undefined():
    assert _render("[{{ row.missing }}]{% if row.missing is undefined %} undefined{% endif %}", row={}) == (
        "[] undefined"
    )


def test_the_item_is_escaped_like_any_value():
    assert _render("{{ row.title }}", row={"title": "<b>Police & health</b>"}) == (
        "&lt;b&gt;Police &amp; health&lt;/b&gt;"
    )


def test_a_dict_subclass_and_an_object_are_read_as_before():
    class Row(dict):
        title = "the attribute"

    class Thing:
        title = "an attribute of an object"

    assert _render("{{ row.title }}", row=Row(title="the item")) == "the attribute"
    assert _render("{{ thing.title }}", thing=Thing()) == "an attribute of an object"
