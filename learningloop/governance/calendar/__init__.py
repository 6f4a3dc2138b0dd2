"""Calendar feeds: each user's secret iCalendar address of their groups' meetings."""
