from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from outbox.models import OutboxItem
from outbox.services import dispatch


@admin.register(OutboxItem)
class OutboxItemAdmin(admin.ModelAdmin):
    """Read-only: items are written by services and done by workers."""

    list_display = ["pk", "handler", "state", "attempts", "failures", "created_at", "done_at"]
    list_filter = ["state", "handler"]
    search_fields = ["handler", "last_error"]
    date_hierarchy = "created_at"
    actions = ["hand_out_again"]
    readonly_fields = [field.name for field in OutboxItem._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Hand out again (failed items)"), permissions=["view"])
    def hand_out_again(self, request, queryset):
        ids = list(queryset.filter(state=OutboxItem.State.FAILED).values_list("pk", flat=True))
        OutboxItem.objects.filter(pk__in=ids).update(state=OutboxItem.State.PENDING, failures=0)
        handed_out = sum(dispatch(item_id) for item_id in ids)
        self.message_user(
            request,
            ngettext(
                "%(count)d item handed out again.",
                "%(count)d items handed out again.",
                handed_out,
            )
            % {"count": handed_out},
            messages.SUCCESS,
        )
