from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<id:pk>/", views.member_detail, name="member_detail"),
    path("<id:pk>/photo/", views.member_photo, name="member_photo"),
    path("<id:pk>/manage/", views.member_manage, name="member_manage"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("notifications/", views.notifications, name="notifications"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("my-data/cancel-deletion/", views.deletion_request_cancel, name="deletion_request_cancel"),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path("invitations/bulk/", views.invitation_bulk, name="invitation_bulk"),
    path("invitations/<id:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<id:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("deletion-requests/", views.deletion_request_list, name="deletion_request_list"),
    path(
        "deletion-requests/<id:pk>/confirm/",
        views.deletion_request_confirm,
        name="deletion_request_confirm",
    ),
]
