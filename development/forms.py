"""Forms of development plans and diagnostic questionnaires."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import current_academic_year
from core.forms import limit_text, text_limits
from core.uploads import validate_upload
from development.models.plans import (
    PlanItem,
    PlanTemplate,
    academic_year_label,
)
from development.models.questionnaires import Difficulty

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def year_choices():
    year = current_academic_year()
    return [(y, academic_year_label(y)) for y in (year, year + 1)]


class DifficultyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.text


@text_limits
class PlanForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Academic year"), coerce=int, choices=year_choices)
    template = forms.ModelChoiceField(
        label=_("Start from a template"),
        queryset=PlanTemplate.objects.filter(is_active=True),
        required=False,
        empty_label=_("— an empty plan —"),
        help_text=_("The template's items are added to the plan; you can change them."),
    )
    theme = forms.CharField(
        label=_("Theme of self-education"),
        max_length=300,
        required=False,
        help_text=_("Left empty, the theme suggested by the template is taken."),
    )
    goals = forms.CharField(
        label=_("Goals"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    difficulties = DifficultyChoiceField(
        label=_("Difficulties the plan answers"),
        queryset=Difficulty.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Your three weakest areas from the latest diagnostics are suggested."),
    )

    def __init__(self, *args, suggested=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        pks = [d.pk for d in suggested] + [d.pk for d in self.initial.get("difficulties", [])]
        self.fields["difficulties"].queryset = Difficulty.objects.filter(pk__in=pks)
        if not pks:
            del self.fields["difficulties"]
        if editing:
            del self.fields["year"]
            del self.fields["template"]
            self.fields["theme"].required = True
            self.fields["theme"].help_text = ""


@text_limits
class ItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["kind", "title", "due_date", "description"]
        widgets = {"due_date": DATE, "description": forms.Textarea(attrs={"rows": 2})}


@text_limits
class CompleteForm(forms.Form):
    result = forms.CharField(
        label=_("Result"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        validators=[validate_upload],
        help_text=_("PDF, DOCX, XLSX, JPG or PNG, up to 10 MB."),
    )
    evidence_url = forms.URLField(
        label=_("Or a link to the evidence"), required=False, assume_scheme="https"
    )


@text_limits
class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the teacher"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@text_limits
class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


@text_limits
class AnswerForm(forms.Form):
    """One radio row per statement of the questionnaire, and the open question."""

    def __init__(self, *args, questionnaire, difficulties, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v, str(v)) for v in questionnaire.scale_values]
        for difficulty in difficulties:
            self.fields[f"d{difficulty.pk}"] = forms.TypedChoiceField(
                label=difficulty.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
        if questionnaire.open_question:
            self.fields["open_answer"] = limit_text(
                forms.CharField(
                    label=questionnaire.open_question,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
                )
            )

    def answers(self):
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("d") and name[1:].isdigit()
        }
