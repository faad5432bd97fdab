"""Indicator values as a Russian reader writes them: «7», not «7,00»."""

from django import template

from core.formats import decimal_comma

register = template.Library()


@register.filter
def number(value):
    """A comma for the point and no trailing zeros; «—» for no value."""
    if isinstance(value, float):
        return decimal_comma(value, places=2)
    return decimal_comma(value)
