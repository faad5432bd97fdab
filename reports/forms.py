from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import text_limits
from core.found import FoundChoiceField
from events.models import Event
from monitoring.models import Period
from network.models import Partnership
from reports.kinds.base import KINDS
from reports.kinds.municipal import CONCLUSION_MAX
from reports.models import Report
from reports.rules import kinds_for
from schools.models import School
from schools.selectors import school_id_of


def _named(field):
    return lambda queryset, text: queryset.filter(**{f"{field}__icontains": text})


# How each choosable object is found by what is typed.
SEARCHES = {
    "school": lambda queryset, text: queryset.search(text),
    "partnership": _named("title"),
    "event": _named("title"),
}


def choosable(user) -> dict:
    """What the user may order a report about: {field: queryset}."""
    schools = School.objects.order_by("sort_name", "pk")
    events = Event.objects.exclude(status=Event.Status.DRAFT).order_by("-starts_at", "pk")
    if not user.has_perm("reports.order_any_report"):
        schools = schools.filter(pk=school_id_of(user))
        events = events.none()
    return {
        "school": schools,
        "partnership": Partnership.objects.visible_to(user).order_by("title", "pk"),
        "event": events,
    }


@text_limits
class ReportOrderForm(forms.Form):
    """One form for every kind; the fields a kind does not use are ignored."""

    kind = forms.ChoiceField(label=_("Kind of report"))
    period = forms.ModelChoiceField(
        label=_("Period"),
        queryset=Period.objects.order_by("-starts_on"),
        required=False,
        empty_label=_("the current one"),
    )
    school = FoundChoiceField(
        label=_("School"),
        queryset=School.objects.none(),
        search=SEARCHES["school"],
        url=reverse_lazy("reports:report_suggest", args=["school"]),
        required=False,
        help_text=_("Type a part of the name; the matching ones are offered."),
    )
    partnership = FoundChoiceField(
        label=_("Partnership"),
        queryset=Partnership.objects.none(),
        search=SEARCHES["partnership"],
        url=reverse_lazy("reports:report_suggest", args=["partnership"]),
        required=False,
    )
    event = FoundChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        search=SEARCHES["event"],
        url=reverse_lazy("reports:report_suggest", args=["event"]),
        required=False,
    )
    conclusion = forms.CharField(
        label=_("Conclusion (for the municipal report)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=CONCLUSION_MAX,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = kinds_for(user)
        kinds = [(k.value, k.label) for k in Report.Kind if k in KINDS and k in allowed]
        self.fields["kind"].choices = kinds
        for name, queryset in choosable(user).items():
            self.fields[name].queryset = queryset
        if not user.has_perm("reports.order_any_report"):
            for name in ("period", "event", "conclusion"):
                del self.fields[name]

    def params(self):
        """The parameters the chosen kind uses; the kind itself checks them."""
        data = self.cleaned_data
        kind = data["kind"]
        params = {}
        if kind == Report.Kind.SCHOOL and data.get("school"):
            params["school"] = data["school"].pk
            if data.get("period"):
                params["period"] = data["period"].pk
        if kind == Report.Kind.PARTNERSHIP and data.get("partnership"):
            params["partnership"] = data["partnership"].pk
        if kind == Report.Kind.EVENT and data.get("event"):
            params["event"] = data["event"].pk
        if kind == Report.Kind.MUNICIPAL:
            if data.get("period"):
                params["period"] = data["period"].pk
            if data.get("conclusion"):
                params["conclusion"] = data["conclusion"]
        return params
