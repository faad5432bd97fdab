from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import SchoolFactory, SubjectFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2026, 3, 2, 9, 0))


@time_machine.travel(NOW, tick=False)
def test_month_view_shows_the_months_events_on_their_days(login):
    EventFactory(title="Весенний вебинар", starts_at=NOW + timedelta(days=10))
    EventFactory(title="Апрельский семинар", starts_at=NOW + timedelta(days=40))
    response = login(None).get(reverse("events:calendar"))
    assert response.status_code == 200
    assert "Весенний вебинар" in response.content.decode()
    assert "Апрельский семинар" not in response.content.decode()
    response = login(None).get(reverse("events:calendar"), {"year": 2026, "month": 4})
    assert "Апрельский семинар" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_drafts_are_not_in_the_public_calendar(login, methodologist):
    EventFactory(title="Черновик семинара", status=Event.Status.DRAFT)
    assert "Черновик семинара" not in login(None).get(reverse("events:list")).content.decode()
    assert "Черновик семинара" in login(methodologist).get(reverse("events:list")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_list_filters_by_kind_format_subject_audience_school_and_dates(login):
    maths = SubjectFactory(name="Математика")
    host = SchoolFactory(short_name="МАОУ Гимназия № 7")
    wanted = EventFactory(
        title="Нужный вебинар",
        kind=Event.Kind.WEBINAR,
        format=Event.Format.ONLINE,
        audience=Event.Audience.GRADUATING,
        host_school=host,
        subjects=[maths],
        starts_at=NOW + timedelta(days=5),
    )
    EventFactory(title="Другой семинар", starts_at=NOW + timedelta(days=5))
    client = login(None)
    for query in [
        {"kind": Event.Kind.WEBINAR},
        {"format": Event.Format.ONLINE},
        {"subject": maths.pk},
        {"audience": Event.Audience.GRADUATING},
        {"host_school": host.pk},
        {"host_school": "Гимназия № 7"},
        {"q": "Нужный"},
    ]:
        page = client.get(reverse("events:list"), query).context["page"]
        assert list(page.object_list) == [wanted], query
    # The host is typed, not picked from a list of every school of the region.
    response = client.get(reverse("events:list"))
    assert 'type="search" name="host_school"' in response.content.decode()
    assert (
        not client.get(reverse("events:list"), {"host_school": "9" * 40})
        .context["page"]
        .object_list
    )
    dated = client.get(
        reverse("events:list"), {"date_from": "2026-03-07", "date_to": "2026-03-07"}
    ).context["page"]
    assert len(dated.object_list) == 2
    assert (
        not client.get(reverse("events:list"), {"date_from": "2026-03-08"})
        .context["page"]
        .object_list
    )


@time_machine.travel(NOW, tick=False)
def test_list_paginates(login):
    for day in range(45):
        EventFactory(starts_at=NOW + timedelta(days=1, hours=day))
    page = login(None).get(reverse("events:list"), {"page": 3}).context["page"]
    assert page.number == 3
    assert len(page.object_list) == 5


@time_machine.travel(NOW, tick=False)
def test_calendar_and_list_cost_the_same_queries_for_hundreds_of_events(
    login, django_assert_max_num_queries
):
    subjects = [SubjectFactory(name=f"Предмет {n}") for n in range(3)]
    host = SchoolFactory()
    for n in range(300):
        event = EventFactory(
            starts_at=NOW + timedelta(hours=n), host_school=host, subjects=subjects
        )
        RegistrationFactory(event=event)
    client = login(None)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("events:calendar")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("events:list")).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_list_shows_upcoming_events_unless_past_ones_are_asked_for(login):
    EventFactory(title="Прошлогодний семинар", starts_at=NOW - timedelta(days=30))
    client = login(None)
    assert "Прошлогодний семинар" not in client.get(reverse("events:list")).content.decode()
    page = client.get(reverse("events:list"), {"past": "1"}).content.decode()
    assert "Прошлогодний семинар" in page


@time_machine.travel(NOW, tick=False)
def test_month_navigation_links_carry_plain_years_and_the_filters(login):
    page = login(None).get(reverse("events:calendar"), {"kind": "webinar"}).content.decode()
    assert "?year=2026&amp;month=2&amp;kind=webinar" in page
    assert "?year=2026&amp;month=4&amp;kind=webinar" in page


@pytest.mark.parametrize(
    "query",
    [
        {"year": "99999999999999999999", "month": "1"},
        {"year": "9999", "month": "12"},
        {"year": "2026", "month": "99999999999999999999"},
        {"year": "0", "month": "0"},
    ],
)
def test_calendar_shows_this_month_for_an_impossible_one(client, db, query):
    response = client.get(reverse("events:calendar"), query)

    assert response.status_code == 200
    assert response.context["month"] == timezone.localdate().replace(day=1)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("capacity", "text"), [(21, "из 21 места"), (24, "из 24 мест")])
def test_list_counts_seats_in_russian_plural_forms(login, capacity, text):
    EventFactory(title="Семинар", starts_at=NOW + timedelta(days=3), capacity=capacity)
    assert text in login(None).get(reverse("events:list")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_month_view_lists_the_days_with_events_as_an_agenda_for_phones(login):
    EventFactory(title="Весенний вебинар", starts_at=NOW + timedelta(days=10))
    page = login(None).get(reverse("events:calendar")).content.decode()
    agenda = page.split('class="list-unstyled d-md-none calendar-agenda"')[1].split("</ol>")[0]
    assert "Четверг, 12 марта" in agenda
    assert "Весенний вебинар" in agenda


@time_machine.travel(NOW, tick=False)
def test_a_busy_day_shows_its_first_events_and_links_the_rest(login):
    for hour in range(6):
        EventFactory(title=f"Семинар в {10 + hour} часов", starts_at=NOW + timedelta(hours=hour))
    client = login(None)

    page = client.get(reverse("events:calendar")).content.decode()

    assert "Семинар в 13 часов" in page and "Семинар в 14 часов" not in page
    link = "/events/list/?date_from=2026-03-02&amp;date_to=2026-03-02&amp;"
    assert page.count(f'href="{link}') == 2  # the grid and the phones' agenda
    assert "и ещё 2" in page
    listed = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Семинар в 14 часов" in listed and "Семинар в 15 часов" in listed


@time_machine.travel(NOW, tick=False)
def test_a_days_list_has_the_course_that_began_the_day_before(login):
    EventFactory(
        title="Курсы повышения квалификации",
        starts_at=NOW - timedelta(days=1),
        ends_at=NOW + timedelta(days=2),
    )
    EventFactory(title="Вчерашний семинар", starts_at=NOW - timedelta(days=1))
    day = timezone.localdate(NOW).isoformat()

    listed = login(None).get(reverse("events:list"), {"date_from": day, "date_to": day})

    titles = [event.title for event in listed.context["page"].object_list]
    assert titles == ["Курсы повышения квалификации"]


@time_machine.travel(NOW, tick=False)
def test_a_cancelled_event_is_struck_through_in_the_grid_and_badged_in_the_agenda(login):
    event = EventFactory(
        title="Семинар «Функциональная грамотность»",
        starts_at=NOW + timedelta(days=1),
        status=Event.Status.CANCELLED,
    )

    page = login(None).get(reverse("events:calendar")).content.decode()

    agenda = page.split('class="list-unstyled d-md-none calendar-agenda"')[1].split("</ol>")[0]
    grid = page.split('class="table table-bordered mb-0 calendar-month"')[1]
    link = f'href="{reverse("events:detail", args=[event.pk])}"'
    assert f'<a class="text-decoration-line-through text-danger" {link}>' in agenda
    assert (
        'Семинар «Функциональная грамотность»</a> <span class="badge text-bg-danger">Отменено'
        in agenda
    )
    assert "d-block text-truncate text-decoration-line-through text-danger" in grid
    assert "09:00 Семинар «Функциональная грамотность»" in grid
