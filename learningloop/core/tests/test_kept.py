"""A list's filter choices and the partnership's name are kept in each process for a minute (core/kept.py,
ADR 0025): read once for many pages, forgotten at once when saved here, re-read after a minute when
changed elsewhere; an edit form's choices are always read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.core import kept
from learningloop.learning.models import Theme
from learningloop.learning.tests.factories_register import ThemeFactory
from learningloop.partnership.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def _get(client, name):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse(name)).content.decode()
    return html, sum('FROM "learning_theme"' in q["sql"] for q in queries)


def test_the_filters_choices_are_read_once_for_many_pages(kept_clock, officer_client):
    ThemeFactory(name="Kept theme Alpha")
    first, first_reads = _get(officer_client, "learning:activity_list")
    second, second_reads = _get(officer_client, "learning:activity_list")
    assert ">Kept theme Alpha</option>" in first and ">Kept theme Alpha</option>" in second
    assert (first_reads, second_reads) == (1, 0)


def test_a_theme_saved_here_is_offered_on_the_next_page(kept_clock, officer_client):
    ThemeFactory(name="Kept theme Alpha")
    _get(officer_client, "learning:activity_list")
    ThemeFactory(name="Kept theme Beta")
    html, reads = _get(officer_client, "learning:activity_list")
    assert ">Kept theme Beta</option>" in html and reads == 1


def test_a_change_elsewhere_is_offered_within_a_minute(kept_clock, officer_client):
    theme = ThemeFactory(name="Kept theme Alpha")
    _get(officer_client, "learning:activity_list")
    Theme.objects.filter(pk=theme.pk).update(name="Kept theme Gamma")  # no signal, as on another server
    kept_clock[0] += 59
    assert ">Kept theme Alpha</option>" in _get(officer_client, "learning:activity_list")[0]
    kept_clock[0] += 2
    assert ">Kept theme Gamma</option>" in _get(officer_client, "learning:activity_list")[0]


def test_an_edit_forms_choices_are_always_read(kept_clock, officer_client):
    group = GroupFactory(name="Learning and Development")
    officer_client.get(reverse("learning:activity_create"))
    GroupFactory._meta.model.objects.filter(pk=group.pk).update(name="Learning and Practice")
    html = officer_client.get(reverse("learning:activity_create")).content.decode()
    assert ">Learning and Practice</option>" in html


def test_rows_read_with_different_conditions_are_kept_apart(kept_clock):
    ThemeFactory(name="Kept theme Alpha")
    ThemeFactory(name="Kept theme Beta")
    every = kept.kept_rows(Theme.objects.filter(name__startswith="Kept theme").order_by("name"))
    one = kept.kept_rows(Theme.objects.filter(name="Kept theme Alpha"))
    assert [t.name for t in every] == ["Kept theme Alpha", "Kept theme Beta"]
    assert [t.name for t in one] == ["Kept theme Alpha"]


def test_no_more_than_the_most_kept_entries_are_kept(kept_clock, monkeypatch):
    monkeypatch.setattr(kept, "MOST_KEPT", 3)
    for n in range(5):
        kept.kept(("n", n), lambda n=n: n, models=[Theme])
    assert len(kept._kept) == 3
    assert kept.kept(("n", 0), lambda: "read again", models=[Theme]) == "read again"
    assert kept.kept(("n", 4), lambda: "read again", models=[Theme]) == 4


# --- A filter's field drawn once for everyone asking for the same value (core.jinja.govuk_field) ---


def test_each_value_asked_for_has_its_own_kept_field(kept_clock, officer_client):
    alpha = ThemeFactory(name="Kept theme Alpha")
    ThemeFactory(name="Kept theme Beta")
    url = reverse("learning:activity_list")
    plain = officer_client.get(url).content.decode()
    chosen = officer_client.get(f"{url}?theme={alpha.pk}").content.decode()
    plain_again = officer_client.get(url).content.decode()
    assert f'<option value="{alpha.pk}" selected>Kept theme Alpha</option>' in chosen
    assert f'<option value="{alpha.pk}">Kept theme Alpha</option>' in plain
    assert f'<option value="{alpha.pk}">Kept theme Alpha</option>' in plain_again


def test_a_kept_field_is_the_markup_drawn_afresh(kept_clock, rf):
    from learningloop.core.jinja import _drawn, govuk_field
    from learningloop.learning.filters import ActivityFilterSet
    from learningloop.learning.models import LearningActivity

    alpha = ThemeFactory(name="Kept theme Alpha")
    request = rf.get("/", {"theme": alpha.pk})
    form = ActivityFilterSet(request=request, queryset=LearningActivity.objects.all()).form
    first = str(govuk_field(form["theme"], classes="govuk-!-width-full"))
    kept_again = str(govuk_field(form["theme"], classes="govuk-!-width-full"))
    assert first == kept_again == _drawn(form["theme"], {"classes": "govuk-!-width-full"})
    assert f'<option value="{alpha.pk}" selected>Kept theme Alpha</option>' in first


def test_a_field_given_other_choices_is_drawn_with_them(kept_clock, rf):
    from learningloop.core.jinja import govuk_field
    from learningloop.learning.filters import ActivityFilterSet
    from learningloop.learning.models import LearningActivity

    ThemeFactory(name="Kept theme Alpha")
    ThemeFactory(name="Kept theme Beta")
    request = rf.get("/")
    govuk_field(ActivityFilterSet(request=request, queryset=LearningActivity.objects.all()).form["theme"])
    form = ActivityFilterSet(request=request, queryset=LearningActivity.objects.all()).form
    form.fields["theme"].queryset = Theme.objects.filter(name="Kept theme Beta")
    html = str(govuk_field(form["theme"]))
    assert ">Kept theme Beta</option>" in html and "Kept theme Alpha" not in html


def test_a_field_with_an_error_is_drawn_with_it_not_from_the_kept_markup(kept_clock, officer_client):
    theme = ThemeFactory(name="Kept theme Alpha")
    url = f"{reverse('learning:activity_list')}?theme={theme.pk}"
    assert f'<option value="{theme.pk}" selected>' in officer_client.get(url).content.decode()
    Theme.objects.filter(pk=theme.pk)._raw_delete(Theme.objects.db)  # no signal, as on another server
    html = officer_client.get(url).content.decode()
    # The same value now fails: the field shows its error (the markup kept while it was valid has none).
    assert 'id="id_theme-error"' in html and "Select a theme from the list" in html
