from .walk_rules_briefings import RULES as BRIEFINGS
from .walk_rules_briefings import VALID as BRIEFINGS_VALID
from .walk_rules_plans import RULES as PLANS
from .walk_rules_plans import VALID as PLANS_VALID
from .walk_rules_requests import RULES as REQUESTS
from .walk_rules_requests import VALID as REQUESTS_VALID

RULES = {**PLANS, **BRIEFINGS, **REQUESTS}
VALID = {**PLANS_VALID, **BRIEFINGS_VALID, **REQUESTS_VALID}
