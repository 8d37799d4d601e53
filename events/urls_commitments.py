"""Commitments of regional meetings: included in ``events.urls`` (names ``events:…``)."""

from django.urls import path

from events import views_commitments

urlpatterns = [
    path("commitments/tracker/", views_commitments.tracker, name="commitments"),
    path("commitments/<id:commitment_id>/", views_commitments.commitment, name="commitment"),
    path(
        "commitments/<id:commitment_id>/update/",
        views_commitments.commitment_update,
        name="commitment_update",
    ),
]
