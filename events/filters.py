import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration
from schools.filters import SchoolNameFilter
from schools.models import School, Subject

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, label=_("Kind"))
    format = django_filters.ChoiceFilter(choices=Event.Format.choices, label=_("Format"))
    subject = django_filters.ModelChoiceFilter(
        field_name="subjects", queryset=Subject.objects.all(), label=_("Subject")
    )
    audience = django_filters.ChoiceFilter(choices=Event.Audience.choices, label=_("Audience"))
    host_school = SchoolNameFilter(field_name="host_school", label=_("Host school"))
    # Events that go on during the dates: a course that began the day before is there too.
    date_from = django_filters.DateFilter(
        field_name="ends_at", lookup_expr="date__gte", label=_("From"), widget=DATE
    )
    date_to = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__lte", label=_("To"), widget=DATE
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "format", "subject", "audience", "host_school"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self.form)


def style(form):
    """Give the filter widgets Bootstrap's classes."""
    for field in form.fields.values():
        is_select = isinstance(field.widget, forms.Select)
        field.widget.attrs.setdefault("class", "form-select" if is_select else "form-control")


class RegistrationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Teacher"))
    status = django_filters.ChoiceFilter(choices=Registration.Status.choices, label=_("State"))
    school = SchoolNameFilter(field_name="teacher__school", label=_("School"))
    category = django_filters.ChoiceFilter(
        field_name="teacher__school__category",
        choices=School.Category.choices,
        label=_("Support category"),
    )
    attended = django_filters.BooleanFilter(label=_("Attended"))

    class Meta:
        model = Registration
        fields = ["q", "status", "school", "category", "attended"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self.form)

    def search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(teacher__last_name__icontains=word)
        return queryset
