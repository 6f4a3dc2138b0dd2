"""Authorisation walk rules for the improvement pages."""

RULES = {}
