"""Both roadmap exports write a formula-looking school name as text, never as a formula."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from network.models import Stage
from schools.models import School
from tests.schools.factories import SchoolFactory

from .factories import PartnershipFactory, add_activity, stage


@pytest.fixture
def hostile_partnership(school_a):
    leader = SchoolFactory(short_name="=SUM(5,5)", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="Партнёрство")
    add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), title="Семинар", school=leader)
    return partnership


def cells(response):
    sheet = load_workbook(BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.parametrize("export", ["roadmap", "list"])
def test_a_school_named_like_a_formula_is_written_as_text(
    export, hostile_partnership, login, methodologist
):
    if export == "roadmap":
        url = reverse("network:roadmap_export", args=[hostile_partnership.pk])
    else:
        url = reverse("network:list_export")
    response = login(methodologist).get(url)

    assert response.status_code == 200
    found = [cell for cell in cells(response) if "SUM(5,5)" in str(cell.value)]
    assert len(found) == 2  # the leader school and the activity's responsible school
    assert all(cell.value == "'=SUM(5,5)" and cell.data_type == "s" for cell in found)
