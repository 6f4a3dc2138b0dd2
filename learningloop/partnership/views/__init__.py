"""Pages for the partnership structure: agencies, people, groups, memberships and the framework preset.

Everyone signed in may read them (`partnership.view`, `framework.view`); the business unit maintains them
(`partnership.manage`, `framework.manage`). Writes with a rule live in services.py.
"""
