"""Every GET address of the portal × every role × hostile query strings → never a 5xx.

The addresses are read from the URL conf, so a new one is swept as soon as it exists; one
with path parameters must be given them in PATH_KWARGS, or the coverage test fails.
"""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import ImportJob, ImportRecord
from accounts.roles import Role
from development.services.questionnaires import response_submit
from events.models import ContestApplication, Event, EventMaterial
from events.services import calendar_feed_for
from network.models import Stage
from notifications.models import Kind
from notifications.services import notify, unsubscribe_token
from practices.services.discussion import post_comment, post_create
from programmes.models import Measure, MonitoringRound
from programmes.services import monitoring_enter
from schools.models import School
from tests.accounts.factories import UserFactory
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory, questionnaire_with
from tests.events.factories import EventFactory, RegistrationFactory
from tests.monitoring.factories import PeriodFactory
from tests.network.factories import (
    MentorshipFactory,
    MethodicalAssociationFactory,
    PartnershipFactory,
    add_activity,
    open_joint_activity,
    stage,
)
from tests.practices.factories import draft
from tests.programmes.factories import accepted
from tests.reports.factories import ReportFactory
from tests.schools.factories import SchoolFactory

SKIPPED_PREFIXES = ("admin/", "media/", "static/")

# The path parameters of every address that has them, named by what the fixture built.
PATH_KWARGS = {
    "password_reset_confirm": {"uidb64": "uid", "token": "reset_token"},
    "schools:detail": {"pk": "school"},
    "schools:teachers": {"pk": "school"},
    "schools:teacher_edit": {"pk": "school", "teacher_pk": "teacher"},
    "schools:import": {"kind": "import_kind"},
    "reports:report_suggest": {"what": "suggest_what"},
    "schools:import_errors": {"kind": "import_kind"},
    "schools:import_confirm": {"kind": "import_kind"},
    "schools:import_template": {"kind": "import_kind"},
    "network:roadmap": {"pk": "partnership"},
    "network:roadmap_export": {"pk": "partnership"},
    "network:agreement": {"pk": "partnership"},
    "network:problem_add": {"pk": "partnership"},
    "network:conclusion": {"pk": "partnership"},
    "network:problem_edit": {"pk": "problem"},
    "network:problem_outcome": {"pk": "problem"},
    "network:stage_submit": {"pk": "stage"},
    "network:stage_accept": {"pk": "stage"},
    "network:stage_return": {"pk": "stage"},
    "network:stage_comment": {"pk": "stage"},
    "network:activity_add": {"pk": "stage"},
    "network:activity_edit": {"pk": "activity"},
    "network:activity_complete": {"pk": "activity"},
    "network:activity_evidence": {"pk": "activity"},
    "network:association": {"pk": "association"},
    "events:feed": {"token": "feed_token"},
    "events:school_feed": {"token": "feed_token", "pk": "school"},
    "events:association_feed": {"token": "feed_token", "pk": "association"},
    "notifications:open": {"pk": "notification"},
    "notifications:unsubscribe": {"token": "unsubscribe_token"},
    "events:detail": {"pk": "event"},
    "events:ics": {"pk": "event"},
    "events:edit": {"pk": "event"},
    "events:publish": {"pk": "event"},
    "events:cancel": {"pk": "event"},
    "events:close": {"pk": "event"},
    "events:material_add": {"pk": "event"},
    "events:material": {"pk": "material"},
    "events:application_file": {"pk": "application"},
    "events:register": {"pk": "event"},
    "events:registrations": {"pk": "event"},
    "events:export": {"pk": "event"},
    "events:attendance": {"pk": "event"},
    "events:apply": {"pk": "contest"},
    "events:applications": {"pk": "contest"},
    "events:application_review": {"pk": "application"},
    "events:registration_cancel": {"pk": "registration"},
    "events:certificate": {"pk": "registration"},
    "events:feedback": {"pk": "registration"},
    "development:plan_detail": {"pk": "plan"},
    "development:plan_edit": {"pk": "plan"},
    "development:plan_submit": {"pk": "plan"},
    "development:plan_approve": {"pk": "plan"},
    "development:plan_return": {"pk": "plan"},
    "development:plan_complete": {"pk": "plan"},
    "development:plan_comment": {"pk": "plan"},
    "development:plan_item_add": {"pk": "plan"},
    "development:plan_item_add_event": {"pk": "plan"},
    "development:plan_item_edit": {"pk": "item"},
    "development:plan_item_complete": {"pk": "item"},
    "development:plan_item_reopen": {"pk": "item"},
    "development:plan_item_cancel": {"pk": "item"},
    "development:plan_item_delete": {"pk": "item"},
    "development:plan_evidence": {"pk": "item"},
    "development:questionnaire_answer": {"pk": "questionnaire"},
    "development:questionnaire_results": {"pk": "questionnaire"},
    "development:questionnaire_export": {"pk": "questionnaire"},
    "development:response_detail": {"pk": "response"},
    "monitoring:entry": {"school_pk": "school", "period_pk": "period"},
    "monitoring:submission_approve": {"school_pk": "school", "period_pk": "period"},
    "monitoring:submission_return": {"school_pk": "school", "period_pk": "period"},
    "monitoring:period_state": {"pk": "period"},
    "monitoring:period_recalculate": {"pk": "period"},
    "monitoring:dashboard_school": {"school_pk": "school"},
    "monitoring:dashboard_partnership": {"pk": "partnership"},
    "reports:report_download": {"pk": "report"},
    "reports:report_download_docx": {"pk": "report"},
    "reports:report_download_annex": {"pk": "report"},
    "reports:report_retry": {"pk": "report"},
    "accounts:import_job": {"pk": "import_job"},
    "accounts:import_job_status": {"pk": "import_job"},
    "practices:detail": {"pk": "practice"},
    "practices:edit": {"pk": "practice"},
    "practices:file_add": {"pk": "practice"},
    "practices:file": {"pk": "practice_file"},
    "practices:useful": {"pk": "practice"},
    "practices:submit": {"pk": "practice"},
    "practices:publish": {"pk": "practice"},
    "practices:return": {"pk": "practice"},
    "practices:comment": {"pk": "practice"},
    "practices:withdraw": {"pk": "practice"},
    "practices:from_activity": {"pk": "activity"},
    "practices:from_event": {"pk": "event"},
    "practices:school": {"pk": "school"},
    "practices:association": {"pk": "association"},
    "practices:post_add": {"pk": "association"},
    "practices:post_comment": {"pk": "post"},
    "practices:post_moderate": {"pk": "post"},
    "practices:post_file": {"pk": "post"},
    "practices:comment_moderate": {"pk": "post_comment"},
    "programmes:detail": {"pk": "risk_profile"},
    "programmes:profile_edit": {"pk": "risk_profile"},
    "programmes:programme_edit": {"pk": "risk_profile"},
    "programmes:export_pdf": {"pk": "risk_profile"},
    "programmes:export_docx": {"pk": "risk_profile"},
    "programmes:monitoring": {"pk": "risk_profile", "stage": "monitoring_stage"},
    **{
        f"programmes:{document}_{move}": {"pk": "risk_profile"}
        for document in ("profile", "programme")
        for move in ("submit", "accept", "return", "comment")
    },
    "programmes:risk_edit": {"pk": "antirisk"},
    "programmes:measure_add": {"pk": "antirisk"},
    "programmes:measure_edit": {"pk": "measure"},
    "programmes:conclude": {"pk": "monitoring_round"},
    "programmes:curator_assign": {"pk": "school"},
}
# The addresses kept for old bookmarks take the rest of the old path.
MOVED_KWARGS = {"rest": "empty"}

# Names that the portal's filters and forms read, and that a visitor may invent.
GENERIC_PARAMS = [
    "q",
    "page",
    "year",
    "month",
    "school",
    "status",
    "subject",
    "period",
    "ordering",
    "kind",
    "code",
    "date",
    "date_from",
    "date_to",
    "category",
    "format",
    "indicator",
    "partnership",
    "teacher",
    "event",
    "next",
    "sort",
]
HOSTILE_VALUES = [
    "99999999999999999999",
    "-1",
    "9999-99-99",
    "'; DROP TABLE schools_school; --",
    "x" * 10_000,
    "\u202eгоды\u202c 🙂 [] NaN 1e309",
    "\x1f",
]
# On a page that answers before it reads anything (302, 403, 404, 405) two are enough.
REFUSED_VALUES = HOSTILE_VALUES[:1] + HOSTILE_VALUES[4:5]
# Values for one parameter at a time, so that a 400 of another cannot hide a crash.
ALONE_VALUES = ["99999999999999999999", "2026-13-45"]
GET_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.DOTALL)
FORM_FIELD = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"")


def query_names(page):
    """The names that the page's own search and filter forms (method GET) send."""
    names = ["page"]
    if "html" not in page.get("Content-Type", ""):
        return names
    for attributes, body in GET_FORM.findall(page.content.decode()):
        if 'method="post"' not in attributes.lower():
            names += [name for name in FORM_FIELD.findall(body) if name not in names]
    return names


def get_urls(resolver=None, prefix="", namespace=""):
    """(route, name, parameter names) of every named address outside the admin."""
    resolver = resolver or get_resolver()
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^")
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += get_urls(pattern, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            params = set(pattern.pattern.regex.groupindex) - set(pattern.default_args)
            found.append((route, f"{namespace}{pattern.name}", params))
    return found


def path_kwargs(name, params):
    if not params:
        return {}
    if name.startswith("moved-"):
        return MOVED_KWARGS
    return PATH_KWARGS[name]


def test_every_address_with_path_parameters_has_them_given():
    missing, wrong = [], []
    with_params = {name: params for _route, name, params in get_urls() if params}
    for name, params in with_params.items():
        if name.startswith("moved-"):
            continue
        if name not in PATH_KWARGS:
            missing.append(name)
        elif set(PATH_KWARGS[name]) != params:
            wrong.append(name)
    assert not missing, f"add these to PATH_KWARGS: {missing}"
    assert not wrong, f"the parameters changed: {wrong}"
    assert not set(PATH_KWARGS) - set(with_params), "PATH_KWARGS names a removed address"


@pytest.fixture
def targets(school_a, director_a, teacher_a, methodologist):
    """One object of every kind that an address takes, visible to the cast of school A."""
    teacher = teacher_a.teacher_profile
    leader = SchoolFactory(short_name="Лидер", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a])
    joint = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    event = EventFactory()
    registration = RegistrationFactory(event=event, teacher=teacher)
    contest = EventFactory(kind=Event.Kind.CONTEST, capacity=None)
    application = ContestApplication(event=contest, teacher=teacher, text="Опыт")
    application.file.save("a.pdf", ContentFile(b"%PDF-1.4 application"))
    material = EventMaterial.objects.create(event=event, title="Презентация", url="https://e.ru")
    plan = DevelopmentPlanFactory(teacher=teacher)
    questionnaire, statements = questionnaire_with(["Формирующее оценивание"])
    MentorshipFactory(mentee=teacher)
    response = response_submit(
        questionnaire=questionnaire, teacher=teacher, answers={statements[0].pk: 2}
    )
    association = MethodicalAssociationFactory(leader=teacher, members=[teacher])
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
        "risk_profile": profile.pk,
        "monitoring_stage": "interim",
        "antirisk": measure.risk_id,
        "measure": measure.pk,
        "monitoring_round": monitoring.pk,
        "empty": "",
        "uid": urlsafe_base64_encode(force_bytes(director_a.pk)),
        "reset_token": default_token_generator.make_token(director_a),
        "school": school_a.pk,
        "teacher": teacher.pk,
        "partnership": partnership.pk,
        "problem": partnership.roadmap.problems.first().pk,
        "stage": stage(partnership, Stage.Kind.ACQUAINTANCE).pk,
        "activity": add_activity(joint, by=director_a).pk,
        "association": association.pk,
        "practice": practice.pk,
        "practice_file": practice.files.get().pk,
        "post": post.pk,
        "post_comment": post_comment(post=post, by=teacher_a, text="Ответ").pk,
        "feed_token": calendar_feed_for(user=teacher_a).token,
        "event": event.pk,
        "material": material.pk,
        "application": application.pk,
        "contest": contest.pk,
        "registration": registration.pk,
        "plan": plan.pk,
        "item": PlanItemFactory(plan=plan).pk,
        "questionnaire": questionnaire.pk,
        "response": response.pk,
        "period": PeriodFactory(year=2025).pk,
        "report": ReportFactory(ordered_by=director_a).pk,
        "notification": notify([director_a], kind=Kind.REPORT_DONE, title="Готово")[0].pk,
        "unsubscribe_token": unsubscribe_token(director_a, Kind.REPORT_DONE),
        "import_kind": "teachers",
        "import_job": ImportJob.objects.create(
            kind=ImportRecord.Kind.TEACHERS, file_name="f.xlsx", started_by=methodologist
        ).pk,
        "suggest_what": "school",
    }


@pytest.fixture
def person(request, teacher_a, director_a, methodologist, coordinator, db):
    return {
        "anonymous": None,
        "teacher": teacher_a,
        "director": director_a,
        "methodologist": methodologist,
        "coordinator": coordinator,
        "superuser": UserFactory(username="root", role=Role.METHODOLOGIST, is_superuser=True),
    }[request.param]


def hostile_queries(names, fields):
    """Every name at once with each value, repeated names, then each field name alone."""
    for value in HOSTILE_VALUES if fields else REFUSED_VALUES:
        yield urlencode([(name, value) for name in names])
    if fields:
        # Repeated names: a view that reads one value must not trip on a list.
        yield urlencode([(name, value) for name in names for value in ("1", "[]", "-1")])
    for name in fields:
        for value in ALONE_VALUES:
            yield urlencode({name: value})


@pytest.mark.parametrize(
    "person",
    ["anonymous", "teacher", "director", "methodologist", "coordinator", "superuser"],
    indirect=True,
)
def test_no_query_string_makes_a_server_error(settings, targets, person):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    if person is not None:
        client.force_login(person)
    failures = []
    for _route, name, params in get_urls():
        kwargs = {key: targets[target] for key, target in path_kwargs(name, params).items()}
        url = reverse(name, kwargs=kwargs)
        page = client.get(url)
        if page.status_code >= 500:
            failures.append(f"{page.status_code} {url}")
        names, fields = list(GENERIC_PARAMS), []
        if page.status_code == 200:
            fields = query_names(page)
            names += [n for n in fields if n not in names]
        for query in hostile_queries(names, fields):
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {url}?{query[:200]}")
    assert not failures, "\n".join(failures[:40])
