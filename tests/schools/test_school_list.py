import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools.models import School
from tests.schools.factories import SchoolFactory, TeacherFactory


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_directory_costs_the_same_for_10_and_500_schools(login, methodologist):
    client = login(methodologist)
    SchoolFactory.create_batch(10)
    small = count_queries(client, reverse("schools:list"))
    SchoolFactory.create_batch(490)
    large = count_queries(client, reverse("schools:list"))

    assert large == small


def test_directory_list_is_bounded(login, methodologist, django_assert_max_num_queries):
    for school in SchoolFactory.create_batch(60):
        TeacherFactory(school=school)
    client = login(methodologist)

    with django_assert_max_num_queries(8):
        client.get(reverse("schools:list"), {"page": 2})


def test_search_finds_by_name_and_settlement(login, methodologist):
    SchoolFactory(short_name="Гимназия № 1", settlement="Тобольск")
    SchoolFactory(short_name="СОШ с. Абалак", settlement="с. Абалак")
    client = login(methodologist)

    by_name = client.get(reverse("schools:list"), {"q": "гимназия"}).context["page"].object_list
    by_settlement = client.get(reverse("schools:list"), {"settlement": "с. Абалак"}).context["page"]

    assert [s.short_name for s in by_name] == ["Гимназия № 1"]
    assert [s.short_name for s in by_settlement.object_list] == ["СОШ с. Абалак"]


def test_category_filter(login, methodologist):
    SchoolFactory(short_name="Лидер", category=School.Category.LEADER)
    SchoolFactory(short_name="ШНОР", category=School.Category.LOW_RESULTS)

    response = login(methodologist).get(reverse("schools:list"), {"category": "low_results"})
    page = response.context["page"]

    assert [s.short_name for s in page.object_list] == ["ШНОР"]


def test_directory_is_paginated_and_counts_teachers(login, methodologist):
    schools = SchoolFactory.create_batch(30)
    TeacherFactory.create_batch(3, school=schools[0])

    response = login(methodologist).get(reverse("schools:list"))

    page = response.context["page"]
    assert len(page.object_list) == 25
    assert page.paginator.num_pages == 2
    counts = {s.pk: s.teacher_count for s in page.object_list}
    assert counts.pop(schools[0].pk) == 3
    assert set(counts.values()) == {0}
    assert "Страница 1 из 2" in response.content.decode()


def test_empty_result_says_so(login, methodologist):
    response = login(methodologist).get(reverse("schools:list"), {"q": "нет такой"})

    assert "Ни одна школа не подходит" in response.content.decode()


@pytest.mark.parametrize("bad", ["?page=abc", "?page=999", "?category=unknown"])
def test_bad_query_parameters_do_not_crash(login, methodologist, bad):
    SchoolFactory()

    assert login(methodologist).get(reverse("schools:list") + bad).status_code == 200


def test_school_page_shows_category_history_and_subjects(login, teacher_a, school_a):
    from schools.services import school_set_category

    school_set_category(school=school_a, year=2023, category=School.Category.REGULAR)
    school_set_category(school=school_a, year=2024, category=School.Category.LOW_RESULTS)

    html = login(teacher_a).get(reverse("schools:detail", args=[school_a.pk])).content.decode()

    assert "2023/2024" in html and "2024/2025" in html
    assert "Обычная школа" in html and "ШНОР" in html


def test_school_suggestions_name_the_schools_that_match_what_is_typed(login, teacher_a):
    SchoolFactory(short_name="МАОУ СОШ № 5 г. Тобольска")
    SchoolFactory(short_name="Гимназия № 1")
    url = reverse("schools:suggest")
    client = login(teacher_a)

    assert client.get(url, {"q": "сош № 5"}).json() == {"names": ["МАОУ СОШ № 5 г. Тобольска"]}
    assert client.get(url, {"q": "г"}).json() == {"names": []}  # one letter asks for nothing
    assert client.post(url, {"q": "сош"}).status_code == 405


def test_school_suggestions_ask_to_log_in(client):
    response = client.get(reverse("schools:suggest"), {"q": "сош"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
