"""Authorisation walk rules for the dissemination briefings pages (merged by walk_rules.py)."""

RULES = {}
