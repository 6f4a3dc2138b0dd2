"""url_for_each reverses a row link once per page and gives, for every row, what url() gives."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from learningloop.core.jinja import url_for_each
from learningloop.core.links import reverse_once


def test_each_rows_link_is_the_reversed_url():
    detail = url_for_each("exports:export_run")
    for pk in (1, 42, 2147483646, 99999999999):
        assert detail(pk) == reverse("exports:export_run", kwargs={"pk": pk})


def test_a_fixed_link_is_reversed_once_and_follows_the_url_configuration(settings):
    """The layout's fixed links (core.links.reverse_once) are what reverse() gives, under the script
    prefix and the URL configuration in force, not addresses remembered from another."""
    assert reverse_once("accessibility") == "/accessibility" == reverse_once("accessibility")
    set_script_prefix("/learning-loop/")  # a deployment under a sub-path
    try:
        assert reverse_once("accessibility") == "/learning-loop/accessibility"
    finally:
        set_script_prefix("/")
    assert reverse_once("accessibility") == "/accessibility"
    settings.ROOT_URLCONF = "learningloop.core.export_urls"  # has no accessibility statement
    with pytest.raises(NoReverseMatch):
        reverse_once("accessibility")
