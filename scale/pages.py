"""The key pages of each role in a generated region, as (name, URL) pairs.

The bench measures them and the tests ask each of them once; the objects they show are
picked from the data in a fixed way (the generated school with most teachers, the event
with most registrations, ...), so both look at the same, large pages.
"""

from django.db.models import Count
from django.urls import reverse

from development.models import Questionnaire
from events.models import Event
from network.models import Partnership
from scale.logins import ROLES, USERNAMES  # noqa: F401
from schools.models import School

ADMIN = [
    ("admin: teachers", "admin:schools_teacher_changelist"),
    ("admin: registrations", "admin:events_registration_changelist"),
    ("admin: indicator values", "admin:monitoring_indicatorvalue_changelist"),
    ("admin: development plans", "admin:development_developmentplan_changelist"),
]


def _largest_school():
    return School.objects.annotate(n=Count("teachers")).order_by("-n", "pk").first()


def _largest_event(user):
    return (
        Event.objects.visible_to(user)
        .annotate(n=Count("registrations"))
        .order_by("-n", "pk")
        .first()
    )


def _partnership(user):
    visible = Partnership.objects.visible_to(user)
    return visible.annotate(n=Count("schools")).order_by("-n", "pk").first()


def _questionnaire():
    return (
        Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT)
        .annotate(n=Count("responses"))
        .order_by("-n", "pk")
        .first()
    )


def pages_for(role, user):
    """The key pages of ``role`` as ``user`` sees them, each expected to answer 200."""
    municipal = role in ("methodologist", "coordinator")
    profile = getattr(user, "teacher_profile", None)
    school = _largest_school() if municipal else (profile.school if profile else None)
    event = _largest_event(user)
    partnership = _partnership(user)
    pages = [
        ("home", reverse("home")),
        ("calendar", reverse("events:calendar")),
        ("event list", reverse("events:list")),
    ]
    if event is not None:
        pages.append(("event page", reverse("events:detail", args=[event.pk])))
    if role != "teacher":
        pages += [
            ("schools list", reverse("schools:list")),
            ("partnerships", reverse("network:list")),
        ]
    if school is not None and role != "teacher":
        pages += [
            ("school page", reverse("schools:detail", args=[school.pk])),
            ("teachers", reverse("schools:teachers", args=[school.pk])),
            ("school dashboard", reverse("monitoring:dashboard_school", args=[school.pk])),
        ]
    if partnership is not None and role != "teacher":
        pages += [
            ("roadmap", reverse("network:roadmap", args=[partnership.pk])),
            (
                "partnership dashboard",
                reverse("monitoring:dashboard_partnership", args=[partnership.pk]),
            ),
        ]
    if municipal:
        questionnaire = _questionnaire()
        pages += [
            ("municipal dashboard", reverse("monitoring:dashboard_municipal")),
            ("submissions", reverse("monitoring:submissions")),
            ("plans summary", reverse("development:plan_summary")),
            ("plan list", reverse("development:plan_list")),
            ("reports", reverse("reports:report_list")),
        ]
        if questionnaire is not None:
            pages.append(
                (
                    "questionnaire results",
                    reverse("development:questionnaire_results", args=[questionnaire.pk]),
                )
            )
    if role == "director":
        pages.append(("plan list", reverse("development:plan_list")))
    if role == "teacher":
        pages += [
            ("my plans", reverse("development:plan_mine")),
            ("my events", reverse("events:my")),
        ]
    if user.is_staff:
        pages += [(name, reverse(url)) for name, url in ADMIN]
    return pages
