"""Certificate verification: the one page outside the members-only gate besides sign-in."""

from django.urls import path

from events import views_evaluation as views

app_name = "verify"

urlpatterns = [
    path("", views.verify_form, name="form"),
    path("<str:code>/", views.verify, name="certificate"),
]
