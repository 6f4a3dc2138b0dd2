"""Helpers for list page tests: what a reader sees in the error summary and in the list."""

import re
from html import unescape


def _text(fragment):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def error_summary(response):
    """The error summary's messages, each with the field it links to: [(text, href)]."""
    html = response.content.decode()
    match = re.search(r'<div class="govuk-error-summary[^"]*".*?</ul>', html, re.S)
    if not match:
        return []
    return [
        (_text(text), href)
        for href, text in re.findall(r'<li>\s*<a href="([^"]*)"[^>]*>(.*?)</a>', match.group(0), re.S)
    ]


def listed(response, candidates):
    """Which of `candidates` (names or titles) the page's table shows, in page order."""
    html = response.content.decode()
    start = html.find("<tbody")
    body = html[start : html.find("</tbody>", start)] if start >= 0 else ""
    found = [(body.find(str(c)), str(c)) for c in candidates if str(c) in body]
    return [c for _, c in sorted(found)]


def row_cells(response_or_html, text):
    """The text of each cell of the first table row that contains `text` (its header cell included)."""
    html = response_or_html if isinstance(response_or_html, str) else response_or_html.content.decode()
    row = next(r for r in re.findall(r"<tr\b.*?</tr>", html, re.S) if text in r)
    return [_text(cell) for cell in re.findall(r"<t[dh]\b.*?</t[dh]>", row, re.S)]


def assert_junk_reported(response, message, field_id):
    """A junk filter value: the page still answers, says what is wrong and links to the field."""
    assert response.status_code == 200
    assert (message, f"#{field_id}") in error_summary(response)
    assert response.content.decode().count("<h1") == 1
