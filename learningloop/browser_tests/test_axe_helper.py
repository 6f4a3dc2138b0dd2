"""The axe helper itself: it must fail on a serious violation, or every accessibility test means nothing."""

import pytest

from .helpers import axe_check

pytestmark = pytest.mark.browser

BROKEN = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>
<h1>Broken page</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>"""


def test_axe_check_fails_on_serious_violations(page):
    page.set_content(BROKEN)
    with pytest.raises(AssertionError) as failure:
        axe_check(page, "a deliberately broken page")
    message = str(failure.value)
    assert "image-alt" in message
    assert "label" in message
