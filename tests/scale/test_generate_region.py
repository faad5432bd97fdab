"""The region generator at a tiny size: counts, proportions, the same data for the same seed,
every key page of every role answering 200 within 15 queries and 200 KB, with the demo
alone and with a region beside it."""

import random
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from development.models import Answer, DevelopmentPlan, PlanItem, Response
from events.models import Event, Registration
from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Period
from network.models import Activity, Partnership, Stage
from reports.models import Report
from scale.builders.base import Sizes
from scale.builders.schools import categories
from scale.logins import ROLES, USERNAMES
from scale.pages import pages_for
from scale.region import region_build
from schools.models import School, Teacher

GENERATED = {"short_name__startswith": "МБОУ"}


SIZES = Sizes(
    schools=40,
    teachers_per_school=6,
    events_per_school=1,
    registrations_per_event=8,
    plan_share=0.5,
    response_share=0.5,
)


def generate(seed=1):
    return region_build(sizes=SIZES, seed=seed)


def fingerprint():
    """What the generator made, without primary keys or the moment it ran."""
    generated = School.objects.filter(**GENERATED)
    return (
        list(generated.order_by("short_name").values_list("short_name", "category", "settlement")),
        list(
            Teacher.objects.filter(school__in=generated)
            .order_by("school__short_name", "last_name", "first_name", "patronymic")
            .values_list("school__short_name", "last_name", "first_name", "qualification")
        ),
        IndicatorValue.objects.filter(school__in=generated).aggregate(s=Sum("value"))["s"],
        sorted(Registration.objects.values_list("status").annotate(n=Count("pk"))),
        sorted(Stage.objects.values_list("state").annotate(n=Count("pk"))),
        list(Event.objects.order_by("title").values_list("title", "starts_at", "capacity")),
        sorted(DevelopmentPlan.objects.values_list("status").annotate(n=Count("pk"))),
        Answer.objects.aggregate(s=Sum("value"))["s"],
    )


def test_categories_follow_the_regions_proportions():
    chosen = categories(random.Random(1), 2000)
    assert chosen.count(School.Category.LEADER) == 100
    assert chosen.count(School.Category.LOW_RESULTS) == 240
    assert chosen.count(School.Category.UNFAVOURABLE) == 160
    assert chosen.count(School.Category.REGULAR) == 1500


def test_command_prints_the_logins_of_every_role(db):
    out = StringIO()
    call_command("generate_region", "--schools=26", "--teachers-per-school=2", stdout=out)

    assert School.objects.filter(**GENERATED).count() == 2
    for username in USERNAMES.values():
        assert username in out.getvalue()
    assert "demo12345" in out.getvalue()


class GeneratedRegionTests(TestCase):
    """The demo is loaded once for the class (it is the slow part); each test builds on it."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())

    def test_region_has_every_area_filled_and_keeps_every_constraint(self):
        generate()

        generated = School.objects.filter(**GENERATED)
        assert School.objects.count() == 40
        assert generated.count() == 40 - 24  # the demo's 24 schools, then the generated
        assert set(generated.values_list("category", flat=True)) == set(School.Category.values)
        assert generated.filter(category=School.Category.REGULAR).count() > generated.count() / 2
        assert 3 * 16 <= Teacher.objects.filter(school__in=generated).count() <= 9 * 16
        assert Period.objects.count() == 5
        indicators = Indicator.objects.filter(is_active=True).count()
        assert IndicatorValue.objects.filter(school__in=generated).count() == 16 * 5 * indicators
        states = IndicatorSubmission.objects.filter(school__in=generated).values_list(
            "state", flat=True
        )
        assert set(states) == set(IndicatorSubmission.State.values)
        assert Partnership.objects.filter(leader__in=generated).exists()
        assert {Stage.State.OPEN, Stage.State.SUBMITTED, Stage.State.ACCEPTED} <= set(
            Stage.objects.values_list("state", flat=True)
        )
        assert Activity.objects.filter(state=Activity.State.DONE).exists()
        assert Registration.objects.filter(attended=True).exists()
        assert PlanItem.objects.filter(plan__teacher__school__in=generated).exists()
        assert Response.objects.filter(school__in=generated).exists()
        assert Report.objects.exists()
        for event in Event.objects.with_counts().filter(capacity__isnull=False):
            assert event.confirmed_count <= event.capacity

    def test_the_same_seed_gives_the_same_region(self):
        prints = []
        for seed in (1, 1, 2):
            with transaction.atomic():
                generate(seed)
                prints.append(fingerprint())
                transaction.set_rollback(True)
        assert prints[0] == prints[1]
        assert prints[0] != prints[2]
        assert prints[0][2] > Decimal(0)

    def test_every_key_page_costs_at_most_15_queries_at_either_size(self):
        small = every_key_page()  # the demo alone
        generate()
        large = every_key_page()  # with the generated region beside it
        for key, (queries, size) in [*small.items(), *large.items()]:
            assert queries <= MAX_QUERIES, (key, queries)
            assert size <= MAX_HTML, (key, size)
        assert small.keys() == large.keys()
        grown = {k: (small[k][0], large[k][0]) for k in large if large[k][0] > small[k][0] + 1}
        assert not grown, grown


MAX_QUERIES = 15
MAX_HTML = 200 * 1024


def every_key_page():
    """{(role, page): (queries, bytes of HTML)} of one request to each key page."""
    seen = {}
    for role in ROLES:
        user = User.objects.get(username=USERNAMES[role])
        client = Client()
        client.force_login(user)
        pages = pages_for(role, user)
        assert len(pages) >= 6
        for name, url in pages:
            client.get(url)  # the first request fills the caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (role, name, url, response.status_code)
            seen[role, name] = (len(queries), len(response.content))
    return seen
