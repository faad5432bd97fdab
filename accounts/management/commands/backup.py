from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Write the database and the media folders into one dated .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=str(Path(settings.BASE_DIR) / "backups"),
            help="Folder for the archive (default: backups/ in the project).",
        )

    def handle(self, *args, **options):
        try:
            archive = backup_create(directory=options["dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Backup written: %(file)s") % {"file": archive}))
