from django.urls import include, path

from knowledge import views

app_name = "knowledge"

urlpatterns: list = [
    path("my-notes/", views.my_notes, name="my_notes"),
    path("", include("knowledge.urls_requests")),
]
