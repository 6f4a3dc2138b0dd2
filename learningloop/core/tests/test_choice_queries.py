"""A form's model choices are read with one plain query each. Django reads them through `.iterator()`,
which on PostgreSQL opens a server-side cursor (DECLARE, FETCH, FETCH, CLOSE): four round trips for each
of a list page's three or four filter lists, on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learningloop.learning.tests.factories_register import ThemeFactory
from learningloop.partnership.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_the_activity_filters_list_their_choices_with_plain_queries(officer_client):
    ThemeFactory(name="Neglect of the unborn baby")
    GroupFactory(name="Chronologies task group")
    with CaptureQueriesContext(connection) as queries:
        html = officer_client.get("/learning/activities/").content.decode()
    theme = html[html.index('id="id_theme"') :].split("</select>")[0]
    # The choices, and the empty one.
    assert ">Neglect of the unborn baby</option>" in theme and ">Any theme</option>" in theme
    group = html[html.index('id="id_group"') :].split("</select>")[0]
    assert ">Chronologies task group</option>" in group
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL reads .iterator() through a server-side cursor")
    assert not [q["sql"] for q in queries if q["sql"].startswith("DECLARE")]
