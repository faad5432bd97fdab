import pytest
from django.urls import reverse

from accounts.roles import Role
from events.models import Registration
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def test_teacher_registers_with_one_click(login, event, teacher_a):
    response = login(teacher_a).post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.teacher == teacher_a.teacher_profile
    assert registration.status == Registration.Status.CONFIRMED


def test_teacher_sees_waitlist_position_when_full(login, teacher_a):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    response = login(teacher_a).post(reverse("events:register", args=[event.pk]), follow=True)
    assert "в листе ожидания под номером 1" in response.content.decode()


def test_login_without_registry_entry_is_refused(login, event):
    stranger = UserFactory(username="chuzhoy", role=Role.TEACHER)
    response = login(stranger).post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 403
    assert not event.registrations.exists()


def test_director_registers_own_teacher(login, event, director_a, school_a):
    colleague = TeacherFactory(school=school_a)
    response = login(director_a).post(
        reverse("events:register", args=[event.pk]), {"teacher": colleague.pk}
    )
    assert response.status_code == 302
    assert event.registrations.get().teacher == colleague


def test_director_cannot_register_another_schools_teacher(login, event, director_b, school_a):
    """Nor learn that the teacher is in the registry: 404, as for an unknown id."""
    response = login(director_b).post(
        reverse("events:register", args=[event.pk]), {"teacher": TeacherFactory(school=school_a).pk}
    )
    assert response.status_code == 404
    assert not event.registrations.exists()


def test_teacher_cancels_and_the_seat_goes_to_the_waiting_list(login, teacher_a):
    event = EventFactory(capacity=1)
    mine = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    response = login(teacher_a).post(reverse("events:registration_cancel", args=[mine.pk]))
    assert response.status_code == 302
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED


def test_outsider_cannot_cancel_someone_elses_registration(login, event, director_b, teacher_a):
    mine = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    response = login(director_b).post(reverse("events:registration_cancel", args=[mine.pk]))
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED


def test_my_events_lists_registrations_and_the_private_feed(login, event, teacher_a):
    from events.services import calendar_feed_for

    RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    page = login(teacher_a).get(reverse("events:my")).content.decode()
    assert event.title in page
    assert reverse("events:feed", args=[calendar_feed_for(user=teacher_a).token]) in page


def test_new_feed_address_replaces_the_old(login, teacher_a):
    from events.services import calendar_feed_for

    old = calendar_feed_for(user=teacher_a).token
    login(teacher_a).post(reverse("events:feed_reset"))
    client = login(None)
    assert client.get(reverse("events:feed", args=[old])).status_code == 404
    new = calendar_feed_for(user=teacher_a).token
    assert client.get(reverse("events:feed", args=[new])).status_code == 200


def test_director_form_offers_teachers_by_plain_id(login, event, director_a, school_a):
    colleague = TeacherFactory(school=school_a, pk=4321)
    page = login(director_a).get(reverse("events:detail", args=[event.pk])).content.decode()
    assert f'<option value="{colleague.pk}">' in page


def test_my_events_costs_the_same_queries_for_many_registrations(
    login, teacher_a, django_assert_max_num_queries
):
    for n in range(40):
        event = EventFactory(capacity=1)
        if n % 2:
            RegistrationFactory(event=event)
            RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
            status = Registration.Status.WAITLISTED
        else:
            status = Registration.Status.CONFIRMED
        RegistrationFactory(event=event, teacher=teacher_a.teacher_profile, status=status)
    client = login(teacher_a)
    # The page's count, the associations whose feeds the page offers.
    with django_assert_max_num_queries(14):
        first = client.get(reverse("events:my")).content.decode()
    with django_assert_max_num_queries(14):
        second = client.get(reverse("events:my"), {"page": 2}).content.decode()
    assert "Страница 1 из 2" in first
    assert first.count("<tr>") + second.count("<tr>") == 2 + 40  # with the heads
    assert first.count("номер 2") + second.count("номер 2") == 20
