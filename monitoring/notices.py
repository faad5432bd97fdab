"""What the monitoring tells people: a period open for data, its deadline near, and the
methodologists' weekly summary of what waits for them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.models import IndicatorSubmission, Period
from monitoring.selectors.warnings import WarningKind, early_warnings
from network.models import Stage
from notifications.models import Kind
from notifications.recipients import directors_of, methodologists
from notifications.services import notify
from schools.models import School

DEADLINE_DAYS = 7
LISTED = 10  # the summary names this many items of each kind, then counts the rest


def _schools_without_data(period):
    done = IndicatorSubmission.objects.filter(
        period=period,
        state__in=(IndicatorSubmission.State.SUBMITTED, IndicatorSubmission.State.APPROVED),
    ).values("school_id")
    return list(School.objects.exclude(pk__in=done).values_list("pk", flat=True))


def submission_decided(submission, kind, title, text) -> None:
    """The school's directors hear of the centre's decision on their data."""
    notify(
        directors_of([submission.school_id]),
        kind=kind,
        title=title % {"school": submission.school, "period": submission.period},
        text=text,
        url=reverse(
            "monitoring:entry",
            kwargs={"school_pk": submission.school_id, "period_pk": submission.period_id},
        ),
    )


def _tell_late_schools(period, kind, title, key) -> list:
    """The directors of the schools that have not submitted the period's data."""
    return notify(
        directors_of(_schools_without_data(period)),
        kind=kind,
        title=title % {"period": period.name, "end": period.ends_on.strftime("%d.%m.%Y")},
        url=reverse("monitoring:entry_home"),
        key=key,
    )


def period_opened(period) -> None:
    """The directors of schools that have not submitted hear that the period is open."""
    _tell_late_schools(
        period,
        Kind.PERIOD_OPENED,
        _("The period %(period)s is open: enter your school's indicators by %(end)s"),
        f"period-opened:{period.pk}:{timezone.now():%Y%m%d%H%M}",
    )


def period_deadlines_remind(today=None) -> int:
    """Daily (beat): a week before an open period ends, once, to the directors of the
    schools that have not submitted. How many people were reminded."""
    today = today or timezone.localdate()
    end = today + timedelta(days=DEADLINE_DAYS)
    periods = Period.objects.filter(state=Period.State.OPEN, ends_on=end)
    return sum(
        len(
            _tell_late_schools(
                period,
                Kind.PERIOD_DEADLINE,
                _("%(period)s: submit your school's indicators by %(end)s"),
                f"period-deadline:{period.pk}:{period.ends_on}",
            )
        )
        for period in periods
    )


def _section(title, lines):
    if not lines:
        return ""
    shown = lines[:LISTED]
    more = len(lines) - len(shown)
    tail = [_("… and %(count)d more") % {"count": more}] if more else []
    return "\n".join([f"{title} ({len(lines)}):", *[f"  • {line}" for line in shown], *tail])


def weekly_summary(today=None) -> str:
    """The text of the methodologists' weekly summary; empty when nothing waits."""
    today = today or timezone.localdate()
    stages = Stage.objects.filter(state=Stage.State.SUBMITTED).select_related(
        "roadmap__partnership"
    )
    submissions = IndicatorSubmission.objects.filter(
        state=IndicatorSubmission.State.SUBMITTED
    ).select_related("school", "period")
    period = Period.objects.current(today)
    warnings = early_warnings(period=period, today=today) if period else []
    by_kind = {kind: [w for w in warnings if w.kind == kind] for kind in WarningKind}
    sections = [
        _section(
            _("Stages waiting for your review"),
            [f"{s.roadmap.partnership}: {s.get_kind_display()}" for s in stages],
        ),
        _section(
            _("Indicator values waiting for your review"),
            [f"{s.school}: {s.period}" for s in submissions],
        ),
        _section(
            _("Overdue roadmap activities"),
            [f"{w.school}: {w.text}" for w in by_kind[WarningKind.OVERDUE]],
        ),
        _section(
            _("Low-result schools without a partnership"),
            [str(w.school) for w in by_kind[WarningKind.NO_PARTNERSHIP]],
        ),
        _section(
            _("Early warnings on indicators"),
            [
                f"{w.school}: {w.text}"
                for kind in (WarningKind.DROP, WarningKind.TARGET_FAR)
                for w in by_kind[kind]
            ],
        ),
    ]
    return "\n\n".join(section for section in sections if section)


def weekly_digest(today=None) -> int:
    """Weekly (beat): the summary to every methodologist, once a week."""
    today = today or timezone.localdate()
    text = weekly_summary(today)
    if not text:
        return 0
    year, week, _day = today.isocalendar()
    return len(
        notify(
            methodologists(),
            kind=Kind.WEEKLY_DIGEST,
            title=_("What waits for the centre this week"),
            text=text,
            url=reverse("monitoring:dashboard_municipal"),
            key=f"weekly:{year}-{week}",
        )
    )
