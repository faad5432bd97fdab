"""A school's support category as a badge, written in Python: the lists of schools repeat
it per row, where an include costs more than the badge."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def category_badge(category, label):
    return format_html('<span class="badge badge-category-{}">{}</span>', category, label)
