"""Who is told: the people in charge of a step, found by role and school."""

from django.contrib.auth import get_user_model

from accounts.roles import Role


def _active():
    return get_user_model().objects.filter(is_active=True)


def methodologists():
    return list(_active().filter(role=Role.METHODOLOGIST))


def directors_of(school_ids):
    return list(
        _active().filter(role=Role.DIRECTOR, teacher_profile__school_id__in=list(school_ids))
    )


def user_of_teacher(teacher):
    return [teacher.user] if teacher is not None and teacher.user_id else []
