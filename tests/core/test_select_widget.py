"""The project's select template writes Django's own markup, options in place."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer


class Choices(forms.Form):
    single = forms.ChoiceField(
        choices=[("", "—"), ("x", "Икс <b>"), ("Группа", [("1", "один"), ("2", "два")])],
        initial="2",
    )
    several = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["x", "y"])
    answer = forms.NullBooleanField()


def _collapsed(html):
    return re.sub(r">\s+<", "><", str(html))


def test_the_portal_renders_forms_with_its_own_templates():
    assert get_default_renderer().__class__.__name__ == "TemplatesSetting"


def test_each_select_is_djangos_markup():
    ours, djangos = Choices(), Choices(renderer=DjangoTemplates())
    for name in ("single", "several", "answer"):
        assert _collapsed(ours[name]) == _collapsed(djangos[name]), name
    assert '<option value="2" selected>два</option>' in str(ours["single"])
    assert "Икс &lt;b&gt;" in str(ours["single"])
