"""Agencies' data returns: a value per indicator, agency and period, by form or by file import, with
corrections kept in the history."""
