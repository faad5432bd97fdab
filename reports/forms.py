from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import text_limits
from events.models import Event
from monitoring.models import Period
from network.models import Partnership
from reports.kinds.base import KINDS
from reports.kinds.municipal import CONCLUSION_MAX
from reports.models import Report
from reports.rules import kinds_for
from schools.models import School
from schools.selectors import school_id_of


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
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False
    )
    partnership = forms.ModelChoiceField(
        label=_("Partnership"), queryset=Partnership.objects.none(), required=False
    )
    event = forms.ModelChoiceField(label=_("Event"), queryset=Event.objects.none(), required=False)
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
        schools = School.objects.order_by("sort_name")
        events = Event.objects.exclude(status=Event.Status.DRAFT).order_by("-starts_at")
        orders_any = user.has_perm("reports.order_any_report")
        if not orders_any:
            schools = schools.filter(pk=school_id_of(user))
            events = events.none()
        self.fields["kind"].choices = kinds
        self.fields["school"].queryset = schools
        self.fields["partnership"].queryset = Partnership.objects.visible_to(user).order_by("title")
        self.fields["event"].queryset = events
        if not orders_any:
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
