"""The network's and the plans' state at the end of a report's period: each partnership's
current stage, its activities and the plan items, from their history for a past period."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from development.models.plans import DevelopmentPlan, ItemStatus, PlanItem
from network.models import Activity, Stage
from reports.kinds.period_facts import Scope, counts_then, rows_then


@dataclass
class NetworkThen:
    """Partnership id → the kind of the stage under way (None: none under way), and the
    activities' counts, in total and per partnership."""

    stage_of: dict[int, str | None]
    planned: int = 0
    done: int = 0
    overdue: int = 0
    overdue_of: Counter = field(default_factory=Counter)


def network_then(scope: Scope, partnerships) -> NetworkThen:
    ids = list(partnerships.values_list("pk", flat=True))
    stages = defaultdict(list)
    for partnership, number, kind, state in rows_then(
        Stage,
        scope,
        ("roadmap__partnership_id", "number", "kind", "state"),
        roadmap__partnership_id__in=ids,
    ):
        if state in Stage.CURRENT:
            stages[partnership].append((number, kind))
    facts = NetworkThen(stage_of={pk: min(stages[pk])[1] if stages[pk] else None for pk in ids})
    for partnership, state, due_on in rows_then(
        Activity,
        scope,
        ("stage__roadmap__partnership_id", "state", "due_on"),
        stage__roadmap__partnership_id__in=ids,
    ):
        if state != Activity.State.CANCELLED:
            facts.planned += 1
        if state == Activity.State.DONE:
            facts.done += 1
        if state in Activity.OPEN_STATES and due_on < scope.as_of:
            facts.overdue += 1
            facts.overdue_of[partnership] += 1
    return facts


def plan_items_then(scope: Scope) -> dict[str, int]:
    """The year's plan items that were not cancelled, and those done, at the period's end."""
    plans = DevelopmentPlan.objects.filter(year=scope.year).values("pk")
    states = counts_then(PlanItem, scope, "status", plan_id__in=plans)
    return {
        "total": sum(states.values()) - states[ItemStatus.CANCELLED],
        "done": states[ItemStatus.DONE],
    }
