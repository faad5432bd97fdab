from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin, PrivateFilesMixin, ServiceActionsMixin
from practices.models import Post, PostComment, Practice, PracticeFile, PracticeReview
from practices.search import practice_index
from practices.services import bank as services


class PracticeFileInline(PrivateFilesMixin, admin.TabularInline):
    model = PracticeFile
    extra = 0
    fields = ["name", "file", "added_at"]
    readonly_fields = ["added_at"]
    private_files = {"file": "practices:file"}


class PracticeReviewInline(admin.TabularInline):
    model = PracticeReview
    extra = 0
    fields = ["created_at", "author", "action", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Practice)
class PracticeAdmin(ServiceActionsMixin, HistoryAdmin):
    list_display = ["title", "kind", "school", "state", "useful_count", "download_count"]
    list_filter = ["state", "kind", "subjects", "risk_factor"]
    search_fields = ["title", "description", "school__short_name"]
    list_select_related = ["school"]
    autocomplete_fields = ["school", "authors"]
    filter_horizontal = ["subjects"]
    # The state moves only through the review (the actions below and the portal).
    readonly_fields = [
        "state",
        "submitted_by",
        "submitted_at",
        "published_at",
        "download_count",
        "useful_count",
        "event",
        "activity",
        "plan_item",
    ]
    exclude = ["search_text", "search_vector"]
    inlines = [PracticeFileInline, PracticeReviewInline]
    actions = ["publish"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search columns follow what the admin changed (subjects and authors too).
        practice_index(form.instance)

    @admin.action(description=_("Publish the selected submitted practices"))
    def publish(self, request, queryset):
        self.apply_service(request, queryset, services.practice_publish, argument="practice")


class PostCommentInline(admin.TabularInline):
    model = PostComment
    extra = 0
    fields = ["created_at", "author", "text", "hidden"]
    readonly_fields = ["created_at", "author"]


@admin.register(Post)
class PostAdmin(PrivateFilesMixin, HistoryAdmin):
    list_display = ["__str__", "association", "author", "created_at", "hidden"]
    list_filter = ["hidden", "association"]
    search_fields = ["text"]
    list_select_related = ["association", "author"]
    readonly_fields = ["author", "created_at"]
    private_files = {"file": "practices:post_file"}
    inlines = [PostCommentInline]
