"""Admin helpers that every app's admin classes share."""

import dataclasses
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.paginator import Paginator
from django.db import connections
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from core.admin_rows import KeptRowList, KeptRows
from core.errors import DomainError
from core.history import change_rows, display_value, field_label

# django-import-export's summary after an import, reworded in our catalogue so that it reads
# without a case error («новых — 2, обновлено — 0»); named here so makemessages keeps it.
IMPORT_SUMMARY = gettext_noop("Import finished: {} new, {} updated, {} deleted and {} skipped {}.")


class ReadOnlyMixin:
    """An admin to find rows by and read them; the portal's services write them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AccusativeTitlesMixin:
    """Titles in the right case: Django's admin puts the model's name, in the nominative,
    into «Выберите %s для изменения» and «Добавить %s», which reads «Выберите школа».

    A model admin names its model in the accusative in ``verbose_name_accusative``
    (only where it differs: «школу», «учителя»).
    """

    verbose_name_accusative = ""

    def _titles(self, request, template):
        if not self.verbose_name_accusative:
            return {}
        name = self.verbose_name_accusative
        return {"title": template % name, "verbose_name_accusative": name}

    def changelist_view(self, request, extra_context=None):
        template = (
            _("Select %s to change")
            if self.has_change_permission(request)
            else _("Select %s to view")
        )
        extra = {**self._titles(request, template), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)

    def add_view(self, request, form_url="", extra_context=None):
        extra = {**self._titles(request, _("Add %s")), **(extra_context or {})}
        return super().add_view(request, form_url, extra_context=extra)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        template = _("Change %s") if self.has_change_permission(request) else _("View %s")
        extra = {**self._titles(request, template), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context=extra)


class ServiceActionsMixin:
    """Admin actions that run a service on each selected object, one by one.

    An object the service refuses is reported with its reason; the others go on.
    """

    def apply_service(self, request, queryset, service, *, argument):
        done = 0
        for obj in queryset:
            try:
                service(**{argument: obj}, by=request.user)
                done += 1
            except DomainError as error:
                self.message_user(request, f"{obj}: {error}", messages.WARNING)
        self.message_user(
            request,
            ngettext("Done for %(n)s object.", "Done for %(n)s objects.", done) % {"n": done},
            messages.SUCCESS,
        )
        return done


class _PrivateLink:
    """What the file widget's template shows: the file's name, linked to a view."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


def private_file_link(field_file, url_name):
    """A link to the permission-checked view of a private file, or "—" for none."""
    if not field_file:
        return "—"
    url = reverse(url_name, args=[field_file.instance.pk])
    return format_html('<a href="{}">{}</a>', url, Path(field_file.name).name)


class PrivateFileInput(forms.ClearableFileInput):
    """A file input for private storage: links the current file to the view that serves it.

    Private files have no URL (core.storage), which the stock widget asks for.
    """

    def __init__(self, *, url_name, attrs=None):
        super().__init__(attrs)
        self.url_name = url_name

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None) and getattr(value, "instance", None))

    def format_value(self, value):
        if self.is_initial(value):
            return _PrivateLink(
                Path(value.name).name, reverse(self.url_name, args=[value.instance.pk])
            )
        return None


class PrivateFilesMixin:
    """Admin of a model with private files: `private_files = {"field": "app:url-name"}`."""

    private_files: dict = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.private_files:
            kwargs["widget"] = PrivateFileInput(url_name=self.private_files[db_field.name])
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class _ReadableChanges(HistoricalRecordContextHelper):
    """A change as a methodologist reads it: the field's Russian name, labels, «3» for 3.00."""

    def format_delta_change(self, change):
        model_field = self.model._meta.get_field(change.field)
        return dataclasses.replace(
            change,
            field=field_label(self.model, change.field),
            old=display_value(model_field, change.old),
            new=display_value(model_field, change.new),
        )


# Past this many rows an unfiltered changelist shows PostgreSQL's estimate of its size.
EXACT_COUNT_UP_TO = 10_000


class EstimatedCountPaginator(Paginator):
    """The admin's paginator without a full ``COUNT(*)`` of a large table.

    An unfiltered list of a table that PostgreSQL's statistics put past
    ``EXACT_COUNT_UP_TO`` rows takes the statistics' estimate (pages past the real end
    answer with the last one); anything else is counted exactly.
    """

    @cached_property
    def count(self):
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is not None and not query.where:
            connection = connections[queryset.db]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                        [queryset.model._meta.db_table],
                    )
                    row = cursor.fetchone()
                if row and row[0] > EXACT_COUNT_UP_TO:
                    return int(row[0])
        return super().count


class CheapChangelistMixin:
    """A changelist that stays quick on a region's tables.

    It counts cheaply (no second count of the whole table, an estimate for an unfiltered
    large one) and writes each row's checkbox directly: Django renders it through the
    form renderer's templates, which took a third of a 50-row page's time.
    """

    paginator = EstimatedCountPaginator
    show_full_result_count = False
    # The area whose version keeps the rendered rows (core.admin_rows); None: not kept.
    kept_rows = None

    def get_changelist_instance(self, request):
        cl = super().get_changelist_instance(request)
        if self.kept_rows and request.method == "GET" and not cl.list_editable:
            cl.kept_table = KeptRows(request, self.kept_rows, self, cl)
            cl.result_list = KeptRowList(cl.kept_table)
        return cl

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        table = getattr(context.get("cl"), "kept_table", None)
        if table is not None:
            context["kept_results"] = table
        return response

    def action_checkbox(self, obj):
        # The markup of Django's CheckboxInput for the same attributes.
        label = format_html(_("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )


class HistoryAdmin(CheapChangelistMixin, SimpleHistoryAdmin):
    """simple-history's admin with readable changes (the template has no inline style),
    and a cheap changelist."""

    def get_historical_record_context_helper(self, request, historical_record):
        return _ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        super().set_history_delta_changes(request, historical_records, **kwargs)
        # The creation shows the values it set, as the portal's history does.
        for record in historical_records:
            if record.history_type == "+" and not getattr(record, "history_delta_changes", None):
                record.history_delta_changes = [
                    {"field": row.field, "old": row.old, "new": row.new}
                    for row in change_rows(record, None)
                ]
