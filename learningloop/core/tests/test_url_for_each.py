"""url_for_each reverses a row link once per page and gives, for every row, what url() gives."""

from django.urls import reverse

from learningloop.core.jinja import url_for_each


def test_each_rows_link_is_the_reversed_url():
    detail = url_for_each("exports:export_run")
    for pk in (1, 42, 2147483646, 99999999999):
        assert detail(pk) == reverse("exports:export_run", kwargs={"pk": pk})
