"""Authorisation walk rules for the reports pages."""

RULES = {}
