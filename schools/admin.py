from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from import_export.admin import ImportExportModelAdmin
from import_export.results import RowResult

from accounts.models import ImportRecord
from accounts.services import import_record
from core.admin import AccusativeTitlesMixin, HistoryAdmin
from core.admin_formats import FORMATS, XLSX
from core.admin_rows import keep_rows
from core.dates import current_academic_year
from core.spreadsheets import SpreadsheetTooLarge
from schools.imports.columns import SCHOOLS, TEACHERS
from schools.models import CategoryRecord, PartnerOrganisation, School, Subject, Teacher
from schools.resources import SchoolResource, TeacherResource
from schools.services import school_refresh_category, school_set_category


class SpreadsheetAdmin(ImportExportModelAdmin):
    """Import in XLSX, CSV, XLS and ODS, the formats offices save; export in XLSX and CSV.

    Each confirmed import writes one ``ImportRecord`` (the preview writes nothing).
    """

    formats = FORMATS
    import_kind = None
    # The portal's import page that replaces django-import-export's (schools, teachers).
    portal_import = None

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # django-import-export writes native values (dates as dates) only for its own
        # binary format classes; the portal's XLSX is a subclass of one.
        request.spreadsheet_native = isinstance(file_format, XLSX)
        return super().get_export_data(file_format, request, queryset, **kwargs)

    def get_data_for_export(self, request, queryset, **kwargs):
        if getattr(request, "spreadsheet_native", False):
            kwargs["force_native_type"] = True
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        dataset.title = str(self.model._meta.verbose_name_plural).capitalize()
        return dataset

    def import_action(self, request, **kwargs):
        if self.portal_import:
            return redirect("schools:import", kind=self.portal_import)
        return super().import_action(request, **kwargs)

    def process_dataset(self, dataset, form, request, **kwargs):
        file_name = kwargs.get("file_name") or form.cleaned_data.get("original_file_name")
        result = super().process_dataset(dataset, form, request, **kwargs)
        totals = result.totals
        import_record(
            kind=self.import_kind,
            file_name=file_name or "",
            by=request.user,
            created=totals[RowResult.IMPORT_TYPE_NEW],
            updated=totals[RowResult.IMPORT_TYPE_UPDATE],
            skipped=totals[RowResult.IMPORT_TYPE_SKIP],
            errors=totals[RowResult.IMPORT_TYPE_ERROR] + totals[RowResult.IMPORT_TYPE_INVALID],
        )
        return result

    def add_data_read_fail_error_to_form(self, form, e):
        # core.spreadsheets' formats wrap a refusal in ValueError for django-import-export.
        if isinstance(e.__cause__, SpreadsheetTooLarge):
            form.add_error("import_file", str(e.__cause__))
            return
        form.add_error(
            "import_file",
            _(
                "The file could not be read as a spreadsheet of the chosen format. "
                "Save it as XLSX, XLS, ODS or CSV and choose that format."
            ),
        )


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


class CategoryRecordInline(admin.TabularInline):
    model = CategoryRecord
    extra = 0


@admin.register(School)
class SchoolAdmin(AccusativeTitlesMixin, SpreadsheetAdmin, HistoryAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "school")
    resource_classes = [SchoolResource]
    import_kind = ImportRecord.Kind.SCHOOLS
    portal_import = SCHOOLS
    list_display = ["short_name", "settlement", "locality", "category", "director_name"]
    list_filter = ["category", "locality", "settlement"]
    search_fields = ["short_name", "full_name", "settlement", "director_name"]
    inlines = [CategoryRecordInline]
    list_per_page = 50

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        school = form.instance
        if "category" in form.changed_data:
            school_set_category(
                school=school, year=current_academic_year(), category=school.category
            )
        else:
            school_refresh_category(school=school)


@admin.register(Teacher)
class TeacherAdmin(AccusativeTitlesMixin, SpreadsheetAdmin, HistoryAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "teacher")
    resource_classes = [TeacherResource]
    import_kind = ImportRecord.Kind.TEACHERS
    portal_import = TEACHERS
    list_display = [
        "last_name",
        "first_name",
        "patronymic",
        "school",
        "position",
        "qualification",
        "uses_online_platforms",
    ]
    kept_rows = keep_rows("admin-teachers", Teacher, School)
    list_filter = [
        "school__category",
        "qualification",
        "teaches_grade_9",
        "teaches_grade_11",
        "uses_online_platforms",
        "subjects",
    ]
    search_fields = [
        "last_name",
        "first_name",
        "patronymic",
        "school__short_name",
        "email",
        "personnel_number",
    ]
    autocomplete_fields = ["school", "user"]
    filter_horizontal = ["subjects"]
    list_select_related = ["school"]
    list_per_page = 50


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(AccusativeTitlesMixin, SpreadsheetAdmin):
    verbose_name_accusative = pgettext_lazy("accusative", "partner organisation")
    import_kind = ImportRecord.Kind.PARTNER_ORGANISATIONS
    list_display = ["name", "kind", "settlement", "contact_person"]
    list_filter = ["kind"]
    search_fields = ["name", "settlement", "contact_person"]
