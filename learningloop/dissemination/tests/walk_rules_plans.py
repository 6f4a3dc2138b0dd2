"""Authorisation walk rules for the dissemination plans pages (merged by walk_rules.py)."""

RULES = {}
