"""Authorisation walk rules for the learning summaries pages (merged by learning/tests/walk_rules.py)."""

RULES = {}
