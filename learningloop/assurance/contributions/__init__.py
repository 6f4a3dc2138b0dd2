"""Agencies contribute their own learning: single-agency inspections, internal learning reviews, audits and
assurance reports, recorded by the agency's lead and accepted into the register (or returned) by the
business unit."""
