"""The schools list and a school's teachers are kept as HTML per query (and, for the
teachers, per whether the reader may edit them): every change shows on the next visit."""

import pytest
from django.urls import reverse

from tests.schools.factories import SubjectFactory, TeacherFactory

pytestmark = pytest.mark.django_db


def page(client, name, *args, **query):
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200
    return response


def rendered(response, template):
    return template in [t.name for t in response.templates]


def test_the_schools_list_is_rendered_once_and_follows_a_rename(login, coordinator, school_a):
    client = login(coordinator)
    first = page(client, "schools:list")
    again = page(client, "schools:list")
    assert rendered(first, "schools/_school_list_body.html")
    assert not rendered(again, "schools/_school_list_body.html")

    school_a.short_name = "МАОУ Гимназия № 101"
    school_a.save()
    TeacherFactory(school=school_a)

    renamed = page(client, "schools:list").content.decode()
    assert "Гимназия" in renamed
    assert 'class="text-end">1</td>' in renamed


def test_each_query_of_the_schools_list_is_kept_apart(login, coordinator, school_a, school_b):
    client = login(coordinator)
    page(client, "schools:list")

    found = page(client, "schools:list", q="101").content.decode()

    assert reverse("schools:detail", args=[school_a.pk]) in found
    assert reverse("schools:detail", args=[school_b.pk]) not in found


def test_the_teachers_follow_a_new_teacher_and_a_subject(login, methodologist, school_a):
    teacher = TeacherFactory(school=school_a, last_name="Петрова")
    client = login(methodologist)
    first = page(client, "schools:teachers", school_a.pk)
    assert rendered(first, "schools/_teacher_list_body.html")
    assert not rendered(
        page(client, "schools:teachers", school_a.pk), "schools/_teacher_list_body.html"
    )

    teacher.subjects.add(SubjectFactory(name="Астрономия"))
    TeacherFactory(school=school_a, last_name="Сидорова")

    shown = page(client, "schools:teachers", school_a.pk).content.decode()
    assert "Астрономия" in shown
    assert "Сидорова" in shown


def test_a_reader_who_may_not_edit_never_gets_the_edit_buttons_kept_for_one_who_may(
    login, director_a, coordinator, school_a
):
    teacher = TeacherFactory(school=school_a)
    edit = reverse("schools:teacher_edit", args=[school_a.pk, teacher.pk])

    assert edit in page(login(director_a), "schools:teachers", school_a.pk).content.decode()
    assert edit not in page(login(coordinator), "schools:teachers", school_a.pk).content.decode()
