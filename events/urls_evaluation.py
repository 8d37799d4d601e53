from django.urls import path

from events import views_evaluation as views

urlpatterns = [
    path("<id:event_id>/evaluation/", views.evaluation_form, name="evaluation_form"),
    path("<id:event_id>/pre-test/", views.pretest_form, name="pretest_form"),
    path("<id:event_id>/evaluation/results/", views.results, name="evaluation_results"),
    path(
        "<id:event_id>/evaluation/results.xlsx",
        views.results_export,
        name="evaluation_export",
    ),
    path("<id:event_id>/certificate.pdf", views.certificate_download, name="certificate_download"),
    path("<id:event_id>/certificates/", views.certificate_list, name="certificate_list"),
    path(
        "certificates/<id:certificate_id>/revoke/",
        views.certificate_revoke,
        name="certificate_revoke",
    ),
]
