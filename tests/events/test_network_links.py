"""Events that belong to the network: a partnership's event, an association's meeting, the
event that realised a roadmap activity."""

from django.urls import reverse

from events.models import Event
from network.models import Stage
from schools.models import School
from tests.events.factories import EventFactory
from tests.network.factories import (
    MethodicalAssociationFactory,
    PartnershipFactory,
    add_activity,
    stage,
)
from tests.schools.factories import SchoolFactory, TeacherFactory


def test_event_page_names_its_partnership_and_links_it_for_members(
    login, director_a, director_b, school_a
):
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и № 101")
    event = EventFactory(title="Совместный педсовет", partnership=partnership)
    roadmap_url = reverse("network:roadmap", args=[partnership.pk])

    event_url = reverse("events:detail", args=[event.pk])

    member_page = login(director_a).get(event_url).content.decode()
    outsider_page = login(director_b).get(event_url).content.decode()

    assert "СОШ № 1 и № 101" in member_page and roadmap_url in member_page
    assert "СОШ № 1 и № 101" in outsider_page and roadmap_url not in outsider_page


def test_association_page_lists_its_published_meetings(login, methodologist, school_a):
    association = MethodicalAssociationFactory(
        leader=TeacherFactory(school=school_a), name="МО учителей математики"
    )
    EventFactory(title="Заседание МО № 1", association=association)
    EventFactory(title="Черновик заседания", association=association, status=Event.Status.DRAFT)

    teacher = TeacherFactory(school=school_a)
    association.members.add(teacher)
    url = reverse("network:association", args=[association.pk])
    page = login(methodologist).get(url).content.decode()

    assert "Заседание МО № 1" in page
    assert "Черновик заседания" in page  # a methodologist sees drafts too


def test_roadmap_shows_the_event_that_realised_an_activity(login, methodologist, school_a):
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a])
    activity = add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), title="Семинар для ШНОР")
    EventFactory(title="Семинар «Смысловое чтение»", activity=activity)

    url = reverse("network:roadmap", args=[partnership.pk])

    page = login(methodologist).get(url).content.decode()

    assert "Семинар «Смысловое чтение»" in page
