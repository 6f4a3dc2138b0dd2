"""Governance: meetings, quorum and attendance, the annual work plan, highlight reports, risks, policies and
procedures, learning events.
"""
