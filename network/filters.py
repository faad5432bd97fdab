import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network.models import Mentorship, Partnership, Stage
from schools.models import School

COMPLETED = "completed"


class PartnershipFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(
        label=_("Current stage"),
        choices=[*Stage.Kind.choices, (COMPLETED, _("All stages accepted"))],
        method="filter_stage",
        empty_label=_("Any stage"),
    )
    school = django_filters.ModelChoiceFilter(
        label=_("School"),
        queryset=School.objects.order_by("sort_name"),
        method="filter_school",
        empty_label=_("Any school"),
    )
    model = django_filters.ChoiceFilter(
        label=_("Interaction model"), choices=Partnership.Model.choices, empty_label=_("Any model")
    )

    class Meta:
        model = Partnership
        fields = ["stage", "school", "model"]

    def filter_stage(self, queryset, name, value):
        if value == COMPLETED:
            return queryset.filter(current_kind__isnull=True)
        return queryset.filter(current_kind=value)

    def filter_school(self, queryset, name, value):
        members = Partnership.objects.filter(Q(leader=value) | Q(schools=value)).values("pk")
        return queryset.filter(pk__in=members)


class MentorshipFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=Mentorship.State.choices, empty_label=_("Any state")
    )

    class Meta:
        model = Mentorship
        fields = ["state"]
