"""Bookings: practitioners book a place or join the waiting list, cancel up to the cut-off, accept a freed
place offered to them, give their three-stage evaluation and download their certificate."""
