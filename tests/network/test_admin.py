from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from network.models import Partnership, Stage
from schools.models import School
from tests.schools.factories import SchoolFactory

from .factories import PartnershipFactory, add_activity, stage


def _form(leader, schools, **extra):
    return {
        "title": "",
        "leader": leader.pk,
        "schools": [s.pk for s in schools],
        "model": Partnership.Model.COOPERATION_AGREEMENT,
        "goal": "Повышение качества образования",
        "starts_on": "2025-09-01",
        "ends_on": "2026-06-30",
        **extra,
    }


def test_methodologist_creates_a_partnership_in_the_admin_with_its_roadmap(
    login, methodologist, leader, school_a
):
    response = login(methodologist).post(
        reverse("admin:network_partnership_add"), _form(leader, [school_a])
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    partnership = Partnership.objects.get()
    assert partnership.title == "МАОУ СОШ № 1 — МАОУ СОШ № 101"
    assert partnership.roadmap.stages.count() == 3
    assert stage(partnership, Stage.Kind.ACQUAINTANCE).state == Stage.State.OPEN


def test_admin_refuses_a_leader_that_is_not_a_leader_school(login, methodologist, school_a):
    regular = SchoolFactory(category=School.Category.REGULAR)
    response = login(methodologist).post(
        reverse("admin:network_partnership_add"), _form(regular, [school_a])
    )
    assert response.status_code == 200
    assert "не является школой-лидером" in str(response.context["adminform"].form.errors)
    assert not Partnership.objects.exists()


def test_admin_refuses_a_school_paired_with_itself(login, methodologist, leader):
    response = login(methodologist).post(
        reverse("admin:network_partnership_add"), _form(leader, [leader])
    )
    assert "не может быть партнёром самой себе" in str(response.context["adminform"].form.errors)


def test_admin_exports_the_selected_roadmaps_to_xlsx(login, methodologist, leader):
    first = PartnershipFactory(leader=leader, title="Первое партнёрство")
    second = PartnershipFactory(leader=leader, title="Второе партнёрство")
    add_activity(stage(first, Stage.Kind.ACQUAINTANCE), title="Встреча команд")

    response = login(methodologist).post(
        reverse("admin:network_partnership_changelist"),
        {"action": "export_roadmaps", "_selected_action": [first.pk, second.pk]},
    )

    book = load_workbook(BytesIO(response.content))
    assert sorted(book.sheetnames) == ["Второе партнёрство", "Первое партнёрство"]
    cells = [c.value for row in book["Первое партнёрство"].iter_rows() for c in row]
    assert "Встреча команд" in cells


def test_admin_lists_search_and_filter(login, methodologist, partnership):
    client = login(methodologist)
    for model in ["partnership", "activity", "stage", "problem", "mentorship"]:
        url = reverse(f"admin:network_{model}_changelist")
        assert client.get(url, {"q": "СОШ"}).status_code == 200
    assert client.get(reverse("admin:network_methodicalassociation_changelist")).status_code == 200


def test_coordinator_and_directors_have_no_admin(login, coordinator, director_a):
    url = reverse("admin:network_partnership_changelist")
    assert login(coordinator).get(url).status_code == 302
    assert login(director_a).get(url).status_code == 302


def test_admin_refuses_an_agreement_file_of_a_wrong_type(login, methodologist, leader, school_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = _form(leader, [school_a])
    data["agreement_file"] = SimpleUploadedFile("договор.exe", b"MZ program")
    response = login(methodologist).post(reverse("admin:network_partnership_add"), data)
    assert "принимаются только PDF" in str(response.context["adminform"].form.errors)
    assert not Partnership.objects.exists()
