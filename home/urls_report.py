from django.urls import path

from home import views_report

urlpatterns = [
    path("", views_report.donor_report, name="donor_report"),
    path("report.pdf", views_report.donor_report_pdf, name="donor_report_pdf"),
    path("report.xlsx", views_report.donor_report_xlsx, name="donor_report_xlsx"),
]
