"""Forms of the indicators area: the school's entry form, review, import, filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.formats import decimal_comma
from core.forms import text_limits
from monitoring.models import IndicatorSubmission, Period
from monitoring.services.indicators import Entry
from schools.import_forms import RegistryImportForm
from schools.models import School

# What a value column holds: DecimalField(max_digits=12, decimal_places=2).
LARGEST_VALUE = 10**10 - 1


@text_limits
class ValuesForm(forms.Form):
    """One field per entered indicator; a share as numerator and denominator."""

    def __init__(self, *args, indicators, current, previous, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.groups = []
        for indicator in self.indicators:
            row = current.get(indicator.pk)
            before = previous.get(indicator.pk)
            hint = (
                _("Last period: %(value)s") % {"value": decimal_comma(before.value, empty="")}
                if before is not None
                else _("Last period: no data")
            )
            names = []
            if indicator.is_percent:
                parts = (
                    ("numerator", indicator.numerator_label or _("numerator")),
                    ("denominator", indicator.denominator_label or _("denominator")),
                )
                for part, label in parts:
                    name = f"{indicator.code}__{part}"
                    self.fields[name] = forms.IntegerField(
                        label=label,
                        required=False,
                        min_value=-LARGEST_VALUE,
                        max_value=LARGEST_VALUE,
                        initial=getattr(row, part, None),
                        disabled=disabled,
                    )
                    names.append(name)
            else:
                limits = {"min_value": -LARGEST_VALUE, "max_value": LARGEST_VALUE}
                if indicator.is_count:
                    field_class = forms.IntegerField
                else:
                    field_class = forms.DecimalField
                    limits.update(max_digits=12, decimal_places=2)
                self.fields[indicator.code] = field_class(
                    **limits,
                    label=indicator.name,
                    required=False,
                    initial=row.value if row is not None else None,
                    disabled=disabled,
                )
                names.append(indicator.code)
            self.groups.append(
                {"indicator": indicator, "names": names, "hint": hint, "row": row, "before": before}
            )

    def bound_groups(self):
        for group in self.groups:
            yield {**group, "fields": [self[name] for name in group["names"]]}

    def entries(self) -> dict[str, Entry | None]:
        data = self.cleaned_data
        entries = {}
        for indicator in self.indicators:
            if indicator.is_percent:
                num = data.get(f"{indicator.code}__numerator")
                den = data.get(f"{indicator.code}__denominator")
                blank = num is None and den is None
                entries[indicator.code] = None if blank else Entry(numerator=num, denominator=den)
            else:
                value = data.get(indicator.code)
                entries[indicator.code] = None if value is None else Entry(value=value)
        return entries

    def add_problems(self, problems):
        for code, message in problems.items():
            indicator = next((i for i in self.indicators if i.code == code), None)
            if indicator is None:
                self.add_error(None, message)
            elif indicator.is_percent:
                self.add_error(f"{code}__numerator", message)
            else:
                self.add_error(code, message)


@text_limits
class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What must the school correct?"), widget=forms.Textarea(attrs={"rows": 3})
    )


@text_limits
class ImportForm(RegistryImportForm):
    """The registry imports' upload form (file, sheet picker), with the file's period."""

    period = forms.ModelChoiceField(
        label=_("Period"),
        queryset=Period.objects.order_by("-starts_on"),
        required=False,
        help_text=_("Required for the wide form; in the long form it fills an empty «Период»."),
    )
    field_order = ["file", "period", "sheet"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Wide form: the column «Школа» and one column per indicator code. Long form: the "
            "columns «Школа», «Показатель», «Период», «Значение»."
        )


@text_limits
class SubmissionFilterForm(forms.Form):
    period = forms.ModelChoiceField(
        label=_("Period"), queryset=Period.objects.order_by("-starts_on"), required=False
    )
    state = forms.ChoiceField(
        label=_("State"),
        choices=[
            ("", _("Any state")),
            ("none", _("Not started yet")),
            *IndicatorSubmission.State.choices,
        ],
        required=False,
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("Any category")), *School.Category.choices],
        required=False,
    )


@text_limits
class DashboardForm(forms.Form):
    """The indicator and the period of a dashboard, chosen among lists the view has read
    once (the page's other reads use them too)."""

    EMPTY = "---------"

    indicator = forms.TypedChoiceField(
        label=_("Indicator"), coerce=int, required=False, empty_value=None
    )
    period = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, indicators, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = {i.pk: i for i in indicators}
        self.periods = {p.pk: p for p in periods}
        self.fields["indicator"].choices = [("", self.EMPTY)] + [(i.pk, str(i)) for i in indicators]
        self.fields["period"].choices = [("", self.EMPTY)] + [(p.pk, str(p)) for p in periods]

    def clean_indicator(self):
        return self.indicators.get(self.cleaned_data["indicator"])

    def clean_period(self):
        return self.periods.get(self.cleaned_data["period"])
