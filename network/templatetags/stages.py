"""The stage's state as a badge, written in Python: the roadmap and the overview repeat it
per stage and per row, where an include costs more than the badge."""

from django import template
from django.utils.html import format_html

register = template.Library()

STYLES = {
    "open": "text-bg-primary",
    "submitted": "text-bg-warning",
    "returned": "text-bg-danger",
    "accepted": "text-bg-success",
}


@register.simple_tag
def stage_badge(state, label):
    return format_html(
        '<span class="badge {}">{}</span>', STYLES.get(state, "text-bg-secondary"), label
    )
