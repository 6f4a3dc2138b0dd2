"""url_for_each reverses a row link once per page and gives, for every row, what url() gives."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from learningloop.core.jinja import url, url_for_each
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


def test_a_records_link_is_the_reversed_url_under_the_prefix_in_force(settings):
    """url() with a record's number gives what reverse() gives — one number, two, a number inside a longer
    address, a nought — and under a sub-path the sub-path's address; what is not a whole number of zero or
    more goes to reverse() as before (a slug link, a refused negative number)."""
    cases = [
        ("learning:review_detail", {"pk": 7}),
        ("learning:review_detail", {"pk": 0}),
        ("exports:export_run", {"pk": 99999999999}),
        ("assurance:audit_case_grade", {"pk": 3, "agency_pk": 30}),
        ("assurance:audit_case_grade", {"agency_pk": 5, "pk": 5}),
        ("learning:suggestion_mark", {"pk": 8, "earlier": 80}),
    ]
    for name, kwargs in cases:
        assert url(name, **kwargs) == reverse(name, kwargs=kwargs)
    assert url("learning:review_detail", pk=12) == "/learning/reviews/12/"
    set_script_prefix("/learning-loop/")
    try:
        assert url("learning:review_detail", pk=12) == "/learning-loop/learning/reviews/12/"
    finally:
        set_script_prefix("/")
    with pytest.raises(NoReverseMatch):
        url("learning:review_detail", pk=-1)
    with pytest.raises(NoReverseMatch):
        url("learning:review_detail", pk="twelve")
    with pytest.raises(NoReverseMatch):  # a yes/no is not a record's number
        url("learning:review_detail", pk=True)
    assert url("workforce:evaluation", pk=4, stage="after") == "/training/bookings/4/evaluation/after/"


def test_a_records_link_by_position_is_the_reversed_url():
    """url() with the record's numbers given by position, as many templates write it, in the order the
    address takes them whatever order the names sort in."""
    assert url("learning:review_detail", 12) == "/learning/reviews/12/"
    assert url("assurance:audit_case_grade", 3, 30) == reverse("assurance:audit_case_grade", args=[3, 30])
    assert url("learning:suggestion_mark", 8, 80) == reverse("learning:suggestion_mark", args=[8, 80])
    with pytest.raises(NoReverseMatch):
        url("learning:review_detail", 1, 2)
