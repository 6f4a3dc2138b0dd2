from .walk_rules_register import RULES as REGISTER
from .walk_rules_register import VALID as REGISTER_VALID
from .walk_rules_reviews import RULES as REVIEWS
from .walk_rules_reviews import VALID as REVIEWS_VALID
from .walk_rules_summaries import RULES as SUMMARIES
from .walk_rules_summaries import VALID as SUMMARIES_VALID

RULES = {**REGISTER, **REVIEWS, **SUMMARIES}
VALID = {**REGISTER_VALID, **REVIEWS_VALID, **SUMMARIES_VALID}
