"""The navigation: one line of top-level sections for every persona, the current section marked, and on
every page of a section a secondary navigation listing the section's pages."""

from html.parser import HTMLParser

import pytest

from learningloop.conftest import PERSONA_SPECS

pytestmark = pytest.mark.django_db


class _Navs(HTMLParser):
    """Links inside each <nav aria-label="..."> of a page: {label: [(text, href, aria-current)]}."""

    def __init__(self):
        super().__init__()
        self.navs, self._label, self._link = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            self._label = attrs.get("aria-label")
            self.navs.setdefault(self._label, [])
        elif tag == "a" and self._label:
            self._link = [attrs.get("href"), attrs.get("aria-current"), ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None and self._label:
            href, current, text = self._link
            self.navs[self._label].append((text.strip(), href, current))
            self._link = None
        elif tag == "nav":
            self._label = None


def navs(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parser = _Navs()
    parser.feed(response.content.decode())
    return parser.navs


MAIN = "Main sections"
# Impact holds the dataset and the assurance pages, which everyone signed in may open.
EVERYONE = ["Home", "Learning", "Practice", "Impact", "Governance", "People"]
SECTIONS = {persona: EVERYONE for persona in PERSONA_SPECS}

# The pages every signed-in person may open from the navigation, by section (written from the policy).
PAGES = {
    "Learning": {
        "Learning register": "/learning/activities/",
        "Case reviews": "/learning/reviews/",
        "Summaries of learning": "/learning/summaries/",
    },
    "Practice": {
        "Dissemination": "/dissemination/plans/",
        "Requests to agencies": "/dissemination/requests/",
        "Actions": "/actions/",
        "Learning trail": "/trail/",
    },
    "Governance": {
        "Agencies": "/partnership/agencies/",
        "Groups": "/partnership/groups/",
        "Framework": "/partnership/framework/",
        "Meetings": "/governance/meetings/",
        "Work plan": "/governance/work-plan/",
        "Risks and barriers": "/governance/risks/",
        "Highlight reports": "/governance/highlight-reports/",
        "Policies and procedures": "/governance/policies/",
        "Learning events": "/governance/events/",
    },
    "People": {"People": "/partnership/people/"},
}
# The multi-agency training programme: everyone in the partnership reads it (workforce).
PAGES["People"]["Training"] = "/training/"
PAGES["Impact"] = {
    "Self-assessment": "/assurance/self-assessment/",
    "Audits": "/assurance/audits/",
    "Agency learning": "/assurance/agency-learning/",
    "Complaints and compliments": "/assurance/complaints-and-compliments/",
}
PAGES["Impact"] |= {
    "Dashboard": "/impact/",
    "Indicators": "/impact/indicators/",
    "Late returns": "/impact/late/",
    "Agency contribution": "/impact/agencies/",
}
# What children, young people and families said and what the partnership did (ADR 0033).
PAGES["Impact"]["You said, we did"] = "/assurance/you-said-we-did/"
PAGES["Impact"]["Surveys"] = "/assurance/surveys/"
# The partners' yearly report: everyone in the partnership reads it (reports.yearly).
PAGES["Governance"]["Yearly report"] = "/yearly-reports/"
# Only the business unit's administrators manage users and read the audit trail.
ADMIN_PAGES = {"Governance": {"Audit trail": "/audit/"}, "People": {"Users": "/accounts/users/"}}
ADMIN_PAGES["People"]["API tokens"] = "/api/tokens/all/"  # everyone's data feed tokens (api.tokens_manage)
# What is on the public learning hub and its statistics: the business unit (website.manage).
BUSINESS_UNIT_PAGES = {"Learning": {"Publications": "/publications/manage/"}}


@pytest.mark.parametrize("persona", list(PERSONA_SPECS))
def test_each_persona_sees_one_line_of_sections(persona_client, persona):
    client = persona_client(persona)
    main = navs(client, "/")[MAIN]
    texts = [text for text, _, _ in main]
    assert texts == SECTIONS[persona]
    assert len(texts) <= 6 and len("".join(texts)) < 70
    assert ("Home", "/", "page") in main  # the home page is the current page


@pytest.mark.parametrize("persona", list(PERSONA_SPECS))
def test_every_page_a_persona_may_open_is_reachable_from_the_sections(persona_client, persona):
    client = persona_client(persona)
    expected = {section: dict(pages) for section, pages in PAGES.items()}
    if persona == "bu_admin":
        for section, pages in ADMIN_PAGES.items():
            expected[section] |= pages
    if persona in ("bu_admin", "bu_officer"):
        for section, pages in BUSINESS_UNIT_PAGES.items():
            expected[section] |= pages
    for text, href, _ in navs(client, "/")[MAIN]:
        if text == "Home":
            continue
        page_navs = navs(client, href)
        marked = [(t, h) for t, h, current in page_navs[MAIN] if current]
        assert marked == [(text, href)], "the section is marked current"
        if len(expected[text]) == 1:  # a section of one page needs no list of its pages
            assert text not in page_navs
            ((only_text, only_href),) = expected[text].items()
            assert href == only_href, "the section links to its one page"
            pages = {only_text: only_href}
        else:
            pages = {t: h for t, h, _ in page_navs[text]}
        assert pages == expected.pop(text)
        for page_href in pages.values():
            assert client.get(page_href).status_code == 200
    assert not expected, f"sections missing from the navigation: {list(expected)}"


def test_the_section_stays_marked_deeper_in_it(persona_client):
    client = persona_client("bu_officer")
    page = navs(client, "/learning/deadlines/")  # statutory deadlines belong to the case reviews
    assert [t for t, _, current in page[MAIN] if current] == ["Learning"]
    assert [(t, c) for t, _, c in page["Learning"] if c] == [("Case reviews", "true")]
    listing = navs(client, "/learning/reviews/")["Learning"]
    assert [(t, c) for t, _, c in listing if c] == [("Case reviews", "page")]


def test_account_links_sit_apart_from_the_sections(persona_client):
    page = navs(persona_client("agency_lead"), "/")
    assert [t for t, _, _ in page["Your account"]] == ["Your account", "Sign out"]


def test_signed_out_pages_have_no_sections(client):
    assert "Main sections" not in client.get("/accessibility").content.decode()


def test_the_home_page_lists_every_page_by_section(persona_client):
    page = persona_client("bu_admin").get("/").content.decode()
    your_areas = page[page.index("Your areas") :]
    for section, pages in [*PAGES.items(), *ADMIN_PAGES.items()]:
        assert f'<h3 class="govuk-heading-s">{section}</h3>' in your_areas
        for text, href in pages.items():
            assert f'<a class="govuk-link" href="{href}">{text}</a>' in your_areas
