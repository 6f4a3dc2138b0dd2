"""`manage.py generate_large_partnership` over ten years on an empty database. Apart from
test_large_partnership.py, whose tests share one small generated partnership built for the module."""

import io

import pytest
from django.core.management import call_command

from learningloop.improvement.models import Action, ActionUpdate
from learningloop.learning.models import KeyMessage

pytestmark = pytest.mark.django_db


def test_ten_years_reach_the_data_volumes_at_any_scale():
    """Ten years of a large partnership (data-volumes.md, issue 14): 2,000 key messages and 25,000 actions
    with 100,000 updates. At scale 0.04: 80 key messages, 1,000 actions and about 4,000 updates."""
    call_command("load_framework", stdout=io.StringIO())
    out = io.StringIO()
    call_command("generate_large_partnership", "--years", "10", "--scale", "0.04", stdout=out)
    assert Action.objects.count() == 1000
    assert 3600 <= ActionUpdate.objects.count() <= 4400
    assert 60 <= KeyMessage.objects.count() <= 100
    assert "[11/" in out.getvalue()  # progress: each area numbered as it is built
