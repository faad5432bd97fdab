import datetime

import time_machine
from django.urls import reverse

from network.models import Partnership, Stage
from schools.models import School
from tests.schools.factories import SchoolFactory

from .factories import PartnershipFactory, add_activity, complete, open_joint_activity


@time_machine.travel(datetime.datetime(2026, 3, 15, 12, 0))
def test_overview_shows_stage_progress_overdue_and_idle_days(partnership, login, methodologist):
    with time_machine.travel(datetime.datetime(2026, 3, 5, 12, 0)):
        joint = open_joint_activity(partnership)
        complete(add_activity(joint, due_on=datetime.date(2026, 2, 1)))
        add_activity(joint, title="Стажировка", due_on=datetime.date(2026, 3, 1))

    response = login(methodologist).get(reverse("network:list"))

    row = response.context["page"].object_list[0]
    assert row.current_kind == Stage.Kind.JOINT_ACTIVITY
    assert (row.activities_done, row.activities_planned, row.activities_overdue) == (1, 2, 1)
    assert row.days_idle == 10


def test_overview_filters_by_stage_school_and_model(partnership, login, methodologist, leader):
    open_joint_activity(partnership)
    other_school = SchoolFactory(category=School.Category.LOW_RESULTS)
    other = PartnershipFactory(
        leader=leader, schools=[other_school], model=Partnership.Model.SOCIAL_PARTNERSHIP
    )
    client = login(methodologist)

    def titles(**params):
        response = client.get(reverse("network:list"), params)
        return {p.pk for p in response.context["page"].object_list}

    assert titles() == {partnership.pk, other.pk}
    assert titles(stage=Stage.Kind.JOINT_ACTIVITY) == {partnership.pk}
    assert titles(stage=Stage.Kind.ACQUAINTANCE) == {other.pk}
    assert titles(stage="completed") == set()
    assert titles(school=other_school.pk) == {other.pk}
    assert titles(school=leader.pk) == {partnership.pk, other.pk}
    assert titles(model=Partnership.Model.SOCIAL_PARTNERSHIP) == {other.pk}
    # The school is typed: its name (as suggested) finds it, and nothing for an unknown one.
    assert titles(school=" ".join(str(other_school).split())) == {other.pk}
    assert titles(school="Нет такой школы") == set()


def test_overview_names_the_chosen_school_in_its_search_box(
    partnership, login, methodologist, leader
):
    page = login(methodologist).get(reverse("network:list"), {"school": leader.pk})
    shown = " ".join(str(leader).split())
    assert f'value="{shown}"' in page.content.decode()
    assert "<option" not in page.content.decode().split('name="school"')[1].split("</div>")[0]
    unknown = login(methodologist).get(reverse("network:list"), {"school": "Нет такой"})
    assert "Ничего не найдено по запросу «Нет такой»" in unknown.content.decode()


def test_director_sees_only_the_partnerships_of_their_school(
    partnership, login, director_a, director_b, leader
):
    PartnershipFactory(leader=leader)
    assert [p.pk for p in login(director_a).get(reverse("network:list")).context["page"]] == [
        partnership.pk
    ]
    assert not login(director_b).get(reverse("network:list")).context["page"].object_list


def test_overview_costs_the_same_queries_for_many_partnerships(
    login, methodologist, leader, django_assert_max_num_queries
):
    for _ in range(30):
        partnership = PartnershipFactory(leader=leader, schools=[SchoolFactory(), SchoolFactory()])
        add_activity(open_joint_activity(partnership))
    client = login(methodologist)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("network:list"))
    page = response.context["page"]
    assert len(page.object_list) == 25 and page.paginator.count == 30


def test_overview_export_holds_the_filtered_roadmaps(partnership, login, methodologist, leader):
    from io import BytesIO

    from openpyxl import load_workbook

    PartnershipFactory(
        leader=leader, title="Социальное", model=Partnership.Model.SOCIAL_PARTNERSHIP
    )
    client = login(methodologist)
    url = reverse("network:list_export")

    every = load_workbook(BytesIO(client.get(url).content)).sheetnames
    social = load_workbook(
        BytesIO(client.get(url, {"model": Partnership.Model.SOCIAL_PARTNERSHIP}).content)
    ).sheetnames

    assert sorted(every) == sorted([partnership.title, "Социальное"])
    assert social == ["Социальное"]
