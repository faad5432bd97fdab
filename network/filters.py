import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.found import FoundFiltersMixin
from network.models import Mentorship, Partnership, Stage
from schools.filters import school_filter

COMPLETED = "completed"


class PartnershipFilter(FoundFiltersMixin, django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(
        label=_("Current stage"),
        choices=[*Stage.Kind.choices, (COMPLETED, _("All stages accepted"))],
        method="filter_stage",
        empty_label=_("Any stage"),
    )
    school = school_filter(method="filter_school")
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
