"""The pages every import shares (core.imports): the upload form's file field, its error summary built
from an import's problems, and the progress page of a background import that polls with htmx and, without
JavaScript, refreshes itself."""

from django import forms
from django.http import Http404
from django.shortcuts import render

from .models import ImportRun

ERRORS_SHOWN = 100


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label="Upload the completed file",
        help_text="CSV or Excel (.xlsx), smaller than 10 MB, with the template's column headings",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
            "missing": "Select a file",
        },
    )


def add_import_errors(form: forms.Form, run: ImportRun, *, field: str = "file") -> None:
    """Put a failed import's problems on the form for the page's error summary: on the file field, how many
    problems the file has and that nothing was saved (the summary's link to the field); then each problem
    by row and column (the first ERRORS_SHOWN, then how many more)."""
    count = run.error_count
    form.add_error(
        field,
        f"The selected file has {count:,} problem{'' if count == 1 else 's'}: nothing was imported. "
        "Correct the file and upload it again",
    )
    problems = run.error_list()
    for problem in problems[:ERRORS_SHOWN]:
        form.add_error(None, str(problem))
    hidden = count - min(len(problems), ERRORS_SHOWN)
    if hidden > 0:
        form.add_error(None, f"and {hidden:,} more problems")


def import_run_page(request, pk: int, *, title: str, back_url: str, back_text: str, breadcrumbs=()):
    """One import's progress and result, for the user who uploaded it. While it runs, htmx asks for the
    progress again every two seconds and swaps it in; without JavaScript the page reloads itself."""
    run = ImportRun.objects.visible_to(request.user).filter(pk=pk).first()
    if run is None:
        raise Http404
    context = {
        "run": run,
        "title": title,
        "back_url": back_url,
        "back_text": back_text,
        "breadcrumbs": list(breadcrumbs),
        "errors_shown": run.error_list()[:ERRORS_SHOWN],
    }
    if getattr(request, "htmx", False):
        return render(request, "core/_import_progress.html", context)
    return render(request, "core/import_run.html", context)
