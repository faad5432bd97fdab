"""The order form finds schools, partnerships and events by name instead of listing them."""

import pytest
from django.urls import reverse

from reports.forms import ReportOrderForm
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def test_order_form_renders_no_list_of_every_school(methodologist, login):
    SchoolFactory.create_batch(30)
    page = login(methodologist).get(reverse("reports:report_list")).content.decode()
    assert page.count("<option") < 30  # the kinds and the periods only
    assert 'type="search" name="school"' in page
    assert reverse("reports:report_suggest", args=["school"]) in page


def test_suggestions_name_the_matching_schools(methodologist, login, school_a, school_b):
    client = login(methodologist)
    url = reverse("reports:report_suggest", args=["school"])
    names = client.get(url, {"q": "101"}).json()["names"]
    assert names == [" ".join(str(school_a).split())]
    assert client.get(url, {"q": "я"}).json()["names"] == []  # one letter asks nothing
    assert client.get(reverse("reports:report_suggest", args=["teacher"])).status_code == 404


def test_a_director_is_suggested_only_their_own_school(director_a, login, school_b):
    client = login(director_a)
    url = reverse("reports:report_suggest", args=["school"])
    assert client.get(url, {"q": str(school_b.short_name)}).json()["names"] == []
    assert (
        client.get(reverse("reports:report_suggest", args=["event"]), {"q": "Семинар"}).json()[
            "names"
        ]
        == []
    )


def test_form_takes_a_typed_name_an_id_and_says_what_is_wrong(methodologist, school_a):
    SchoolFactory(short_name="МАОУ СОШ № 1010")
    SchoolFactory(short_name="МАОУ СОШ № 1011")

    def school(value):
        form = ReportOrderForm({"kind": "school", "school": value}, user=methodologist)
        form.is_valid()
        return form.cleaned_data.get("school"), form.errors.get("school")

    assert school(str(school_a).replace("\u00a0", " ")) == (school_a, None)
    assert school(str(school_a.pk)) == (school_a, None)
    found, errors = school("СОШ № 101")  # № 101 itself, and № 1010 and № 1011 contain it
    assert found is None and "Подходят несколько" in errors[0] and "Уточните" in errors[0]
    found, errors = school("Лицей на Луне")
    assert found is None and errors == ["Ничего не найдено по запросу «Лицей на Луне»."]
