"""What an author types in a briefing is shown as typed — escaped once, never twice — on the page and in the
PDF, and markup nobody allowed (a script) never renders as markup, however the text got in."""

import html
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from learningloop.dissemination.briefings import documents as briefing_documents
from learningloop.dissemination.briefings.services import sanitise
from learningloop.dissemination.models import Briefing, BriefingKind
from learningloop.learning.tests.test_edit_conflicts import _form_data

from .factories_briefings import BriefingFactory
from .test_briefings import _pdf_text

pytestmark = pytest.mark.django_db

PROBE = "\"'><script>alert('xss')</script>"  # the classic probe: quotes, a closing bracket and a script


class _SectionText(HTMLParser):
    """The text a reader sees in the page's rich-text sections, and the tags found there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.text, self.tags = 0, [], []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
            self.tags.append(tag)
        elif ("class", "govuk-body app-rich-text") in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def _page_sections(client, briefing):
    response = client.get(reverse("dissemination:briefing_detail", args=[briefing.pk]))
    assert response.status_code == 200
    parser = _SectionText()
    parser.feed(response.content.decode())
    return "".join(parser.text), parser.tags


def _create(client, **sections):
    response = client.post(
        reverse("dissemination:briefing_create"),
        {"kind": BriefingKind.NEWSLETTER_ITEM, "title": "Probe", **sections},
    )
    assert response.status_code == 302
    return Briefing.objects.get()


@pytest.mark.parametrize(
    "typed, shown",
    [
        (PROBE, "\"'>"),  # the script goes; what is left shows as typed
        ("\"'>", "\"'>"),
        ('Use <b>bold</b> if x > y & "z"', 'Use bold if x > y & "z"'),  # <b> is not allowed: it goes
        ('<p>Already &gt; HTML &amp; "quoted"</p>', 'Already > HTML & "quoted"'),
    ],
)
def test_text_shows_as_typed_on_the_page_and_in_the_pdf(officer_client, typed, shown):
    briefing = _create(officer_client, background=typed)
    text, tags = _page_sections(officer_client, briefing)
    assert text == shown
    assert "script" not in tags and "b" not in tags
    pdf = _pdf_text(briefing_documents.render_pdf_document(briefing))
    assert shown in pdf
    assert "&gt;" not in pdf and "&amp;" not in pdf and "alert" not in pdf


def test_saving_again_from_the_edit_form_changes_nothing(officer_client):
    briefing = _create(officer_client, background=PROBE, what_to_do="Check x > y")
    stored = (briefing.background, briefing.what_to_do)
    url = reverse("dissemination:briefing_edit", args=[briefing.pk])
    for _ in range(2):  # what a browser posts back: the form's values, unescaped
        data = {k: html.unescape(v) for k, v in _form_data(officer_client.get(url).content.decode()).items()}
        assert officer_client.post(url, data).status_code == 302
    briefing.refresh_from_db()
    assert (briefing.background, briefing.what_to_do) == stored
    assert _page_sections(officer_client, briefing)[0] == "\"'>Check x > y"


def test_text_saved_before_the_fix_shows_as_typed_too(officer_client):
    """Rows saved earlier hold nh3's output without any tag (`"'&gt;`): it is HTML, not typed text."""
    briefing = BriefingFactory(title="Older", background="\"'&gt;", what_to_do="")
    text, _ = _page_sections(officer_client, briefing)
    assert text == "\"'>"
    assert "\"'>" in _pdf_text(briefing_documents.render_pdf_document(briefing))


def test_a_script_written_straight_to_the_database_never_renders_as_markup(officer_client):
    briefing = BriefingFactory(title="Bypassed", background=PROBE + "<p>After</p>", what_to_do="")
    response = officer_client.get(reverse("dissemination:briefing_detail", args=[briefing.pk]))
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert "<script" not in main and "alert(" not in main
    assert "<script" not in briefing_documents.briefing_html(briefing).split("<body>", 1)[1]


@pytest.mark.parametrize(
    "typed",
    [
        PROBE,
        "\"'>",
        "a & b",
        "<b>x</b> > y",
        "Line\nnext\n\nPara <3",
        "<p>x &gt; y</p>",
        "<script>",
        "<script>x</script>",
    ],  # fmt: skip
)
def test_sanitising_twice_is_the_same_as_once(typed):
    once = sanitise(typed)
    assert sanitise(once) == once
