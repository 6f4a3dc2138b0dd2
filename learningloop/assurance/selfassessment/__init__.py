"""Section 11 and Section 175/157 self-assessment: standard sets, cycles, agencies' and schools' returns,
the lock at the deadline and the business unit's reopening, moderation, and the partnership overview."""
