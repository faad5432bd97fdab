"""Filters of the plan lists and of the diagnostics results."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import academic_year_label, current_academic_year
from core.found import FoundFiltersMixin
from development.models.plans import DevelopmentPlan, PlanItem
from schools.filters import school_filter
from schools.models import School

NO_PLAN = "none"
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ScopedFilterSet(django_filters.FilterSet):
    """Leaves out the school and category filters for a user who sees one school only,
    so that those parameters are ignored for them."""

    def __init__(self, *args, all_schools=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not all_schools:
            for name in ("school", "category"):
                self.filters.pop(name, None)


class YearFilter(django_filters.Filter):
    """An academic year by the calendar year it starts in: it chooses, it filters nothing."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)

    def filter(self, qs, value):
        return qs


class AcademicYearFilterSet(ScopedFilterSet):
    year = YearFilter(label=_("Academic year"))

    @property
    def chosen_year(self) -> int:
        """The year asked for; the current one when none, or a bad one, is asked for."""
        self.form.is_valid()  # cleans the form: a bad year is left out of cleaned_data
        return getattr(self.form, "cleaned_data", {}).get("year") or current_academic_year()

    def year_choices(self):
        current = current_academic_year()
        years = sorted({current - 1, current, current + 1, self.chosen_year})
        return [(year, academic_year_label(year)) for year in years]


class TeacherPlanFilter(FoundFiltersMixin, AcademicYearFilterSet):
    """Teachers by school, surname and the state of their plan of the chosen year."""

    school = school_filter()
    status = django_filters.ChoiceFilter(
        label=_("Plan state"),
        choices=[(NO_PLAN, _("No plan yet")), *DevelopmentPlan.Status.choices],
        empty_label=_("Any"),
        method="filter_status",
    )
    overdue = django_filters.BooleanFilter(
        label=_("with overdue items"), widget=forms.CheckboxInput, method="filter_overdue"
    )
    q = django_filters.CharFilter(label=_("Teacher"), method="filter_search")

    def filter_status(self, queryset, name, value):
        year = self.chosen_year
        if value == NO_PLAN:
            return queryset.exclude(development_plans__year=year)
        return queryset.filter(development_plans__year=year, development_plans__status=value)

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            development_plans__year=self.chosen_year,
            development_plans__items__status=PlanItem.Status.PLANNED,
            development_plans__items__due_date__lt=timezone.localdate(),
        ).distinct()

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class SchoolCategoryFilter(ScopedFilterSet):
    """Schools by support category."""

    category = django_filters.ChoiceFilter(
        label=_("Support category"), choices=School.Category.choices
    )


class SchoolPlanFilter(AcademicYearFilterSet, SchoolCategoryFilter):
    """Schools by support category, with the year whose plans are counted."""
