from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from core.services import model_update
from network.errors import NetworkError
from network.models import Partnership, Roadmap, Stage, StageComment
from schools.models import School

# The terms of a partnership that partnership_update changes (its schools are set apart).
PARTNERSHIP_FIELDS = {
    "title",
    "leader",
    "model",
    "goal",
    "agreement_number",
    "agreement_date",
    "agreement_file",
    "starts_on",
    "ends_on",
}


def partnership_check(*, leader, schools, starts_on=None, ends_on=None) -> None:
    """Refuse a leader that is not a leader school, no supported school, or self-pairing."""
    if leader is None:
        raise NetworkError(_("Choose the leader school."))
    if leader.category != School.Category.LEADER:
        raise NetworkError(
            _(
                "%(school)s is not a leader school (its category is «%(category)s»); "
                "only a leader school can lead a partnership."
            )
            % {"school": leader, "category": leader.get_category_display()}
        )
    schools = list(schools)
    if not schools:
        raise NetworkError(_("Choose at least one supported school."))
    if any(school.pk == leader.pk for school in schools):
        raise NetworkError(
            _("%(school)s cannot be its own partner: it is both the leader and a supported school.")
            % {"school": leader}
        )
    if starts_on and ends_on and ends_on < starts_on:
        raise NetworkError(_("The partnership cannot end before it starts."))


def default_title(leader, schools):
    """A partnership's name when the methodologist gives none: its schools."""
    names = ", ".join(school.short_name for school in schools)
    return _("%(leader)s — %(schools)s") % {"leader": leader.short_name, "schools": names}


@transaction.atomic
def partnership_create(
    *,
    leader,
    schools,
    goal,
    starts_on,
    ends_on=None,
    model=Partnership.Model.COOPERATION_AGREEMENT,
    title="",
    partners=(),
    agreement_number="",
    agreement_date=None,
    agreement_file=None,
    by=None,
) -> Partnership:
    """Create a partnership with its roadmap, whose first stage opens at once."""
    schools = list(schools)
    partnership_check(leader=leader, schools=schools, starts_on=starts_on, ends_on=ends_on)
    if agreement_number and Partnership.objects.filter(agreement_number=agreement_number).exists():
        raise NetworkError(
            _("Agreement № %(number)s is already registered.") % {"number": agreement_number}
        )
    partnership = Partnership(
        title=title or default_title(leader, schools),
        leader=leader,
        goal=goal,
        starts_on=starts_on,
        ends_on=ends_on,
        model=model,
        agreement_number=agreement_number,
        agreement_date=agreement_date,
    )
    if agreement_file:
        partnership.agreement_file = agreement_file
    partnership._history_user = by
    partnership.save()
    partnership.schools.set(schools)
    partnership.partners.set(partners)
    roadmap_ensure(partnership=partnership, by=by)
    return partnership


@transaction.atomic
def partnership_update(*, partnership, data: dict, schools, partners=None, by=None):
    """Change a partnership's terms; the same checks as on creation."""
    model_update(instance=partnership, data=data, allowed=PARTNERSHIP_FIELDS)
    schools = list(schools)
    partnership_check(
        leader=partnership.leader,
        schools=schools,
        starts_on=partnership.starts_on,
        ends_on=partnership.ends_on,
    )
    partnership._history_user = by
    partnership.save()
    partnership.schools.set(schools)
    if partners is not None:
        partnership.partners.set(partners)
    if hasattr(partnership, "_member_school_ids"):
        del partnership._member_school_ids
    return partnership


def _stage_dates(partnership):
    """Split the partnership's term: a short acquaintance, a long joint activity, a summary."""
    start, end = partnership.starts_on, partnership.ends_on
    days = (end - start).days if end else 0
    if days < 6:  # too short to split; the methodologist sets the dates by hand
        return dict.fromkeys(Stage.ORDER, (None, None))
    first_end = start + timedelta(days=days // 6)
    second_end = start + timedelta(days=days * 5 // 6)
    return {
        Stage.Kind.ACQUAINTANCE: (start, first_end),
        Stage.Kind.JOINT_ACTIVITY: (first_end + timedelta(days=1), second_end),
        Stage.Kind.REFLECTION: (second_end + timedelta(days=1), end),
    }


@transaction.atomic
def roadmap_ensure(*, partnership, by=None) -> Roadmap:
    """Give the partnership its roadmap and three stages, if it does not have them yet."""
    roadmap = Roadmap.objects.filter(partnership=partnership).first()
    if roadmap is None:
        roadmap = Roadmap(partnership=partnership)
        roadmap._history_user = by
        roadmap.save()
    existing = {stage.kind for stage in roadmap.stages.all()}
    dates = _stage_dates(partnership)
    for number, kind in enumerate(Stage.ORDER, start=1):
        if kind in existing:
            continue
        start, end = dates[kind]
        stage = Stage(
            roadmap=roadmap,
            kind=kind,
            number=number,
            starts_on=start,
            ends_on=end,
        )
        if number == 1:
            stage.state = Stage.State.OPEN
        stage._history_user = by
        stage.save()
        if number == 1:
            StageComment.objects.create(stage=stage, author=by, action=StageComment.Action.OPENED)
    return roadmap
