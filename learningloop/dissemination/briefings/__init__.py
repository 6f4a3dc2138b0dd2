"""Briefings: 7-minute briefings, learning briefings and newsletter items written from key messages."""
