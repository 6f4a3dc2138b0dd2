from learningloop.core.tests.walk import Rule

RULES = {
    "partnership:agency_list": Rule(get="partnership.view"),
}
