from django.urls import reverse

from network.models import Partnership, Stage


def test_methodologist_creates_a_partnership_in_the_portal(login, methodologist, leader, school_a):
    response = login(methodologist).post(
        reverse("network:partnership_add"),
        {
            "leader": leader.pk,
            "schools": [school_a.pk],
            "model": Partnership.Model.SOCIAL_PARTNERSHIP,
            "goal": "Повышение учебной мотивации",
            "agreement_number": "ДС-5",
            "starts_on": "2025-09-01",
            "ends_on": "2026-06-30",
        },
    )
    partnership = Partnership.objects.get()
    assert response["Location"] == reverse("network:roadmap", args=[partnership.pk])
    assert partnership.roadmap.stages.get(number=1).state == Stage.State.OPEN
    assert list(partnership.schools.all()) == [school_a]


def test_portal_refuses_a_school_that_is_not_a_leader(login, methodologist, school_a, school_b):
    response = login(methodologist).post(
        reverse("network:partnership_add"),
        {
            "leader": school_a.pk,
            "schools": [school_b.pk],
            "model": Partnership.Model.SOCIAL_PARTNERSHIP,
            "goal": "Цель",
            "starts_on": "2025-09-01",
        },
    )
    assert response.status_code == 200
    assert "не является школой-лидером" in response.content.decode()
    assert not Partnership.objects.exists()


def test_agreement_file_is_served_only_to_members(
    partnership, login, director_a, director_b, methodologist
):
    from .factories import pdf

    partnership.agreement_file.save("agreement.pdf", pdf(), save=True)
    url = reverse("network:agreement", args=[partnership.pk])
    response = login(director_a).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert login(director_b).get(url).status_code == 404


def test_home_page_links_the_director_to_the_roadmap(partnership, login, director_a):
    response = login(director_a).get(reverse("home"))
    assert reverse("network:roadmap", args=[partnership.pk]) in response.content.decode()


def test_an_agreement_gone_from_the_storage_is_404_not_a_server_error(
    partnership, login, director_a
):
    from .factories import pdf

    partnership.agreement_file.save("agreement.pdf", pdf(), save=True)
    partnership.agreement_file.storage.delete(partnership.agreement_file.name)

    response = login(director_a).get(reverse("network:agreement", args=[partnership.pk]))

    assert response.status_code == 404
