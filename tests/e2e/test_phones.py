"""On a 390×844 phone the main pages of every role do not scroll sideways, every action on
them lies within the screen, tables become stacked cards, and filters and the menu fold away."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from development.models import DevelopmentPlan, Questionnaire
from events.models import Event
from monitoring.models import Period
from network.models import MethodicalAssociation, Partnership
from practices.models import Practice
from programmes.models import RiskProfile
from tests.conftest import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# The page's width, and the visible buttons of its main part that lie outside the screen
# (a button inside a sideways-scrolling table counts: nobody finds it there).
MEASURE = """() => {
  const width = window.innerWidth;
  const outside = [...document.querySelectorAll("main .btn, main button, main [type=submit]")]
    .filter((element) => element.getClientRects().length)
    .filter((element) => getComputedStyle(element).visibility !== "hidden")
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.left < -1 || box.right > width + 1);
    })
    .map((element) => element.textContent.trim().replace(/\\s+/g, " ").slice(0, 60));
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, outside};
}"""


def phone_pages():
    """The main pages of each demo role, by username."""
    director = User.objects.get(username="direktor")
    school = director.teacher_profile.school
    event = (
        Event.objects.filter(status=Event.Status.PUBLISHED, capacity__isnull=False)
        .order_by("-starts_at")
        .first()
    )
    plan = DevelopmentPlan.objects.filter(teacher__user__username="uchitel").first()
    questionnaire = Questionnaire.objects.first()
    period = Period.objects.order_by("-starts_on").first()
    partnership = Partnership.objects.visible_to(director).first()
    practice = Practice.objects.published().first()
    association = MethodicalAssociation.objects.get(name="ММО учителей математики")
    # The demo director's school programme: accepted, with its entry monitoring entered.
    programme = RiskProfile.objects.filter(school=school).order_by("-year").first()
    municipal = [
        reverse("home"),
        reverse("monitoring:dashboard_municipal"),
        reverse("monitoring:dashboard_school", args=[school.pk]),
        reverse("monitoring:dashboard_partnership", args=[partnership.pk]),
        reverse("development:plan_list"),
        reverse("development:plan_summary"),
        reverse("development:questionnaire_results", args=[questionnaire.pk]),
        reverse("reports:report_list"),
        reverse("events:calendar"),
        reverse("events:list"),
        reverse("schools:list"),
        reverse("network:list"),
        reverse("network:roadmap", args=[partnership.pk]),
        reverse("programmes:summary"),
        reverse("programmes:detail", args=[programme.pk]),
    ]
    return {
        "uchitel": [
            reverse("home"),
            reverse("events:calendar"),
            reverse("events:list"),
            reverse("events:my"),
            reverse("events:detail", args=[event.pk]),
            reverse("development:plan_mine"),
            reverse("development:plan_detail", args=[plan.pk]),
            reverse("development:questionnaire_list"),
            reverse("development:questionnaire_answer", args=[questionnaire.pk]),
            reverse("schools:mine"),
            reverse("practices:list"),
            reverse("practices:detail", args=[practice.pk]),
            reverse("practices:school", args=[practice.school_id]),
            reverse("practices:association", args=[association.pk]),
        ],
        "direktor": [
            reverse("home"),
            reverse("network:roadmap", args=[partnership.pk]),
            reverse("development:plan_list"),
            reverse("schools:mine"),
            reverse("schools:teachers", args=[school.pk]),
            reverse("monitoring:entry_home"),
            reverse("monitoring:entry", args=[school.pk, period.pk]),
            reverse("monitoring:dashboard_mine"),
            reverse("events:calendar"),
            reverse("reports:report_list"),
            reverse("programmes:detail", args=[programme.pk]),
            reverse("programmes:monitoring", args=[programme.pk, "interim"]),
        ],
        "metodist": [
            *municipal,
            reverse("events:create"),
            reverse("events:detail", args=[event.pk]),
            reverse("events:registrations", args=[event.pk]),
            reverse("events:attendance", args=[event.pk]),
            reverse("schools:teachers", args=[school.pk]),
            reverse("network:associations"),
            reverse("network:mentorships"),
            reverse("monitoring:entry_home"),
            reverse("monitoring:entry", args=[school.pk, period.pk]),
            reverse("monitoring:submissions"),
            reverse("monitoring:periods"),
            reverse("monitoring:import"),
            reverse("programmes:curator"),
            reverse("programmes:curators"),
        ],
        "koordinator": municipal,
    }


def overflow_report(page):
    """What does not fit on the current page: too wide, or actions off the screen."""
    measured = page.evaluate(MEASURE)
    wide, screen = measured["scrollWidth"], measured["innerWidth"]
    problems = []
    if wide > screen:
        problems.append(f"{wide} px wide on a {screen} px screen")
    if measured["outside"]:
        problems.append(f"off screen: {measured['outside']}")
    return problems


@pytest.mark.parametrize("username", ["uchitel", "direktor", "metodist", "koordinator"])
def test_main_pages_fit_a_phone(page, transactional_db, username):
    call_command("load_demo", stdout=StringIO())
    page.set_viewport_size(PHONE)
    log_in(page, username, DEMO_PASSWORD)
    axe = Axe()
    found = []
    for url in phone_pages()[username]:
        response = page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        found += [f"{url}: {problem}" for problem in overflow_report(page)]
        # The stacked cards and the folded filters must not cost what the desktop passes.
        found += blocking_violations(page, axe)

    assert not found, "\n".join(found)


def test_tables_stack_and_filters_and_menu_fold_away_on_a_phone(page, methodologist):
    TeacherFactory.create_batch(3)
    page.set_viewport_size(PHONE)
    log_in(page, methodologist.username)
    page.goto(reverse("development:plan_list"))

    filters = page.locator("#plan-filters")
    assert not filters.is_visible()
    page.get_by_role("button", name="Фильтры").click()
    filters.get_by_label("Учебный год").wait_for()
    assert not page.get_by_role("link", name="Уведомления").is_visible()
    page.get_by_role("button", name="Меню").click()
    page.get_by_role("link", name="Уведомления").wait_for()

    cell = page.locator("table.table-stack tbody td[data-label]").first
    assert cell.get_attribute("data-label") == "Школа"
    # A card: each cell takes the whole width of the table, under its column's name.
    table_box = page.locator("table.table-stack").bounding_box()
    cell_box = cell.bounding_box()
    assert abs(cell_box["width"] - table_box["width"]) < 2
    label = cell.evaluate("(td) => getComputedStyle(td, '::before').content")
    assert label.strip('"') == cell.get_attribute("data-label")


def test_filters_stay_open_on_a_phone_while_filtering(page, methodologist):
    page.set_viewport_size(PHONE)
    log_in(page, methodologist.username)
    page.goto(reverse("development:plan_list") + "?q=Бор")

    assert page.locator("#plan-filters").is_visible()
