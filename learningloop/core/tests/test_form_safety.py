import pytest
from django import forms

from learningloop.core.form_safety import out_of_range
from learningloop.partnership.models import Agency


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", False),
        ("-5", False),
        (str(2**63 - 1), False),
        (str(2**63), True),
        ("9" * 30, True),
        ("abc", False),
    ],
)
def test_out_of_range(value, expected):
    assert out_of_range(value) is expected


@pytest.mark.django_db
def test_multiple_choice_fields_refuse_ids_no_database_can_hold():
    class F(forms.Form):
        agencies = forms.ModelMultipleChoiceField(queryset=Agency.objects.all())

    form = F(data={"agencies": ["9" * 30]})
    assert not form.is_valid()
    assert "is not a valid value" in str(form.errors["agencies"])
