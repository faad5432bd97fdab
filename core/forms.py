"""Limits on what a visitor may type or put in an address, checked by forms, not the database.

Every free-text field of a portal form takes at most ``TEXT`` characters (a comment, a
description, a result, an answer, a reason), or ``LONG_TEXT`` for the few long texts (an
overall conclusion, an event's description, a contest application); the model fields are
TextFields without a limit, so the form is where it is set.
"""

from django import forms
from django.contrib import messages
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

TEXT = 5_000
LONG_TEXT = 20_000
# The largest value a 64-bit integer column (a primary key) holds.
MAX_ID = 2**63 - 1


class TextLengthValidator(MaxLengthValidator):
    message = _("At most %(limit_value)d characters (now %(show_value)d).")


def limit_text(field, limit=TEXT):
    """Give one character field a length limit, with the Russian message and the HTML attribute."""
    field.max_length = limit
    field.validators.append(TextLengthValidator(limit))
    field.widget.attrs["maxlength"] = str(limit)
    return field


def text_limits(form_class=None, *, long=()):
    """Decorate a form: every character field without a limit takes TEXT (``long``: LONG_TEXT)."""

    def decorate(cls):
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.CharField) and field.max_length is None:
                limit_text(field, LONG_TEXT if name in long else TEXT)
        return cls

    return decorate(form_class) if form_class is not None else decorate


def id_or_none(value):
    """A primary key from a query string, or None for anything that cannot be one."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def posted_text(request, form_class, name="text"):
    """The text a one-field form was posted with; None once the user is told why it is refused.

    An empty text is handed on as "", so that the service says in its own words what is missing.
    """
    form = form_class(request.POST)
    if form.is_valid():
        return form.cleaned_data[name]
    errors = form.errors.as_data().get(name, [])
    if all(error.code == "required" for error in errors):
        return ""
    for error in errors:
        messages.error(request, " ".join(error.messages))
    return None
