"""Case reviews (rapid reviews and CSPRs, safeguarding adult reviews, domestic homicide reviews) and their
statutory deadlines."""
