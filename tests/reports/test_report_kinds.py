"""Every kind of report renders from the demo municipality, with its real names and numbers."""

from io import StringIO

from django.core.management import call_command

from events.models import Event, Registration
from network.models import Partnership
from reports.models import Report
from reports.services import report_render_now
from schools.models import School
from tests.pdf import pdf_text


def flat(text):
    return " ".join(text.split())


def test_every_kind_renders_from_the_demo_municipality(db):
    """One test, since building the demo municipality is the slow part."""
    call_command("load_demo", stdout=StringIO())
    check_school_report()
    check_partnership_report()
    check_event_report()
    check_municipal_report()


def check_school_report():
    school = School.objects.get(short_name="МАОУ СОШ № 6")
    teacher = school.teachers.order_by("last_name").first()

    text = flat(pdf_text(report_render_now(kind=Report.Kind.SCHOOL, params={"school": school.pk})))

    assert "Отчёт школы: МАОУ СОШ № 6" in text
    assert "Педагогический коллектив" in text
    assert "учебный год" in text and "Среднее по муниципалитету" in text
    assert f"Учителей в реестре {school.teachers.count()}" in text
    assert teacher.last_name in text
    assert "стр. 1 из" in text


def check_partnership_report():
    partnership = Partnership.objects.get(
        leader__short_name="МАОУ СОШ № 1", schools__short_name="МАОУ СОШ № 6"
    )
    activity = partnership.roadmap.stages.get(number=2).activities.order_by("due_on").first()

    text = flat(
        pdf_text(
            report_render_now(kind=Report.Kind.PARTNERSHIP, params={"partnership": partnership.pk})
        )
    )

    assert f"Отчёт о партнёрстве: {partnership.title}" in text
    assert "Этап 1. «Знакомство»" in text
    assert "Совместная деятельность по реализации дорожной карты" in text
    assert "Проблемы, выявленные на этапе знакомства" in text
    assert "Эффект партнёрства" in text
    assert "до и после начала партнёрства" in text
    assert activity.title in text
    evidence = partnership.roadmap.stages.get(number=2).activities.exclude(evidence_name="").first()
    assert evidence.evidence_name in text


def check_event_report():
    event = (
        Event.objects.filter(registrations__attended=True, registrations__feedback__isnull=False)
        .distinct()
        .first()
    )
    attended = Registration.objects.filter(event=event, attended=True).count()

    text = flat(pdf_text(report_render_now(kind=Report.Kind.EVENT, params={"event": event.pk})))

    assert f"Отчёт о мероприятии: {event.title}" in text
    assert f"Присутствовал {attended}" in text or f"Присутствовали {attended}" in text
    assert "Средняя оценка" in text


def check_municipal_report():
    from monitoring.models import Period

    period = Period.objects.current()
    conclusion = "Сеть работает: <b>не разметка</b>"

    text = flat(
        pdf_text(
            report_render_now(
                kind=Report.Kind.MUNICIPAL, params={"period": period.pk, "conclusion": conclusion}
            )
        )
    )

    assert f"Муниципальный отчёт о мониторинге за {period.name}" in text
    assert f"Школы {School.objects.count()}" in text
    assert f"ШНОР {School.objects.filter(category=School.Category.LOW_RESULTS).count()}" in text
    assert "УТВЕРЖДАЮ" in text and "СОГЛАСОВАНО" in text
    assert "Показатели по категориям школ" in text
    assert "Доля учащихся, успешно сдавших государственную итоговую аттестацию" in text
    assert "Лучшие и отстающие школы по показателям" in text
    assert "92 " in text  # the demo's municipal target for the attestation
    assert "Партнёрства по этапам" in text
    assert "Раннее предупреждение" in text
    assert conclusion in text  # user text is printed as it was typed, not as markup
