from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.admin import AccusativeTitlesMixin, HistoryAdmin, PrivateFilesMixin, private_file_link
from network.exports import roadmap_workbook
from network.forms import PartnershipForm
from network.models import (
    Activity,
    Mentorship,
    MethodicalAssociation,
    Partnership,
    Problem,
    RiskFactor,
    Stage,
    StageComment,
)
from network.services import NetworkError, roadmap_ensure

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@admin.register(RiskFactor)
class RiskFactorAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.action(description=_("Export the roadmaps to XLSX"))
def export_roadmaps(modeladmin, request, queryset):
    response = HttpResponse(roadmap_workbook(list(queryset)), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="roadmaps.xlsx"'
    return response


@admin.register(Partnership)
class PartnershipAdmin(PrivateFilesMixin, HistoryAdmin):
    form = PartnershipForm
    private_files = {"agreement_file": "network:agreement"}
    list_display = ["title", "leader", "model", "agreement_number", "starts_on", "ends_on"]
    list_filter = ["model", "leader", "schools__category"]
    search_fields = [
        "title",
        "agreement_number",
        "leader__short_name",
        "schools__short_name",
        "goal",
    ]
    autocomplete_fields = ["leader", "schools", "partners"]
    list_select_related = ["leader"]
    date_hierarchy = "starts_on"
    actions = [export_roadmaps]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        try:
            roadmap_ensure(partnership=form.instance, by=request.user)
        except NetworkError as error:
            messages.error(request, str(error))


@admin.register(Stage)
class StageAdmin(HistoryAdmin):
    list_display = ["roadmap", "number", "kind", "state", "starts_on", "ends_on"]
    list_filter = ["kind", "state"]
    search_fields = ["roadmap__partnership__title"]
    fields = ["roadmap", "number", "kind", "state", "starts_on", "ends_on"]
    readonly_fields = ["roadmap", "number", "kind", "state"]
    list_select_related = ["roadmap__partnership"]

    def has_add_permission(self, request):
        return False


@admin.register(Problem)
class ProblemAdmin(AccusativeTitlesMixin, HistoryAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "problem")
    list_display = ["title", "school", "risk_factor", "roadmap"]
    list_filter = ["risk_factor", "school__category"]
    search_fields = ["title", "description", "school__short_name", "roadmap__partnership__title"]
    autocomplete_fields = ["school", "risk_factor"]
    list_select_related = ["school", "risk_factor", "roadmap__partnership"]
    readonly_fields = ["roadmap"]

    def has_add_permission(self, request):
        return False


@admin.register(Activity)
class ActivityAdmin(HistoryAdmin):
    list_display = ["title", "stage", "form", "responsible_school", "due_on", "state"]
    list_filter = ["state", "form", "stage__kind", "responsible_school"]
    search_fields = ["title", "result", "responsible_person", "stage__roadmap__partnership__title"]
    autocomplete_fields = ["responsible_school", "participants", "problem"]
    list_select_related = ["stage__roadmap__partnership", "responsible_school"]
    readonly_fields = ["stage", "evidence", "evidence_name", "updated_at"]
    exclude = ["evidence_file"]
    date_hierarchy = "due_on"

    @admin.display(description=_("evidence file"))
    def evidence(self, obj):
        return private_file_link(obj.evidence_file, "network:activity_evidence")

    def has_add_permission(self, request):
        return False


@admin.register(StageComment)
class StageCommentAdmin(admin.ModelAdmin):
    list_display = ["stage", "action", "author", "created_at"]
    list_filter = ["action"]
    search_fields = ["text", "stage__roadmap__partnership__title"]
    list_select_related = ["stage__roadmap__partnership", "author"]
    readonly_fields = ["stage", "author", "action", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(MethodicalAssociation)
class MethodicalAssociationAdmin(HistoryAdmin):
    list_display = ["name", "leader", "partnership"]
    list_filter = ["subjects"]
    search_fields = ["name", "leader__last_name", "members__last_name"]
    autocomplete_fields = ["leader", "members", "partnership"]
    filter_horizontal = ["subjects"]
    list_select_related = ["leader__school", "partnership"]


@admin.register(Mentorship)
class MentorshipAdmin(HistoryAdmin):
    list_display = ["mentor", "mentee", "kind", "state", "starts_on", "ends_on"]
    list_filter = ["kind", "state"]
    search_fields = ["mentor__last_name", "mentee__last_name", "goal"]
    autocomplete_fields = ["mentor", "mentee", "partnership"]
    list_select_related = ["mentor__school", "mentee__school"]
    date_hierarchy = "starts_on"
