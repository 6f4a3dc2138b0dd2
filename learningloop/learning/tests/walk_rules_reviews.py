"""Authorisation walk rules for the learning reviews pages (merged by learning/tests/walk_rules.py)."""

RULES = {}
