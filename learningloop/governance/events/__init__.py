"""Learning events and webinars with attendance by agency."""
