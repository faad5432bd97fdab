"""Every events URL × every role → the status the rules promise."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from events.models import ContestApplication, Event
from events.services import calendar_feed_for
from tests.conftest import ROLES
from tests.events.factories import EventFactory

ALL = dict.fromkeys(ROLES, 200)
LOGGED_IN = {**ALL, "anonymous": 302}
POST_ONLY = {**dict.fromkeys(ROLES, 405), "anonymous": 302}
# The back office of an event (edit, registrations, attendance, applications) is the
# centre's: the coordinator may know of it (403), a school's staff not at all (404).
MANAGER = {
    "anonymous": 302,
    "teacher_a": 404,
    "director_a": 404,
    "director_b": 404,
    "methodologist": 200,
    "coordinator": 403,
}
MUNICIPAL = {**MANAGER, "coordinator": 200}
# Creating is no object's page: whoever may not create is refused with 403.
CREATE = {**dict.fromkeys(ROLES, 403), "anonymous": 302, "methodologist": 200}
# The event itself is public: whoever may not apply knows of it and gets 403.
TEACHER = {
    "anonymous": 302,
    "teacher_a": 200,
    "director_a": 403,
    "director_b": 403,
    "methodologist": 403,
    "coordinator": 403,
}
DRAFT = {**dict.fromkeys(ROLES, 404), "methodologist": 200}
CERTIFICATE = {**ALL, "anonymous": 302, "director_b": 404}
# The application's file: its author and the centre; anyone else must not learn of it.
APPLICATION_FILE = {
    "anonymous": 302,
    "teacher_a": 200,
    "director_a": 404,
    "director_b": 404,
    "methodologist": 200,
    "coordinator": 200,
}
FEEDBACK = {
    "anonymous": 302,
    "teacher_a": 200,
    "director_a": 403,
    "director_b": 404,
    "methodologist": 403,
    "coordinator": 403,
}

CASES = [
    ("events:calendar", None, ALL),
    ("events:list", None, ALL),
    ("events:verify", None, ALL),
    ("events:detail", "event", ALL),
    ("events:detail", "draft", DRAFT),
    ("events:ics", "event", ALL),
    ("events:ics", "draft", DRAFT),
    ("events:feed", "token", ALL),
    ("events:my", None, LOGGED_IN),
    ("events:create", None, CREATE),
    ("events:edit", "event", MANAGER),
    ("events:edit", "draft", {**DRAFT, "anonymous": 302}),
    ("events:registrations", "event", MUNICIPAL),
    ("events:export", "event", MUNICIPAL),
    ("events:attendance", "past", MANAGER),
    ("events:applications", "contest", MUNICIPAL),
    ("events:apply", "contest", TEACHER),
    ("events:application_file", "application", APPLICATION_FILE),
    ("events:certificate", "registration", CERTIFICATE),
    ("events:feedback", "registration", FEEDBACK),
    ("events:publish", "draft", POST_ONLY),
    ("events:cancel", "event", POST_ONLY),
    ("events:close", "past", POST_ONLY),
    ("events:material_add", "event", POST_ONLY),
    ("events:register", "event", POST_ONLY),
    ("events:registration_cancel", "registration", POST_ONLY),
    ("events:feed_reset", None, POST_ONLY),
    ("events:application_review", "application", POST_ONLY),
]


@pytest.fixture
def objects(cast, event, attended_registration, teacher_a):
    contest = EventFactory(
        kind=Event.Kind.CONTEST, starts_at=timezone.now() + timedelta(days=20), capacity=None
    )
    application = ContestApplication(
        event=contest, teacher=attended_registration.teacher, text="Опыт"
    )
    application.file.save("a.pdf", ContentFile(b"%PDF-1.4 application"))
    return {
        "event": event.pk,
        "draft": EventFactory(status=Event.Status.DRAFT).pk,
        "past": attended_registration.event_id,
        "registration": attended_registration.pk,
        "contest": contest.pk,
        "application": application.pk,
        "token": calendar_feed_for(user=teacher_a).token,
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [pytest.param(*case, id=f"{case[0]}({case[1] or ''})") for case in CASES],
)
def test_access_matrix(login, cast, objects, role, name, target, expected):
    url = reverse(name, args=[objects[target]] if target else [])
    response = login(cast[role]).get(url)
    assert response.status_code == expected[role], url
    if response.status_code == 302:
        assert response.url.startswith(reverse("login"))


def test_unknown_feed_token_is_404(login, db):
    assert login(None).get(reverse("events:feed", args=["nope"])).status_code == 404


def _post(**statuses):
    """The statuses of a POST: anonymous is sent to log in; a done change redirects."""
    return {"anonymous": 302, **statuses}


# The back office's changes: the centre's; a school's staff learn nothing of them (404).
CENTRE_CHANGE = _post(
    teacher_a=404, director_a=404, director_b=404, methodologist=302, coordinator=403
)
POST_CASES = [
    ("events:publish", "draft", {**CENTRE_CHANGE, "coordinator": 404}, {}),
    ("events:cancel", "event", CENTRE_CHANGE, {}),
    ("events:close", "past", CENTRE_CHANGE, {}),
    ("events:material_add", "event", CENTRE_CHANGE, {}),
    ("events:attendance", "past", CENTRE_CHANGE, {}),
    # Its author knows of her application (403); other schools do not (404).
    ("events:application_review", "application", {**CENTRE_CHANGE, "teacher_a": 403}, {}),
    (
        "events:registration_cancel",
        "registration",
        _post(teacher_a=302, director_a=302, director_b=404, methodologist=302, coordinator=403),
        {},
    ),
    # Registering school A's teacher: her school's director or the centre; a director of
    # another school must not learn that she is in the registry.
    (
        "events:register",
        "event",
        _post(teacher_a=403, director_a=302, director_b=404, methodologist=302, coordinator=403),
        {"teacher": "teacher_a"},
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "target", "expected", "data"),
    [pytest.param(*case, id=f"{case[0]}({case[1]})") for case in POST_CASES],
)
def test_post_access_matrix(login, cast, objects, role, name, target, expected, data):
    data = {key: cast[value].teacher_profile.pk for key, value in data.items()}
    url = reverse(name, args=[objects[target]])
    response = login(cast[role]).post(url, data)
    assert response.status_code == expected[role], url
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))
