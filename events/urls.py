from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.calendar_month, name="calendar"),
    path("list/", views.event_list, name="list"),
    path("my/", views.my_events, name="my"),
    path("my/feed/reset/", views.feed_reset, name="feed_reset"),
    path("feed/<str:token>.ics", views.personal_feed, name="feed"),
    path("feed/<str:token>/schools/<int:pk>.ics", views.school_feed, name="school_feed"),
    path(
        "feed/<str:token>/associations/<int:pk>.ics",
        views.association_feed,
        name="association_feed",
    ),
    path("verify/", views.verify, name="verify"),
    path("new/", views.event_create_view, name="create"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/publish/", views.event_publish_view, name="publish"),
    path("<int:pk>/cancel/", views.event_cancel_view, name="cancel"),
    path("<int:pk>/close/", views.event_close_view, name="close"),
    path("<int:pk>/materials/", views.material_add, name="material_add"),
    path("materials/<int:pk>/", views.material_download, name="material"),
    path("applications/<int:pk>/file/", views.application_file, name="application_file"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/registrations/", views.registration_list, name="registrations"),
    path("<int:pk>/registrations.xlsx", views.registration_export, name="export"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/apply/", views.application_create, name="apply"),
    path("<int:pk>/applications/", views.application_list, name="applications"),
    path(
        "applications/<int:pk>/review/",
        views.application_review_view,
        name="application_review",
    ),
    path(
        "registrations/<int:pk>/cancel/",
        views.registration_cancel_view,
        name="registration_cancel",
    ),
    path(
        "registrations/<int:pk>/certificate.pdf",
        views.certificate_download,
        name="certificate",
    ),
    path("registrations/<int:pk>/feedback/", views.feedback, name="feedback"),
]
