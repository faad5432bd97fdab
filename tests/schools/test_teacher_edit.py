from datetime import date

from django.urls import reverse

from schools.models import Teacher
from tests.schools.factories import SubjectFactory, TeacherFactory


def edit_url(teacher):
    return reverse("schools:teacher_edit", args=[teacher.school_id, teacher.pk])


def test_director_edits_own_teacher(login, director_a, school_a):
    teacher = TeacherFactory(school=school_a)
    maths = SubjectFactory(name="Математика")

    response = login(director_a).post(
        edit_url(teacher),
        {
            "position": "учитель математики",
            "subjects": [maths.pk],
            "qualification": "highest",
            "teaches_grade_11": "on",
            "uses_online_platforms": "on",
            "email": "t@example.org",
            "birth_date": "1984-03-12",
            "personnel_number": "00123",
        },
    )

    assert response.status_code == 302
    teacher.refresh_from_db()
    assert (teacher.birth_date, teacher.personnel_number) == (date(1984, 3, 12), "00123")
    assert teacher.position == "учитель математики"
    assert list(teacher.subjects.all()) == [maths]
    assert teacher.qualification == Teacher.Qualification.HIGHEST
    assert teacher.teaches_grade_11 and not teacher.teaches_grade_9
    assert teacher.uses_online_platforms


def test_bad_input_is_shown_and_nothing_is_lost(login, director_a, school_a):
    teacher = TeacherFactory(school=school_a, position="учитель")

    response = login(director_a).post(
        edit_url(teacher), {"position": "завуч", "qualification": "first", "email": "не почта"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Введите правильный адрес электронной почты" in html
    assert 'value="завуч"' in html  # what was typed stays in the form
    teacher.refresh_from_db()
    assert teacher.position == "учитель"


def test_director_of_another_school_cannot_post(login, director_b, school_a):
    teacher = TeacherFactory(school=school_a, position="учитель")

    response = login(director_b).post(edit_url(teacher), {"position": "взломщик"})

    assert response.status_code == 404
    teacher.refresh_from_db()
    assert teacher.position == "учитель"


def test_teacher_list_costs_the_same_for_many_teachers(
    login, director_a, school_a, django_assert_max_num_queries
):
    subjects = SubjectFactory.create_batch(3)
    for teacher in TeacherFactory.create_batch(60, school=school_a):
        teacher.subjects.set(subjects)

    client = login(director_a)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("schools:teachers", args=[school_a.pk]))
    assert len(response.context["page"].object_list) == 25
