"""Benchmark the main pages and the municipal report on region-sized generated data.

Not a test: it builds its own database (by default a throw-away SQLite file; point
DATABASE_URL at an empty PostgreSQL database to measure that), fills it with the demo
municipality scaled up, and prints how long each page takes and how many queries it
makes. Run it with `make benchmark` (SCHOOLS=300 by default).
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from datetime import timedelta  # noqa: E402
from decimal import Decimal  # noqa: E402
from io import StringIO  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from events.models import Event, Registration  # noqa: E402
from monitoring.models import Indicator, IndicatorValue, Period  # noqa: E402
from reports.services import report_render_now  # noqa: E402
from schools.models import School, Teacher  # noqa: E402

SCHOOLS = int(os.environ.get("SCHOOLS", "300"))
TEACHERS_PER_SCHOOL = 30
EVENTS = SCHOOLS * 3
PAGES = [
    "/schools/",
    "/schools/?q=СОШ&page=3",
    "/events/list/",
    "/events/",
    "/network/",
    "/monitoring/dashboards/",
    "/monitoring/plans/schools/",
    "/monitoring/indicators/submissions/",
]


def build():
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    rng = random.Random(1)
    categories = list(School.Category.values)
    existing = School.objects.count()
    School.objects.bulk_create(
        School(
            short_name=f"МБОУ СОШ № {n}",
            full_name=f"Муниципальное бюджетное общеобразовательное учреждение № {n}",
            settlement=f"Поселение {n % 40}",
            category=rng.choice(categories),
        )
        for n in range(100, 100 + SCHOOLS - existing)
    )
    new_schools = list(School.objects.filter(short_name__startswith="МБОУ"))
    Teacher.objects.bulk_create(
        Teacher(school=s, last_name=f"Учителева{s.pk}-{i}", first_name="Анна", patronymic="")
        for s in new_schools
        for i in range(TEACHERS_PER_SCHOOL)
    )
    start = timezone.now() - timedelta(days=180)
    Event.objects.bulk_create(
        Event(
            title=f"Семинар № {n}",
            kind=Event.Kind.SEMINAR,
            format=Event.Format.IN_PERSON,
            starts_at=start + timedelta(hours=9 * n),
            ends_at=start + timedelta(hours=9 * n + 2),
            capacity=40,
            status=Event.Status.PUBLISHED,
        )
        for n in range(EVENTS)
    )
    teachers = list(Teacher.objects.values_list("pk", flat=True))
    events = list(Event.objects.filter(title__startswith="Семинар № ").values_list("pk", flat=True))
    Registration.objects.bulk_create(
        Registration(event_id=e, teacher_id=t, status=Registration.Status.CONFIRMED)
        for e in events
        for t in rng.sample(teachers, 30)
    )
    indicators = list(Indicator.objects.filter(source=Indicator.Source.IMPORTED)[:5]) or list(
        Indicator.objects.all()[:5]
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=i,
            school=s,
            period=p,
            value=Decimal(rng.randint(40, 100)),
            source=Indicator.Source.IMPORTED,
        )
        for i in indicators
        for s in new_schools
        for p in Period.objects.all()
    )


def measure(client, url, runs=3):
    times, queries = [], 0
    for _ in range(runs):
        connection.queries_log.clear()  # the log holds 9000 queries; building filled it
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times), queries


def main():
    began = time.perf_counter()
    build()
    print(
        f"data: {School.objects.count()} schools, {Teacher.objects.count()} teachers, "
        f"{Event.objects.count()} events, {Registration.objects.count()} registrations, "
        f"{IndicatorValue.objects.count()} indicator values "
        f"({time.perf_counter() - began:.0f} s to build, {connection.vendor})"
    )
    client = Client()
    client.force_login(User.objects.get(username="metodist"))
    print(f"{'page':<45} {'median ms':>10} {'queries':>8}")
    for url in PAGES:
        seconds, queries = measure(client, url)
        print(f"{url:<45} {seconds * 1000:>10.0f} {queries:>8}")
    began = time.perf_counter()
    pdf = report_render_now(kind="municipal", params={})
    print(
        f"{'municipal report PDF':<45} {(time.perf_counter() - began) * 1000:>10.0f} "
        f"{len(pdf) // 1024:>6} KB"
    )


if __name__ == "__main__":
    main()
