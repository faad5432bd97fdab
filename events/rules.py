import rules

from accounts.rules import is_director, is_methodologist, is_municipal, is_teacher
from events.models import Event
from schools.selectors import school_id_of


@rules.predicate
def is_public_event(user, event):
    return event is not None and event.status != Event.Status.DRAFT


@rules.predicate
def is_in_registry(user):
    return school_id_of(user) is not None


@rules.predicate
def is_own_registration(user, registration):
    profile = getattr(user, "teacher_profile", None) if user.is_authenticated else None
    return (
        registration is not None and profile is not None and registration.teacher_id == profile.pk
    )


@rules.predicate
def is_own_school_registration(user, registration):
    return registration is not None and school_id_of(user) == registration.teacher.school_id


@rules.predicate
def is_own_school_teacher(user, teacher):
    return teacher is not None and school_id_of(user) == teacher.school_id


@rules.predicate
def is_own_school(user, school):
    return school is not None and school_id_of(user) == school.pk


@rules.predicate
def attended(user, registration):
    return registration is not None and registration.attended is True


@rules.predicate
def is_application_author(user, application):
    return (
        user.is_authenticated and application is not None and application.teacher.user_id == user.pk
    )


rules.add_perm("events.view_event", is_methodologist | is_public_event)
rules.add_perm("events.manage_event", is_methodologist)
# The audit trail of an event and its registrations.
rules.add_perm("events.view_event_history", is_methodologist)
rules.add_perm("events.view_registrations", is_municipal)
# Who may know that an event's back office exists (edit, registrations, attendance,
# applications): refused there, they get 403; anyone else 404, public as the event is.
rules.add_perm("events.know_event_management", is_methodologist | (is_municipal & is_public_event))
rules.add_perm("events.view_feedback_summary", is_municipal)
# A director's part of an event page: their school's registrations and the form to add one.
rules.add_perm("events.view_school_registrations", is_director & is_in_registry)
# Teachers register themselves; directors (and methodologists) register a school's teachers.
rules.add_perm("events.register_self", is_teacher & is_in_registry)
rules.add_perm("events.register_teacher", is_methodologist | (is_director & is_own_school_teacher))
# Who may know a registration: refused, they get 403; anyone else 404.
rules.add_perm("events.know_registration", is_municipal | is_own_school_registration)
rules.add_perm(
    "events.cancel_registration",
    is_methodologist | is_own_registration | (is_director & is_own_school_registration),
)
rules.add_perm(
    "events.view_certificate",
    attended & (is_municipal | is_own_registration | (is_director & is_own_school_registration)),
)
rules.add_perm("events.leave_feedback", is_own_registration & attended)
# A school's calendar feed tells where its teachers go: the centre and the school's own.
rules.add_perm("events.view_school_feed", is_municipal | is_own_school)
rules.add_perm("events.apply_to_contest", is_teacher & is_in_registry)
rules.add_perm("events.review_application", is_methodologist)
# A contest application and its file are its author's and the centre's; 404 to anyone else.
rules.add_perm("events.view_application", is_municipal | is_application_author)
