"""Checks every email's HTML must pass: well-formed (every element closed in order), table-based layout
with inline styles in Arial, and nothing an email client would fetch or run (no scripts, images, style
sheets or external resources)."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "img", "link", "style", "iframe", "object", "embed", "form", "input", "video", "audio"}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.tags, self.links, self.text = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag in FORBIDDEN:
            self.problems.append(f"<{tag}> is not allowed in an email")
        if "class" in attrs:
            self.problems.append(f"<{tag} class=...>: email clients drop style sheets; use inline styles")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>: no scripts in an email")
            if name in {"src", "background"}:
                self.problems.append(f"<{tag} {name}=...>: no external resources in an email")
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] not in {"title"}:
            self.text.append(data)


def check_email_html(html: str) -> _Checker:
    """Parse and check the HTML; return the parser (its links, tags and visible text) for more asserts."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert html.lstrip().lower().startswith("<!doctype html>"), "an email's HTML starts with <!DOCTYPE html>"
    assert not checker.stack, f"elements left open: {checker.stack}"
    assert not checker.problems, checker.problems
    assert "table" in checker.tags, "the layout is table-based (Outlook)"
    assert "font-family: Arial" in html
    assert "javascript:" not in html.lower()
    return checker


def visible_text(html: str) -> str:
    return " ".join("".join(check_email_html(html).text).split())
