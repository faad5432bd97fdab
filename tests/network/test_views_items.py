import datetime
from pathlib import Path

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from network.models import Activity, Problem, Stage
from network.services import stage_submit

from .factories import PDF, add_activity, add_problem, open_joint_activity, stage

K = Stage.Kind


def test_director_adds_a_problem_for_their_school(partnership, login, director_a, school_a, leader):
    client = login(director_a)
    url = reverse("network:problem_add", args=[partnership.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["school"].queryset) == [school_a]  # only their own school

    response = client.post(url, {"school": school_a.pk, "title": "Дефицит кадров"})

    assert response.status_code == 302
    problem = Problem.objects.get()
    assert (problem.school, problem.title) == (school_a, "Дефицит кадров")


def test_director_cannot_write_for_another_school(partnership, login, director_a, leader):
    response = login(director_a).post(
        reverse("network:problem_add", args=[partnership.pk]),
        {"school": leader.pk, "title": "Чужая проблема"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["school"]
    assert not Problem.objects.exists()


def test_director_adds_and_edits_an_activity_in_the_open_stage(
    partnership, login, director_a, methodologist, school_a
):
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    client = login(director_a)

    client.post(
        reverse("network:activity_add", args=[second.pk]),
        {
            "title": "Единая диагностическая работа",
            "form": Activity.Form.COMMON_ASSESSMENT,
            "responsible_school": school_a.pk,
            "due_on": "2026-04-01",
        },
    )
    activity = Activity.objects.get()
    assert (activity.stage, activity.state) == (second, Activity.State.PLANNED)

    response = client.post(
        reverse("network:activity_edit", args=[activity.pk]),
        {
            "title": "Единая диагностическая работа по математике",
            "form": Activity.Form.COMMON_ASSESSMENT,
            "responsible_school": school_a.pk,
            "due_on": "2026-04-10",
            "state": Activity.State.IN_PROGRESS,
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Единая диагностическая работа по математике"
    assert activity.state == Activity.State.IN_PROGRESS


@time_machine.travel(datetime.date(2026, 3, 15))
def test_director_completes_an_activity_with_a_file(partnership, login, director_a, school_a):
    activity = add_activity(stage(partnership, K.ACQUAINTANCE), school=school_a)
    upload = SimpleUploadedFile("Протокол.pdf", PDF, content_type="application/pdf")

    response = login(director_a).post(
        reverse("network:activity_complete", args=[activity.pk]),
        {"result": "Проведено, 12 участников", "evidence_file": upload},
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.state == Activity.State.DONE
    assert activity.completed_on == datetime.date(2026, 3, 15)
    assert activity.evidence_name == "Протокол.pdf"


def test_wrong_upload_is_refused_with_a_russian_reason(partnership, login, director_a, school_a):
    activity = add_activity(stage(partnership, K.ACQUAINTANCE), school=school_a)
    client = login(director_a)
    url = reverse("network:activity_complete", args=[activity.pk])
    cases = [
        (SimpleUploadedFile("script.exe", b"MZ program"), "принимаются только PDF"),
        (SimpleUploadedFile("пусто.pdf", b""), "пуст"),
        (SimpleUploadedFile("фальшивка.pdf", b"<html>"), "не является настоящим файлом PDF"),
    ]
    for upload, reason in cases:
        response = client.post(url, {"result": "Готово", "evidence_file": upload})
        assert response.status_code == 200
        assert reason in " ".join(response.context["form"].errors["evidence_file"])
    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED


def test_editing_a_closed_stage_sends_back_with_the_reason(
    partnership, login, director_a, school_a
):
    activity = add_activity(stage(partnership, K.ACQUAINTANCE), school=school_a)
    add_problem(partnership)
    stage_submit(stage=activity.stage, by=director_a)

    response = login(director_a).get(
        reverse("network:activity_edit", args=[activity.pk]), follow=True
    )

    assert "изменять его можно, только пока" in response.content.decode()


def test_evidence_is_served_only_through_the_checked_view(
    partnership, login, director_a, director_b, school_a, settings
):
    activity = add_activity(stage(partnership, K.ACQUAINTANCE), school=school_a)
    login(director_a).post(
        reverse("network:activity_complete", args=[activity.pk]),
        {"result": "Готово", "evidence_file": SimpleUploadedFile("Протокол.pdf", PDF)},
    )
    activity.refresh_from_db()
    url = reverse("network:activity_evidence", args=[activity.pk])

    response = login(director_a).get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert login(director_b).get(url).status_code == 404
    stored = Path(activity.evidence_file.path)
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    public = f"/{settings.MEDIA_URL}{activity.evidence_file.name}"
    assert login(director_a).get(public).status_code == 404
