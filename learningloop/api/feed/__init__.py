"""The read-only JSON feed (Django REST framework): the dataset, actions, key messages with their loop
status and deadlines, each scoped by the same QuerySet methods as the pages."""
