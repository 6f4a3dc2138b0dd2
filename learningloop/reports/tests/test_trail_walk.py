"""The authorisation walk over the learning trail pages alone (the full walk in core covers every app)."""

import pytest

from learningloop.conftest import PERSONAS
from learningloop.dissemination.tests.test_briefings_walk import walk

from .walk_rules import RULES


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.django_db
def test_walk_trail_pages(persona, make_persona, walk_objects, client):
    failures = walk(RULES, persona, make_persona, walk_objects, client)
    assert not failures, "\n".join(failures)
