"""A plan's state and progress, written in Python: the plan lists repeat them per row,
where an include costs more than what it writes."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

STATUS_STYLES = {
    "approved": "text-bg-primary",
    "completed": "text-bg-success",
    "submitted": "text-bg-warning",
    "returned": "text-bg-danger",
}


@register.simple_tag
def plan_status(plan):
    style = STATUS_STYLES.get(plan.status, "text-bg-secondary")
    return format_html('<span class="badge {}">{}</span>', style, plan.get_status_display())


@register.simple_tag
def plan_progress(plan):
    """Items done of the plan's (or a school's plans') items, as a bar and a count."""
    if not plan.item_count:
        return format_html('<span class="text-muted small">{}</span>', _("no items"))
    percent = round(plan.done_count / plan.item_count * 100)
    return format_html(
        '<div class="d-flex align-items-center gap-2">'
        '<div class="progress progress-thin flex-grow-1" role="progressbar" aria-label="{}" '
        'aria-valuenow="{}" aria-valuemin="0" aria-valuemax="100">'
        '<div class="progress-bar bg-success progress-{}"></div></div>'
        '<span class="small text-nowrap">{}/{}</span></div>',
        _("Progress"),
        percent,
        percent,
        plan.done_count,
        plan.item_count,
    )
