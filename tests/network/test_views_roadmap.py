import datetime
import html
import re

import time_machine
from django.urls import reverse

from network.models import Stage
from network.services import stage_return, stage_submit
from tests.schools.factories import TeacherFactory

from .factories import add_activity, add_problem, complete, open_joint_activity, pdf, stage


def test_roadmap_shows_the_three_stages_problems_and_history(
    partnership, login, director_a, methodologist
):
    add_problem(partnership, by=director_a, title="Низкие результаты ОГЭ по математике")
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    stage_submit(stage=first, by=director_a)
    stage_return(stage=first, by=methodologist, comment="Укажите фактор риска")

    response = login(director_a).get(reverse("network:roadmap", args=[partnership.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert [s.kind for s in response.context["stages"]] == list(Stage.ORDER)
    assert "Низкие результаты ОГЭ по математике" in page
    assert "Укажите фактор риска" in page
    section = page[page.index('id="history-title"') :]
    who = re.findall(r'<td class="text-nowrap">[^<]*</td><td>([^<]*)</td>', section)
    assert who[0] == html.escape(str(methodologist))
    assert html.escape(str(director_a)) in who
    assert response.context["stages"][0].can_submit
    assert not response.context["stages"][0].can_review


@time_machine.travel(datetime.date(2026, 3, 15))
def test_roadmap_highlights_overdue_activities_and_counts_progress(
    partnership, login, methodologist
):
    joint = open_joint_activity(partnership)
    complete(add_activity(joint, title="Семинар", due_on=datetime.date(2026, 2, 1)), file=pdf())
    add_activity(joint, title="Стажировка", due_on=datetime.date(2026, 3, 1))
    add_activity(joint, title="Собрание", due_on=datetime.date(2026, 4, 1))

    response = login(methodologist).get(reverse("network:roadmap", args=[partnership.pk]))

    second = response.context["stages"][1]
    assert (second.done, second.planned, second.percent) == (1, 3, 33)
    overdue = [a.title for a in second.activities.all() if a.is_overdue]
    assert overdue == ["Стажировка"]
    assert 'class="table-danger"' in response.content.decode()


def test_roadmap_costs_the_same_queries_for_many_activities(
    partnership, login, methodologist, django_assert_max_num_queries, school_a
):
    joint = open_joint_activity(partnership)
    teachers = [TeacherFactory(school=school_a) for _ in range(3)]
    for n in range(40):
        activity = add_activity(joint, title=f"Мероприятие {n}", participants=teachers)
        if n % 2:
            complete(activity)
    client = login(methodologist)
    url = reverse("network:roadmap", args=[partnership.pk])
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert len(response.context["stages"][1].activities.all()) == 40


def test_roadmap_export_is_an_xlsx_of_the_activities(partnership, login, director_a):
    from io import BytesIO

    from openpyxl import load_workbook

    add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), title="=HYPERLINK(1)")
    response = login(director_a).get(reverse("network:roadmap_export", args=[partnership.pk]))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert partnership.title in values
    assert "'=HYPERLINK(1)" in values  # never runs as a formula
