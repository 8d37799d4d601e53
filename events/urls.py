from django.urls import include, path

from events import views

app_name = "events"

# The events index is a Wagtail page at /<lang>/events/; these paths never clash with its
# children's slugs because each has a number or a fixed word followed by more path.
urlpatterns = [
    path("", include("events.urls_evaluation")),
    path("", include("events.urls_commitments")),
    path("<id:event_id>/register/", views.register, name="register"),
    path("<id:event_id>/cancel/", views.cancel, name="cancel"),
    path("<id:event_id>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("<id:event_id>/manage/", views.manage, name="manage"),
    path("<id:event_id>/attendance/", views.attendance, name="attendance"),
    path("<id:event_id>/message/", views.message, name="message"),
    path("<id:event_id>/registrants.csv", views.export_csv, name="export_csv"),
    path("<id:event_id>/registrants.xlsx", views.export_xlsx, name="export_xlsx"),
    path("registrations/<id:registration_id>/decide/", views.decide, name="decide"),
    path("calendar-feed/", views.feed_manage, name="feed_manage"),
    path("calendar-feed/<str:token>.ics", views.feed, name="feed"),
    path(
        "consultations/<id:page_id>/respond/",
        views.consultation_respond,
        name="consultation_respond",
    ),
    path(
        "consultations/<id:page_id>/answers/",
        views.consultation_answers,
        name="consultation_answers",
    ),
    path(
        "consultations/<id:page_id>/answers.xlsx",
        views.consultation_export,
        name="consultation_export",
    ),
    path("", include("events.urls_attendance")),
]
