from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.kinds.base import KINDS
from reports.services import ReportError, report_render_now


class Command(BaseCommand):
    help = "Render a report synchronously to a PDF file (for operators and cron)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("--period", help="period id (municipal and school reports)")
        parser.add_argument("--school", help="school id (school report)")
        parser.add_argument("--partnership", help="partnership id (partnership report)")
        parser.add_argument("--event", help="event id (event report)")
        parser.add_argument("--conclusion", help="conclusion text (municipal report)")
        parser.add_argument("-o", "--output", required=True, help="the PDF file to write")

    def handle(self, *args, kind, output, **options):
        names = ("period", "school", "partnership", "event", "conclusion")
        params = {name: options[name] for name in names if options.get(name) is not None}
        try:
            content = report_render_now(kind=kind, params=params)
        except ReportError as error:
            raise CommandError(str(error)) from error
        Path(output).write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"{output}: {len(content)} bytes"))
