"""Who a teacher's row is: namesakes told apart, personnel numbers, dates of birth."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from schools.models import Teacher
from tests.schools.factories import SchoolFactory, SubjectFactory, TeacherFactory
from tests.schools.office_files import OFFICE_TEACHER_HEADERS, office_teacher, office_xlsx

HEADERS = [*OFFICE_TEACHER_HEADERS, "Дата рождения", "Таб. №"]
NAME = "Петрова Анна Сергеевна"


@pytest.fixture
def client(login, methodologist):
    return login(methodologist)


@pytest.fixture
def school(db):
    SubjectFactory(name="Математика")
    return SchoolFactory(short_name="МАОУ СОШ № 1")


def row(n, *, born=None, number=None, name=NAME, **cells):
    return [*office_teacher(n, name=name, **cells), born, number]


def check(client, rows):
    data = office_xlsx(HEADERS, rows)
    return client.post(
        reverse("schools:import", args=["teachers"]),
        {"file": SimpleUploadedFile("педагоги.xlsx", data)},
    )


def confirm(client):
    return client.post(reverse("schools:import_confirm", args=["teachers"]), follow=True)


def problems(response):
    return [(p.row, p.column, p.value, p.message) for p in response.context["plan"].problems]


def summary(created, changed, unchanged):
    return f"{created} новых, {changed} изменится, {unchanged} без изменений"


def test_namesakes_born_on_other_days_are_two_teachers(client, school):
    rows = [row(1, born=datetime.datetime(1980, 5, 1)), row(2, born="12.03.1985")]

    response = check(client, rows)
    assert summary(2, 0, 0) in response.content.decode()
    confirm(client)

    born = sorted(Teacher.objects.filter(last_name="Петрова").values_list("birth_date", flat=True))
    assert born == [datetime.date(1980, 5, 1), datetime.date(1985, 3, 12)]
    # The same file again finds each namesake by their date of birth.
    assert summary(0, 0, 2) in check(client, rows).content.decode()


def test_personnel_numbers_are_kept_as_typed_and_tell_namesakes_apart(client, school):
    rows = [row(1, number="00123"), row(2, number=123)]

    check(client, rows)
    confirm(client)

    numbers = sorted(Teacher.objects.values_list("personnel_number", flat=True))
    assert numbers == ["00123", "123"]
    rows[1][4] = "первая"  # the second namesake's qualification changes
    response = check(client, rows)
    assert summary(0, 1, 1) in response.content.decode()
    [change] = response.context["plan"].changes
    assert change.row == 5
    assert change.fields == [("Квалификационная категория", "Высшая категория", "Первая категория")]


def test_a_stored_namesake_is_updated_and_a_new_one_added(client, school):
    for born in (datetime.date(1970, 1, 2), datetime.date(1990, 6, 7)):
        TeacherFactory(
            school=school,
            last_name="Петрова",
            first_name="Анна",
            patronymic="Сергеевна",
            birth_date=born,
            qualification=Teacher.Qualification.HIGHEST,
            teaches_grade_9=True,
            uses_online_platforms=True,
        )
    rows = [
        row(1, born="02.01.1970", subjects=""),
        row(2, born="07.06.1990", subjects="", phone="+7 900 000-00-00"),
        row(3, born="03.03.2000", subjects=""),
    ]

    response = check(client, rows)

    assert summary(1, 1, 1) in response.content.decode()
    [change] = response.context["plan"].changes
    assert (change.row, change.fields) == (5, [("Телефон", "", "+7 900 000-00-00")])
    confirm(client)
    assert Teacher.objects.filter(last_name="Петрова").count() == 3


def test_the_personnel_number_finds_a_teacher_whose_surname_changed(client, school):
    TeacherFactory(
        school=school,
        last_name="Иванова",
        first_name="Анна",
        patronymic="Сергеевна",
        personnel_number="77",
    )

    response = check(client, [row(1, number=77)])

    assert summary(0, 1, 0) in response.content.decode()
    [change] = response.context["plan"].changes
    assert ("Фамилия", "Иванова", "Петрова") in change.fields


def test_namesakes_alike_in_everything_are_a_repeated_row(client, school):
    rows = [row(1, born="01.05.1980", number="5"), row(2, born="01.05.1980", number="5")]

    response = check(client, rows)

    message = "Один и тот же учитель указан несколько раз: строки 4, 5."
    assert problems(response) == [(4, "ФИО", NAME, message), (5, "ФИО", NAME, message)]


def test_namesakes_told_apart_by_nothing_are_refused(client, school):
    response = check(client, [row(1), row(2, subjects="")])

    message = (
        "Тёзки в одной школе: строки 4, 5. Укажите у каждого e-mail, телефон, дату рождения "
        "или табельный номер, чтобы их различить, или удалите повторную строку."
    )
    assert problems(response) == [(4, "ФИО", NAME, message), (5, "ФИО", NAME, message)]


def test_one_personnel_number_for_two_teachers_is_refused(client, school):
    rows = [row(1, number="00123"), row(2, name="Сидорова Ольга Ивановна", number="00123")]

    response = check(client, rows)

    message = "Один табельный номер указан у нескольких учителей школы: строки 4, 5."
    assert problems(response) == [(4, "Таб. №", "00123", message), (5, "Таб. №", "00123", message)]


def test_a_date_of_birth_that_is_no_date_is_refused(client, school):
    response = check(client, [row(1, born="31.02.1980")])

    message = "Ожидалась дата вида 31.12.2025, а указано «31.02.1980»."
    assert problems(response) == [(4, "Дата рождения", "31.02.1980", message)]
