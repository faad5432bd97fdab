import django_filters
from django.utils.translation import gettext_lazy as _

from programmes.selectors import curator_candidates

WITHOUT = "none"


class CuratorshipFilter(django_filters.FilterSet):
    """The schools of the curators' page: by words of the name, and by curator (or none)."""

    q = django_filters.CharFilter(method="search", label=_("School"))
    curator = django_filters.ChoiceFilter(
        method="by_curator", label=_("Curator"), empty_label=_("Any curator")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["curator"].extra["choices"] = [
            (WITHOUT, _("No curator")),
            *((str(user.pk), str(user)) for user in curator_candidates()),
        ]

    def search(self, queryset, name, value):
        return queryset.search(value)

    def by_curator(self, queryset, name, value):
        if value == WITHOUT:
            return queryset.filter(curatorship__isnull=True)
        return queryset.filter(curatorship__curator_id=int(value))
