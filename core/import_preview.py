"""The admin import preview without inline styles, which the Content-Security-Policy refuses.

django-import-export draws each changed cell with diff-match-patch's prettyHtml, which
writes style= on every <ins> and <del>; its own import.css already colours them.
"""

from diff_match_patch import diff_match_patch
from django.utils.encoding import force_str
from django.utils.html import escape
from django.utils.safestring import mark_safe
from import_export.resources import Diff

_TAGS = {diff_match_patch.DIFF_INSERT: "ins", diff_match_patch.DIFF_DELETE: "del"}


class StylelessDiff(Diff):
    def as_html(self):
        dmp = diff_match_patch()
        cells = []
        for before, after in zip(self.left, self.right, strict=False):
            if before != after and self.new:
                before = ""
            diff = dmp.diff_main(force_str(before), force_str(after))
            dmp.diff_cleanupSemantic(diff)
            cells.append(mark_safe("".join(_part(op, text) for op, text in diff if text)))
        return cells


def _part(op, text):
    tag = _TAGS.get(op, "span")
    return f"<{tag}>{escape(text).replace(chr(10), '&para;<br>')}</{tag}>"


class StylelessDiffMixin:
    """For a resource: preview the import in the admin without inline styles."""

    def get_diff_class(self):
        return StylelessDiff
