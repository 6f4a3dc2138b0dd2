"""Embedding requests to agencies and the agencies' responses and evidence."""
