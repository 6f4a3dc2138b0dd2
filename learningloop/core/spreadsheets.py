"""Safe cells for CSV and Excel downloads (OWASP CSV injection): a cell a spreadsheet could read as a
formula — starting with = + - @, tab, CR or NUL — gets a leading single quote."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def csv_safe(value) -> str:
    """Stop spreadsheet programs reading a cell as a formula."""
    text = "" if value is None else str(value)
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text
