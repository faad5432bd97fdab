"""An admin changelist's table of rows, kept as HTML until a model it shows changes.

Django renders each cell of a changelist through ``items_for_result`` (a field lookup, a
display formatter and ``format_html`` per cell): most of a 50-row page's time. The rows
themselves are still read on every request (the page's count and pagination need them),
so only the rendering is kept, under the area that the admin names in ``kept_rows``:
the area's models are the changelist's model and every model whose fields its columns
show, connected with ``bump_on_change``.

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
        self._html = None

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
        return render_to_string(template.template.name, result_list(self.cl), self.request)

    def __html__(self):
        if self._html is None:
            key = part_key(self.request, "admin-rows", self._scope())
            self._html = mark_safe(cached_figures(self.area, key, self._render))
        return self._html

    def __str__(self):
        return self.__html__()


def keep_rows(area, *models):
    """The ``kept_rows`` of an admin whose columns show ``models``' fields: their saves,
    deletes and bulk writes (``rows_written``) make the rows rendered again."""
    bump_on_change(area, *models)
    return area
