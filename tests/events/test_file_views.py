"""Event materials and contest applications are handed out only by views that check who asks."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from events.models import ContestApplication, Event, EventMaterial
from tests.events.factories import EventFactory

LOGIN = 302


@pytest.fixture
def material(db):
    event = EventFactory(title="Семинар с материалами")
    material = EventMaterial(event=event, title="Презентация")
    material.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"))
    return material


@pytest.fixture
def application(teacher_a):
    event = EventFactory(kind=Event.Kind.CONTEST, title="Лучший учитель сельской школы")
    application = ContestApplication(
        event=event, teacher=teacher_a.teacher_profile, text="Моя заявка"
    )
    application.file.save("essay.pdf", ContentFile(b"%PDF-1.4 essay"))
    return application


def test_material_of_a_published_event_downloads_for_anyone(client, material):
    response = client.get(reverse("events:material", args=[material.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 slides"
    assert "attachment" in response["Content-Disposition"]


def test_material_of_a_draft_is_hidden(login, teacher_a, material):
    Event.objects.filter(pk=material.event_id).update(status=Event.Status.DRAFT)

    assert login(teacher_a).get(reverse("events:material", args=[material.pk])).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", LOGIN),
        ("teacher_a", 200),  # the author
        ("director_a", 404),
        ("director_b", 404),
        ("methodologist", 200),
        ("coordinator", 200),
    ],
)
def test_application_file_access(login, cast, application, role, status):
    response = login(cast[role]).get(reverse("events:application_file", args=[application.pk]))

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 essay"


def test_application_file_has_no_public_url(application):
    with pytest.raises(ValueError, match="no URL"):
        application.file.url  # noqa: B018


def test_files_gone_from_the_storage_are_404_not_a_server_error(
    login, methodologist, material, application
):
    for stored in (material.file, application.file):
        stored.storage.delete(stored.name)
    client = login(methodologist)

    assert client.get(reverse("events:material", args=[material.pk])).status_code == 404
    url = reverse("events:application_file", args=[application.pk])
    assert client.get(url).status_code == 404
