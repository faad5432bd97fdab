"""Every step that waits on someone tells them: in the portal and, once, by e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from development.models import DevelopmentPlan
from development.services.plans import plan_approve, plan_return, plan_submit
from events.models import ContestApplication, Event
from events.services.contests import application_review
from monitoring.models import IndicatorSubmission
from monitoring.services.indicators import submission_approve, submission_return
from network.services.stages import stage_accept, stage_return, stage_submit
from notifications.models import Kind, Notification
from reports.models import Report
from reports.services import report_fail, report_render
from tests.development.factories import DevelopmentPlanFactory, PlanItemFactory
from tests.events.factories import EventFactory
from tests.monitoring.factories import PeriodFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db
BASE = "http://portal.example.org"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.PORTAL_BASE_URL = BASE


def told(kind):
    return sorted(n.user.username for n in Notification.objects.filter(kind=kind))


def test_a_submitted_stage_tells_the_methodologists_once_by_mail(
    first_stage, director_a, methodologist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        stage_submit(stage=first_stage, by=director_a)

    note = Notification.objects.get(kind=Kind.STAGE_SUBMITTED)
    assert note.user == methodologist
    assert note.title == "Этап «Знакомство» партнёрства «СОШ № 1 и № 101» ждёт вашей проверки"
    assert note.url == f"/network/partnerships/{first_stage.roadmap.partnership.pk}/#stage-1"
    [letter] = mail.outbox
    assert letter.to == [methodologist.email]
    assert letter.subject == note.title
    assert f"{BASE}{note.url}" in letter.body
    assert letter.extra_headers["List-Unsubscribe"].startswith(f"<{BASE}/notifications/")


def test_a_returned_stage_tells_every_school_of_the_partnership_with_the_comment(
    first_stage,
    director_a,
    director_b,
    director_leader,
    methodologist,
    django_capture_on_commit_callbacks,
):
    stage_submit(stage=first_stage, by=director_a)
    with django_capture_on_commit_callbacks(execute=True):
        stage_return(stage=first_stage, by=methodologist, comment="Уточните проблему")

    assert told(Kind.STAGE_RETURNED) == ["direktor_a", "direktor_lidera"]
    note = Notification.objects.filter(kind=Kind.STAGE_RETURNED).first()
    assert note.text == "Уточните проблему"
    assert sorted(m.to[0] for m in mail.outbox if "возвращён" in m.subject) == sorted(
        [director_a.email, director_leader.email]
    )
    assert all("Уточните проблему" in m.body for m in mail.outbox if "возвращён" in m.subject)


def test_an_accepted_stage_tells_the_directors(
    first_stage, director_a, director_leader, methodologist
):
    stage_submit(stage=first_stage, by=director_a)
    stage_accept(stage=first_stage, by=methodologist, comment="Хорошо")
    assert told(Kind.STAGE_ACCEPTED) == ["direktor_a", "direktor_lidera"]


def test_plans_tell_the_director_then_the_teacher(teacher_a, director_a, director_b):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, theme="Смысловое чтение")
    PlanItemFactory(plan=plan)
    plan_submit(plan=plan, by=teacher_a)
    assert told(Kind.PLAN_SUBMITTED) == ["direktor_a"]
    note = Notification.objects.get(kind=Kind.PLAN_SUBMITTED)
    assert note.url == reverse("development:plan_detail", args=[plan.pk])
    assert "«Смысловое чтение»" in note.title

    plan_return(plan=plan, by=director_a, comment="Добавьте сроки")
    assert told(Kind.PLAN_RETURNED) == ["uchitel_a"]
    plan.refresh_from_db()
    plan.status = DevelopmentPlan.Status.SUBMITTED
    plan.save()
    plan_approve(plan=plan, by=director_a)
    assert told(Kind.PLAN_APPROVED) == ["uchitel_a"]


def test_indicator_decisions_tell_the_schools_directors(school_a, director_a, methodologist):
    period = PeriodFactory()
    submission = IndicatorSubmission.objects.create(
        school=school_a, period=period, state=IndicatorSubmission.State.SUBMITTED
    )
    submission_return(submission=submission, by=methodologist, comment="Проверьте долю")
    assert told(Kind.SUBMISSION_RETURNED) == ["direktor_a"]
    assert Notification.objects.get(kind=Kind.SUBMISSION_RETURNED).text == "Проверьте долю"
    submission.refresh_from_db()
    submission.state = IndicatorSubmission.State.SUBMITTED
    submission.save()
    submission_approve(submission=submission, by=methodologist)
    assert told(Kind.SUBMISSION_APPROVED) == ["direktor_a"]


def test_a_report_tells_whoever_ordered_it(school_a, director_a):
    done = ReportFactory(params={"school": school_a.pk}, ordered_by=director_a)
    report_render(report_id=done.pk)
    assert told(Kind.REPORT_DONE) == ["direktor_a"]

    failed = ReportFactory(params={"school": school_a.pk, "x": 1}, ordered_by=director_a)
    report_fail(report=failed, reason="Школа больше не существует.")
    note = Notification.objects.get(kind=Kind.REPORT_FAILED)
    assert note.text == "Школа больше не существует."

    scheduled = ReportFactory(params={"school": school_a.pk, "y": 1}, ordered_by=None)
    report_fail(report=scheduled, reason="—")
    assert Notification.objects.filter(kind=Kind.REPORT_FAILED).count() == 1
    assert Report.objects.count() == 3


def test_a_reviewed_application_tells_the_applicant(teacher_a, methodologist):
    contest = EventFactory(kind=Event.Kind.CONTEST, title="Педагогический дебют")
    application = ContestApplication.objects.create(
        event=contest, teacher=teacher_a.teacher_profile, text="Моя работа"
    )
    application_review(application=application, accept=True, by=methodologist)
    note = Notification.objects.get(kind=Kind.APPLICATION_REVIEWED)
    assert note.user == teacher_a
    assert note.title == "Ваша заявка на «Педагогический дебют» принята"


def test_a_rolled_back_change_tells_nobody(first_stage, director_a, methodologist):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        stage_submit(stage=first_stage, by=director_a)
        raise RuntimeError
    assert not Notification.objects.exists()


def test_an_inactive_user_is_not_told(first_stage, director_a, methodologist):
    methodologist.is_active = False
    methodologist.save()
    stage_submit(stage=first_stage, by=director_a)
    assert not Notification.objects.exists()


def test_event_letters_also_appear_in_the_portal_once(
    teacher_a, django_capture_on_commit_callbacks
):
    from events.notifications import Notice
    from events.services.notify import notify_registration
    from tests.events.factories import RegistrationFactory

    teacher_a.teacher_profile.email = "uchitel@example.org"
    teacher_a.teacher_profile.save()
    event = EventFactory(title="Семинар «Смысловое чтение»")
    registration = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    with django_capture_on_commit_callbacks(execute=True):
        notify_registration(registration.pk, Notice.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        notify_registration(registration.pk, Notice.CONFIRMED)  # a repeated letter

    note = Notification.objects.get(kind=Kind.EVENT_REGISTRATION)
    assert note.user == teacher_a
    assert note.title.startswith("Вы записаны на «Семинар «Смысловое чтение»», ")
    assert note.channel == "portal"
    assert note.url == reverse("events:detail", args=[event.pk])
    assert len(mail.outbox) == 2  # the events app's own letters, not the notification's


def test_event_kinds_have_no_channel_to_choose(login, teacher_a):
    page = login(teacher_a).get(reverse("notifications:preferences")).content.decode()
    assert "Этап дорожной карты принят" in page
    assert "Ваша запись на мероприятие" not in page


def test_every_notification_mails_once_in_russian_with_an_absolute_link(
    first_stage,
    school_a,
    teacher_a,
    director_a,
    director_leader,
    methodologist,
    django_capture_on_commit_callbacks,
):
    """Each trigger through its service: every e-mailed notification is one letter."""
    import re

    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile, theme="Смысловое чтение")
    PlanItemFactory(plan=plan)
    submission = IndicatorSubmission.objects.create(
        school=school_a, period=PeriodFactory(), state=IndicatorSubmission.State.SUBMITTED
    )
    contest = EventFactory(kind=Event.Kind.CONTEST, title="Педагогический дебют")
    application = ContestApplication.objects.create(
        event=contest, teacher=teacher_a.teacher_profile, text="Работа"
    )
    with django_capture_on_commit_callbacks(execute=True):
        stage_submit(stage=first_stage, by=director_a)
        stage_return(stage=first_stage, by=methodologist, comment="Уточните")
        plan_submit(plan=plan, by=teacher_a)
        plan_return(plan=plan, by=director_a, comment="Добавьте сроки")
        submission_return(submission=submission, by=methodologist, comment="Проверьте")
        application_review(application=application, accept=False, by=methodologist)
        report_fail(
            report=ReportFactory(params={"school": school_a.pk}, ordered_by=director_a),
            reason="Нет данных",
        )

    emailed = Notification.objects.filter(channel="email").select_related("user")
    kinds = {note.kind for note in emailed}
    assert kinds == {
        Kind.STAGE_SUBMITTED,
        Kind.STAGE_RETURNED,
        Kind.PLAN_SUBMITTED,
        Kind.PLAN_RETURNED,
        Kind.SUBMISSION_RETURNED,
        Kind.APPLICATION_REVIEWED,
        Kind.REPORT_FAILED,
    }
    for note in emailed:
        letters = [m for m in mail.outbox if m.to == [note.user.email] and m.subject == note.title]
        assert len(letters) == 1, note.title
        assert re.search("[а-яё]", note.title, re.I), note.title
        assert f"{BASE}{note.url}" in letters[0].body, note.title
        assert note.emailed_at is not None
