"""The impact dashboard: every indicator grouped by partnership priority and by the three outcomes-based
questions, with its status and trend, filterable by agency and priority, and its downloads."""
