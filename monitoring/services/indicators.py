"""Writes of the indicators area: periods, values, the school's submission, targets."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.formats import decimal_comma
from core.history import audited
from core.services import model_update
from monitoring.models import (
    Indicator,
    IndicatorSubmission,
    IndicatorValue,
    Period,
    SubmissionComment,
    Target,
)
from monitoring.notices import period_opened, submission_decided
from notifications.models import Kind

__all__ = [
    "Entry",
    "IndicatorError",
    "IndicatorValidationError",
    "SaveResult",
    "indicator_values_save",
    "period_lock",
    "period_unlock",
    "submission_approve",
    "submission_for",
    "submission_return",
    "submission_submit",
    "target_check",
    "target_set",
]

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class IndicatorError(DomainError):
    """A refused change, with a message for the user."""


class IndicatorValidationError(IndicatorError):
    """Values that break a rule, each with its reason, keyed by indicator code."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__(_("Some values are not valid: correct the marked fields."))


@dataclass(frozen=True)
class Entry:
    """One value as a user gives it: the value, or a share's numerator and denominator."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass
class SaveResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0


def to_decimal(text) -> Decimal:
    """Read a number as Russian spreadsheets write it ("12,5", "1 200"); ValueError if not."""
    if isinstance(text, Decimal):
        return text
    if isinstance(text, int | float) and not isinstance(text, bool):
        return Decimal(str(text))
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    cleaned = cleaned.removesuffix("%")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("«%(value)s» is not a number.") % {"value": text}) from None
    if not number.is_finite():
        raise ValueError(_("«%(value)s» is not a number.") % {"value": text})
    return number


def entry_check(indicator: Indicator, entry: Entry) -> tuple[Decimal, str | None]:
    """The value to store for an entry, or the reason it is refused (a Russian message)."""
    if indicator.is_computed:
        return Decimal(0), _("This indicator is computed by the portal and cannot be entered.")
    num, den, value = (
        None if part is None else to_decimal(part)
        for part in (entry.numerator, entry.denominator, entry.value)
    )
    if num is not None or den is not None:
        if not indicator.is_percent:
            return Decimal(0), _("Only a share has a numerator and a denominator.")
        if num is None or den is None:
            return Decimal(0), _("Give both the numerator and the denominator.")
        if num < 0 or den < 0:
            return Decimal(0), _("The numerator and the denominator cannot be negative.")
        if num != num.to_integral_value() or den != den.to_integral_value():
            return Decimal(0), _("The numerator and the denominator are whole numbers.")
        if den == 0:
            return Decimal(0), _("The denominator must be greater than zero.")
        if num > den:
            return Decimal(0), _(
                "The numerator (%(num)s) cannot exceed the denominator (%(den)s)."
            ) % {"num": num, "den": den}
        return (HUNDRED * num / den).quantize(CENT, ROUND_HALF_UP), None
    if value is None:
        return Decimal(0), _("This value is required.")
    if value < 0:
        return value, _("The value cannot be negative.")
    if indicator.is_percent and value > HUNDRED:
        return value, _("A share cannot exceed 100%.")
    if indicator.is_count and value != value.to_integral_value():
        return value, _("A count is a whole number.")
    return value.quantize(CENT, ROUND_HALF_UP), None


def rules_check(values: dict[str, Decimal], indicators: dict[str, Indicator]) -> dict[str, str]:
    """Cross-indicator rules: e.g. winners ≤ participants, municipal stage ≤ school stage."""
    problems = {}
    for code, value in values.items():
        indicator = indicators.get(code)
        if indicator is None or indicator.not_above_id is None:
            continue
        bound = next((i for i in indicators.values() if i.pk == indicator.not_above_id), None)
        if bound is None or values.get(bound.code) is None:
            continue
        if value > values[bound.code]:
            problems[code] = _("Cannot exceed «%(name)s» (%(bound)s).") % {
                "name": bound.name,
                "bound": decimal_comma(values[bound.code]),
            }
    return problems


def period_check_open(period: Period):
    if period.is_locked:
        raise IndicatorError(
            _(
                "The period %(period)s is locked: its values cannot be changed. "
                "A methodologist may unlock it."
            )
            % {"period": period.name}
        )


def submission_for(*, school, period) -> IndicatorSubmission:
    submission, _created = IndicatorSubmission.objects.get_or_create(school=school, period=period)
    return submission


@audited
def value_write(
    *, indicator, school_id, period, value, numerator, denominator, source, by, existing
):
    """Create, update or leave one stored value; answer "created", "updated" or "unchanged"."""
    if existing is not None:
        changed = model_update(
            instance=existing,
            data={
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "source": source,
            },
        )
        if not changed:
            return "unchanged"
        existing.entered_by = by
        existing._history_user = by
        existing.save()
        return "updated"
    row = IndicatorValue(
        indicator=indicator,
        school_id=school_id,
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
        source=source,
        entered_by=by,
    )
    row._history_user = by
    row.save()
    return "created"


@audited
@transaction.atomic
def indicator_values_save(*, school, period, entries: dict[str, Entry | None], by) -> SaveResult:
    """Save a school's entered values for a period; None clears a value. All or nothing."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    period_check_open(period)
    submission = submission_for(school=school, period=period)
    if not submission.is_editable:
        raise IndicatorError(
            _("The data is %(state)s: it can be changed only after the centre returns it.")
            % {"state": submission.get_state_display().lower()}
        )
    indicators = {i.code: i for i in Indicator.objects.filter(is_active=True)}
    existing = {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(school=school, period=period).select_related(
            "indicator"
        )
    }
    problems, checked = {}, {}
    for code, entry in entries.items():
        indicator = indicators.get(code)
        if indicator is None:
            problems[code] = _("Unknown indicator «%(code)s».") % {"code": code}
            continue
        if entry is None:
            continue
        value, problem = entry_check(indicator, entry)
        if problem:
            problems[code] = problem
        else:
            checked[code] = (value, entry)
    final = {code: v.value for code, v in existing.items() if code not in entries}
    final.update({code: value for code, (value, _entry) in checked.items()})
    problems.update({c: p for c, p in rules_check(final, indicators).items() if c not in problems})
    if problems:
        raise IndicatorValidationError(problems)
    result = SaveResult()
    for code, entry in entries.items():
        row = existing.get(code)
        if entry is None:
            if row is not None:
                row._history_user = by
                row.delete()
                result.deleted += 1
            continue
        value, entry = checked[code]
        outcome = value_write(
            indicator=indicators[code],
            school_id=school.pk,
            period=period,
            value=value,
            numerator=entry.numerator,
            denominator=entry.denominator,
            source=Indicator.Source.ENTERED,
            by=by,
            existing=row,
        )
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _transition(submission, *, allowed, state, action, by, text=""):
    submission = (
        IndicatorSubmission.objects.select_for_update()
        .select_related("period")
        .get(pk=submission.pk)
    )
    period_check_open(submission.period)
    if submission.state not in allowed:
        raise IndicatorError(
            _("The data is %(state)s; this step is not possible now.")
            % {"state": submission.get_state_display().lower()}
        )
    now = timezone.now()
    submission.state = state
    if state == IndicatorSubmission.State.SUBMITTED:
        submission.submitted_at = now
    elif state in (IndicatorSubmission.State.APPROVED, IndicatorSubmission.State.RETURNED):
        submission.reviewed_at = now
    submission._history_user = by
    submission.save()
    SubmissionComment.objects.create(submission=submission, author=by, action=action, text=text)
    return submission


@audited
@transaction.atomic
def submission_submit(*, submission, by, comment="") -> IndicatorSubmission:
    """Send the school's data to the centre; every entered indicator must have a value."""
    entered = Indicator.objects.filter(is_active=True, source=Indicator.Source.ENTERED)
    have = set(
        IndicatorValue.objects.filter(
            school_id=submission.school_id, period_id=submission.period_id
        ).values_list("indicator_id", flat=True)
    )
    missing = [i.name for i in entered if i.pk not in have]
    if missing:
        raise IndicatorError(
            _("Fill in every indicator before submitting. Missing: %(names)s.")
            % {"names": "; ".join(missing)}
        )
    S = IndicatorSubmission.State
    return _transition(
        submission,
        allowed=(S.DRAFT, S.RETURNED),
        state=S.SUBMITTED,
        action=SubmissionComment.Action.SUBMITTED,
        by=by,
        text=comment.strip(),
    )


@audited
@transaction.atomic
def submission_approve(*, submission, by, comment="") -> IndicatorSubmission:
    S = IndicatorSubmission.State
    submission = _transition(
        submission,
        allowed=(S.SUBMITTED,),
        state=S.APPROVED,
        action=SubmissionComment.Action.APPROVED,
        by=by,
        text=comment.strip(),
    )
    submission_decided(
        submission,
        Kind.SUBMISSION_APPROVED,
        _("The indicator values of %(school)s for %(period)s are approved"),
        comment.strip(),
    )
    return submission


@audited
@transaction.atomic
def submission_return(*, submission, by, comment) -> IndicatorSubmission:
    """Send the data back to the school with a comment on what to correct."""
    if not (comment or "").strip():
        raise IndicatorError(_("Say what the school must correct."))
    S = IndicatorSubmission.State
    submission = _transition(
        submission,
        allowed=(S.SUBMITTED, S.APPROVED),
        state=S.RETURNED,
        action=SubmissionComment.Action.RETURNED,
        by=by,
        text=comment.strip(),
    )
    submission_decided(
        submission,
        Kind.SUBMISSION_RETURNED,
        _("The indicator values of %(school)s for %(period)s are returned for correction"),
        comment.strip(),
    )
    return submission


@audited
@transaction.atomic
def period_lock(*, period, by) -> Period:
    period = Period.objects.select_for_update().get(pk=period.pk)
    period.state = Period.State.LOCKED
    period._history_user = by
    period.save(update_fields=["state"])
    return period


@audited
@transaction.atomic
def period_unlock(*, period, by) -> Period:
    period = Period.objects.select_for_update().get(pk=period.pk)
    was_locked = period.state == Period.State.LOCKED
    period.state = Period.State.OPEN
    period._history_user = by
    period.save(update_fields=["state"])
    if was_locked:
        period_opened(period)
    return period


def target_check(*, indicator, period, value) -> Decimal:
    """The target as a number, or IndicatorError: a locked period, a value out of range."""
    period_check_open(period)
    value = to_decimal(value)
    if value < 0 or (indicator.is_percent and value > HUNDRED):
        raise IndicatorError(
            _("The target must be between 0 and 100 for a share, and not negative.")
        )
    return value


@audited
@transaction.atomic
def target_set(*, indicator, period, school=None, value, by=None) -> Target:
    """Set the target of a school (or of the municipality when school is None)."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    value = target_check(indicator=indicator, period=period, value=value)
    target = Target.objects.filter(indicator=indicator, period=period, school=school).first()
    target = target or Target(indicator=indicator, period=period, school=school)
    target.value = value
    target._history_user = by
    target.save()
    return target
