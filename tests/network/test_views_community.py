from django.urls import reverse

from network.models import Mentorship
from tests.schools.factories import SubjectFactory, TeacherFactory

from .factories import MentorshipFactory, MethodicalAssociationFactory


def test_association_page_lists_members_from_several_schools(
    login, teacher_a, school_a, school_b, coordinator
):
    association = MethodicalAssociationFactory(
        name="ММО учителей математики",
        leader=TeacherFactory(school=school_b, last_name="Лидерова"),
        members=[TeacherFactory(school=school_a, last_name="Участникова")],
    )
    association.subjects.set([SubjectFactory(name="Математика")])

    response = login(teacher_a).get(reverse("network:association", args=[association.pk]))

    page = response.content.decode()
    assert "Лидерова" in page and "Участникова" in page and "Математика" in page
    listed = login(coordinator).get(reverse("network:associations")).context["associations"]
    assert list(listed) == [association]


def test_mentorships_are_visible_to_both_schools_only(
    login, director_a, director_b, school_a, school_b, methodologist, django_assert_max_num_queries
):
    pair = MentorshipFactory(
        mentor=TeacherFactory(school=school_b), mentee=TeacherFactory(school=school_a)
    )
    MentorshipFactory()  # another schools' pair
    url = reverse("network:mentorships")

    assert list(login(director_a).get(url).context["mentorships"]) == [pair]
    assert list(login(director_b).get(url).context["mentorships"]) == [pair]
    for _ in range(20):
        MentorshipFactory(state=Mentorship.State.COMPLETED)
    client = login(methodologist)
    with django_assert_max_num_queries(8):
        response = client.get(url, {"state": Mentorship.State.COMPLETED})
    assert len(response.context["mentorships"]) == 20
