from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import text_limits
from core.uploads import validate_upload
from network.errors import NetworkError
from network.models import Activity, Partnership, Problem
from network.services.partnerships import default_title, partnership_check
from schools.models import School, Teacher
from schools.selectors import school_id_of

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@text_limits
class PartnershipForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = [
            "title",
            "leader",
            "schools",
            "partners",
            "model",
            "goal",
            "agreement_number",
            "agreement_date",
            "agreement_file",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "agreement_date": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "goal": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "title": _("Leave empty to name it after its schools."),
            "leader": _("A school of the «leader school» category."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["leader"].queryset = School.objects.order_by("sort_name")

    def clean_agreement_file(self):
        upload = self.cleaned_data.get("agreement_file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_upload(upload)
        return upload

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            partnership_check(
                leader=data.get("leader"),
                schools=data.get("schools") or [],
                starts_on=data.get("starts_on"),
                ends_on=data.get("ends_on"),
            )
        except NetworkError as error:
            raise forms.ValidationError(str(error)) from error
        if not data.get("title"):
            data["title"] = default_title(data["leader"], data["schools"])
        return data


def _member_schools(partnership):
    return School.objects.filter(pk__in=partnership.member_school_ids()).order_by("sort_name")


def _own_school_only(field, user, partnership):
    """A director writes for their own school; a methodologist for any member school."""
    field.queryset = _member_schools(partnership)
    if not user.has_perm("network.write_for_any_school", partnership):
        field.queryset = field.queryset.filter(pk=school_id_of(user))
        field.empty_label = None


@text_limits
class ProblemForm(forms.ModelForm):
    class Meta:
        model = Problem
        fields = ["school", "title", "description", "risk_factor"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        _own_school_only(self.fields["school"], user, partnership)
        self.fields["risk_factor"].empty_label = _("— not from the risk profile —")


@text_limits
class OutcomeForm(forms.Form):
    outcome = forms.CharField(label=_("What changed"), widget=forms.Textarea(attrs={"rows": 4}))


@text_limits(long=("conclusion",))
class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Overall conclusion"), widget=forms.Textarea(attrs={"rows": 6})
    )


@text_limits
class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "form",
            "problem",
            "responsible_school",
            "responsible_person",
            "participants",
            "due_on",
            "state",
        ]
        widgets = {"due_on": DATE, "participants": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, user, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problem"].queryset = Problem.objects.filter(roadmap_id=partnership.pk)
        self.fields["problem"].empty_label = _("— not tied to a problem —")
        _own_school_only(self.fields["responsible_school"], user, partnership)
        self.fields["participants"].queryset = Teacher.objects.filter(
            school_id__in=partnership.member_school_ids()
        ).select_related("school")
        self.fields["participants"].label_from_instance = lambda t: f"{t.full_name} ({t.school})"
        if self.instance.pk is None:
            del self.fields["state"]  # a new activity is planned
        elif self.instance.state != Activity.State.DONE:
            self.fields["state"].choices = [
                c for c in Activity.State.choices if c[0] != Activity.State.DONE
            ]


@text_limits
class CompleteForm(forms.Form):
    result = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 4}))
    completed_on = forms.DateField(
        label=_("Completed on"),
        required=False,
        widget=DATE,
        help_text=_("Today if left empty."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, JPG or PNG, up to 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )
    evidence_link = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            validate_upload(upload)
        return upload


@text_limits
class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


@text_limits
class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What must be fixed"), widget=forms.Textarea(attrs={"rows": 3})
    )
