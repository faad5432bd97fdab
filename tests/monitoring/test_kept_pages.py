"""The monitoring pages' bodies kept as HTML (``kept_html``): a change of what they show is
on the next visit at once, a reader of another school or partnership never gets a body
kept for someone else, and the page around the body still follows the user."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.figures_cache import rows_written
from monitoring.models import Indicator, IndicatorSubmission
from monitoring.services.indicators import submission_approve
from schools.models import School
from tests.monitoring.factories import PeriodFactory, ValueFactory, partnership_of
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db

MUNICIPAL = reverse("monitoring:dashboard_municipal")
SUBMISSIONS = reverse("monitoring:submissions")
CODE = "gia_passed_share"
# Two minutes before and after the midnight between the periods 2025/2026 and 2026/2027,
# well within the time a kept part may live.
LOCAL = zoneinfo.ZoneInfo(settings.TIME_ZONE)
LAST_DAY = datetime.datetime(2026, 8, 31, 23, 58, tzinfo=LOCAL)
NEXT_DAY = datetime.datetime(2026, 9, 1, 0, 2, tzinfo=LOCAL)


def _school_url(school):
    return reverse("monitoring:dashboard_school", args=[school.pk])


def _partnership_url(partnership):
    return reverse("monitoring:dashboard_partnership", args=[partnership.pk])


def _page(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _visits(client, url):
    """The SQL of a first and of a second visit of the page."""
    with CaptureQueriesContext(connection) as first:
        _page(client, url)
    with CaptureQueriesContext(connection) as second:
        _page(client, url)
    return [q["sql"] for q in first], [q["sql"] for q in second]


def _assert_second_visit_reads_no(client, url, table):
    """The second visit costs fewer queries, and none of them reads ``table``, which only
    the kept body reads."""
    first, second = _visits(client, url)
    assert any(table in sql for sql in first), first
    assert len(second) < len(first), (len(first), len(second))
    assert not any(table in sql for sql in second), second


def _entered(school, period, value, state=IndicatorSubmission.State.SUBMITTED):
    """An entered value of the school, not published until its submission is approved."""
    ValueFactory(
        school=school, period=period, code=CODE, value=value, source=Indicator.Source.ENTERED
    )
    return IndicatorSubmission.objects.create(school=school, period=period, state=state)


def _row_of(page, school):
    """The submission list's table row of the school."""
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.S)
    found = [row for row in rows if school.short_name in row]
    assert len(found) == 1, found
    return found[0]


# The municipal dashboard


def test_municipal_dashboard_shows_a_renamed_school_and_a_new_partnership_at_once(
    period, coordinator, login
):
    school = SchoolFactory(short_name="Гимназия Северная")
    ValueFactory(school=school, period=period, code=CODE, value=70)
    client = login(coordinator)
    assert "Гимназия Северная" in _page(client, MUNICIPAL)
    school.short_name = "Гимназия Южная"
    school.save()
    page = _page(client, MUNICIPAL)
    assert "Гимназия Южная" in page and "Гимназия Северная" not in page
    partnership_of(school, title="Сетевое партнёрство «Восход»")
    assert "Сетевое партнёрство «Восход»" in _page(client, MUNICIPAL)


def test_municipal_dashboard_shows_an_approved_value_in_the_ranking_at_once(
    period, coordinator, methodologist, login
):
    school = SchoolFactory(short_name="Гимназия Северная")
    submission = _entered(school, period, 64)
    client = login(coordinator)
    assert "Гимназия Северная" not in _page(client, MUNICIPAL)  # not published yet
    submission_approve(submission=submission, by=methodologist)
    page = _page(client, MUNICIPAL)
    assert "Гимназия Северная" in page and '<td class="text-end">64</td>' in page


def test_municipal_dashboard_around_the_kept_body_follows_the_user(
    period, methodologist, coordinator, director_a, login
):
    ValueFactory(school=SchoolFactory(), period=period, code=CODE, value=70)
    assert methodologist.last_name in _page(login(methodologist), MUNICIPAL)
    page = _page(login(coordinator), MUNICIPAL)
    assert coordinator.last_name in page and methodologist.last_name not in page
    assert login(director_a).get(MUNICIPAL).status_code == 403


def test_municipal_dashboard_follows_the_current_period_to_the_next_day(coordinator, login):
    """The default period is the one running today: a body kept yesterday is not today's."""
    old, new = PeriodFactory(year=2025), PeriodFactory(year=2026)
    ValueFactory(school=SchoolFactory(), period=old, code=CODE, value=70)
    ValueFactory(school=SchoolFactory(), period=new, code=CODE, value=30)
    with time_machine.travel(LAST_DAY, tick=False) as traveller:
        client = login(coordinator)
        assert f'<option value="{old.pk}" selected>' in _page(client, MUNICIPAL)
        traveller.move_to(NEXT_DAY)
        assert f'<option value="{new.pk}" selected>' in _page(client, MUNICIPAL)


def test_municipal_dashboard_second_visit_renders_no_body(period, coordinator, login):
    ValueFactory(school=SchoolFactory(), period=period, code=CODE, value=70)
    _assert_second_visit_reads_no(login(coordinator), MUNICIPAL, "network_partnership")


# The school dashboard


def test_school_dashboard_shows_an_approved_value_at_once(
    period, school_a, director_a, methodologist, login
):
    submission = _entered(school_a, period, 64)
    client = login(director_a)
    assert '<td class="text-end">64</td>' not in _page(client, _school_url(school_a))
    submission_approve(submission=submission, by=methodologist)
    assert '<td class="text-end">64</td>' in _page(client, _school_url(school_a))


def test_school_dashboard_shows_a_new_partnership_and_category_at_once(
    period, school_a, director_a, login
):
    client = login(director_a)
    page = _page(client, _school_url(school_a))
    assert "badge-category-low_results" in page and "Сетевое партнёрство" not in page
    partnership_of(school_a, title="Сетевое партнёрство «Восход»")
    school_a.category = School.Category.REGULAR
    school_a.save()
    page = _page(client, _school_url(school_a))
    assert "Сетевое партнёрство «Восход»" in page
    assert "badge-category-regular" in page and "badge-category-low_results" not in page


def test_a_director_never_gets_the_body_kept_for_another_school(
    period, school_a, school_b, methodologist, director_b, login
):
    ValueFactory(school=school_a, period=period, code=CODE, value=33)
    ValueFactory(school=school_b, period=period, code=CODE, value=77)
    page = _page(login(methodologist), _school_url(school_a))
    assert '<td class="text-end">33</td>' in page
    page = _page(login(director_b), _school_url(school_b))
    assert '<td class="text-end">77</td>' in page
    assert '<td class="text-end">33</td>' not in page
    assert reverse("monitoring:entry", args=[school_b.pk, period.pk]) in page
    assert reverse("monitoring:entry", args=[school_a.pk, period.pk]) not in page
    assert login(director_b).get(_school_url(school_a)).status_code == 404


def test_school_dashboard_second_visit_renders_no_body(period, school_a, director_a, login):
    ValueFactory(school=school_a, period=period, code=CODE, value=33)
    client = login(director_a)
    _assert_second_visit_reads_no(client, _school_url(school_a), "monitoring_indicatorvalue")


# The partnership dashboard


def test_partnership_dashboard_shows_a_new_title_and_value_at_once(
    period, school_a, director_a, login
):
    partnership = partnership_of(school_a, title="Сетевое партнёрство «Восход»")
    client = login(director_a)
    page = _page(client, _partnership_url(partnership))
    assert "Сетевое партнёрство «Восход»" in page and "<td>64</td>" not in page
    partnership.title = "Сетевое партнёрство «Закат»"
    partnership.save()
    ValueFactory(school=school_a, period=period, code=CODE, value=64)
    page = _page(client, _partnership_url(partnership))
    assert "Сетевое партнёрство «Закат»" in page and "«Восход»" not in page
    assert "<td>64</td>" in page


def test_a_director_never_gets_the_body_kept_for_another_partnership(
    period, school_a, school_b, methodologist, director_a, director_b, login
):
    ours = partnership_of(school_a, title="Сетевое партнёрство «Восход»")
    theirs = partnership_of(school_b, title="Сетевое партнёрство «Закат»")
    assert "«Восход»" in _page(login(methodologist), _partnership_url(ours))
    assert "«Закат»" in _page(login(methodologist), _partnership_url(theirs))
    page = _page(login(director_b), _partnership_url(theirs))
    assert "«Закат»" in page and str(school_b) in page
    assert "«Восход»" not in page and str(school_a) not in page
    assert login(director_a).get(_partnership_url(theirs)).status_code == 404


def test_partnership_dashboard_second_visit_renders_no_body(period, school_a, director_a, login):
    partnership = partnership_of(school_a)
    ValueFactory(school=school_a, period=period, code=CODE, value=64)
    client = login(director_a)
    _assert_second_visit_reads_no(client, _partnership_url(partnership), "indicatorvalue")


# The submission list


def test_submission_list_shows_an_approved_submission_and_a_renamed_school_at_once(
    period, methodologist, login
):
    school = SchoolFactory(short_name="Гимназия Северная")
    submission = _entered(school, period, 64)
    client = login(methodologist)
    assert "text-bg-primary" in _row_of(_page(client, SUBMISSIONS), school)  # submitted
    submission_approve(submission=submission, by=methodologist)
    school.short_name = "Гимназия Южная"
    school.save()
    row = _row_of(_page(client, SUBMISSIONS), school)
    assert "text-bg-success" in row and "text-bg-primary" not in row  # approved


def test_submission_list_follows_a_bulk_write(period, methodologist, login):
    """A write without signals (a queryset update) tells the area itself."""
    school = SchoolFactory(short_name="Гимназия Северная")
    _entered(school, period, 64)
    client = login(methodologist)
    assert "text-bg-primary" in _row_of(_page(client, SUBMISSIONS), school)
    IndicatorSubmission.objects.filter(school=school).update(
        state=IndicatorSubmission.State.RETURNED
    )
    rows_written(IndicatorSubmission)
    assert "text-bg-warning" in _row_of(_page(client, SUBMISSIONS), school)  # returned


def test_submission_list_around_the_kept_body_follows_the_user(
    period, methodologist, coordinator, director_a, login
):
    SchoolFactory()
    import_url = reverse("monitoring:import")
    assert import_url in _page(login(methodologist), SUBMISSIONS)
    page = _page(login(coordinator), SUBMISSIONS)
    assert import_url not in page
    assert coordinator.last_name in page and methodologist.last_name not in page
    assert login(director_a).get(SUBMISSIONS).status_code == 403


def test_submission_list_follows_the_current_period_to_the_next_day(methodologist, login):
    school = SchoolFactory()
    old, new = PeriodFactory(year=2025), PeriodFactory(year=2026)
    with time_machine.travel(LAST_DAY, tick=False) as traveller:
        client = login(methodologist)
        page = _page(client, SUBMISSIONS)
        assert reverse("monitoring:entry", args=[school.pk, old.pk]) in page
        traveller.move_to(NEXT_DAY)
        page = _page(client, SUBMISSIONS)
        assert reverse("monitoring:entry", args=[school.pk, new.pk]) in page
        assert reverse("monitoring:entry", args=[school.pk, old.pk]) not in page


def test_submission_list_second_visit_renders_no_body(period, methodologist, login):
    _entered(SchoolFactory(), period, 64)
    client = login(methodologist)
    _assert_second_visit_reads_no(client, SUBMISSIONS, "monitoring_indicatorsubmission")
