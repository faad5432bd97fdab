import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from schools.models import School


def _settlements():
    names = School.objects.order_by("settlement").values_list("settlement", flat=True).distinct()
    return [(name, name) for name in names]


class SchoolFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    category = django_filters.ChoiceFilter(
        choices=School.Category.choices, label=_("Category"), empty_label=_("All categories")
    )
    settlement = django_filters.ChoiceFilter(
        label=_("Settlement"), widget=forms.Select, empty_label=_("All settlements")
    )
    locality = django_filters.ChoiceFilter(
        choices=School.Locality.choices, label=_("Locality"), empty_label=_("Urban and rural")
    )

    class Meta:
        model = School
        fields = ["q", "category", "settlement", "locality"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["settlement"].extra["choices"] = _settlements()

    def search(self, queryset, name, value):
        return queryset.search(value)
