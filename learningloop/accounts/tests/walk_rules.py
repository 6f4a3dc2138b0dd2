from learningloop.core.tests.walk import SIGNED_IN, Rule

RULES = {
    "account_overview": Rule(get=SIGNED_IN),
}
