from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import ImportJob, ImportRecord, User
from accounts.services import user_set_role
from core.admin import AccusativeTitlesMixin, HistoryAdmin, ReadOnlyMixin


@admin.register(User)
class UserAdmin(AccusativeTitlesMixin, BaseUserAdmin, HistoryAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "user")
    list_display = ["username", "last_name", "first_name", "role", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username", "last_name", "first_name", "email"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Role in the portal"), {"fields": ("role", "patronymic")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Role in the portal"), {"fields": ("role", "last_name", "first_name", "patronymic")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser may hand out superuser rights or raw permissions.
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["is_superuser", "user_permissions", "groups", "last_login", "date_joined"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "role" in form.changed_data or not change:
            user_set_role(user=obj, role=obj.role, by=request.user)


@admin.register(ImportRecord)
class ImportRecordAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Who imported which file, and what it did: written by the importers, never by hand."""

    list_display = [
        "imported_at",
        "kind",
        "file_name",
        "imported_by",
        "created",
        "updated",
        "skipped",
        "errors",
    ]
    list_filter = ["kind", "imported_at"]
    search_fields = ["file_name", "imported_by__username", "imported_by__last_name"]
    list_select_related = ["imported_by"]
    date_hierarchy = "imported_at"


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Long imports done by a worker: which wait, which run, how each ended. Read only:
    the worker writes them; the file itself is not shown."""

    list_display = [
        "created_at",
        "kind",
        "file_name",
        "started_by",
        "state",
        "done",
        "total",
        "finished_at",
    ]
    list_filter = ["state", "kind", "created_at"]
    search_fields = ["file_name", "started_by__username", "started_by__last_name"]
    list_select_related = ["started_by"]
    date_hierarchy = "created_at"
    fields = [
        "kind",
        "file_name",
        "sheet",
        "started_by",
        "state",
        "done",
        "total",
        "error",
        "record",
        "created_at",
        "finished_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("data")
