from django.urls import reverse

from network.models import Stage, StageComment

from .factories import add_activity, add_problem, complete, open_joint_activity, stage

K = Stage.Kind


def test_director_submits_a_stage_and_is_sent_back_to_it(partnership, login, director_a):
    add_problem(partnership)
    first = stage(partnership, K.ACQUAINTANCE)

    response = login(director_a).post(reverse("network:stage_submit", args=[first.pk]))

    assert response.status_code == 302
    roadmap = reverse("network:roadmap", args=[partnership.pk])
    assert response["Location"].endswith(f"{roadmap}#stage-1")
    first.refresh_from_db()
    assert first.state == Stage.State.SUBMITTED


def test_refused_submission_shows_the_reason(partnership, login, director_a):
    first = stage(partnership, K.ACQUAINTANCE)
    response = login(director_a).post(reverse("network:stage_submit", args=[first.pk]), follow=True)
    assert "запишите хотя бы одну проблему" in response.content.decode()
    first.refresh_from_db()
    assert first.state == Stage.State.OPEN


def test_methodologist_returns_with_a_comment_that_the_director_sees(
    partnership, login, director_a, methodologist
):
    add_problem(partnership)
    first = stage(partnership, K.ACQUAINTANCE)
    login(director_a).post(reverse("network:stage_submit", args=[first.pk]))

    login(methodologist).post(
        reverse("network:stage_return", args=[first.pk]), {"comment": "Уточните проблему"}
    )

    first.refresh_from_db()
    assert first.state == Stage.State.RETURNED
    page = login(director_a).get(reverse("network:roadmap", args=[partnership.pk]))
    assert "Уточните проблему" in page.content.decode()


def test_return_without_a_comment_is_refused(partnership, login, director_a, methodologist):
    add_problem(partnership)
    first = stage(partnership, K.ACQUAINTANCE)
    login(director_a).post(reverse("network:stage_submit", args=[first.pk]))
    response = login(methodologist).post(
        reverse("network:stage_return", args=[first.pk]), {"comment": ""}, follow=True
    )
    assert "требует комментария" in response.content.decode()
    first.refresh_from_db()
    assert first.state == Stage.State.SUBMITTED


def test_methodologist_accepts_and_the_next_stage_opens(
    partnership, login, director_a, methodologist
):
    second = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    complete(add_activity(second))
    login(director_a).post(reverse("network:stage_submit", args=[second.pk]))

    login(methodologist).post(reverse("network:stage_accept", args=[second.pk]))

    second.refresh_from_db()
    assert second.state == Stage.State.ACCEPTED
    assert stage(partnership, K.REFLECTION).state == Stage.State.OPEN


def test_accepting_an_open_stage_is_refused(partnership, login, methodologist):
    first = stage(partnership, K.ACQUAINTANCE)
    response = login(methodologist).post(
        reverse("network:stage_accept", args=[first.pk]), follow=True
    )
    assert "Проверить можно только отправленный этап" in response.content.decode()


def test_comment_joins_the_thread(partnership, login, director_a):
    first = stage(partnership, K.ACQUAINTANCE)
    login(director_a).post(
        reverse("network:stage_comment", args=[first.pk]), {"text": "Когда встреча?"}
    )
    comment = first.comments.get(action=StageComment.Action.COMMENT)
    assert (comment.author, comment.text) == (director_a, "Когда встреча?")
