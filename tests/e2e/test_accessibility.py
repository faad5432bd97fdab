"""Every main page, for every role, on the demo data, passes axe-core (WCAG 2.1 AA and
axe's best practices) without a serious or critical violation.

One test walks all roles: the demo data takes a while to build, and one list of every
violation found tells more than the first one alone.
"""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from development.models import DevelopmentPlan, Questionnaire, Response
from events.models import Event
from monitoring.models import Period
from network.models import MethodicalAssociation, Partnership
from practices.models import Practice
from programmes.models import RiskProfile
from tests.conftest import log_in

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def demo_pages():
    """The main pages of each demo role, by username (None: a visitor)."""
    director = User.objects.get(username="direktor")
    school = director.teacher_profile.school
    partnership = Partnership.objects.visible_to(director).first()
    event = Event.objects.filter(status=Event.Status.PUBLISHED).order_by("-starts_at").first()
    questionnaire = Questionnaire.objects.first()
    period = Period.objects.order_by("-starts_on").first()
    association = MethodicalAssociation.objects.first()
    plan = DevelopmentPlan.objects.filter(teacher__user__username="uchitel").first()
    practice = Practice.objects.published().first()
    response = Response.objects.filter(questionnaire=questionnaire).first()
    programme = RiskProfile.objects.get(school=school)

    public = [
        reverse("home"),
        reverse("events:calendar"),
        reverse("events:list"),
        reverse("events:detail", args=[event.pk]),
    ]
    everyone = [
        *public,
        reverse("schools:list"),
        reverse("schools:detail", args=[school.pk]),
        reverse("network:list"),
        reverse("network:roadmap", args=[partnership.pk]),
        reverse("network:associations"),
        reverse("network:association", args=[association.pk]),
        reverse("network:mentorships"),
        reverse("development:questionnaire_list"),
        reverse("notifications:list"),
        reverse("notifications:preferences"),
        reverse("password_change"),
        reverse("practices:list"),
        reverse("practices:list") + "?q=учителя",
        reverse("practices:detail", args=[practice.pk]),
        reverse("practices:school", args=[school.pk]),
        reverse("practices:association", args=[association.pk]),
    ]
    municipal = [
        reverse("development:plan_list"),
        reverse("development:plan_summary"),
        reverse("development:questionnaire_results", args=[questionnaire.pk]),
        reverse("monitoring:dashboard_municipal"),
        reverse("monitoring:dashboard_school", args=[school.pk]),
        reverse("monitoring:dashboard_partnership", args=[partnership.pk]),
        reverse("reports:report_list"),
        reverse("programmes:detail", args=[programme.pk]),
        reverse("programmes:summary"),
    ]
    return {
        None: [*public, reverse("login"), reverse("password_reset"), reverse("events:verify")],
        "uchitel": [
            *everyone,
            reverse("events:my"),
            reverse("schools:mine"),
            reverse("development:plan_mine"),
            reverse("development:plan_detail", args=[plan.pk]),
            reverse("development:questionnaire_answer", args=[questionnaire.pk]),
            reverse("programmes:detail", args=[programme.pk]),
        ],
        "direktor": [
            *everyone,
            reverse("schools:mine"),
            reverse("schools:teachers", args=[school.pk]),
            reverse("development:plan_list"),
            reverse("development:plan_detail", args=[plan.pk]),
            reverse("development:questionnaire_results", args=[questionnaire.pk]),
            reverse("monitoring:entry_home"),
            reverse("monitoring:entry", args=[school.pk, period.pk]),
            reverse("monitoring:dashboard_mine"),
            reverse("reports:report_list"),
            reverse("programmes:detail", args=[programme.pk]),
            reverse("programmes:monitoring", args=[programme.pk, "interim"]),
        ],
        "metodist": [
            *everyone,
            *municipal,
            reverse("schools:teachers", args=[school.pk]),
            reverse("events:create"),
            reverse("practices:add"),
            reverse("events:edit", args=[event.pk]),
            reverse("network:partnership_add"),
            reverse("development:response_detail", args=[response.pk]),
            reverse("events:registrations", args=[event.pk]),
            reverse("events:attendance", args=[event.pk]),
            reverse("monitoring:entry_home"),
            reverse("monitoring:submissions"),
            reverse("monitoring:periods"),
            reverse("monitoring:import"),
            reverse("schools:import", args=["schools"]),
            reverse("schools:import", args=["teachers"]),
            reverse("programmes:curator"),
        ],
        "koordinator": [*everyone, *municipal],
    }


def blocking_violations(page, axe):
    """One line per serious or critical violation on the current page."""
    results = axe.run(page)
    return [
        f"{page.url} [{violation['impact']}] {violation['id']}: {node['target']} — "
        + node["failureSummary"].splitlines()[-1].strip()
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def test_every_main_page_for_every_role_passes_axe(page, transactional_db):
    call_command("load_demo", stdout=StringIO())
    axe = Axe()
    found = []
    for username, urls in demo_pages().items():
        page.context.clear_cookies()
        if username:
            log_in(page, username, DEMO_PASSWORD)
        for url in urls:
            response = page.goto(url)
            assert response.ok, f"{username}: {url} answered {response.status}"
            found += [f"{username or 'visitor'}: {line}" for line in blocking_violations(page, axe)]

    assert not found, f"{len(found)} serious or critical violations:\n" + "\n".join(found)
