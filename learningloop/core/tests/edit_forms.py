"""What a browser posts back from an edit page: read from the page's HTML, so a test posts exactly what a
person who opened the page and pressed save would (the hidden version included)."""

import re


def form_data(html):
    """The values of the page's form: text inputs, hidden inputs, textareas, checked boxes and radios,
    selected options. The CSRF token is left out (the test client does not check it)."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        name = name.group(1)
        value = re.search(r'value="([^"]*)"', tag)
        value = value.group(1) if value else ""
        if 'type="checkbox"' in tag or 'type="radio"' in tag:
            if "checked" in tag:
                data.setdefault(name, []).append(value)
            continue
        if 'type="submit"' in tag or 'type="file"' in tag:
            continue
        data.setdefault(name, value)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = body.strip()
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = selected.group(1) if selected else ""
    data.pop("csrfmiddlewaretoken", None)
    return data
