import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from appgov.core import changelog
from appgov.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `appgov backup` into this installation (stop the service first). Refuses a "
        "backup that does not match its manifest, a manifest that does not match --manifest-sha256 (the hash "
        "`appgov backup` printed), and a non-empty installation unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("src", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace a non-empty installation (old files are kept aside)"
        )
        parser.add_argument(
            "--manifest-sha256",
            help="the manifest's SHA-256 that `appgov backup` printed and you noted apart: refuse any other manifest",
        )

    def handle(self, *args, src, force=False, manifest_sha256=None, **options):
        # the file check below trusts the manifest; only the hash noted apart from the backup vouches for it
        try:
            actual = hashlib.sha256((src / "manifest.json").read_bytes()).hexdigest()
        except OSError:
            actual = None  # restore() names the missing manifest
        if manifest_sha256 and actual != manifest_sha256.strip().lower():
            raise CommandError(
                f"{src / 'manifest.json'} has SHA-256 {actual}, not the noted {manifest_sha256}: the backup's "
                "manifest was changed or this is another backup; nothing was restored"
            )
        try:
            manifest = restore(src, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        head = manifest.get("changelog_head") or {}
        self.stdout.write(
            f"restored {len(manifest['files'])} files from {src} (backup of {manifest['created_at']}, "
            f"change log up to #{head.get('seq')})\nmanifest SHA-256 {actual} (compare it with the one noted "
            "at the backup, or pass --manifest-sha256)"
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
