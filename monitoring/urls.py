from django.urls import path  # noqa: F401  (each area adds its paths below)

app_name = "monitoring"

# Each area keeps its views in monitoring/views/<area>.py and its paths here.
urlpatterns = []
