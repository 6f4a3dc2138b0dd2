"""The list kit's base FilterSet, tried on content types (rows every database has, with no domain app;
the project's users are accounts.User, so auth holds only group and permission)."""

import django_filters
import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.test import RequestFactory

from learningloop.core.filters import CHOICE_ERROR, GovukFilterSet, SearchFilter, SortFilter

pytestmark = pytest.mark.django_db


class TypeFilterSet(GovukFilterSet):
    q = SearchFilter(fields=("model",))
    app_label = django_filters.ChoiceFilter(
        label="App", choices=[("auth", "Auth"), ("contenttypes", "Content types")], empty_label="Any"
    )
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=[("group", "Group"), ("all", "All")], empty_label=None, initial="group",
        method="by_kind",
    )  # fmt: skip
    sort = SortFilter(orderings={"model": ("model",), "app": ("app_label", "model")}, default="model")

    def by_kind(self, queryset, name, value):
        return queryset.filter(model="group") if value == "group" else queryset


def models_listed(query):
    request = RequestFactory().get("/list", QueryDict(query))
    filters = TypeFilterSet(
        request=request, queryset=ContentType.objects.filter(app_label__in=["auth", "contenttypes"])
    )
    return filters, [f"{ct.app_label}.{ct.model}" for ct in filters.qs]


def test_a_filter_is_a_default_when_the_address_does_not_mention_it():
    assert models_listed("")[1] == ["auth.group"]
    assert models_listed("page=2")[1] == ["auth.group"]


def test_valid_filters_narrow_the_rows_and_sort_them():
    assert models_listed("kind=all&app_label=auth&sort=-model")[1] == ["auth.permission", "auth.group"]
    assert models_listed("kind=all&q=ContentType")[1] == ["contenttypes.contenttype"]


def test_a_junk_choice_is_reported_and_ignored_while_the_valid_filters_still_apply():
    filters, rows = models_listed("kind=all&app_label=<script>&q=perm")
    assert filters.form.errors == {"app_label": [CHOICE_ERROR]}
    assert rows == ["auth.permission"]


def test_junk_sorting_falls_back_to_the_default_order_without_an_error():
    filters, rows = models_listed("kind=all&app_label=auth&sort=password")
    assert not filters.form.errors
    assert rows == ["auth.group", "auth.permission"]


def test_over_long_search_text_is_reported():
    filters, rows = models_listed("kind=all&app_label=auth&q=" + "x" * 201)
    assert filters.form.errors == {"q": ["Search text must be 200 characters or fewer"]}
    assert rows == ["auth.group", "auth.permission"]


def test_links_keep_the_filter_but_not_the_page():
    filters, _ = models_listed("app_label=auth&page=3")
    assert filters.url_with_filters("/export.csv") == "/export.csv?app_label=auth"
    columns = filters.sort_columns({"model": "Model", "app": "App"})
    assert columns[0] == {
        "key": "model",
        "label": "Model",
        "href": "?app_label=auth&sort=-model",
        "aria": "ascending",
    }
    assert columns[1]["href"] == "?app_label=auth&sort=app" and columns[1]["aria"] == "none"
    assert models_listed("")[0].url_with_filters("/export.csv") == "/export.csv"


def test_a_junk_value_for_a_filter_with_a_default_falls_back_to_the_default():
    filters, rows = models_listed("kind=everything")
    assert filters.form.errors == {"kind": [CHOICE_ERROR]}
    assert rows == ["auth.group"]


def test_signed_in_records_are_visible_to_every_signed_in_user_and_nobody_else(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from learningloop.core.querysets import SignedInQuerySet

    class TypeQuerySet(SignedInQuerySet):
        pass

    everything = TypeQuerySet(model=ContentType)
    user = django_user_model(email="reader@example.org")
    assert everything.visible_to(user).count() == ContentType.objects.count()
    assert list(everything.visible_to(AnonymousUser())) == []


def test_breadcrumbs_link_every_step_but_the_current_page():
    from django.urls import reverse_lazy

    from learningloop.core.breadcrumbs import breadcrumbs

    assert breadcrumbs(
        ("Agencies", reverse_lazy("partnership:agency_list")), ("Northshire Police", None)
    ) == [
        {"text": "Agencies", "href": "/partnership/agencies/"},
        {"text": "Northshire Police"},
    ]
