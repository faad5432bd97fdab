"""Every object URL of the portal, asked with school A's ids by staff of an unrelated school.

A director or a teacher of school C (no partner of A) must learn nothing of A's objects:
each URL answers exactly what it answers for an id that does not exist, which is 404
(or 405 for a method the view never takes). A visitor who is not logged in is sent to
log in. The few objects that are public by design are listed apart with what they answer.

The URL names are read from the URL conf: a new object URL that is in neither list
fails ``test_every_object_url_is_swept`` until someone decides which list it belongs to.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import ImportJob, ImportRecord
from accounts.roles import Role
from development.services.questionnaires import response_submit
from events.models import ContestApplication, Event, EventMaterial
from events.services import attendance_mark, calendar_feed_for
from network.models import Stage
from notifications.models import Kind
from notifications.services import notify, unsubscribe_token
from practices.services.discussion import post_comment, post_create
from programmes.models import Measure, MonitoringRound
from programmes.services import monitoring_enter
from reports.models import Report
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory, questionnaire_with
from tests.events.factories import EventFactory, RegistrationFactory
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.network.factories import (
    MethodicalAssociationFactory,
    PartnershipFactory,
    add_activity,
    add_problem,
    complete,
    pdf,
    stage,
)
from tests.practices.factories import draft
from tests.programmes.factories import accepted
from tests.reports.factories import ReportFactory
from tests.schools.factories import SchoolFactory, TeacherFactory

MISSING = 987654321
OUTSIDERS = ["director_c", "teacher_c"]
METHODS = ["get", "post"]


def pk(key):
    return lambda world: {"pk": world[key].pk}


# Objects of school A, or of its partnership, event, teachers: hidden from school C.
HIDDEN = {
    "schools:teachers": pk("school"),
    "schools:teacher_edit": lambda w: {"pk": w["school"].pk, "teacher_pk": w["teacher"].pk},
    "network:roadmap": pk("partnership"),
    "network:roadmap_export": pk("partnership"),
    "network:agreement": pk("partnership"),
    "network:problem_add": pk("partnership"),
    "network:conclusion": pk("partnership"),
    "network:problem_edit": pk("problem"),
    "network:problem_outcome": pk("problem"),
    "network:stage_submit": pk("stage"),
    "network:stage_accept": pk("stage"),
    "network:stage_return": pk("stage"),
    "network:stage_comment": pk("stage"),
    "network:activity_add": pk("stage"),
    "network:activity_edit": pk("activity"),
    "network:activity_complete": pk("activity"),
    "network:activity_evidence": pk("activity"),
    "network:association": pk("association"),
    "events:edit": pk("event"),
    "events:publish": pk("draft"),
    "events:cancel": pk("event"),
    "events:close": pk("event"),
    "events:material_add": pk("event"),
    "events:registrations": pk("event"),
    "events:export": pk("event"),
    "events:attendance": pk("event"),
    "events:applications": pk("contest"),
    "events:application_review": pk("application"),
    "events:application_file": pk("application"),
    "events:registration_cancel": pk("registration"),
    "events:certificate": pk("registration"),
    "events:feedback": pk("registration"),
    "development:plan_detail": pk("plan"),
    "development:plan_edit": pk("plan"),
    "development:plan_submit": pk("plan"),
    "development:plan_approve": pk("plan"),
    "development:plan_return": pk("plan"),
    "development:plan_complete": pk("plan"),
    "development:plan_comment": pk("plan"),
    "development:plan_item_add": pk("plan"),
    "development:plan_item_add_event": pk("plan"),
    "development:plan_item_edit": pk("item"),
    "development:plan_item_complete": pk("item"),
    "development:plan_item_reopen": pk("item"),
    "development:plan_item_cancel": pk("item"),
    "development:plan_item_delete": pk("item"),
    "development:plan_evidence": pk("item"),
    "development:response_detail": pk("response"),
    "monitoring:entry": lambda w: {"school_pk": w["school"].pk, "period_pk": w["period"].pk},
    "monitoring:submission_approve": lambda w: {
        "school_pk": w["school"].pk,
        "period_pk": w["period"].pk,
    },
    "monitoring:submission_return": lambda w: {
        "school_pk": w["school"].pk,
        "period_pk": w["period"].pk,
    },
    "monitoring:dashboard_school": lambda w: {"school_pk": w["school"].pk},
    "monitoring:dashboard_partnership": pk("partnership"),
    "reports:report_download": pk("report"),
    "reports:report_download_docx": pk("report"),
    "reports:report_download_annex": pk("report"),
    "reports:report_retry": pk("report"),
    # A long import's progress is only for the one who started it.
    "accounts:import_job": pk("import_job"),
    "accounts:import_job_status": pk("import_job"),
    # A practice not yet published is its school's and the centre's; so is the discussion
    # of an association of school A's teachers.
    "practices:detail": pk("practice"),
    "practices:edit": pk("practice"),
    "practices:file_add": pk("practice"),
    "practices:file": pk("practice_file"),
    "practices:useful": pk("practice"),
    "practices:submit": pk("practice"),
    "practices:publish": pk("practice"),
    "practices:return": pk("practice"),
    "practices:comment": pk("practice"),
    "practices:withdraw": pk("practice"),
    "practices:from_activity": pk("activity"),
    "practices:association": pk("association"),
    "practices:post_add": pk("association"),
    "practices:post_comment": pk("post"),
    "practices:post_moderate": pk("post"),
    "practices:post_file": pk("post"),
    "practices:comment_moderate": pk("post_comment"),
    "programmes:detail": pk("profile"),
    "programmes:profile_edit": pk("profile"),
    "programmes:programme_edit": pk("profile"),
    "programmes:export_pdf": pk("profile"),
    "programmes:export_docx": pk("profile"),
    "programmes:monitoring": lambda w: {"pk": w["profile"].pk, "stage": "interim"},
    **{
        f"programmes:{document}_{move}": pk("profile")
        for document in ("profile", "programme")
        for move in ("submit", "accept", "return", "comment")
    },
    "programmes:risk_edit": pk("risk"),
    "programmes:measure_add": pk("risk"),
    "programmes:measure_edit": pk("measure"),
    "programmes:conclude": pk("round"),
    # Only the centre assigns a school's curator; school C learns nothing of school A.
    "programmes:curator_assign": pk("school"),
    # A notification is its addressee's alone.
    "notifications:open": pk("notification"),
}

LOGIN = "login"  # a redirect to the login page

# Object URLs whose object is public or the municipality's, not school A's: each with
# what it answers, per role, to a GET and a POST.
PUBLIC = {
    # A published event, its calendar file and its materials are for every visitor.
    "events:detail": (pk("event"), {"anonymous": (200, 200), "director_c": (200, 200)}),
    "events:ics": (pk("event"), {"anonymous": (200, 200), "director_c": (200, 200)}),
    "events:material": (pk("material"), {"anonymous": (200, 405), "teacher_c": (200, 405)}),
    # A personal calendar feed: its secret token is the permission, for calendar apps.
    "events:feed": (
        lambda w: {"token": w["token"]},
        {"anonymous": (200, 200), "director_c": (200, 200)},
    ),
    # A school's or an association's feed under its owner's token: the token is the
    # permission (tests/events/test_ical.py checks whom it is refused to).
    "events:school_feed": (
        lambda w: {"token": w["token"], "pk": w["school"].pk},
        {"anonymous": (200, 200), "director_c": (200, 200)},
    ),
    "events:association_feed": (
        lambda w: {"token": w["token"], "pk": w["association"].pk},
        {"anonymous": (200, 200), "director_c": (200, 200)},
    ),
    # An unsubscribe link is signed for its addressee; mail clients POST it without a
    # session (RFC 8058).
    "notifications:unsubscribe": (
        lambda w: {"token": w["unsubscribe"]},
        {"anonymous": (200, 200), "director_c": (200, 200)},
    ),
    # Any registry teacher registers for a published event; a director registers no one
    # without naming a teacher (403: the event is known to all).
    "events:register": (
        pk("event"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (405, 302), "director_c": (405, 403)},
    ),
    # A published contest takes any registry teacher's application.
    "events:apply": (
        pk("contest"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (200, 200), "director_c": (403, 403)},
    ),
    # A published event is known to all; only its host school and the centre propose
    # its materials to the bank.
    "practices:from_event": (
        pk("event"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (405, 403), "director_c": (405, 403)},
    ),
    # A school's page in the network, like the directory, is open to every logged-in user.
    "practices:school": (
        pk("school"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (200, 405), "director_c": (200, 405)},
    ),
    # The directory of schools is open to every logged-in user.
    "schools:detail": (
        pk("school"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (200, 200), "director_c": (200, 200)},
    ),
    # Questionnaires are the centre's, for every school; a director sees their own
    # school's results in them, a teacher answers them.
    "development:questionnaire_answer": (
        pk("questionnaire"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (200, 200), "director_c": (403, 403)},
    ),
    "development:questionnaire_results": (
        pk("questionnaire"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (403, 403), "director_c": (200, 200)},
    ),
    "development:questionnaire_export": (
        pk("questionnaire"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (403, 403), "director_c": (200, 200)},
    ),
    # Periods are the municipality's academic years, known to all; only the centre acts.
    "monitoring:period_state": (
        pk("period"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (405, 403), "director_c": (405, 403)},
    ),
    "monitoring:period_recalculate": (
        pk("period"),
        {"anonymous": (LOGIN, LOGIN), "teacher_c": (405, 403), "director_c": (405, 403)},
    ),
}

# URLs with arguments that name no object of the portal.
NOT_OBJECTS = {
    # Django's password reset: the signed token in the address is its own check.
    "password_reset_confirm",
    # The registry imports: the kind (schools or teachers) of a methodologist's page.
    "schools:import",
    "schools:import_errors",
    "schools:import_confirm",
    "schools:import_template",
    # The order form's suggestions: what to search (schools, partnerships or events).
    "reports:report_suggest",
}


def _patterns(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from _patterns(entry.url_patterns, inner)
        else:
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def object_url_names():
    """The names of the URL conf's patterns that take an argument, less admin and files."""
    names = set()
    for name, entry in _patterns(get_resolver().url_patterns):
        if not entry.pattern.regex.groupindex:
            continue
        # The admin has its own permissions; moved addresses redirect; media is DEBUG's.
        if name is None or name.startswith(("admin:", "moved-")):
            continue
        names.add(name)
    return names


def test_every_object_url_is_swept():
    assert object_url_names() == set(HIDDEN) | set(PUBLIC) | NOT_OBJECTS


def test_the_lists_do_not_overlap():
    assert not set(HIDDEN) & set(PUBLIC)


def _school_user(username, role, school):
    user = UserFactory(username=username, role=role)
    TeacherFactory(school=school, user=user)
    return user


@pytest.fixture
def world(school_a, director_a, teacher_a, methodologist, settings, tmp_path):
    """One object of every kind, all school A's, and the staff of unrelated school C."""
    settings.MEDIA_ROOT = tmp_path
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и № 101")
    partnership.agreement_file.save("agreement.pdf", pdf(), save=True)
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    activity = add_activity(first, school=school_a)
    complete(activity, file=pdf())
    teacher = teacher_a.teacher_profile
    start = timezone.now() - timedelta(days=1)
    event = EventFactory(
        title="Семинар СОШ № 101",
        host_school=school_a,
        organiser=school_a.short_name,
        partnership=partnership,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        created_by=methodologist,
    )
    material = EventMaterial(event=event, title="Презентация")
    material.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"))
    registration = attendance_mark(
        registration=RegistrationFactory(event=event, teacher=teacher), attended=True
    )
    contest = EventFactory(
        kind=Event.Kind.CONTEST, host_school=school_a, starts_at=timezone.now() + timedelta(days=20)
    )
    application = ContestApplication(event=contest, teacher=teacher, text="Опыт работы")
    application.file.save("application.pdf", ContentFile(b"%PDF-1.4 application"))
    plan = DevelopmentPlanFactory(teacher=teacher)
    item = PlanItemFactory(plan=plan, evidence_file=ContentFile(b"%PDF-1.4", name="course.pdf"))
    questionnaire, statements = questionnaire_with(["Работа с родителями обучающихся"])
    response = response_submit(
        questionnaire=questionnaire, teacher=teacher, answers={statements[0].pk: 2}
    )
    period = PeriodFactory(year=2025)
    ValueFactory(school=school_a, period=period)
    report = ReportFactory(
        params={"school": school_a.pk}, ordered_by=director_a, status=Report.Status.DONE
    )
    report.file.save("report.pdf", ContentFile(b"%PDF-1.7 report"))
    report.docx.save("report.docx", ContentFile(b"PK docx"))
    report.annex.save("report-annex.xlsx", ContentFile(b"PK xlsx"))
    school_c = SchoolFactory(short_name="МАОУ СОШ № 303")
    association = MethodicalAssociationFactory(leader=TeacherFactory(school=school_a))
    practice = draft(by=teacher_a)
    post = post_create(association=association, by=teacher_a, text="Вопрос")
    profile = accepted(school_a, by=director_a, curator=methodologist)
    measure = Measure.objects.filter(risk__programme=profile.programme).first()
    monitoring = monitoring_enter(
        programme=profile.programme,
        stage=MonitoringRound.Stage.ENTRY,
        by=director_a,
        rows={measure.pk: {"state": "planned", "value": None}},
    )
    return {
        "practice": practice,
        "practice_file": practice.files.get(),
        "post": post,
        "post_comment": post_comment(post=post, by=teacher_a, text="Ответ"),
        "profile": profile,
        "risk": measure.risk,
        "measure": measure,
        "round": monitoring,
        "school": school_a,
        "teacher": teacher,
        "partnership": partnership,
        "stage": first,
        "problem": add_problem(partnership, school=school_a),
        "activity": activity,
        "association": association,
        "event": event,
        "draft": EventFactory(status=Event.Status.DRAFT, host_school=school_a),
        "material": material,
        "registration": registration,
        "contest": contest,
        "application": application,
        "token": calendar_feed_for(user=teacher_a).token,
        "notification": notify(
            [director_a], kind=Kind.STAGE_RETURNED, title="Этап возвращён", url="/network/"
        )[0],
        "unsubscribe": unsubscribe_token(director_a, Kind.STAGE_RETURNED),
        "plan": plan,
        "item": item,
        "questionnaire": questionnaire,
        "response": response,
        "period": period,
        "report": report,
        "import_job": ImportJob.objects.create(
            kind=ImportRecord.Kind.TEACHERS,
            file_name="педагоги.xlsx",
            started_by=director_a,
        ),
        "director_c": _school_user("direktor_c", Role.DIRECTOR, school_c),
        "teacher_c": _school_user("uchitel_c", Role.TEACHER, school_c),
        "anonymous": None,
    }


def _missing(kwargs):
    return {key: MISSING if isinstance(value, int) else "missing" for key, value in kwargs.items()}


def _answer(client, method, url):
    response = getattr(client, method)(url)
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_learn_nothing_of_school_a(world, login, role):
    client = login(world[role])
    wrong = []
    for name, build in sorted(HIDDEN.items()):
        kwargs = build(world)
        answers = {m: _answer(client, m, reverse(name, kwargs=kwargs)) for m in METHODS}
        missing = {m: _answer(client, m, reverse(name, kwargs=_missing(kwargs))) for m in METHODS}
        if answers != missing or 404 not in answers.values():
            wrong.append(f"{name}: {answers}, for a missing id {missing}")
    assert not wrong, "\n".join(wrong)


def test_anonymous_is_sent_to_log_in(world, login):
    client = login(None)
    wrong = []
    for name, build in sorted(HIDDEN.items()):
        url = reverse(name, kwargs=build(world))
        answers = {m: _answer(client, m, url) for m in METHODS}
        if set(answers.values()) != {LOGIN}:
            wrong.append(f"{name}: {answers}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_object_urls_answer_as_designed(world, login, name):
    build, expected = PUBLIC[name]
    url = reverse(name, kwargs=build(world))
    for role, (on_get, on_post) in expected.items():
        client = login(world[role])
        got = (_answer(client, "get", url), _answer(client, "post", url))
        assert got == (on_get, on_post), (role, url)


def test_ids_in_query_strings_and_forms_are_hidden_too(world, login):
    director_c = login(world["director_c"])
    teacher_c = login(world["teacher_c"])
    own_plan = DevelopmentPlanFactory(teacher=world["teacher_c"].teacher_profile)
    asks = [
        (director_c, "get", reverse("development:plan_create"), "teacher", world["teacher"].pk),
        (
            director_c,
            "post",
            reverse("events:register", args=[world["event"].pk]),
            "teacher",
            world["teacher"].pk,
        ),
        (
            teacher_c,
            "post",
            reverse("development:plan_item_add_event", args=[own_plan.pk]),
            "event",
            world["draft"].pk,
        ),
    ]
    for client, method, url, field, value in asks:
        assert getattr(client, method)(url, {field: value}).status_code == 404, url
        assert getattr(client, method)(url, {field: MISSING}).status_code == 404, url
    status = director_c.get(reverse("reports:report_status"), {"id": world["report"].pk})
    assert status.json()["reports"] == []
