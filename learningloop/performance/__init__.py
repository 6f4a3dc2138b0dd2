"""Impact: the outcomes-based multi-agency dataset, agencies' data submissions and imports, the story behind
the curve, the agency contribution scorecard.
"""
