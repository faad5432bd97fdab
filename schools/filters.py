import django_filters
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.found import FoundChoiceFilter
from schools.models import School


def school_search(queryset, text):
    return queryset.search(text)


def school_filter(**kwargs):
    """A filter on one school, typed with suggestions: a region's schools in a select
    would weigh a page by a hundred kilobytes."""
    return FoundChoiceFilter(
        label=_("School"),
        queryset=School.objects.order_by("sort_name"),
        search=school_search,
        url=reverse_lazy("schools:suggest"),
        placeholder=_("Any school"),
        **kwargs,
    )


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


class SchoolNameFilter(django_filters.CharFilter):
    """A school found by words of its name rather than picked from a list of every school
    of the region; a number (as links carry) is the school's id."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        if value.isdigit() and len(value) < 19:  # a bigger number fits no id
            return qs.filter(**{self.field_name: int(value)})
        schools = School.objects.search(value).values("pk")
        return qs.filter(**{f"{self.field_name}__in": schools})
