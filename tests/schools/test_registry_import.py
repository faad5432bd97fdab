"""Import of teachers and schools from offices' own files: every problem at once, by Excel row."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import ImportRecord
from schools.models import CategoryRecord, School, Teacher
from tests.schools.factories import SubjectFactory, TeacherFactory
from tests.schools.office_files import (
    OFFICE_SCHOOL_HEADERS,
    OFFICE_TEACHER_HEADERS,
    office_csv,
    office_school,
    office_teacher,
    office_xlsx,
)

# The office files put a title in row 1, leave row 2 empty and the header in row 3.
FIRST = 4


@pytest.fixture
def client(login, methodologist):
    return login(methodologist)


def check(client, data, name="педагоги.xlsx", kind="teachers", **extra):
    return client.post(
        reverse("schools:import", args=[kind]),
        {"file": SimpleUploadedFile(name, data), **extra},
    )


def confirm(client, kind="teachers"):
    return client.post(reverse("schools:import_confirm", args=[kind]), follow=True)


def problems(response):
    return [(p.row, p.column, p.value, p.message) for p in response.context["plan"].problems]


def test_an_office_file_with_a_title_row_imports_after_the_preview(client, registry):
    rows = [
        office_teacher(n, school="маоу  сош № 2", subjects="Математика; русский язык")
        for n in range(3)
    ]

    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))

    plan = response.context["plan"]
    assert plan.problems == []
    assert plan.table.header_row == 3
    assert "3 новых, 0 изменится, 0 без изменений" in response.content.decode()
    assert Teacher.objects.count() == 0  # the preview writes nothing

    done = confirm(client)
    assert "Импортировано: новых — 3, изменено — 0, без изменений — 0." in done.content.decode()
    teacher = Teacher.objects.get(last_name="Учителева000")
    assert (teacher.first_name, teacher.patronymic) == ("Мария", "Ивановна")
    assert teacher.school == registry[1]
    assert teacher.qualification == Teacher.Qualification.HIGHEST
    assert teacher.teaches_grade_9 and not teacher.teaches_grade_11
    assert teacher.uses_online_platforms
    assert sorted(s.name for s in teacher.subjects.all()) == ["Математика", "Русский язык"]
    assert teacher.history.count() == 1
    record = ImportRecord.objects.get()
    assert (record.kind, record.created, record.file_name) == (
        ImportRecord.Kind.TEACHERS,
        3,
        "педагоги.xlsx",
    )


def test_three_bad_rows_are_listed_at_once_with_excel_row_numbers(client, registry):
    rows = [office_teacher(n) for n in range(10)]
    rows[2] = office_teacher(2, school="Школа на Луне")
    rows[5] = office_teacher(5, qualification="вторая")
    rows[8] = office_teacher(8, subjects="Математика, астрология")

    # An empty row after the fourth data row moves the later rows down by one.
    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows, blank_after=(3,)))

    assert problems(response) == [
        (FIRST + 2, "Школа", "Школа на Луне", "Неизвестная школа «Школа на Луне»."),
        (
            FIRST + 6,
            "КВАЛИФИКАЦИОННАЯ категория",
            "вторая",
            "Неизвестное значение «вторая»; допустимы: нет, первая, высшая.",
        ),
        (FIRST + 9, "предметы", "Математика, астрология", "Неизвестный предмет: «астрология»."),
    ]
    html = response.content.decode()
    assert "В файле 3 ошибки; ничего не импортировано." in html
    assert "None" not in html
    assert confirm(client).status_code == 200
    assert Teacher.objects.count() == 0  # all or nothing
    assert ImportRecord.objects.get().errors == 3


def test_an_empty_required_cell_shows_an_empty_value(client, registry):
    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, [office_teacher(1, school=None)]))

    assert problems(response) == [(FIRST, "Школа", "", "Обязательное значение не заполнено.")]


def test_a_repeated_row_is_flagged_on_both_rows(client, registry):
    rows = [office_teacher(1), office_teacher(2), office_teacher(1)]

    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))

    message = "Один и тот же учитель указан несколько раз: строки 4, 6."
    name = "Учителева001 Мария Ивановна"
    assert problems(response) == [(4, "ФИО", name, message), (6, "ФИО", name, message)]


def test_namesakes_in_one_school_are_told_apart_by_their_email(client, registry):
    name = "Петрова Анна Сергеевна"
    rows = [
        office_teacher(1, name=name, email="petrova.a@example.org"),
        office_teacher(2, name=name, email="PETROVA.AS@example.org"),
    ]

    check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))
    confirm(client)

    emails = sorted(Teacher.objects.filter(last_name="Петрова").values_list("email", flat=True))
    assert emails == ["petrova.a@example.org", "petrova.as@example.org"]

    # Importing the same file again changes nothing: each namesake keeps their entry.
    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))
    assert "0 новых, 0 изменится, 2 без изменений" in response.content.decode()


def test_namesakes_that_nothing_tells_apart_are_flagged(client, registry):
    name = "Петрова Анна Сергеевна"
    rows = [office_teacher(1, name=name, subjects="Математика"), office_teacher(2, name=name)]
    rows[1][3] = "Русский язык"

    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))

    message = (
        "Тёзки в одной школе: строки 4, 5. Укажите у каждого e-mail, телефон, дату рождения "
        "или табельный номер, чтобы их различить, или удалите повторную строку."
    )
    assert [p[3] for p in problems(response)] == [message, message]


def test_a_second_import_says_what_changes(client, registry):
    TeacherFactory(
        school=registry[0], last_name="Учителева001", first_name="Мария", patronymic="Ивановна"
    )
    TeacherFactory(
        school=registry[0],
        last_name="Учителева002",
        first_name="Мария",
        patronymic="Ивановна",
        qualification=Teacher.Qualification.HIGHEST,
        teaches_grade_9=True,
        uses_online_platforms=True,
    ).subjects.set(SubjectFactory._meta.model.objects.filter(name="Математика"))
    rows = [office_teacher(n) for n in (1, 2, 3)]

    response = check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))

    html = response.content.decode()
    assert "1 новых, 1 изменится, 1 без изменений" in html
    change = response.context["plan"].changes[0]
    assert change.row == 4
    assert ("Квалификационная категория", "Без категории", "Высшая категория") in change.fields
    assert ("9 класс", "нет", "да") in change.fields
    confirm(client)
    assert Teacher.objects.count() == 3
    assert Teacher.objects.get(last_name="Учителева001").qualification == "highest"


def test_a_cp1251_csv_with_semicolons_and_a_title_imports(client, registry):
    rows = [office_teacher(n, name=f"Ёлкина{n} Ольга Петровна") for n in range(2)]

    response = check(client, office_csv(OFFICE_TEACHER_HEADERS, rows), name="педагоги.csv")

    assert response.context["plan"].table.header_row == 2
    confirm(client)
    assert Teacher.objects.filter(last_name__startswith="Ёлкина").count() == 2


def test_the_error_file_is_the_users_file_with_an_error_column(client, registry):
    rows = [office_teacher(n) for n in range(3)]
    rows[1] = office_teacher(1, school="Школа на Луне")
    check(client, office_xlsx(OFFICE_TEACHER_HEADERS, rows))

    response = client.get(reverse("schools:import_errors", args=["teachers"]))

    assert response["Content-Disposition"].startswith('attachment; filename="import.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    width = len(OFFICE_TEACHER_HEADERS) + 1
    assert sheet.cell(row=1, column=1).value.startswith("Список педагогических")
    assert sheet.cell(row=3, column=width).value == "Ошибка"
    assert sheet.cell(row=5, column=width).value == "«Школа»: Неизвестная школа «Школа на Луне»."
    assert sheet.cell(row=4, column=width).value is None
    assert sheet.cell(row=5, column=3).value == "Школа на Луне"  # the user's cells are kept


def test_the_error_file_of_a_csv_is_a_cp1251_csv(client, registry):
    rows = [office_teacher(1, school="Школа на Луне")]
    check(client, office_csv(OFFICE_TEACHER_HEADERS, rows), name="педагоги.csv")

    response = client.get(reverse("schools:import_errors", args=["teachers"]))

    lines = response.content.decode("cp1251").splitlines()
    assert lines[1].endswith(";Ошибка")
    assert lines[2].endswith(";«Школа»: Неизвестная школа «Школа на Луне».")


def test_the_sheet_with_the_table_is_found_and_can_be_chosen(client, registry):
    data = office_xlsx(
        OFFICE_TEACHER_HEADERS,
        [office_teacher(1)],
        sheet="Педагоги",
        before="Пояснения",
    )

    response = check(client, data)
    assert response.context["plan"].table.sheet == "Педагоги"
    assert '<option value="Пояснения">' in response.content.decode()

    again = client.post(reverse("schools:import", args=["teachers"]), {"sheet": "Пояснения"})
    assert "Не найдена строка заголовков со столбцами «Школа»" in again.content.decode()


def test_a_file_without_a_required_column_says_which(client, registry):
    headers = [h for h in OFFICE_TEACHER_HEADERS if h != "Школа"]
    rows = [[c for i, c in enumerate(office_teacher(1)) if i != 2]]

    response = check(client, office_xlsx(headers, rows))

    assert (
        "Не найдена строка заголовков со столбцами «Школа» в первых 15 строках листа"
        in response.content.decode()
    )


def test_900_rows_preview_with_a_bounded_number_of_queries(
    client, registry, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    rows = [office_teacher(n, school=f"МАОУ СОШ № {n % 2 + 1}") for n in range(900)]
    data = office_xlsx(OFFICE_TEACHER_HEADERS, rows, blank_after=(99, 499))

    with django_assert_max_num_queries(15):
        response = check(client, data)

    assert response.context["plan"].problems == []
    assert len(response.context["plan"].new) == 900
    with django_capture_on_commit_callbacks(execute=True):  # a worker's job, eager here
        confirm(client)
    assert Teacher.objects.count() == 900
    assert Teacher.history.count() == 900


def test_schools_with_loose_headers_import_with_their_category_history(client):
    rows = [office_school(1), office_school(2, category="школа-лидер")]

    response = check(client, office_xlsx(OFFICE_SCHOOL_HEADERS, rows), kind="schools")

    assert response.context["plan"].problems == []
    confirm(client, "schools")
    school = School.objects.get(short_name="МАОУ СОШ № 1")
    assert (school.settlement, school.locality, school.category) == (
        "Тобольск",
        School.Locality.RURAL,
        School.Category.LOW_RESULTS,
    )
    assert CategoryRecord.objects.filter(school=school, category="low_results").exists()
    assert School.objects.get(short_name="МАОУ СОШ № 2").category == School.Category.LEADER


def test_a_school_given_twice_is_flagged_on_both_rows(client):
    headers = ["Краткое наименование", "Полное наименование", "Населенный пункт", "Категория"]
    rows = [r[:3] + [r[4]] for r in (office_school(1), office_school(1), office_school(2))]

    response = check(client, office_xlsx(headers, rows), kind="schools")

    message = "Школа указана несколько раз: строки 4, 5."
    assert problems(response) == [
        (4, "Краткое наименование", "МАОУ СОШ № 1", message),
        (5, "Краткое наименование", "МАОУ СОШ № 1", message),
    ]


def test_admin_import_buttons_lead_to_the_portal_import(client):
    response = client.get(reverse("admin:schools_teacher_import"))

    assert response.status_code == 302
    assert response["Location"] == reverse("schools:import", args=["teachers"])


@pytest.mark.parametrize("kind", ["schools", "teachers"])
def test_import_pages_refuse_others(login, anonymous, coordinator, director_a, kind):
    upload = reverse("schools:import", args=[kind])
    assert login(None).get(upload).status_code == 302
    for user in (coordinator, director_a):
        client = login(user)
        assert client.get(upload).status_code == 403
        assert client.get(reverse("schools:import_template", args=[kind])).status_code == 403
        assert client.post(reverse("schools:import_confirm", args=[kind])).status_code == 403


def test_unknown_kind_and_wrong_methods(client):
    assert client.get(reverse("schools:import", args=["pupils"])).status_code == 404
    assert client.get(reverse("schools:import_confirm", args=["teachers"])).status_code == 405
    assert client.get(reverse("schools:import_errors", args=["teachers"])).status_code == 404
