"""Admin of development plans, plan templates and diagnostic questionnaires."""

from django.contrib import admin
from django.db.models import Count, Max, Min
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.admin import (
    AccusativeTitlesMixin,
    HistoryAdmin,
    ReadOnlyMixin,
    ServiceActionsMixin,
    private_file_link,
)
from core.admin_rows import keep_rows
from core.dates import academic_year_label
from development.models.plans import (
    DevelopmentPlan,
    PlanComment,
    PlanItem,
    PlanTemplate,
    PlanTemplateItem,
)
from development.models.questionnaires import (
    Answer,
    Difficulty,
    Questionnaire,
    Response,
    Section,
)
from development.services.questionnaires import questionnaire_close, questionnaire_open
from schools.models import School, Teacher


class PlanTemplateItemInline(admin.TabularInline):
    model = PlanTemplateItem
    extra = 1


@admin.register(PlanTemplate)
class PlanTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "theme"]
    inlines = [PlanTemplateItemInline]


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    fields = [
        "kind",
        "title",
        "due_date",
        "status",
        "completion",
        "event",
        "certificate",
        "evidence",
    ]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("evidence file"))
    def evidence(self, obj):
        return private_file_link(obj.evidence_file, "development:plan_evidence")


class PlanCommentInline(admin.TabularInline):
    model = PlanComment
    extra = 0
    fields = ["created_at", "author", "status", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PlanYearFilter(admin.SimpleListFilter):
    """The plans' academic years from the first to the last, which an index gives at once;
    Django's filter of the field read the years of every plan of the region."""

    title = DevelopmentPlan._meta.get_field("year").verbose_name
    parameter_name = "year"

    def lookups(self, request, model_admin):
        span = DevelopmentPlan.objects.aggregate(first=Min("year"), last=Max("year"))
        if span["first"] is None:
            return []
        years = range(span["last"], span["first"] - 1, -1)
        return [(str(year), academic_year_label(year)) for year in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(year=int(value))
        return queryset


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(HistoryAdmin):
    """Read-only here: plans change through the portal, where the rules of their states hold."""

    list_display = ["teacher", "school", "year", "status", "approved_at"]
    kept_rows = keep_rows("admin-development-plans", DevelopmentPlan, Teacher, School)
    list_filter = ["status", PlanYearFilter, "teacher__school__category"]
    search_fields = ["teacher__last_name", "teacher__first_name", "teacher__school__short_name"]
    list_select_related = ["teacher__school"]
    # Newest first, as an index holds them: the model's order by teacher's name joins and
    # sorted every plan of the region for each page (the column headers still sort by name).
    ordering = ["-year", "-pk"]
    list_per_page = 50
    inlines = [PlanItemInline, PlanCommentInline]

    @admin.display(description=_("school"), ordering="teacher__school__sort_name")
    def school(self, obj):
        return obj.teacher.school

    def has_change_permission(self, request, obj=None):
        return False


class SectionInline(admin.TabularInline):
    model = Section
    extra = 1
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(AccusativeTitlesMixin, ServiceActionsMixin, admin.ModelAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "diagnostic questionnaire")
    list_display = ["title", "year", "audience", "scale", "status", "response_count"]
    list_filter = ["status", "year", "audience"]
    search_fields = ["title"]
    readonly_fields = ["status", "opened_at", "closed_at", "created_by"]
    inlines = [SectionInline]
    actions = ["open_questionnaires", "close_questionnaires"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(responses_total=Count("responses"))

    @admin.display(description=_("responses"), ordering="responses_total")
    def response_count(self, obj):
        return obj.responses_total

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Open the selected questionnaires for answers"))
    def open_questionnaires(self, request, queryset):
        self.apply_service(request, queryset, questionnaire_open, argument="questionnaire")

    @admin.action(description=_("Close the selected questionnaires"))
    def close_questionnaires(self, request, queryset):
        self.apply_service(request, queryset, questionnaire_close, argument="questionnaire")


class DifficultyInline(admin.TabularInline):
    model = Difficulty
    extra = 3


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "questionnaire", "order"]
    list_filter = ["questionnaire"]
    inlines = [DifficultyInline]


@admin.register(Response)
class ResponseAdmin(HistoryAdmin):
    list_display = ["teacher", "school", "questionnaire", "submitted_at"]
    list_filter = ["questionnaire", "school__category"]
    search_fields = ["teacher__last_name", "school__short_name"]
    list_select_related = ["teacher__school", "school", "questionnaire"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyHistoryAdmin(ReadOnlyMixin, HistoryAdmin):
    """A list to find a row by and its history to read; the portal makes the changes."""


@admin.register(PlanItem)
class PlanItemAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "plan", "kind", "due_date", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "plan__teacher__last_name"]
    list_select_related = ["plan__teacher"]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyHistoryAdmin):
    list_display = ["response", "difficulty", "value"]
    list_filter = ["response__questionnaire"]
    search_fields = ["response__teacher__last_name"]
    list_select_related = ["response__teacher", "response__questionnaire", "difficulty"]
