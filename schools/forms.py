from django import forms

from core.forms import text_limits
from schools.models import Teacher


@text_limits
class TeacherForm(forms.ModelForm):
    class Meta:
        model = Teacher
        fields = [
            "position",
            "subjects",
            "qualification",
            "teaches_grade_9",
            "teaches_grade_11",
            "uses_online_platforms",
            "email",
            "phone",
            "birth_date",
            "personnel_number",
        ]
        widgets = {
            "subjects": forms.CheckboxSelectMultiple,
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
