"""The feed's paging and rate limit. Paging: `?page=` and `?page_size=` (default 100, at most 1000); each
answer gives the count and links to the next and previous pages."""

from django.conf import settings
from rest_framework import pagination, throttling


class FeedPagination(pagination.PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class FeedRateThrottle(throttling.UserRateThrottle):
    """Requests per user (so per token's user), counted on the shared cache: API_RATE_LIMIT, read when
    each request is checked; over it is a 429 with Retry-After."""

    scope = "feed"

    def get_rate(self):
        return settings.API_RATE_LIMIT
