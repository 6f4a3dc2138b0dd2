from learningloop.core.tests.walk import PUBLIC, SIGNED_IN, Rule

RULES = {
    "home": Rule(get=SIGNED_IN),
    "healthz": Rule(get=PUBLIC),
    "accessibility": Rule(get=PUBLIC),
    "core:audit_list": Rule(get="audit.view"),
}
