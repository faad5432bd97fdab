import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.found import FoundFiltersMixin
from network.models import Activity, RiskFactor
from practices.models import Practice
from practices.search import search
from schools.filters import school_filter
from schools.models import Subject


class PracticeFilter(FoundFiltersMixin, django_filters.FilterSet):
    """The bank's filters; ``q`` searches in Russian (see practices/search.py)."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    subject = django_filters.ModelChoiceFilter(
        label=_("Subject"),
        queryset=Subject.objects.all(),
        method="filter_subject",
        empty_label=_("Any subject"),
    )
    grade = django_filters.ChoiceFilter(
        label=_("Class"),
        choices=Practice.GRADES,
        method="filter_grade",
        empty_label=_("Any class"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Practice.Kind.choices, empty_label=_("Any kind")
    )
    risk_factor = django_filters.ModelChoiceFilter(
        label=_("Risk factor"), queryset=RiskFactor.objects.all(), empty_label=_("Any risk factor")
    )
    school = school_filter()
    form = django_filters.ChoiceFilter(
        label=_("Form of interaction"), choices=Activity.Form.choices, empty_label=_("Any form")
    )

    class Meta:
        model = Practice
        fields = ["q", "subject", "grade", "kind", "risk_factor", "school", "form"]

    def filter_q(self, queryset, name, value):
        return search(queryset, value)

    def filter_subject(self, queryset, name, value):
        tagged = Practice.subjects.through.objects.filter(subject=value).values("practice")
        return queryset.filter(pk__in=tagged)

    def filter_grade(self, queryset, name, value):
        value = int(value)
        return queryset.filter(
            Q(grade_from__isnull=True) | Q(grade_from__lte=value),
            Q(grade_to__isnull=True) | Q(grade_to__gte=value),
        ).exclude(grade_from__isnull=True, grade_to__isnull=True)
