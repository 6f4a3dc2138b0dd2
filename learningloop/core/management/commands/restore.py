"""`manage.py restore FOLDER` (`make restore BACKUP=FOLDER`): a backup from `manage.py backup` into the
configured database and file storage, which must both be empty; then every table's row count and every
file's checksum are checked against the backup's. See core.backups."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learningloop.core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup into an empty PostgreSQL database and an empty file storage, and check it"

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A backup folder written by manage.py backup")

    def handle(self, *args, folder, **options):
        try:
            result = backup_restore(folder=folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {folder}: {result.tables} tables with {result.rows} rows (the same counts as the "
            f"backup's) and {result.files} files (checksums match)."
        )
