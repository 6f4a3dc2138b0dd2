from .walk_rules_briefings import RULES as BRIEFINGS
from .walk_rules_plans import RULES as PLANS
from .walk_rules_requests import RULES as REQUESTS

RULES = {**PLANS, **BRIEFINGS, **REQUESTS}
