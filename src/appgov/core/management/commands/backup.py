from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from appgov.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Copy the installation to DEST (a new or empty directory): the database (SQLite online backup or "
        "pg_dump), the uploaded files and the change-log key, with a manifest of SHA-256 hashes."
    )

    def add_arguments(self, parser):
        parser.add_argument("dest", type=Path)
        parser.add_argument(
            "--without-chain-key",
            action="store_true",
            help="leave the change-log key out (keep it apart; a restore then needs it put back by hand)",
        )

    def handle(self, *args, dest, without_chain_key=False, **options):
        try:
            summary = backup(dest, include_key=not without_chain_key)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"backup written to {summary.path}: {summary.files} files, {summary.bytes} bytes, "
            f"change log up to #{summary.head_seq}\nmanifest SHA-256 {summary.manifest_sha256} "
            "(note it apart from the backup)"
        )
