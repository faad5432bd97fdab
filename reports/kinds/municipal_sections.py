"""The municipal report's other sections: summary, warnings, the network, events and
plans, conclusions. Each builder takes the report's Scope and returns a Section (or None
to leave it out); the list in municipal.py orders them."""

from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from development.models.plans import DevelopmentPlan
from events.models import Event, Registration
from monitoring.selectors.indicators import CATEGORY_ORDER
from monitoring.selectors.warnings import WarningKind, early_warnings
from network.models import Partnership, Stage
from reports.document import Paragraph, Section, Table
from reports.kinds.period_facts import (
    Scope,
    as_of,
    counts_then,
    schools_by_category,
    supported_categories_q,
    teachers_as_of,
)
from reports.kinds.roadmap_facts import network_then, plan_items_then
from schools.models import School

WARNINGS_LISTED = 25  # the rest are in the annex
PARTNERSHIPS_LISTED = 30


def percent(part, total):
    return f"{round(100 * part / total, 1):g}".replace(".", ",") if total else "—"


def active_partnerships(scope: Scope):
    period = scope.period
    return Partnership.objects.filter(
        Q(starts_on__lte=period.ends_on)
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=period.starts_on))
    )


def held_events(scope: Scope):
    start = timezone.make_aware(
        timezone.datetime.combine(scope.period.starts_on, timezone.datetime.min.time())
    )
    return Event.objects.filter(
        status=Event.Status.HELD, starts_at__range=(start, scope.as_of_moment)
    )


def plan_figures(scope: Scope):
    by_status = counts_then(DevelopmentPlan, scope, "status", year=scope.year)
    items = plan_items_then(scope)
    known, untracked = as_of(DevelopmentPlan, scope)
    known, untracked = known.filter(year=scope.year), untracked.filter(year=scope.year)
    teachers, untracked_teachers = teachers_as_of(scope)
    for planned in (known.values("teacher_id"), untracked.values("teacher_id")):
        teachers = teachers.exclude(id__in=planned)
        untracked_teachers = untracked_teachers.exclude(pk__in=planned)
    without = teachers.count() + untracked_teachers.count()
    all_teachers = teachers_as_of(scope)
    return by_status, items, without, all_teachers[0].count() + all_teachers[1].count()


def summary(scope: Scope) -> Section:
    categories = schools_by_category(scope)
    by_status, _items, without, teachers = plan_figures(scope)
    rows = [[_("Schools"), sum(categories.values())]]
    rows += [[f"— {School.Category(c).label}", categories.get(c, 0)] for c in CATEGORY_ORDER]
    rows += [
        [_("Teachers in the registry"), teachers],
        [_("Partnerships"), active_partnerships(scope).count()],
        [_("Events held in the period"), held_events(scope).count()],
        [_("Development plans for the year"), sum(by_status.values())],
        [_("Teachers without a plan for the year"), without],
    ]
    return Section(
        _("Summary"),
        blocks=[Table(headers=[_("Figure"), _("Value")], rows=rows, numeric=frozenset({1}))],
    )


def warnings(scope: Scope) -> Section:
    found = early_warnings(period=scope.period, today=scope.as_of)
    counts = Counter(w.kind for w in found)
    section = Section(_("Early warnings"))
    section.blocks.append(
        Table(
            headers=[_("Warning"), _("Schools")],
            rows=[[kind.label, counts.get(kind, 0)] for kind in WarningKind],
            numeric=frozenset({1}),
        )
    )
    if not found:
        section.blocks.append(Paragraph(_("Nothing needs attention.")))
        return section
    if len(found) > WARNINGS_LISTED:
        section.blocks.append(
            Paragraph(
                _("The first %(n)s of %(total)s warnings; all of them are in the annex.")
                % {"n": WARNINGS_LISTED, "total": len(found)}
            )
        )
    section.blocks.append(
        Table(
            headers=[_("School"), _("Warning"), _("Details")],
            rows=[[str(w.school), w.kind.label, w.text] for w in found[:WARNINGS_LISTED]],
        )
    )
    return section


def stage_label(kind) -> str:
    return Stage.Kind(kind).label if kind else _("completed")


def network(scope: Scope) -> Section:
    active = active_partnerships(scope)
    facts = network_then(scope, active)
    by_stage = Counter(facts.stage_of.values())
    rows = [[f"{n}. «{kind.label}»", by_stage.get(kind, 0)] for n, kind in enumerate(Stage.Kind, 1)]
    rows.append([_("completed"), by_stage.get(None, 0)])
    section = Section(_("Partnerships by stage"))
    section.blocks.append(
        Table(headers=[_("Current stage"), _("Partnerships")], rows=rows, numeric=frozenset({1}))
    )
    section.blocks.append(
        Table(
            headers=[_("Roadmap activities"), _("Value")],
            rows=[
                [_("Planned"), facts.planned],
                [_("Done"), facts.done],
                [_("Overdue"), facts.overdue],
                [_("Done, %"), percent(facts.done, facts.planned)],
            ],
            numeric=frozenset({1}),
        )
    )
    titles = dict(active.values_list("pk", "title"))
    first = sorted(titles, key=lambda pk: (-facts.overdue_of[pk], titles[pk]))
    first = first[:PARTNERSHIPS_LISTED]
    listed = active.select_related("leader").in_bulk(first)
    section.blocks.append(
        Table(
            headers=[_("Partnership"), _("Leader school"), _("Current stage"), _("Overdue")],
            rows=[
                [
                    listed[pk].title,
                    str(listed[pk].leader),
                    stage_label(facts.stage_of[pk]),
                    facts.overdue_of[pk],
                ]
                for pk in first
            ],
            numeric=frozenset({3}),
        )
    )
    return section


def events_and_plans(scope: Scope) -> Section:
    held = held_events(scope)
    by_kind = dict(held.values_list("kind").annotate(n=Count("pk")).order_by())
    attended = Registration.objects.filter(event__in=held, attended=True)
    per_kind = {
        row["event__kind"]: row
        for row in attended.values("event__kind")
        .annotate(
            participants=Count("pk"),
            supported=Count("pk", filter=supported_categories_q(scope, "teacher__school")),
        )
        .order_by()
    }
    rows = []
    for kind, count in sorted(by_kind.items(), key=lambda item: (-item[1], item[0])):
        figures = per_kind.get(kind, {"participants": 0, "supported": 0})
        rows.append(
            [
                Event.Kind(kind).label,
                count,
                figures["participants"],
                percent(figures["supported"], figures["participants"]),
            ]
        )
    events = Section(_("Events held, by kind"))
    if rows:
        events.blocks.append(
            Table(
                headers=[
                    _("Kind"),
                    _("Events"),
                    _("Participants"),
                    _("From low-result and unfavourable-conditions schools, %"),
                ],
                rows=rows,
                numeric=frozenset({1, 2, 3}),
            )
        )
    else:
        events.blocks.append(Paragraph(_("No events were held in this period."), muted=True))
    by_status, items, without, _teachers = plan_figures(scope)
    plans = Section(_("Development plans"))
    plans.blocks.append(
        Table(
            headers=[_("State"), _("Plans")],
            rows=[[s.label, by_status.get(s, 0)] for s in DevelopmentPlan.Status]
            + [
                [
                    _("Items done of planned"),
                    "{done} / {total} ({share} %)".format(
                        share=percent(items["done"], items["total"]), **items
                    ),
                ],
                [_("Teachers without a plan for the year"), without],
            ],
            numeric=frozenset({1}),
        )
    )
    return Section(_("Events and development plans"), subsections=[events, plans])


def conclusions(scope: Scope, conclusion: str) -> Section:
    if conclusion:
        return Section(_("Conclusions"), blocks=[Paragraph(conclusion)])
    return Section(
        _("Conclusions"),
        blocks=[Paragraph(_("The methodologist wrote no conclusion for this report."), muted=True)],
    )
