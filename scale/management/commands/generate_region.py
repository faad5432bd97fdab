import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from accounts.demo import DEMO_PASSWORD
from monitoring.dashboard_figures import monitoring_changed
from scale.builders.base import Sizes
from scale.region import LOGINS, region_build


class Command(BaseCommand):
    help = (
        "Generate a whole region on top of the demo (the same seed gives the same data): "
        "schools, teachers, partnerships, events, indicators, plans, answers."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument("--schools", type=int, default=defaults.schools)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--teachers-per-school", type=int, default=defaults.teachers_per_school)
        parser.add_argument("--events-per-school", type=float, default=defaults.events_per_school)
        parser.add_argument(
            "--registrations-per-event", type=int, default=defaults.registrations_per_event
        )
        parser.add_argument("--periods", type=int, default=defaults.periods)
        parser.add_argument("--plan-share", type=float, default=defaults.plan_share)
        parser.add_argument("--response-share", type=float, default=defaults.response_share)

    def handle(self, *args, **options):
        sizes = Sizes(
            schools=options["schools"],
            teachers_per_school=options["teachers_per_school"],
            events_per_school=options["events_per_school"],
            registrations_per_event=options["registrations_per_event"],
            periods=options["periods"],
            plan_share=options["plan_share"],
            response_share=options["response_share"],
        )
        if sizes.periods < 3:
            raise CommandError("--periods must be at least 3 (the demo's own).")
        began = time.perf_counter()
        call_command("load_demo", stdout=StringIO())
        self.stdout.write(f"demo: {time.perf_counter() - began:.1f} s")
        region = region_build(sizes=sizes, seed=options["seed"], log=self.stdout.write)
        for name, number in region.counts.items():
            self.stdout.write(f"  {name}: {number}")
        if connection.vendor == "postgresql":
            # Bulk loads leave the planner without statistics until autovacuum comes round;
            # without them the dashboards' joins ran for minutes instead of a fraction of a
            # second. VACUUM also spares the first visitors autovacuum's pass over the new
            # rows (and sets the visibility map); it cannot run inside a transaction.
            statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                cursor.execute(statement)
        monitoring_changed()  # figures kept from an earlier region are not this one's
        self.stdout.write(
            self.style.SUCCESS(f"Region generated in {time.perf_counter() - began:.1f} s.")
        )
        self.stdout.write(f"Logins (password {DEMO_PASSWORD}):")
        for username, role in LOGINS.items():
            self.stdout.write(f"  {username:<12} {role}")
