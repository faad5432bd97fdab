"""A choice among many objects typed rather than picked: a field that finds the object by
the words of its name (or its id, as links carry), with suggestions drawn as one types.

A select of every school, partnership or event of a region would weigh hundreds of
kilobytes; this field renders one input and a list the browser fills from ``suggest_url``.
"""

import django_filters
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SUGGESTIONS = 15
CANDIDATES_SHOWN = 5


def _label(obj) -> str:
    return " ".join(str(obj).split())  # the non-breaking space after «№» as a space


class SuggestInput(forms.TextInput):
    """A search input with a datalist that static/js/suggest.js fills from ``url``."""

    input_type = "search"

    def __init__(self, *, url, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.url = url

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or name}-suggestions"
        attrs = {**(attrs or {}), "list": list_id, "data-suggest-url": str(self.url)}
        field = super().render(name, value, attrs, renderer)
        return format_html('{}<datalist id="{}"></datalist>', field, list_id)

    def format_value(self, value):
        if hasattr(value, "pk"):
            return _label(value)
        return super().format_value(value)


class FoundChoiceField(forms.Field):
    """One object of ``queryset`` found by ``search(queryset, text)``."""

    default_error_messages = {
        "none": gettext_lazy("Nothing is found for «%(text)s»."),
        "many": gettext_lazy("Several match «%(text)s»: %(names)s. Type more of the name."),
    }

    def __init__(self, *, queryset, search, url, **kwargs):
        kwargs.setdefault("widget", SuggestInput(url=url))
        super().__init__(**kwargs)
        self.queryset, self.search = queryset, search

    def prepare_value(self, value):
        """An id, as links carry it, is shown as the object's name."""
        text = str(value or "").strip()
        if text.isdigit() and len(text) < 19:
            found = self.queryset.filter(pk=int(text)).first()
            return _label(found) if found is not None else text
        return value

    def to_python(self, value):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if text.isdigit() and len(text) < 19:
            found = self.queryset.filter(pk=int(text)).first()
            if found is None:
                raise forms.ValidationError(self.error_messages["none"] % {"text": text})
            return found
        candidates = list(self.search(self.queryset, text)[:SUGGESTIONS])
        exact = [obj for obj in candidates if _label(obj).casefold() == text.casefold()]
        if len(exact) == 1 or len(candidates) == 1:
            return (exact or candidates)[0]
        if not candidates:
            raise forms.ValidationError(self.error_messages["none"] % {"text": text})
        names = ", ".join(f"«{_label(obj)}»" for obj in candidates[:CANDIDATES_SHOWN])
        if len(candidates) > CANDIDATES_SHOWN:
            names += " " + _("and others")
        raise forms.ValidationError(self.error_messages["many"] % {"text": text, "names": names})


def suggestions(queryset, search, text) -> list[str]:
    """The names a suggestion list shows for what is typed so far."""
    text = " ".join((text or "").split())[:100]
    if len(text) < 2:
        return []
    return [_label(obj) for obj in search(queryset, text)[:SUGGESTIONS]]


class FoundChoiceFilter(django_filters.Filter):
    """A list filter on one object typed rather than picked (``FoundChoiceField``); links
    that carry the object's id keep working."""

    field_class = FoundChoiceField

    def __init__(self, *, queryset, search, url, placeholder="", **kwargs):
        attrs = {"class": "form-control form-control-sm", "placeholder": placeholder}
        kwargs.setdefault("widget", SuggestInput(url=url, attrs=attrs))
        super().__init__(queryset=queryset, search=search, url=url, **kwargs)


class FoundFiltersMixin:
    """For a FilterSet with ``FoundChoiceFilter``s: a typed object that is not found
    matches nothing, where a plain invalid filter would be left out and match everything."""

    def filter_queryset(self, queryset):
        typed = [name for name, f in self.filters.items() if isinstance(f, FoundChoiceFilter)]
        if any(name in self.form.errors for name in typed):
            return queryset.none()
        return super().filter_queryset(queryset)
