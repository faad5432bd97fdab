from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.admin import AccusativeTitlesMixin, HistoryAdmin, PrivateFilesMixin, ServiceActionsMixin
from core.admin_rows import keep_rows
from events.models import (
    Certificate,
    ContestApplication,
    Event,
    EventMaterial,
    Feedback,
    Registration,
)
from events.services import (
    EventsError,
    event_cancel,
    event_close,
    event_create,
    event_publish,
    event_update,
)
from schools.models import School, Teacher

URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class EventMaterialInline(admin.TabularInline):
    model = EventMaterial
    extra = 0
    formfield_overrides = URL_FIELDS


@admin.register(Event)
class EventAdmin(ServiceActionsMixin, HistoryAdmin):
    list_display = ["title", "kind", "format", "starts_at", "host_school", "capacity", "status"]
    list_filter = ["status", "kind", "format", "audience", "subjects"]
    search_fields = ["title", "description", "organiser", "venue"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["host_school", "partnership", "association", "activity"]
    filter_horizontal = ["subjects"]
    list_select_related = ["host_school"]
    readonly_fields = ["status", "created_by", "created_at", "updated_at", "sequence"]
    inlines = [EventMaterialInline]
    formfield_overrides = URL_FIELDS
    actions = ["publish", "cancel", "close"]

    def save_model(self, request, obj, form, change):
        # Saving goes through the services, so that participants hear of a change
        # and freed seats go to the waiting list; the subjects are set after.
        fields = [f for f in form.cleaned_data if f != "subjects" and f in form.fields]
        try:
            if change:
                data = {f: form.cleaned_data[f] for f in form.changed_data if f in fields}
                event_update(event=obj, data=data, by=request.user)
            else:
                created = event_create(
                    data={f: form.cleaned_data[f] for f in fields}, by=request.user
                )
                obj.pk = created.pk
                obj._state.adding = False
        except EventsError as error:
            self.message_user(request, str(error), messages.ERROR)
            raise

    @admin.action(description=_("Publish the selected events"))
    def publish(self, request, queryset):
        self.apply_service(request, queryset, event_publish, argument="event")

    @admin.action(description=_("Cancel the selected events and tell the participants"))
    def cancel(self, request, queryset):
        self.apply_service(request, queryset, event_cancel, argument="event")

    @admin.action(description=_("Close the selected events as held"))
    def close(self, request, queryset):
        self.apply_service(request, queryset, event_close, argument="event")


@admin.register(Registration)
class RegistrationAdmin(AccusativeTitlesMixin, HistoryAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "registration")
    list_display = ["teacher", "event", "status", "attended", "created_at"]
    kept_rows = keep_rows("admin-registrations", Registration, Event, Teacher, School)
    list_filter = ["status", "attended", "teacher__school__category"]
    search_fields = ["teacher__last_name", "event__title"]
    list_per_page = 50
    list_select_related = ["teacher__school", "event"]
    autocomplete_fields = ["teacher", "event"]
    # Seats and attendance change only through the portal's services.
    readonly_fields = ["event", "teacher", "status", "attended", "registered_by", "cancelled_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Certificate)
class CertificateAdmin(HistoryAdmin):
    list_display = ["code", "registration", "issued_at"]
    search_fields = ["code", "registration__teacher__last_name"]
    list_select_related = ["registration__teacher__school", "registration__event"]
    readonly_fields = ["registration", "code", "issued_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["registration", "rating", "created_at"]
    list_filter = ["rating"]
    list_select_related = ["registration__teacher__school", "registration__event"]
    readonly_fields = ["registration"]


@admin.register(ContestApplication)
class ContestApplicationAdmin(AccusativeTitlesMixin, PrivateFilesMixin, admin.ModelAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "contest application")
    private_files = {"file": "events:application_file"}
    list_display = ["teacher", "event", "status", "submitted_at"]
    list_filter = ["status"]
    list_select_related = ["teacher__school", "event"]
    readonly_fields = ["reviewed_by", "reviewed_at"]
    autocomplete_fields = ["teacher", "event"]
