from django.contrib import admin

from core.admin import HistoryAdmin
from reports.models import Report


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    list_display = ["title", "kind", "status", "ordered_by", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "error"]
    list_select_related = ["ordered_by"]
    readonly_fields = [
        "kind",
        "params",
        "title",
        "status",
        "error",
        "file",
        "ordered_by",
        "attempts",
        "created_at",
        "started_at",
        "finished_at",
    ]

    def has_add_permission(self, request):
        return False  # reports are ordered on the portal's Reports page
