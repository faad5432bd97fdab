"""The sections the programmes app gives the school and the municipal reports: the
school's risk profile, programme and monitoring; the municipality's summary of them."""

from django.utils.translation import gettext as _

from programmes.models import RiskProfile
from programmes.report import municipal_section, school_section
from reports.document import Paragraph, Section, Table


def _number(value):
    return "—" if value is None else f"{value:g}".replace(".", ",")


def school_programme(school, scope) -> Section | None:
    """The school's programme of transition to effective work, of the report's year (the
    latest one when the report has no period)."""
    profiles = RiskProfile.objects.filter(school=school)
    if scope is not None:
        profiles = profiles.filter(year=scope.year)
    profile = profiles.order_by("-year").first()
    if profile is None:
        return None
    data = school_section(profile)
    programme = data["programme"]
    section = Section(
        _("Programme of transition to effective work"),
        blocks=[
            Paragraph(
                f"{_('Risk profile')}: {profile.get_state_display().lower()} · "
                f"{_('programme')}: {programme.get_state_display().lower()}"
            ),
            Paragraph(f"{_('Goal of the development concept')}: {programme.goal or '—'}"),
            Table(
                [_("Risk factor"), _("Level"), _("Applies"), _("Justification")],
                [
                    [
                        a.risk_factor.name,
                        a.get_level_display() or "—",
                        _("yes") if a.applies else _("no"),
                        a.justification or "—",
                    ]
                    for a in data["assessments"]
                ],
            ),
        ],
    )
    for risk in data["risks"]:
        rows = [
            [
                m.title,
                m.get_module_display(),
                m.due_on.strftime("%d.%m.%Y") if m.due_on else "—",
                m.responsible or "—",
                f"{m.indicator or '—'}"
                + (f" → {_number(m.target)}" if m.target is not None else ""),
                m.get_shown_state_display(),
            ]
            for m in risk.measures.all()
        ]
        headers = [_("Measure"), _("Module"), _("Deadline"), _("Responsible person")]
        headers += [_("Indicator and target"), _("State")]
        section.subsections.append(
            Section(
                risk.assessment.risk_factor.name,
                blocks=[Paragraph(f"{_('Goal')}: {risk.goal or '—'}"), Table(headers, rows)],
            )
        )
    for monitoring in data["rounds"]:
        rows = [
            [
                row.measure.title,
                row.get_state_display(),
                _number(row.value),
                _number(row.measure.target),
            ]
            for row in monitoring.progress.all()
        ]
        blocks = [
            Table(
                [_("Measure"), _("State"), _("Indicator value"), _("Target")],
                rows,
                numeric=frozenset({2, 3}),
            )
        ]
        if monitoring.conclusion:
            conclusion = _("Curator's conclusion")
            blocks.append(Paragraph(f"{conclusion}: {monitoring.conclusion}"))
        section.subsections.append(Section(monitoring.get_stage_display(), blocks=blocks))
    return section


def municipal_programmes(scope, params) -> Section | None:
    """How the year's programmes stand across the municipality."""
    data = municipal_section(scope.year)
    if not any(profiles or programmes for _label, profiles, programmes in data["documents"]):
        return None
    on_time = data["on_time"]
    return Section(
        _("School programmes"),
        blocks=[
            Table(
                [_("Risk factor"), _("Schools")],
                [[factor.name, factor.schools] for factor in data["risks"]],
                numeric=frozenset({1}),
            ),
            Table(
                [_("State"), _("Risk profiles"), _("Programmes")],
                [[str(label), p, g] for label, p, g in data["documents"]],
                numeric=frozenset({1, 2}),
            ),
            Paragraph(
                _("%(share)s: %(done)s of %(due)s measures that are due or done")
                % {"share": on_time["share"], "done": on_time["done"], "due": on_time["due"]}
            ),
            Table(
                [_("Monitoring stage"), _("Programmes that entered it"), _("Risks closed at it")],
                [[str(r["stage"].label), r["programmes"], r["closed"]] for r in data["stages"]],
                numeric=frozenset({1, 2}),
            ),
            Paragraph(
                f"{_('Risks closed between the entry and the final monitoring')}: "
                f"{data['closed_between']}"
            ),
        ],
    )
