"""The centre assigns a school's curator in the portal: who may, what it changes, what it costs."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from notifications.models import Kind, Notification
from programmes import services
from programmes.errors import ProgrammeError
from programmes.models import Curatorship
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.programmes.factories import YEAR, curate, filled, started, written
from tests.schools.factories import SchoolFactory

LOGIN = "login"


def answer(client, url, method="get", **data):
    response = getattr(client, method)(url, data)
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return LOGIN
    return response.status_code


@pytest.fixture
def new_curator(db):
    return UserFactory(
        username="kurator", role=Role.METHODOLOGIST, last_name="Кураторова", first_name="Ольга"
    )


def assign_url(school):
    return reverse("programmes:curator_assign", args=[school.pk])


def test_a_methodologist_assigns_a_curator_who_then_lists_the_school(
    school_a, methodologist, new_curator, login
):
    client = login(methodologist)
    response = client.post(assign_url(school_a), {"curator": new_curator.pk}, follow=True)
    assert (
        response.redirect_chain[-1][0] == f"{reverse('programmes:curators')}#school-{school_a.pk}"
    )
    assert "Куратор школы МАОУ СОШ № 101 теперь — Кураторова Ольга." in response.content.decode()
    curatorship = Curatorship.objects.get(school=school_a)
    assert curatorship.curator == new_curator
    assert [(h.curator_id, h.history_user) for h in curatorship.history.all()] == [
        (new_curator.pk, methodologist)
    ]
    note = Notification.objects.get(kind=Kind.CURATOR_ASSIGNED)
    assert note.user == new_curator
    assert "МАОУ СОШ № 101" in note.title
    rows = login(new_curator).get(reverse("programmes:curator"), {"year": YEAR}).context["rows"]
    assert [row["school"] for row in rows] == [school_a]


def test_a_changed_curator_takes_the_reviews_and_the_history_keeps_both(
    school_a, director_a, methodologist, new_curator, login
):
    curate(school_a, methodologist)
    profile = filled(started(school_a, by=director_a), by=director_a)
    written(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    services.curator_assign(school=school_a, curator=new_curator, by=methodologist)

    curatorship = Curatorship.objects.get(school=school_a)
    assert [h.curator_id for h in curatorship.history.order_by("history_date")] == [
        methodologist.pk,
        new_curator.pk,
    ]
    assert new_curator.has_perm("programmes.review_programme", profile)
    assert not methodologist.has_perm("programmes.review_programme", profile)
    old_rows = login(methodologist).get(reverse("programmes:curator"), {"year": YEAR})
    assert old_rows.context["rows"] == []
    new_rows = login(new_curator).get(reverse("programmes:curator"), {"year": YEAR})
    assert new_rows.context["rows"][0]["profile_waits"]


def test_assigning_the_same_curator_again_changes_nothing(school_a, methodologist, new_curator):
    services.curator_assign(school=school_a, curator=new_curator, by=methodologist)
    services.curator_assign(school=school_a, curator=new_curator, by=methodologist)
    assert Curatorship.objects.get(school=school_a).history.count() == 1
    assert Notification.objects.filter(kind=Kind.CURATOR_ASSIGNED).count() == 1


def test_only_an_active_methodologist_can_be_a_curator(
    school_a, director_a, methodologist, new_curator, login
):
    with pytest.raises(ProgrammeError, match="методист"):
        services.curator_assign(school=school_a, curator=director_a, by=methodologist)
    new_curator.is_active = False
    new_curator.save()
    with pytest.raises(ProgrammeError, match="методист"):
        services.curator_assign(school=school_a, curator=new_curator, by=methodologist)
    response = login(methodologist).post(assign_url(school_a), {"curator": director_a.pk})
    assert response.status_code == 302
    assert not Curatorship.objects.filter(school=school_a).exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("teacher_a", 403),
        ("director_a", 403),
        ("director_b", 404),
        ("coordinator", 403),
    ],
)
def test_no_one_else_assigns_a_curator(role, expected, school_a, cast, new_curator, login):
    client = login(cast[role])
    assert answer(client, assign_url(school_a), "post", curator=new_curator.pk) == expected
    assert not Curatorship.objects.filter(school=school_a).exists()


def test_the_assignment_takes_post_only(school_a, methodologist, login):
    assert answer(login(methodologist), assign_url(school_a)) == 405


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("teacher_a", 403),
        ("director_a", 403),
        ("director_b", 403),
        ("coordinator", 403),
        ("methodologist", 200),
    ],
)
def test_the_curators_page_is_the_methodologists(role, expected, cast, login):
    assert answer(login(cast[role]), reverse("programmes:curators")) == expected


def test_the_curators_page_lists_the_supported_schools_and_filters_them(
    school_a, methodologist, new_curator, login
):
    regular = SchoolFactory(short_name="МАОУ СОШ № 7", category=School.Category.REGULAR)
    curated = SchoolFactory(short_name="МАОУ СОШ № 9", category=School.Category.UNFAVOURABLE)
    curate(curated, new_curator)
    client = login(methodologist)
    page = client.get(reverse("programmes:curators"))
    listed = list(page.context["page"].object_list)
    assert school_a in listed and curated in listed and regular not in listed
    html = page.content.decode()
    assert f'<option value="{new_curator.pk}" selected>' in html
    assert "Назначить куратора" in html
    without = client.get(reverse("programmes:curators"), {"curator": "none"})
    assert list(without.context["page"].object_list) == [school_a]
    by_name = client.get(reverse("programmes:curators"), {"q": "№ 9"})
    assert list(by_name.context["page"].object_list) == [curated]


def test_the_form_goes_back_to_the_page_it_was_on_and_nowhere_else(
    school_a, methodologist, new_curator, login
):
    client = login(methodologist)
    back = client.post(
        assign_url(school_a), {"curator": new_curator.pk, "next": "/programmes/curators/?page=2"}
    )
    assert back.url == f"/programmes/curators/?page=2#school-{school_a.pk}"
    away = client.post(
        assign_url(school_a), {"curator": new_curator.pk, "next": "https://example.com/"}
    )
    assert away.url == f"{reverse('programmes:curators')}#school-{school_a.pk}"


@pytest.mark.parametrize("count", [3, 20])
def test_the_curators_page_costs_the_same_for_few_and_many(
    count, methodologist, new_curator, login, django_assert_max_num_queries
):
    for index in range(count):
        school = SchoolFactory(category=School.Category.LOW_RESULTS)
        if index % 2:
            curate(school, new_curator)
    client = login(methodologist)
    with django_assert_max_num_queries(9):
        page = client.get(reverse("programmes:curators"))
    assert page.status_code == 200
    assert len(page.context["page"].object_list) == count


def test_the_admin_assigns_through_the_same_service(school_a, methodologist, new_curator, login):
    client = login(methodologist)
    response = client.post(
        reverse("admin:programmes_curatorship_add"),
        {"school": school_a.pk, "curator": new_curator.pk},
    )
    assert response.status_code == 302
    curatorship = Curatorship.objects.get(school=school_a)
    assert curatorship.history.get().history_user == methodologist
    assert Notification.objects.filter(kind=Kind.CURATOR_ASSIGNED, user=new_curator).exists()
