"""An association's discussion: members post, members are told, leader and centre moderate."""

import pytest
from django.urls import reverse

from notifications.models import Channel, Kind, Notification, Preference
from practices.errors import PracticesError
from practices.models import Post
from practices.services.discussion import post_comment, post_create, post_moderate
from tests.accounts.factories import UserFactory
from tests.network.factories import MethodicalAssociationFactory
from tests.schools.factories import TeacherFactory


@pytest.fixture
def association(teacher_a, school_b):
    leader = TeacherFactory(school=school_b, user=UserFactory(role="teacher", username="rukovod"))
    member = TeacherFactory(school=school_b, user=UserFactory(role="teacher", username="chlen"))
    association = MethodicalAssociationFactory(leader=leader)
    association.members.add(teacher_a.teacher_profile, member)
    return association


def test_a_post_tells_the_members_by_their_preference(association, teacher_a):
    member = association.members.exclude(pk=teacher_a.teacher_profile.pk).get().user
    Preference.objects.create(user=member, kind=Kind.ASSOCIATION_POST, channel=Channel.PORTAL)
    post_create(association=association, by=teacher_a, text="Как готовить к ОГЭ?")
    told = Notification.objects.filter(kind=Kind.ASSOCIATION_POST)
    assert set(told.values_list("user__username", flat=True)) == {"rukovod", "chlen"}
    assert told.get(user=member).channel == Channel.PORTAL


def test_pages_escape_user_text(association, teacher_a, login):
    post_create(association=association, by=teacher_a, text="<script>alert(1)</script>")
    page = login(teacher_a).get(reverse("practices:association", args=[association.pk]))
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page.content


def test_the_leader_hides_and_deletes_and_the_history_keeps_it(association, teacher_a, login):
    post = post_create(association=association, by=teacher_a, text="Реклама")
    leader = login(association.leader.user)
    url = reverse("practices:post_moderate", args=[post.pk])
    assert leader.post(url, {"action": "hide"}).status_code == 302
    post.refresh_from_db()
    assert post.hidden
    page = login(teacher_a).get(reverse("practices:association", args=[association.pk]))
    assert "Реклама" not in page.content.decode()
    leader.post(url, {"action": "delete"})
    assert not Post.objects.filter(pk=post.pk).exists()
    records = Post.history.filter(id=post.pk)
    assert [r.history_type for r in records.order_by("history_date")] == ["+", "~", "-"]
    assert records.get(history_type="-").history_user == association.leader.user


def test_a_member_may_not_moderate(association, teacher_a, login):
    post = post_create(association=association, by=association.leader.user, text="Повестка")
    answer = login(teacher_a).post(
        reverse("practices:post_moderate", args=[post.pk]), {"action": "delete"}
    )
    assert answer.status_code == 403
    assert Post.objects.filter(pk=post.pk).exists()


def test_a_methodologist_moderates_comments(association, teacher_a, methodologist, login):
    post = post_create(association=association, by=teacher_a, text="Вопрос")
    comment = post_comment(post=post, by=association.leader.user, text="Ответ")
    assert Notification.objects.filter(user=teacher_a, kind=Kind.POST_COMMENT).exists()
    url = reverse("practices:comment_moderate", args=[comment.pk])
    assert login(methodologist).post(url, {"action": "hide"}).status_code == 302
    comment.refresh_from_db()
    assert comment.hidden
    post_moderate(post=post, by=methodologist, action="hide")
    with pytest.raises(PracticesError):
        post_comment(post=post, by=teacher_a, text="Ещё")


def test_outsiders_get_404_and_members_post(association, teacher_a, director_a, login):
    from tests.schools.factories import SchoolFactory

    outsider = UserFactory(role="teacher", username="chuzhoy")
    TeacherFactory(school=SchoolFactory(), user=outsider)
    url = reverse("practices:association", args=[association.pk])
    assert login(outsider).get(url).status_code == 404
    assert login(teacher_a).get(url).status_code == 200
    # The director of a member school sees it but is no member: 403 on posting.
    add = reverse("practices:post_add", args=[association.pk])
    assert login(director_a).post(add, {"text": "Привет"}).status_code == 403
    assert login(teacher_a).post(add, {"text": "Привет"}).status_code == 302
    assert Post.objects.filter(association=association, text="Привет").exists()


def test_association_page_queries_are_bounded(
    association, teacher_a, login, django_assert_max_num_queries
):
    client = login(teacher_a)
    url = reverse("practices:association", args=[association.pk])
    for n in range(3):
        post = post_create(association=association, by=teacher_a, text=f"Пост {n}")
        post_comment(post=post, by=teacher_a, text="Ответ")
    with django_assert_max_num_queries(20):
        client.get(url)
    for n in range(20):
        post = post_create(association=association, by=teacher_a, text=f"Ещё {n}")
        post_comment(post=post, by=teacher_a, text="Ответ")
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
