"""Dissemination plans (Appendix C) for accepted summaries of learning, and their communications."""
