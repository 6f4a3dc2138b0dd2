"""The feed's paging: `?page=` and `?page_size=` (default 100, at most 1000); each answer gives the count
and links to the next and previous pages."""

from rest_framework import pagination


class FeedPagination(pagination.PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
