from learningloop.core.tests.walk import PUBLIC, SIGNED_IN, Rule, Scoped


def _export(objects):
    return {"pk": objects["spreadsheet_export"].pk}


RULES = {
    "home": Rule(get=SIGNED_IN),
    "healthz": Rule(get=PUBLIC),
    "accessibility": Rule(get=PUBLIC),
    "core:audit_list": Rule(get="audit.view"),
    "exports:export_run": Rule(get=SIGNED_IN, kwargs=_export, scoped=Scoped(reach="requester")),
    "exports:export_download": Rule(get=SIGNED_IN, kwargs=_export, scoped=Scoped(reach="requester")),
}
