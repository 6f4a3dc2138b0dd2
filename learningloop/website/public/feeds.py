"""The Atom feed of new publications (Django's syndication framework), from live snapshots only."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from ..models import Publication

FEED_SIZE = 30


class NewPublicationsFeed(Feed):
    feed_type = Atom1Feed
    title = "New publications from the safeguarding children partnership"
    subtitle = "Case reviews, learning briefings, newsletters and the partnership's framework"

    def link(self):
        return reverse("website:index")

    def items(self):
        return Publication.objects.live().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.kind_label

    def item_link(self, item):
        return reverse("website:publication", kwargs={"slug": item.slug})

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.kind_label]


feed = login_not_required(require_GET(NewPublicationsFeed()))
