from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from appgov.core import changelog
from appgov.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `appgov backup` into this installation (stop the service first). Refuses a "
        "backup that does not match its manifest, and a non-empty installation unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("src", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace a non-empty installation (old files are kept aside)"
        )

    def handle(self, *args, src, force=False, **options):
        try:
            manifest = restore(src, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        head = manifest.get("changelog_head") or {}
        self.stdout.write(
            f"restored {len(manifest['files'])} files from {src} (backup of {manifest['created_at']}, "
            f"change log up to #{head.get('seq')})"
        )
        if not manifest.get("chain_key_included"):
            self.stdout.write(
                "the backup holds no change-log key: put the key file back before `audit verify`"
            )
            return
        problem = changelog.verify()
        if problem is not None:
            raise CommandError(
                f"restored, but the change log does not verify at #{problem.seq}: {problem.reason}"
            )
        self.stdout.write("change log verified after the restore")
