from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from events.models import ContestApplication, Event, Feedback
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    return EventFactory(
        title="Лучший учитель сельской школы",
        kind=Event.Kind.CONTEST,
        capacity=None,
        starts_at=timezone.now() + timedelta(days=30),
    )


def test_teacher_applies_with_a_file_and_methodologist_accepts(
    login, teacher_a, methodologist, contest, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = login(teacher_a).post(
        reverse("events:apply", args=[contest.pk]),
        {
            "text": "Мой опыт работы с сельскими классами",
            "file": SimpleUploadedFile("opyt.pdf", b"%PDF-1.4 test", "application/pdf"),
        },
    )
    assert response.status_code == 302
    application = ContestApplication.objects.get()
    assert application.teacher == teacher_a.teacher_profile
    assert application.file.name.endswith(".pdf")

    again = login(teacher_a).post(
        reverse("events:apply", args=[contest.pk]),
        {"text": "Ещё раз", "file": SimpleUploadedFile("b.pdf", b"%PDF-1.4 x", "application/pdf")},
    )
    assert "Вы уже подали заявку" in again.content.decode()

    client = login(methodologist)
    assert (
        teacher_a.teacher_profile.last_name
        in client.get(reverse("events:applications", args=[contest.pk])).content.decode()
    )
    client.post(reverse("events:application_review", args=[application.pk]), {"decision": "accept"})
    application.refresh_from_db()
    assert application.status == ContestApplication.Status.ACCEPTED
    assert application.reviewed_by == methodologist


def test_applications_only_for_contests(login, teacher_a, event):
    response = login(teacher_a).post(
        reverse("events:apply", args=[event.pk]),
        {"text": "x", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", "application/pdf")},
    )
    assert "Заявки принимаются только на конкурсы" in response.content.decode()


def test_attendee_leaves_feedback(login, teacher_a, attended_registration):
    url = reverse("events:feedback", args=[attended_registration.pk])
    response = login(teacher_a).post(url, {"rating": "5", "comment": "Спасибо!"})
    assert response.status_code == 302
    feedback = Feedback.objects.get(registration=attended_registration)
    assert (feedback.rating, feedback.comment) == (5, "Спасибо!")


def test_rating_outside_1_to_5_is_refused(login, teacher_a, attended_registration):
    url = reverse("events:feedback", args=[attended_registration.pk])
    response = login(teacher_a).post(url, {"rating": "9"})
    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_application_file_must_be_a_document(login, teacher_a, contest):
    response = login(teacher_a).post(
        reverse("events:apply", args=[contest.pk]),
        {"text": "Опыт", "file": SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")},
    )
    assert response.status_code == 200
    assert not ContestApplication.objects.exists()


def test_application_file_renamed_to_pdf_is_refused(login, teacher_a, contest):
    """Contest works are checked by their content, not only by their extension."""
    response = login(teacher_a).post(
        reverse("events:apply", args=[contest.pk]),
        {"text": "Опыт", "file": SimpleUploadedFile("opyt.pdf", b"MZ\x90\x00", "application/pdf")},
    )

    assert response.status_code == 200
    assert "не является настоящим файлом PDF" in response.content.decode()
    assert not ContestApplication.objects.exists()
