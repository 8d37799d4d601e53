from django.urls import path

from . import views

app_name = "discussions"

urlpatterns = [
    path("", views.index, name="index"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
    path("mentions/", views.mention_suggestions, name="mention_suggestions"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("topics/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("topics/<slug:slug>/subscription/", views.topic_subscription, name="topic_subscription"),
    path("pages/<int:page_id>/", views.page_threads, name="page_threads"),
    path("pages/<int:page_id>/new/", views.page_thread_create, name="page_thread_create"),
    path("threads/<int:pk>/", views.thread, name="thread"),
    path("threads/<int:pk>/unread/", views.thread_unread, name="thread_unread"),
    path("threads/<int:pk>/reply/", views.post_create, name="post_create"),
    path("threads/<int:pk>/subscription/", views.thread_subscription, name="thread_subscription"),
    path("threads/<int:pk>/moderate/", views.thread_moderate, name="thread_moderate"),
    path("posts/<int:pk>/", views.post, name="post"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/flag/", views.post_flag, name="post_flag"),
    path("posts/<int:pk>/moderate/", views.post_moderate, name="post_moderate"),
]
