"""The measurements made inside Django, each in its own process: ``python -m benchmarks.inprocess
<what>`` prints one JSON object. Run against the bench database (DATABASE_URL)."""

import hashlib
import json
import os
import resource
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from scale.pages import ROLES, USERNAMES, pages_for  # noqa: E402


def pdf_pages(pdf):
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pages():
    """Every role's key pages: URL, queries and HTML size of one request."""
    result = {}
    for role in ROLES:
        user = User.objects.get(username=USERNAMES[role])
        client = Client()
        client.force_login(user)
        rows = []
        for name, url in pages_for(role, user):
            client.get(url)  # warm the caches a first request fills
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            rows.append(
                {
                    "name": name,
                    "url": url,
                    "status": response.status_code,
                    "queries": len(captured),
                    "bytes": len(response.content),
                }
            )
        result[role] = rows
    return result


def report():
    from reports.services import report_render_now

    began = time.perf_counter()
    pdf = report_render_now(kind="municipal", params={})
    return {
        "seconds": time.perf_counter() - began,
        "pages": pdf_pages(pdf),
        "peak_mb": peak_mb(),
    }


def bare_table():
    """WeasyPrint alone: one table with a row per school and its values, as the report has."""
    from weasyprint import HTML

    from monitoring.models import IndicatorValue, Period

    period = Period.objects.current()
    values = {}
    for school, indicator, value in IndicatorValue.objects.filter(period=period).values_list(
        "school__short_name", "indicator__code", "value"
    ):
        values.setdefault(school, {})[indicator] = value
    codes = sorted({c for row in values.values() for c in row})
    head = "".join(f"<th>{c}</th>" for c in codes)
    body = "".join(
        f"<tr><td>{school}</td>" + "".join(f"<td>{row.get(c, '')}</td>" for c in codes) + "</tr>"
        for school, row in sorted(values.items())
    )
    html = (
        "<html><head><style>@page{size:A4 landscape}table{font:7pt DejaVu Sans;"
        "border-collapse:collapse}td,th{border:1px solid #999}</style></head><body>"
        f"<table><thead><tr><th>школа</th>{head}</tr></thead><tbody>{body}</tbody></table>"
        "</body></html>"
    )
    began = time.perf_counter()
    pdf = HTML(string=html).write_pdf()
    return {
        "seconds": time.perf_counter() - began,
        "pages": pdf_pages(pdf),
        "peak_mb": peak_mb(),
        "rows": len(values),
    }


class Rollback(Exception):
    pass


def _timed_in_rollback(work):
    """Run ``work`` in a transaction that is rolled back; answer (seconds, its result)."""
    holder = {}
    try:
        with transaction.atomic():
            began = time.perf_counter()
            holder["result"] = work()
            holder["seconds"] = time.perf_counter() - began
            raise Rollback
    except Rollback:
        pass
    return holder["seconds"], holder["result"]


RUNS = 3  # measured runs of each import and its floor, after one that is not counted


def _median_rate(run, runs=RUNS):
    """``run()`` answers (seconds, rows); the median rows per second of ``runs`` runs, after
    one run that is not counted (the first pays for what a process does once)."""
    rates = []
    for number in range(runs + 1):
        seconds, rows = run()
        if number:
            rates.append(rows / seconds if seconds else 0)
    return statistics.median(rates)


def _new_file(make, seen):
    """``make()`` until its bytes are new: a file's cells are kept by its digest after a
    read (core.tabular), and each measured run reads its file as an office's upload."""
    while True:
        data = make()
        digest = hashlib.sha256(data).hexdigest()
        if digest not in seen:
            seen.add(digest)
            return data
        time.sleep(0.5)  # the workbook's timestamp has a resolution of a second


def _empty(rows):
    """Delete ``rows`` in one statement (no row references an indicator value): Django's
    delete records each row's history first, minutes of the bench's time at region size;
    the transaction is rolled back after the run anyway."""
    rows._raw_delete(rows.db)


def indicator_import():
    """The current period's file imported into an emptied period, beside bulk_create."""
    from monitoring.models import IndicatorValue, Period
    from monitoring.services.indicator_import import indicator_export, indicator_import_apply

    period = Period.objects.current()
    rows = []  # what the import wrote, which the floor writes again
    methodologist = User.objects.get(username=USERNAMES["methodologist"])
    seen, applied = set(), []

    def through_import():
        data = _new_file(lambda: indicator_export(period=period), seen)
        _empty(IndicatorValue.objects.filter(period=period))
        began = time.perf_counter()
        saved = indicator_import_apply(
            data=data, filename="bench.xlsx", period=period, by=methodologist
        )
        seconds = time.perf_counter() - began
        applied.append(saved.created + saved.updated)
        if not rows:
            rows.extend(IndicatorValue.objects.filter(period=period).order_by("pk"))
        return seconds, applied[-1]

    def floor():
        _empty(IndicatorValue.objects.filter(period=period))
        for row in rows:
            row.pk = None
        began = time.perf_counter()
        IndicatorValue.objects.bulk_create(rows, batch_size=5000)
        return time.perf_counter() - began, len(rows)

    rate = _median_rate(lambda: _timed_in_rollback(through_import)[1])
    return {
        "rows": applied[-1],
        "rows_per_s": rate,
        "floor_rows_per_s": _median_rate(lambda: _timed_in_rollback(floor)[1]),
    }


def _teachers_file(teachers) -> bytes:
    """The teachers as an office writes them: one XLSX with the import's Russian headers."""
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "ФИО",
            "Школа",
            "Должность",
            "Предметы",
            "Квалификационная категория",
            "9 класс",
            "11 класс",
            "E-mail",
            "Телефон",
        ]
    )
    for t in teachers:
        sheet.append(
            [
                f"{t.last_name} {t.first_name} {t.patronymic}".strip(),
                t.school.short_name,
                t.position,
                ", ".join(s.name for s in t.subjects.all()),
                t.get_qualification_display(),
                "да" if t.teaches_grade_9 else "нет",
                "да" if t.teaches_grade_11 else "нет",
                t.email,
                t.phone,
            ]
        )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def teacher_import():
    """The portal's teacher import (check, then import) of one file of new teachers, beside
    bulk_create of the same rows. The admin's import opens the same page."""
    from accounts.models import User
    from schools.imports.services import registry_import_apply, registry_import_preview
    from schools.models import School, Teacher

    schools = list(School.objects.filter(short_name__startswith="МБОУ").order_by("pk")[:40])
    queryset = (
        Teacher.objects.filter(school__in=schools)
        .select_related("school")
        .prefetch_related("subjects")
        .order_by("pk")
    )
    rows = list(queryset)
    stored = [t.pk for t in rows]  # the floor's runs give the objects other pks
    by = User.objects.get(username=USERNAMES["methodologist"])

    def clear():
        Teacher.objects.filter(pk__in=stored).delete()

    seen = set()

    def through_import():
        data = _new_file(lambda: _teachers_file(rows), seen)
        clear()
        began = time.perf_counter()
        plan = registry_import_preview(kind="teachers", data=data, filename="teachers.xlsx")
        assert not plan.problems, plan.problems[:3]
        registry_import_apply(kind="teachers", data=data, filename="teachers.xlsx", by=by)
        return time.perf_counter() - began, len(rows)

    def floor():
        clear()
        for row in rows:
            row.pk = None
        began = time.perf_counter()
        Teacher.objects.bulk_create(rows, batch_size=5000)
        return time.perf_counter() - began, len(rows)

    return {
        "rows": len(rows),
        "rows_per_s": _median_rate(lambda: _timed_in_rollback(through_import)[1]),
        "floor_rows_per_s": _median_rate(lambda: _timed_in_rollback(floor)[1]),
    }


def burst_setup():
    """A published event with 30 seats and 200 teachers who are not registered to it."""
    import datetime

    from django.utils import timezone

    from events.models import Event
    from schools.models import Teacher

    starts = timezone.now() + datetime.timedelta(days=30)
    event = Event.objects.create(
        title="Семинар для проверки наплыва регистраций",
        kind=Event.Kind.SEMINAR,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        capacity=30,
        status=Event.Status.PUBLISHED,
    )
    teachers = list(
        Teacher.objects.filter(school__short_name__startswith="МБОУ")
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    )
    return {"event": event.pk, "teachers": teachers}


def burst_count(event_pk):
    from events.models import Registration

    statuses = Registration.objects.filter(event_id=event_pk).values_list("status", flat=True)
    statuses = list(statuses)
    return {s: statuses.count(s) for s in set(statuses)}


COMMANDS = {
    "pages": pages,
    "report": report,
    "bare-table": bare_table,
    "indicator-import": indicator_import,
    "teacher-import": teacher_import,
    "burst-setup": burst_setup,
    "burst-count": burst_count,
}

if __name__ == "__main__":
    what, *args = sys.argv[1:]
    print("RESULT " + json.dumps(COMMANDS[what](*args), default=str))
