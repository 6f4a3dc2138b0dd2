from django.urls import path

from . import views

urlpatterns = [
    path("mine/", views.my_training, name="my_training"),
    path("sessions/<int:pk>/book", views.booking_create, name="booking_create"),
    path("bookings/<int:pk>/", views.booking_detail, name="booking_detail"),
    path("bookings/<int:pk>/cancel", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/accept", views.booking_accept, name="booking_accept"),
    path("bookings/<int:pk>/evaluation/<slug:stage>/", views.evaluation, name="evaluation"),
    path("bookings/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
]
