"""Workforce development: the multi-agency training programme, practitioners' accounts, bookings, attendance
and evaluation.
"""
