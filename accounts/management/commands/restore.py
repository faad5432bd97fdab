from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Bring a backup archive back into an empty database and empty media folders."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The portal-YYYYmmdd-HHMMSS.tar.gz archive.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Drop the tables and files that are there first.",
        )

    def handle(self, *args, **options):
        try:
            backup_restore(archive=options["file"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(_("Backup restored from %(file)s") % {"file": options["file"]})
        )
