from django.urls import path

from events import views_attendance, views_visa

# Included from events/urls.py under the events app's namespace.
urlpatterns = [
    path("<id:event_id>/check-in/", views_attendance.check_in_list, name="check_in"),
    path("<id:event_id>/check-in/scan/", views_attendance.scan, name="check_in_scan"),
    path("<id:event_id>/check-in/sheet/", views_attendance.sign_in_sheet, name="sign_in_sheet"),
    path("<id:event_id>/check-in/no-shows/", views_attendance.no_shows, name="no_shows"),
    path(
        "registrations/<id:registration_id>/check-in/",
        views_attendance.check_in_action,
        name="check_in_action",
    ),
    path(
        "registrations/<id:registration_id>/code/", views_attendance.code_page, name="check_in_code"
    ),
    path(
        "registrations/<id:registration_id>/code.svg",
        views_attendance.code_svg,
        name="check_in_code_svg",
    ),
    path("<id:event_id>/visa-letters/", views_visa.visa_list, name="visa_list"),
    path("registrations/<id:registration_id>/visa/", views_visa.visa_details, name="visa_details"),
    path("registrations/<id:registration_id>/visa/sign/", views_visa.visa_sign, name="visa_sign"),
    path(
        "registrations/<id:registration_id>/visa-letter.pdf",
        views_visa.visa_pdf,
        name="visa_pdf",
    ),
]
