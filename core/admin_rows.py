"""An admin changelist's table of rows, kept as HTML until a model it shows changes.

Django renders each cell of a changelist through ``items_for_result`` (a field lookup, a
display formatter and ``format_html`` per cell): most of a 50-row page's time. The table
is kept with the number of its rows under the area that the admin names in
``kept_rows``: the area's models are the changelist's model and every model whose fields
its columns show, connected with ``bump_on_change``. While it is kept, the page's rows
are not read at all (the page's count and pagination still are): the changelist's
``result_list`` is a ``KeptRowList``, whose length is the kept one.

The table holds no CSRF token (the actions form's token is outside it) and no part that
depends on the user beyond the columns and the rights the key holds.
"""

from django.contrib.admin.templatetags.admin_list import result_list
from django.template.loader import render_to_string, select_template
from django.utils.safestring import mark_safe

from core.figures_cache import bump_on_change, cached_figures
from core.kept_html import part_key


class KeptRows:
    """Rendered on first use in the template; ``admin/change_list.html`` shows it in place
    of ``{% result_list cl %}``."""

    do_not_call_in_templates = True

    def __init__(self, request, area, model_admin, cl):
        self.request, self.area, self.model_admin, self.cl = request, area, model_admin, cl
        self.rows = cl.result_list
        self._kept = None

    def _scope(self):
        admin, request = self.model_admin, self.request
        rights = [
            admin.has_view_permission(request),
            admin.has_change_permission(request),
            sorted(admin.get_actions(request)),
        ]
        return f"{self.cl.opts.label}:{list(self.cl.list_display)}:{rights}"

    def _render(self):
        opts = self.cl.opts
        template = select_template(
            [
                f"admin/{opts.app_label}/{opts.model_name}/change_list_results.html",
                f"admin/{opts.app_label}/change_list_results.html",
                "admin/change_list_results.html",
            ]
        )
        html = render_to_string(template.template.name, result_list(self.cl), self.request)
        return {"html": html, "count": len(self.rows)}

    @property
    def kept(self):
        if self._kept is None:
            key = part_key(self.request, "admin-table", self._scope())
            self._kept = cached_figures(self.area, key, self._render)
        return self._kept

    def __len__(self):
        return self.kept["count"]

    def __bool__(self):  # an empty page's table is kept too
        return True

    def __html__(self):
        return mark_safe(self.kept["html"])

    def __str__(self):
        return self.__html__()


class KeptRowList:
    """A changelist's ``result_list`` while its table is kept: Django asks it only for its
    length (the actions' «0 of 50 selected»), which the kept table knows; anything that
    goes through its rows reads them."""

    def __init__(self, table):
        self.table = table

    def __len__(self):
        return len(self.table)

    def __iter__(self):
        return iter(self.table.rows)

    def __getitem__(self, index):
        return self.table.rows[index]


def keep_rows(area, *models):
    """The ``kept_rows`` of an admin whose columns show ``models``' fields: their saves,
    deletes and bulk writes (``rows_written``) make the rows rendered again."""
    bump_on_change(area, *models)
    return area
