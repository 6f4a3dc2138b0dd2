"""Display values shared by every area. One status tag type: every status a page shows (a deadline's
"Overdue by 3 working days", a communication's "Done", an action's RAG) is a `StatusTag`, rendered by
the one macro in jinja2/core/_status_tag.html."""

from dataclasses import dataclass

# GOV.UK Frontend tag colours (the `govuk-tag--<colour>` modifiers).
TAG_COLOURS = frozenset({"grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red",
                         "orange", "yellow"})  # fmt: skip


@dataclass(frozen=True)
class StatusTag:
    """What a status says (`text`), its GOV.UK tag colour, an optional hint shown beside it ("Due in 2
    working days", "Met on time"), and a stable `key` for code and filters ("overdue", "red", "done")."""

    text: str
    colour: str
    hint: str = ""
    key: str = ""

    def __post_init__(self):
        if self.colour not in TAG_COLOURS:
            raise ValueError(f"Unknown GOV.UK tag colour {self.colour!r}")

    @property
    def tag_classes(self) -> str:
        return f"govuk-tag--{self.colour}"

    # The names the older presenters used, so pages written against them keep working.
    @property
    def tag_colour(self) -> str:
        return self.colour

    @property
    def detail(self) -> str:
        return self.hint

    @property
    def state(self) -> str:
        return self.key

    @property
    def is_overdue(self) -> bool:
        return self.key == "overdue" or self.key == "red"

    @property
    def is_open(self) -> bool:
        return self.key in ("due", "due_today", "overdue")
