"""Authorisation walk rules for the reports pages."""

from learningloop.core.tests.walk import Rule

RULES = {
    "reports:trail_index": Rule(get="trail.view"),
    "reports:key_message_trail": Rule(
        get="trail.view", kwargs=lambda objects: {"pk": objects["trail_message"].pk}
    ),
}
