"""Practitioners: people from partner agencies who register themselves (allauth sign-up with a work email at
a domain the business unit approved, email confirmation mandatory) to book training; what they may reach
(the confinement middleware) and the published briefings they may read."""
