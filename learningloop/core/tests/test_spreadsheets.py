import pytest

from learningloop.core.spreadsheets import csv_safe


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\x00x"])
def test_cells_a_spreadsheet_could_run_are_escaped(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "expected"), [("Plain", "Plain"), ("", ""), (None, ""), (42, "42"), ("a=b", "a=b")]
)
def test_other_cells_are_left_alone(value, expected):
    assert csv_safe(value) == expected
