"""One breadcrumb trail builder for govukBreadcrumbs."""


def breadcrumbs(*items):
    """Breadcrumb items from (text, url) pairs, outermost first; a None url marks the current page (shown
    as text, not a link). URLs may be lazy (reverse_lazy)."""
    return [{"text": str(text), "href": str(href)} if href else {"text": str(text)} for text, href in items]
