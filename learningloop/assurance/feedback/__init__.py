"""Complaints and compliments from children and young people: counts by agency, quarter and theme, their
trend, and their place in the learning register."""
