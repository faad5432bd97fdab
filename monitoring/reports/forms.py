from django import forms
from django.utils.translation import gettext_lazy as _

from monitoring.models import Report
from schools.models import School
from schools.selectors import school_id_of

from .kinds import KINDS

CONCLUSION_MAX = 5000


class ReportOrderForm(forms.Form):
    """One form for every kind; the fields a kind does not use are ignored."""

    kind = forms.ChoiceField(label=_("Kind of report"))
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.none(), required=False
    )
    conclusion = forms.CharField(
        label=_("Conclusion (for the municipal report)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=CONCLUSION_MAX,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [(k, label) for k, label in Report.Kind.choices if k in KINDS]
        schools = School.objects.order_by("short_name")
        if not user.is_municipal:
            kinds = [(k, label) for k, label in kinds if k == Report.Kind.SCHOOL]
            schools = schools.filter(pk=school_id_of(user))
        self.fields["kind"].choices = kinds
        self.fields["school"].queryset = schools

    def params(self):
        data = self.cleaned_data
        params = {}
        if data.get("school"):
            params["school"] = data["school"].pk
        if data["kind"] == Report.Kind.MUNICIPAL and data.get("conclusion"):
            params["conclusion"] = data["conclusion"]
        return params
