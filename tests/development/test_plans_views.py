"""The plan pages: a teacher's journey, a reviewer's decisions, evidence, lists and export."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.dates import current_academic_year
from development.models.plans import DevelopmentPlan, PlanItem
from development.services.questionnaires import response_submit
from tests.development.factories import (
    DevelopmentPlanFactory,
    PlanItemFactory,
    PlanTemplateItemFactory,
    questionnaire_with,
)
from tests.events.factories import EventFactory, RegistrationFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

pytestmark = pytest.mark.django_db
S = DevelopmentPlan.Status


def test_teacher_without_a_plan_is_offered_to_create_one(login, teacher_a):
    response = login(teacher_a).get(reverse("development:plan_mine"))

    assert "У вас ещё нет индивидуального плана" in response.content.decode()


def test_create_form_suggests_the_three_weakest_areas(login, teacher_a):
    statements = ["Работа с родителями", "Оценивание", "Дистанционное обучение", "ГИА"]
    questionnaire, difficulties = questionnaire_with(statements)
    response_submit(
        questionnaire=questionnaire,
        teacher=teacher_a.teacher_profile,
        answers=dict(zip([d.pk for d in difficulties], [1, 3, 0, 2], strict=True)),
    )

    form = login(teacher_a).get(reverse("development:plan_create")).context["form"]

    assert list(form.fields["difficulties"].queryset.order_by("pk")) == [
        difficulties[0],
        difficulties[1],
        difficulties[3],
    ]


def test_teacher_creates_a_plan_with_chosen_difficulties(login, teacher_a):
    questionnaire, difficulties = questionnaire_with(["Оценивание"])
    response_submit(
        questionnaire=questionnaire,
        teacher=teacher_a.teacher_profile,
        answers={difficulties[0].pk: 3},
    )

    response = login(teacher_a).post(
        reverse("development:plan_create"),
        {
            "year": current_academic_year(),
            "theme": "Формирующее оценивание",
            "difficulties": [difficulties[0].pk],
        },
    )

    plan = DevelopmentPlan.objects.get(teacher=teacher_a.teacher_profile)
    assert response["Location"] == reverse("development:plan_detail", args=[plan.pk])
    assert list(plan.difficulties.all()) == difficulties
    assert plan.status == S.DRAFT


def test_teacher_adds_an_item_and_submits(login, teacher_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile)
    client = login(teacher_a)

    client.post(
        reverse("development:plan_item_add", args=[plan.pk]),
        {"kind": PlanItem.Kind.COURSE, "title": "Курсы ДИРО", "due_date": "2026-12-20"},
    )
    client.post(reverse("development:plan_submit", args=[plan.pk]))

    plan.refresh_from_db()
    assert plan.status == S.SUBMITTED
    assert plan.items.get().title == "Курсы ДИРО"


def test_invalid_item_shows_the_errors_on_the_plan_page(login, teacher_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile)

    response = login(teacher_a).post(
        reverse("development:plan_item_add", args=[plan.pk]), {"title": ""}
    )

    assert response.status_code == 200
    assert response.context["item_form"].errors
    assert not plan.items.exists()


def test_refused_submission_shows_the_reason(login, teacher_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile)

    response = login(teacher_a).post(
        reverse("development:plan_submit", args=[plan.pk]), follow=True
    )

    assert "хотя бы один пункт" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == S.DRAFT


def test_director_approves_with_a_comment_the_teacher_sees(login, teacher_a, director_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=S.SUBMITTED)

    login(director_a).post(
        reverse("development:plan_approve", args=[plan.pk]), {"comment": "Утверждаю"}
    )

    plan.refresh_from_db()
    assert plan.status == S.APPROVED
    page = login(teacher_a).get(reverse("development:plan_detail", args=[plan.pk]))
    assert "Утверждаю" in page.content.decode()


def test_director_returns_a_plan_with_a_comment(login, teacher_a, director_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=S.SUBMITTED)

    login(director_a).post(
        reverse("development:plan_return", args=[plan.pk]), {"comment": "Добавьте курсы"}
    )

    plan.refresh_from_db()
    assert plan.status == S.RETURNED


def test_teacher_registered_event_is_offered_and_added(login, teacher_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=S.APPROVED)
    event = EventFactory(title="Мастер-класс «Смысловое чтение»")
    RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    client = login(teacher_a)

    page = client.get(reverse("development:plan_detail", args=[plan.pk]))
    client.post(reverse("development:plan_item_add_event", args=[plan.pk]), {"event": event.pk})

    assert [r.event for r in page.context["offered"]] == [event]
    item = plan.items.get()
    assert (item.event, item.kind, item.status) == (
        event,
        PlanItem.Kind.SEMINAR,
        PlanItem.Status.PLANNED,
    )
    assert not client.get(reverse("development:plan_detail", args=[plan.pk])).context["offered"]


def test_item_done_with_an_evidence_file_that_only_permitted_users_download(
    login, teacher_a, director_b, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = PlanItemFactory(plan__teacher=teacher_a.teacher_profile, plan__status=S.APPROVED)
    client = login(teacher_a)

    client.post(
        reverse("development:plan_item_complete", args=[item.pk]),
        {"result": "Сертификат", "evidence_file": SimpleUploadedFile("cert.pdf", b"%PDF-1.4")},
    )

    item.refresh_from_db()
    assert item.status == PlanItem.Status.DONE
    evidence = reverse("development:plan_evidence", args=[item.pk])
    download = client.get(evidence)
    assert b"".join(download.streaming_content) == b"%PDF-1.4"
    assert download["Content-Type"] == "application/pdf"
    assert login(director_b).get(evidence).status_code == 404

    item.evidence_file.storage.delete(item.evidence_file.name)  # gone: 404, not an error
    assert client.get(evidence).status_code == 404


@pytest.mark.parametrize(
    ("name", "size"),
    [("script.exe", 10), ("big.pdf", 10 * 1024 * 1024 + 1), ("renamed-program.pdf", 10)],
)
def test_evidence_upload_refuses_other_types_and_big_files(
    login, teacher_a, settings, tmp_path, name, size
):
    settings.MEDIA_ROOT = tmp_path
    item = PlanItemFactory(plan__teacher=teacher_a.teacher_profile, plan__status=S.APPROVED)

    response = login(teacher_a).post(
        reverse("development:plan_item_complete", args=[item.pk]),
        {"evidence_file": SimpleUploadedFile(name, b"x" * size)},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["evidence_file"]
    item.refresh_from_db()
    assert item.status == PlanItem.Status.PLANNED


def test_deleting_an_item_asks_first(login, teacher_a):
    item = PlanItemFactory(plan__teacher=teacher_a.teacher_profile)
    client = login(teacher_a)

    confirm = client.get(reverse("development:plan_item_delete", args=[item.pk]))
    assert "нельзя отменить" in confirm.content.decode()
    assert PlanItem.objects.filter(pk=item.pk).exists()

    client.post(reverse("development:plan_item_delete", args=[item.pk]))
    assert not PlanItem.objects.filter(pk=item.pk).exists()


def _school_with_plans(school, n):
    overdue = timezone.localdate() - timedelta(days=3)
    for i in range(n):
        teacher = TeacherFactory(school=school)
        if i % 3 == 0:
            continue  # no plan yet
        plan = DevelopmentPlanFactory(teacher=teacher, status=S.APPROVED)
        PlanItemFactory.create_batch(2, plan=plan)
        PlanItemFactory(plan=plan, due_date=overdue)


def test_director_list_shows_own_teachers_progress_and_who_has_no_plan(
    login, director_a, school_a, school_b
):
    _school_with_plans(school_a, 3)
    _school_with_plans(school_b, 3)

    page = login(director_a).get(reverse("development:plan_list")).context["page"]

    teachers = list(page.object_list)
    assert {t.school_id for t in teachers} == {school_a.pk}
    assert sorted(t.plan.overdue_count if t.plan else -1 for t in teachers) == [-1, 1, 1]


def test_no_plan_filter(login, director_a, school_a):
    _school_with_plans(school_a, 3)

    response = login(director_a).get(reverse("development:plan_list"), {"status": "none"})

    page = response.context["page"]

    assert [t.plan for t in page.object_list] == [None]


def test_director_list_costs_the_same_for_many_teachers(
    login, director_a, school_a, django_assert_max_num_queries
):
    _school_with_plans(school_a, 30)
    client = login(director_a)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("development:plan_list"))

    assert len(response.context["page"].object_list) == 25


def test_methodologist_figures_cost_the_same_for_many_schools(
    login, methodologist, django_assert_max_num_queries
):
    for _ in range(12):
        _school_with_plans(SchoolFactory(), 4)
    client = login(methodologist)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("development:plan_summary"))
    with django_assert_max_num_queries(12):
        client.get(reverse("development:plan_list"))

    school = response.context["schools"][0]
    assert (school.teacher_count, school.plan_count, school.item_count) == (4, 2, 6)
    assert (school.done_count, school.overdue_count) == (0, 2)


def test_plans_export_escapes_formulas(login, director_a, school_a):
    teacher = TeacherFactory(school=school_a, last_name="=HYPERLINK")
    DevelopmentPlanFactory(teacher=teacher, theme="=1+1")

    response = login(director_a).get(reverse("development:plan_export"))

    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Школа", "Учитель", "Состояние плана")
    row = next(r for r in rows if r[3] == "'=1+1")
    assert row[1].startswith("'=HYPERLINK")
    assert row[2] == "Черновик"


def test_my_plan_page_offers_registered_events(login, teacher_a):
    DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=S.APPROVED)
    RegistrationFactory(event=EventFactory(), teacher=teacher_a.teacher_profile)

    response = login(teacher_a).get(reverse("development:plan_mine"))

    assert response.context["offered"] == 1
    assert "не внесено в ваш план" in response.content.decode()


def test_plan_from_a_template_takes_its_theme_when_none_is_given(login, teacher_a):
    template = PlanTemplateItemFactory(title="Курсы ДИРО").template

    login(teacher_a).post(
        reverse("development:plan_create"),
        {"year": current_academic_year(), "template": template.pk},
    )

    plan = DevelopmentPlan.objects.get(teacher=teacher_a.teacher_profile)
    assert plan.theme == template.theme
    assert [item.title for item in plan.items.all()] == ["Курсы ДИРО"]


def test_plan_without_theme_or_template_is_refused(login, teacher_a):
    response = login(teacher_a).post(
        reverse("development:plan_create"), {"year": current_academic_year()}
    )

    assert "Укажите тему самообразования" in response.content.decode()
    assert not DevelopmentPlan.objects.exists()


def test_item_added_to_a_plan_under_review_is_refused_with_a_message(login, teacher_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, status=S.SUBMITTED)

    response = login(teacher_a).post(
        reverse("development:plan_item_add", args=[plan.pk]),
        {"kind": PlanItem.Kind.COURSE, "title": "Курсы ДИРО", "due_date": "2026-12-20"},
        follow=True,
    )

    assert "Пункты нельзя менять" in response.content.decode()
    assert not plan.items.exists()


def test_director_starts_a_plan_for_her_teacher_from_a_template(login, director_a, teacher_a):
    template = PlanTemplateItemFactory(title="Стажировка в школе-лидере").template
    teacher = teacher_a.teacher_profile

    response = login(director_a).post(
        reverse("development:plan_create"),
        {"year": current_academic_year(), "template": template.pk},
        query_params={"teacher": teacher.pk},
    )

    plan = DevelopmentPlan.objects.get(teacher=teacher)
    assert response["Location"] == reverse("development:plan_detail", args=[plan.pk])
    assert plan.status == S.DRAFT
    assert plan.items.get().title == "Стажировка в школе-лидере"


@pytest.mark.parametrize(("role", "status"), [("director_b", 404), ("teacher_a", 403)])
def test_only_her_director_starts_a_plan_for_a_teacher(login, cast, school_a, role, status):
    teacher = TeacherFactory(school=school_a)

    response = login(cast[role]).get(reverse("development:plan_create"), {"teacher": teacher.pk})

    assert response.status_code == status


def test_numbers_in_links_and_values_are_not_localised(login, director_a, school_a):
    """With thousand separators on, 2026 or an id over 999 must not become '2 026'."""
    TeacherFactory(school=school_a, pk=12345)

    response = login(director_a).get(reverse("development:plan_list"), {"status": "none"})
    content = response.content.decode()

    assert f'value="{current_academic_year()}"' in content
    assert "?teacher=12345" in content
