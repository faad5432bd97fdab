"""Admin of the indicators area: catalogue, periods, targets; values and submissions to read."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin
from core.admin_rows import keep_rows
from monitoring.models import (
    Indicator,
    IndicatorSubmission,
    IndicatorValue,
    Period,
    SubmissionComment,
    Target,
)
from monitoring.services.indicators import (
    IndicatorError,
    period_lock,
    period_unlock,
    target_check,
)
from schools.models import School


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "source", "group", "direction", "is_active"]
    list_filter = ["group", "source", "unit", "is_active"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "source", "unit"]
    ordering = ["order"]

    def has_add_permission(self, request):
        # The catalogue comes from monitoring/catalogue.py; new codes need code to compute them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Period)
class PeriodAdmin(HistoryAdmin):
    list_display = ["name", "starts_on", "ends_on", "state"]
    list_filter = ["state"]
    readonly_fields = ["state"]
    actions = ["lock", "unlock"]

    @admin.action(description=_("Lock the selected periods"), permissions=["change"])
    def lock(self, request, queryset):
        for period in queryset:
            period_lock(period=period, by=request.user)
        self.message_user(request, _("Locked."), messages.SUCCESS)

    @admin.action(description=_("Unlock the selected periods"), permissions=["change"])
    def unlock(self, request, queryset):
        for period in queryset:
            period_unlock(period=period, by=request.user)
        self.message_user(request, _("Unlocked."), messages.SUCCESS)


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["indicator", "period", "school", "value"]

    def clean(self):
        data = super().clean()
        if data.get("indicator") and data.get("period") and data.get("value") is not None:
            try:
                target_check(
                    indicator=data["indicator"], period=data["period"], value=data["value"]
                )
            except IndicatorError as error:
                raise forms.ValidationError(str(error)) from error
        return data


@admin.register(Target)
class TargetAdmin(HistoryAdmin):
    form = TargetForm
    list_display = ["indicator", "period", "school", "value"]
    list_filter = ["period", "indicator__group", "indicator"]
    search_fields = ["school__short_name", "indicator__code", "indicator__name"]
    autocomplete_fields = ["school"]
    list_select_related = ["indicator", "period", "school"]

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user  # the form has checked it through target_check
        super().save_model(request, obj, form, change)


@admin.register(IndicatorValue)
class IndicatorValueAdmin(HistoryAdmin):
    """Read-only: values change through the entry form and the import, which validate."""

    list_display = ["indicator", "school", "period", "value", "source", "entered_by", "updated_at"]
    kept_rows = keep_rows(
        "admin-indicator-values", IndicatorValue, Indicator, Period, School, get_user_model()
    )
    list_filter = ["period", "source", "indicator__group", "indicator"]
    search_fields = ["school__short_name", "indicator__code"]
    list_per_page = 50
    list_select_related = ["indicator", "school", "period", "entered_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SubmissionCommentInline(admin.TabularInline):
    model = SubmissionComment
    extra = 0
    can_delete = False
    readonly_fields = ["action", "author", "text", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(IndicatorSubmission)
class IndicatorSubmissionAdmin(HistoryAdmin):
    list_display = ["school", "period", "state", "submitted_at", "reviewed_at"]
    list_filter = ["period", "state"]
    search_fields = ["school__short_name"]
    list_select_related = ["school", "period"]
    readonly_fields = ["school", "period", "state", "submitted_at", "reviewed_at"]
    inlines = [SubmissionCommentInline]

    def has_add_permission(self, request):
        return False
