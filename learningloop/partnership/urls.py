from django.urls import path

from .views import agencies, groups, people, presets

app_name = "partnership"
urlpatterns = [
    path("agencies/", agencies.agency_list, name="agency_list"),
    path("agencies/export.csv", agencies.agency_export, name="agency_export"),
    path("agencies/new", agencies.agency_create, name="agency_create"),
    path("agencies/<int:pk>/", agencies.agency_detail, name="agency_detail"),
    path("agencies/<int:pk>/edit", agencies.agency_edit, name="agency_edit"),
    path("agencies/<int:pk>/end", agencies.agency_end, name="agency_end"),
    path("agencies/<int:pk>/reactivate", agencies.agency_reactivate, name="agency_reactivate"),
    path("people/", people.person_list, name="person_list"),
    path("people/new", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit", people.person_edit, name="person_edit"),
    path("people/<int:pk>/end", people.person_end, name="person_end"),
    path("groups/", groups.group_list, name="group_list"),
    path("groups/new", groups.group_create, name="group_create"),
    path("groups/<int:pk>/", groups.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit", groups.group_edit, name="group_edit"),
    path("groups/<int:pk>/end", groups.group_end, name="group_end"),
    path("groups/<int:group_pk>/members/new", groups.membership_create, name="membership_create"),
    path("memberships/<int:pk>/edit", groups.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/end", groups.membership_end, name="membership_end"),
    path("framework/", presets.framework, name="framework"),
    path("framework/<slug:kind>/", presets.preset_list, name="preset_list"),
    path("framework/<slug:kind>/new", presets.preset_create, name="preset_create"),
    path("framework/<slug:kind>/<int:pk>/edit", presets.preset_edit, name="preset_edit"),
    path("framework/<slug:kind>/<int:pk>/end", presets.preset_end, name="preset_end"),
]
