from django.contrib import admin

from core.admin import HistoryAdmin
from programmes.models import (
    Curatorship,
    Measure,
    MeasureProgress,
    MonitoringRound,
    ProfileEntry,
    Programme,
    ProgrammeEntry,
    RiskAssessment,
    RiskProfile,
    RiskProgramme,
)
from programmes.selectors import curator_candidates
from programmes.services import curator_assign


@admin.register(Curatorship)
class CuratorshipAdmin(HistoryAdmin):
    list_display = ["school", "curator"]
    list_select_related = ["school", "curator"]
    list_filter = ["curator"]
    search_fields = ["school__short_name", "curator__last_name"]
    autocomplete_fields = ["school"]

    def get_readonly_fields(self, request, obj=None):
        # A curatorship moves to another curator, never to another school.
        return ["school"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "curator":
            kwargs["queryset"] = curator_candidates()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The portal's assignment: the same history and the same notice to the curator.
        saved = curator_assign(school=obj.school, curator=obj.curator, by=request.user)
        obj.pk = saved.pk


class AssessmentInline(admin.TabularInline):
    model = RiskAssessment
    extra = 0
    fields = ["risk_factor", "level", "applies", "justification"]
    readonly_fields = ["risk_factor"]
    can_delete = False


class ProfileEntryInline(admin.TabularInline):
    model = ProfileEntry
    extra = 0
    fields = ["created_at", "author", "action", "text"]
    readonly_fields = fields
    can_delete = False


@admin.register(RiskProfile)
class RiskProfileAdmin(HistoryAdmin):
    list_display = ["school", "year", "state", "submitted_at", "accepted_at"]
    list_filter = ["state", "year"]
    list_select_related = ["school"]
    search_fields = ["school__short_name"]
    # The state moves only through the review (programmes.services), never by hand.
    readonly_fields = ["school", "year", "state", "submitted_at", "accepted_at"]
    inlines = [AssessmentInline, ProfileEntryInline]


class RiskProgrammeInline(admin.StackedInline):
    model = RiskProgramme
    extra = 0
    fields = ["assessment", "goal", "tasks"]
    readonly_fields = ["assessment"]
    can_delete = False


class ProgrammeEntryInline(admin.TabularInline):
    model = ProgrammeEntry
    extra = 0
    fields = ["created_at", "author", "action", "text"]
    readonly_fields = fields
    can_delete = False


@admin.register(Programme)
class ProgrammeAdmin(HistoryAdmin):
    list_display = ["profile", "state", "submitted_at", "accepted_at"]
    list_filter = ["state", "profile__year"]
    list_select_related = ["profile__school"]
    search_fields = ["profile__school__short_name"]
    readonly_fields = ["profile", "state", "submitted_at", "accepted_at"]
    inlines = [RiskProgrammeInline, ProgrammeEntryInline]


@admin.register(Measure)
class MeasureAdmin(HistoryAdmin):
    list_display = ["title", "risk", "module", "due_on", "state"]
    list_filter = ["state", "module"]
    list_select_related = ["risk__assessment__risk_factor"]
    search_fields = ["title", "risk__programme__profile__school__short_name"]
    raw_id_fields = ["risk", "activity", "event", "mentorship"]
    filter_horizontal = ["plan_items"]


class ProgressInline(admin.TabularInline):
    model = MeasureProgress
    extra = 0
    raw_id_fields = ["measure"]


@admin.register(MonitoringRound)
class MonitoringRoundAdmin(HistoryAdmin):
    list_display = ["programme", "stage", "entered_at", "entered_by"]
    list_filter = ["stage"]
    list_select_related = ["programme__profile__school", "entered_by"]
    raw_id_fields = ["programme", "entered_by"]
    inlines = [ProgressInline]
