import datetime

import pytest
import time_machine

from network.figures import (
    Share,
    active_participants,
    activities_done_on_time,
    forms_of_interaction_used,
)
from network.models import Activity, Mentorship
from network.services import activity_update
from schools.models import School
from tests.schools.factories import SchoolFactory, TeacherFactory

from .factories import (
    MentorshipFactory,
    MethodicalAssociationFactory,
    PartnershipFactory,
    add_activity,
    complete,
    open_joint_activity,
)

D = datetime.date


@pytest.fixture
def joint(partnership):
    return open_joint_activity(partnership)


@time_machine.travel(D(2026, 3, 15))
def test_share_of_activities_done_by_their_due_date(partnership, joint, school_a):
    on_time = add_activity(joint, title="В срок", due_on=D(2026, 2, 1))
    complete(on_time, on=D(2026, 1, 30))
    late = add_activity(joint, title="С опозданием", due_on=D(2026, 2, 1))
    complete(late, on=D(2026, 2, 5))
    add_activity(joint, title="Просрочено", due_on=D(2026, 3, 1))
    add_activity(joint, title="Ещё не наступил срок", due_on=D(2026, 4, 1))
    cancelled = add_activity(joint, title="Отменено", due_on=D(2026, 2, 1))
    activity_update(activity=cancelled, by=None, data={"state": Activity.State.CANCELLED})

    share = activities_done_on_time(partnership=partnership)

    assert share == Share(part=1, total=3)
    assert share.percent == 33.3
    assert activities_done_on_time(school=school_a) == share
    assert activities_done_on_time() == share
    assert activities_done_on_time(school=SchoolFactory()).percent is None


@time_machine.travel(D(2026, 3, 15))
def test_figures_per_partnership_and_school_do_not_mix(partnership, joint, leader):
    complete(add_activity(joint, due_on=D(2026, 2, 1)), on=D(2026, 2, 1))
    other_school = SchoolFactory(category=School.Category.LOW_RESULTS)
    other = PartnershipFactory(leader=leader, schools=[other_school])
    add_activity(open_joint_activity(other), due_on=D(2026, 2, 1))

    assert activities_done_on_time(partnership=partnership) == Share(1, 1)
    assert activities_done_on_time(partnership=other) == Share(0, 1)
    assert activities_done_on_time(school=leader) == Share(1, 2)
    assert activities_done_on_time(school=other_school) == Share(0, 1)
    assert activities_done_on_time() == Share(1, 2)


def test_forms_of_interaction_count_the_distinct_forms_of_done_activities(partnership, joint):
    complete(add_activity(joint, form=Activity.Form.SEMINAR))
    complete(add_activity(joint, form=Activity.Form.SEMINAR, title="Второй семинар"))
    complete(add_activity(joint, form=Activity.Form.MENTORING))
    add_activity(joint, form=Activity.Form.INTERNSHIP)  # planned, not used yet

    assert forms_of_interaction_used(partnership=partnership) == 2
    assert forms_of_interaction_used() == 2


def test_active_participants_count_teachers_and_schools_once(partnership, joint, school_a, leader):
    teacher = TeacherFactory(school=school_a)
    mentor = TeacherFactory(school=leader)
    add_activity(joint, participants=[teacher, mentor])
    MentorshipFactory(mentor=mentor, mentee=teacher)
    MentorshipFactory(state=Mentorship.State.CANCELLED)  # does not count
    outsider = TeacherFactory()
    MethodicalAssociationFactory(leader=mentor, members=[teacher, outsider])

    municipal = active_participants()
    assert (municipal.teachers, municipal.schools) == (3, 3)
    own = active_participants(school=school_a)
    assert (own.teachers, own.schools) == (1, 1)
