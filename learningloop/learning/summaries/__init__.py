"""Summaries of learning and their key messages."""
