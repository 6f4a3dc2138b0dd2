"""The multi-agency audit programme: audits with their theme, timetable, agencies, case sample, domains,
agencies' gradings, the moderation's agreed grades and the results; findings and actions."""
