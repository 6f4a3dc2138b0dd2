from .walk_rules_register import RULES as REGISTER
from .walk_rules_reviews import RULES as REVIEWS
from .walk_rules_summaries import RULES as SUMMARIES

RULES = {**REGISTER, **REVIEWS, **SUMMARIES}
