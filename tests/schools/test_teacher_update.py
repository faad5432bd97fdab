"""teacher_update changes the fields a director may edit, and only those."""

import pytest

from schools.services import teacher_update
from tests.schools.factories import SubjectFactory, TeacherFactory


def test_teacher_update_saves_the_entry_and_its_subjects(school_a):
    teacher = TeacherFactory(school=school_a, position="учитель")
    subject = SubjectFactory(name="Физика")

    teacher_update(teacher=teacher, data={"position": "завуч"}, subjects=[subject])

    teacher.refresh_from_db()
    assert teacher.position == "завуч"
    assert list(teacher.subjects.all()) == [subject]


def test_teacher_update_refuses_to_move_a_teacher_to_another_school(school_a, school_b):
    teacher = TeacherFactory(school=school_a)

    with pytest.raises(ValueError, match="school"):
        teacher_update(teacher=teacher, data={"school": school_b})

    teacher.refresh_from_db()
    assert teacher.school == school_a
