"""Authorisation walk rules for the dissemination requests pages (merged by walk_rules.py)."""

RULES = {}
