from django.urls import include, path
from rest_framework import routers

from . import views

router = routers.SimpleRouter()
router.register("indicators", views.IndicatorViewSet, basename="feed_indicators")
router.register("providers", views.ProviderViewSet, basename="feed_providers")
router.register("periods", views.PeriodViewSet, basename="feed_periods")
router.register("values", views.ValueViewSet, basename="feed_values")
router.register("actions", views.ActionViewSet, basename="feed_actions")
router.register("key-messages", views.KeyMessageViewSet, basename="feed_key_messages")
router.register("deadlines", views.DeadlineViewSet, basename="feed_deadlines")

urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    # Under /api/v1/, so a later incompatible change can go beside it.
    path("v1/", include(router.urls)),
]
