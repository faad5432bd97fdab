from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("order/", views.report_order_view, name="report_order"),
    path("status/", views.report_status, name="report_status"),
    path("suggest/<slug:what>/", views.report_suggest, name="report_suggest"),
    path("<int:pk>/download/", views.report_download, name="report_download"),
    path("<int:pk>/docx/", views.report_download_docx, name="report_download_docx"),
    path("<int:pk>/annex/", views.report_download_annex, name="report_download_annex"),
    path("<int:pk>/retry/", views.report_retry_view, name="report_retry"),
]
