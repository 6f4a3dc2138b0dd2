"""Assurance: multi-agency and single-agency audits, the Section 11 and Section 175/157 self-assessment
cycle, surveys, complaints and compliments, agencies' own learning.
"""
