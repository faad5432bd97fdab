from django.urls import path

from .views import reports

app_name = "monitoring"

# Each area keeps its views in monitoring/views/<area>.py and its paths here.
urlpatterns = [
    path("reports/", reports.report_list, name="report_list"),
    path("reports/order/", reports.report_order_view, name="report_order"),
    path("reports/status/", reports.report_status, name="report_status"),
    path("reports/<int:pk>/download/", reports.report_download, name="report_download"),
]
