"""The network's update services change the fields they name, and refuse any other."""

import pytest

from network.models import Activity, Stage
from network.services import activity_update, partnership_update, problem_update

from .factories import add_activity, add_problem, stage


def test_partnership_update_changes_the_terms(partnership, school_a):
    partnership_update(partnership=partnership, data={"goal": "Новая цель"}, schools=[school_a])

    partnership.refresh_from_db()
    assert partnership.goal == "Новая цель"


def test_partnership_update_refuses_a_field_outside_its_terms(partnership, school_a):
    with pytest.raises(ValueError, match="created_at"):
        partnership_update(partnership=partnership, data={"created_at": None}, schools=[school_a])


def test_problem_update_refuses_to_move_a_problem_to_another_roadmap(partnership, school_a):
    problem = add_problem(partnership, school=school_a)

    with pytest.raises(ValueError, match="roadmap"):
        problem_update(problem=problem, by=None, data={"roadmap": None})


def test_activity_update_refuses_its_result_which_completing_writes(partnership, school_a):
    activity = add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE), school=school_a)

    with pytest.raises(ValueError, match="result"):
        activity_update(
            activity=activity, by=None, data={"result": "Готово", "state": Activity.State.DONE}
        )
