from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import text_limits
from core.uploads import DOCUMENTS, validate_upload
from development.models import PlanItem
from practices.models import Practice
from practices.services.bank import MAX_FILE_SIZE
from practices.services.discussion import MAX_FILE_SIZE as POST_FILE_SIZE
from schools.models import School, Teacher
from schools.selectors import school_id_of


@text_limits(long=("description",))
class PracticeForm(forms.ModelForm):
    """A practice's fields; the school is the user's own unless they may name any."""

    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, DOCX, PPTX, XLSX, ODT, ZIP and others, up to 50 MB."),
    )

    class Meta:
        model = Practice
        fields = [
            "title",
            "kind",
            "school",
            "authors",
            "subjects",
            "grade_from",
            "grade_to",
            "risk_factor",
            "problem",
            "form",
            "description",
            "link",
            "plan_item",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "authors": forms.SelectMultiple(attrs={"size": 6}),
            "subjects": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "plan_item": _("The «summarising one's experience» item of your plan it fulfils."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        any_school = user.has_perm("practices.write_for_any_school")
        if self.instance.pk or not any_school:
            del self.fields["school"]
        else:
            self.fields["school"].queryset = School.objects.order_by("sort_name")
        school_id = self.instance.school_id if self.instance.pk else school_id_of(user)
        teachers = Teacher.objects.select_related("school").order_by("last_name", "first_name")
        self.fields["authors"].queryset = (
            teachers
            if any_school and not self.instance.pk
            else teachers.filter(school_id=school_id)
        )
        if self.instance.pk:
            del self.fields["upload"]
        teacher = getattr(user, "teacher_profile", None)
        items = PlanItem.objects.filter(
            kind=PlanItem.Kind.EXPERIENCE, status=PlanItem.Status.PLANNED
        )
        self.fields["plan_item"].queryset = (
            items.filter(plan__teacher=teacher) if teacher is not None else items.none()
        )
        if teacher is None:
            del self.fields["plan_item"]
        elif not self.instance.pk:
            self.initial.setdefault("authors", [teacher.pk])

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_upload(upload, allowed=DOCUMENTS, max_size=MAX_FILE_SIZE)
        return upload

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("school", "authors", "subjects", "upload"):
            data.pop(name, None)
        return data


class FileForm(forms.Form):
    upload = forms.FileField(label=_("File"))

    def clean_upload(self):
        return validate_upload(
            self.cleaned_data["upload"], allowed=DOCUMENTS, max_size=MAX_FILE_SIZE
        )


@text_limits(long=("text",))
class PostForm(forms.Form):
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))
    upload = forms.FileField(label=_("File"), required=False)

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_upload(upload, allowed=DOCUMENTS, max_size=POST_FILE_SIZE)
        return upload


@text_limits
class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
