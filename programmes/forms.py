from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import limit_text, text_limits
from development.models import PlanItem
from events.models import Event
from network.models import Activity, Mentorship
from programmes.indicators import catalogue
from programmes.models import Measure, RiskAssessment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(forms.Form):
    """Every risk factor of the profile: its level, the justification, and whether it applies."""

    def __init__(self, *args, assessments, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessments = list(assessments)
        for assessment in self.assessments:
            key = assessment.risk_factor_id
            self.fields[f"level_{key}"] = forms.ChoiceField(
                label=_("Level"),
                choices=[("", "—"), *RiskAssessment.Level.choices],
                required=False,
                initial=assessment.level,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"justification_{key}"] = limit_text(
                forms.CharField(
                    label=_("Justification"),
                    required=False,
                    initial=assessment.justification,
                    widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                )
            )
            self.fields[f"applies_{key}"] = forms.BooleanField(
                label=_("The risk applies to the school"),
                required=False,
                initial=assessment.applies,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )

    def rows(self):
        """The bound fields of each assessment, for the template."""
        for assessment in self.assessments:
            key = assessment.risk_factor_id
            yield (
                assessment,
                self[f"level_{key}"],
                self[f"justification_{key}"],
                self[f"applies_{key}"],
            )

    def cleaned_rows(self):
        data = self.cleaned_data
        return {
            assessment.risk_factor_id: {
                "level": data[f"level_{assessment.risk_factor_id}"],
                "justification": data[f"justification_{assessment.risk_factor_id}"].strip(),
                "applies": data[f"applies_{assessment.risk_factor_id}"],
            }
            for assessment in self.assessments
        }


@text_limits(long=("goal",))
class ProgrammeForm(forms.Form):
    goal = forms.CharField(
        label=_("Goal of the development concept"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@text_limits
class RiskForm(forms.Form):
    goal = forms.CharField(
        label=_("Goal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    tasks = forms.CharField(
        label=_("Tasks"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


@text_limits
class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "title",
            "module",
            "due_on",
            "responsible",
            "indicator_code",
            "indicator",
            "target",
            "higher_is_better",
            "activity",
            "event",
            "mentorship",
            "plan_items",
        ]
        widgets = {"due_on": DATE}
        labels = {"event": _("Calendar event")}

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"] = forms.ChoiceField(
            label=self.fields["indicator_code"].label,
            help_text=_(
                "If the measure moves an indicator of the monitoring, its approved values go "
                "into the monitoring stages by themselves, with its direction."
            ),
            required=False,
            choices=[("", "—"), *((i.code, i.name) for i in catalogue())],
        )
        self.fields["indicator"].help_text = _(
            "Any other indicator, in words; for one of the monitoring leave it empty "
            "to take its name."
        )
        self.fields["activity"].queryset = Activity.objects.filter(
            responsible_school=school
        ).select_related("stage__roadmap__partnership")
        self.fields["event"].queryset = Event.objects.exclude(
            status__in=[Event.Status.DRAFT, Event.Status.CANCELLED]
        ).order_by("-starts_at")
        self.fields["mentorship"].queryset = Mentorship.objects.filter(
            Q(mentor__school=school) | Q(mentee__school=school)
        ).select_related("mentor", "mentee")
        self.fields["plan_items"].queryset = PlanItem.objects.filter(
            plan__teacher__school=school
        ).select_related("plan__teacher")
        self.fields["plan_items"].required = False


@text_limits
class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


@text_limits
class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What must be fixed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@text_limits(long=("conclusion",))
class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Curator's conclusion"), widget=forms.Textarea(attrs={"rows": 3})
    )


class MonitoringForm(forms.Form):
    """Each measure's state and its indicator's value at one monitoring stage.

    A measure whose indicator has a value in monitoring (``known``: measure id → value)
    shows that value and has no field for it: only the others are typed.
    """

    def __init__(self, *args, measures, progress, known, **kwargs):
        super().__init__(*args, **kwargs)
        self.measures = list(measures)
        self.known = known
        for measure in self.measures:
            past = progress.get(measure.pk)
            self.fields[f"state_{measure.pk}"] = forms.ChoiceField(
                label=_("State"),
                choices=Measure.State.choices,
                initial=past.state if past else measure.shown_state,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            if measure.pk not in known:
                self.fields[f"value_{measure.pk}"] = forms.DecimalField(
                    label=_("Indicator value"),
                    required=False,
                    max_digits=12,
                    decimal_places=2,
                    initial=past.value if past and not past.from_monitoring else None,
                    widget=forms.NumberInput(
                        attrs={"class": "form-control form-control-sm", "step": "any"}
                    ),
                )
            self.fields[f"note_{measure.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=500,
                initial=past.note if past else "",
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )

    def rows(self):
        """(measure, state field, value field or None, note field, monitoring value or None)."""
        for measure in self.measures:
            known = self.known.get(measure.pk)
            yield (
                measure,
                self[f"state_{measure.pk}"],
                None if known else self[f"value_{measure.pk}"],
                self[f"note_{measure.pk}"],
                known,
            )

    def cleaned_rows(self):
        data = self.cleaned_data
        return {
            m.pk: {
                "state": data[f"state_{m.pk}"],
                "value": data.get(f"value_{m.pk}"),
                "note": data[f"note_{m.pk}"].strip(),
            }
            for m in self.measures
        }


class CuratorForm(forms.Form):
    """The methodologist the centre assigns as a school's curator."""

    curator = forms.ModelChoiceField(label=_("Curator"), queryset=None)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["curator"].queryset = candidates
