"""The bank's pages: access, the whole contract of the moves, downloads, bounded queries."""

import pytest
from django.urls import reverse

from practices.models import Practice
from practices.services.bank import practice_submit
from tests.practices.factories import draft, pdf, published


@pytest.fixture
def practice(teacher_a):
    return draft(by=teacher_a)


def test_an_unpublished_practice_is_404_to_others(
    practice, teacher_a, director_a, director_b, methodologist, login
):
    url = reverse("practices:detail", args=[practice.pk])
    assert login(teacher_a).get(url).status_code == 200
    assert login(director_a).get(url).status_code == 200
    assert login(methodologist).get(url).status_code == 200
    assert login(director_b).get(url).status_code == 404
    assert login(None).get(url).status_code == 302
    file_url = reverse("practices:file", args=[practice.files.get().pk])
    assert login(director_b).get(file_url).status_code == 404


def test_a_published_practice_is_seen_and_counted_on_download(teacher_a, director_b, login):
    practice = published(by=teacher_a)
    client = login(director_b)
    assert client.get(practice.get_absolute_url()).status_code == 200
    answer = client.get(reverse("practices:file", args=[practice.files.get().pk]))
    assert answer.status_code == 200
    assert answer["Content-Disposition"].startswith("attachment")
    practice.refresh_from_db()
    assert practice.download_count == 1
    # Not theirs to change: 403, since they know it.
    assert client.post(reverse("practices:withdraw", args=[practice.pk])).status_code == 403


def test_the_useful_mark_toggles(teacher_a, director_b, login):
    practice = published(by=teacher_a)
    client = login(director_b)
    url = reverse("practices:useful", args=[practice.pk])
    assert client.get(url).status_code == 405
    client.post(url)
    practice.refresh_from_db()
    assert practice.useful_count == 1
    client.post(url)
    practice.refresh_from_db()
    assert practice.useful_count == 0


def test_the_review_through_the_pages(practice, teacher_a, methodologist, login):
    author = login(teacher_a)
    assert author.post(reverse("practices:publish", args=[practice.pk])).status_code == 403
    author.post(reverse("practices:submit", args=[practice.pk]))
    practice.refresh_from_db()
    assert practice.state == Practice.State.SUBMITTED
    reviewer = login(methodologist)
    reviewer.post(reverse("practices:return", args=[practice.pk]), {"text": ""})
    practice.refresh_from_db()
    assert practice.state == Practice.State.SUBMITTED
    reviewer.post(reverse("practices:publish", args=[practice.pk]), {"text": "Спасибо"})
    practice.refresh_from_db()
    assert practice.state == Practice.State.PUBLISHED


def test_a_teacher_shares_a_practice_through_the_form(teacher_a, school_b, login):
    client = login(teacher_a)
    assert client.get(reverse("practices:add")).status_code == 200
    answer = client.post(
        reverse("practices:add"),
        {
            "title": "Кейс-метод на уроках истории",
            "kind": Practice.Kind.METHODICAL,
            "authors": [teacher_a.teacher_profile.pk],
            "description": "Описание",
            "upload": pdf(),
            # A school's people cannot name another school: the field is not theirs.
            "school": school_b.pk,
        },
    )
    practice = Practice.objects.get(title="Кейс-метод на уроках истории")
    assert answer.status_code == 302
    assert practice.school == teacher_a.teacher_profile.school
    assert practice.files.count() == 1


def test_a_renamed_file_is_refused(teacher_a, login):
    from django.core.files.base import ContentFile

    answer = login(teacher_a).post(
        reverse("practices:add"),
        {
            "title": "Файл",
            "kind": Practice.Kind.METHODICAL,
            "authors": [teacher_a.teacher_profile.pk],
            "description": "Описание",
            "upload": ContentFile(b"MZ not a pdf", name="virus.pdf"),
        },
    )
    assert answer.status_code == 200
    assert not Practice.objects.filter(title="Файл").exists()


def test_bank_and_school_pages_queries_are_bounded(
    teacher_a, director_b, login, django_assert_max_num_queries
):
    client = login(director_b)
    school = teacher_a.teacher_profile.school
    published(by=teacher_a)
    urls = [
        reverse("practices:list"),
        reverse("practices:list") + "?q=учитель",
        reverse("practices:school", args=[school.pk]),
    ]
    for url in urls:
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200
    for n in range(15):
        practice = draft(by=teacher_a, title=f"Практика {n}")
        Practice.objects.filter(pk=practice.pk).update(state=Practice.State.PUBLISHED)
    for url in urls:
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


def test_a_school_page_is_open_to_every_logged_in_user(teacher_a, director_b, login):
    practice = published(by=teacher_a)
    page = login(director_b).get(reverse("practices:school", args=[practice.school_id]))
    assert practice.title in page.content.decode()
    submitted = draft(by=teacher_a, title="Ещё на проверке")
    practice_submit(practice=submitted, by=teacher_a)
    page = login(director_b).get(reverse("practices:school", args=[practice.school_id]))
    assert "Ещё на проверке" not in page.content.decode()
