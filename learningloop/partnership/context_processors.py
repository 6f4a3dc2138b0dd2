from .models import Partnership


def partnership(request):
    """The partnership's name and short name on every page (the layout's caption and title)."""
    return {"partnership": Partnership.current()}
