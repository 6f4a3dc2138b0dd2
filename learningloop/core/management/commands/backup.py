"""`manage.py backup` (`make backup`): the PostgreSQL database and every uploaded file, with checksums,
into a new folder under --to (default LEARNINGLOOP_BACKUP_DIR or var/backups). See core.backups."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learningloop.core.backups import BackupError, backup_create, default_backup_folder, describe


class Command(BaseCommand):
    help = "Back up the PostgreSQL database (pg_dump custom format) and the uploaded files, with checksums"

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, default=None, help="Folder to put the new backup in")

    def handle(self, *args, to=None, **options):
        try:
            folder = backup_create(to=to or default_backup_folder())
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written: {describe(folder)}")
