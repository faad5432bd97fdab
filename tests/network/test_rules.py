"""Network rules that the access matrix does not spell out."""

from django.urls import reverse

from network.forms import ProblemForm
from network.models import Stage
from tests.accounts.factories import UserFactory
from tests.schools.factories import TeacherFactory

from .factories import MethodicalAssociationFactory, stage


def test_the_centre_and_member_staff_know_a_partnership_and_its_stages(
    partnership, teacher_a, director_b, coordinator
):
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)

    for obj in (partnership, first):
        assert teacher_a.has_perm("network.know_partnership", obj)
        assert coordinator.has_perm("network.know_partnership", obj)
        assert not director_b.has_perm("network.know_partnership", obj)


def test_staff_of_a_member_school_without_a_role_know_an_association_but_cannot_open_it(
    login, school_a, director_b, coordinator
):
    association = MethodicalAssociationFactory(leader=TeacherFactory(school=school_a))
    no_role = UserFactory(username="bez_roli", role="")
    TeacherFactory(school=school_a, user=no_role)

    assert coordinator.has_perm("network.know_methodicalassociation", association)
    assert no_role.has_perm("network.know_methodicalassociation", association)
    assert not director_b.has_perm("network.know_methodicalassociation", association)
    url = reverse("network:association", args=[association.pk])
    assert login(no_role).get(url).status_code == 403
    assert login(director_b).get(url).status_code == 404


def test_a_methodologist_writes_for_any_member_school_a_director_for_their_own(
    partnership, leader, school_a, methodologist, director_a
):
    def offered(user):
        form = ProblemForm(user=user, partnership=partnership)
        return set(form.fields["school"].queryset)

    assert offered(methodologist) == {leader, school_a}
    assert offered(director_a) == {school_a}
