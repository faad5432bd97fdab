from django.urls import path

from accounts import import_views

app_name = "accounts"
urlpatterns = [
    path("<int:pk>/", import_views.import_job, name="import_job"),
    path("<int:pk>/status/", import_views.import_job_status, name="import_job_status"),
]
