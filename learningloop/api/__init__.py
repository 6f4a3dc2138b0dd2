"""The analysts' data feed: a read-only JSON API (Django REST framework, OpenAPI by drf-spectacular) over
the dataset, improvement actions, key messages with their loop status and deadlines, authenticated by
personal access tokens (docs/adr/0036-analysts-data-feed.md)."""
