from django.urls import path

from . import views

app_name = "discussions"

urlpatterns = [
    path("", views.index, name="index"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("notifications/<id:pk>/", views.notification_open, name="notification_open"),
    path("mentions/", views.mention_suggestions, name="mention_suggestions"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("topics/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("topics/<slug:slug>/subscription/", views.topic_subscription, name="topic_subscription"),
    path("pages/<id:page_id>/", views.page_threads, name="page_threads"),
    path("pages/<id:page_id>/new/", views.page_thread_create, name="page_thread_create"),
    path("threads/<id:pk>/", views.thread, name="thread"),
    path("threads/<id:pk>/unread/", views.thread_unread, name="thread_unread"),
    path("threads/<id:pk>/reply/", views.post_create, name="post_create"),
    path("threads/<id:pk>/subscription/", views.thread_subscription, name="thread_subscription"),
    path("threads/<id:pk>/moderate/", views.thread_moderate, name="thread_moderate"),
    path("posts/<id:pk>/", views.post, name="post"),
    path("posts/<id:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<id:pk>/history/", views.post_history, name="post_history"),
    path("posts/<id:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<id:pk>/flag/", views.post_flag, name="post_flag"),
    path("posts/<id:pk>/moderate/", views.post_moderate, name="post_moderate"),
]
