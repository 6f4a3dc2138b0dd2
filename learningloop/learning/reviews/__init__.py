"""Case reviews (rapid reviews, CSPRs, LCSPRs) and their statutory deadlines."""
