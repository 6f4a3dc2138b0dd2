"""Authorisation walk rules for the learning register pages (merged by learning/tests/walk_rules.py)."""

RULES = {}
