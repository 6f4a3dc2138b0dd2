""" "You said, we did" (ADR 0033)."""
