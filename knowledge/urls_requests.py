from django.urls import path

from knowledge import views_requests as views

urlpatterns = [
    path("requests/", views.my_requests, name="my_requests"),
    path("requests/queue/", views.queue, name="request_queue"),
    path("requests/training-need/", views.training_need_new, name="training_need_new"),
    path("requests/note/<id:note_id>/", views.peer_exchange_new, name="peer_exchange_new"),
    path("requests/<id:request_id>/", views.request_detail, name="request_detail"),
    path("requests/<id:request_id>/state/", views.request_change, name="request_change"),
]
