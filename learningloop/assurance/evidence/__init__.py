"""Evidence of impact from audits and surveys, for the key message trail (ADR 0033)."""
