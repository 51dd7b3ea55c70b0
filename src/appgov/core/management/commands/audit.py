import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from appgov.core import chainkey, changelog
from appgov.core.models import ChangeLogEntry


class Command(BaseCommand):
    help = (
        "Change-log integrity. `appgov audit verify` walks the keyed hash chain and names the first bad entry "
        "(--anchor FILE: the chain still holds that anchored head; --files: every logged file still has its "
        "logged SHA-256). `appgov audit anchor [--output FILE]` writes the head (seq, hash, time) as JSON "
        "for the operator to keep outside the installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument("--anchor", type=Path, help="verify: a JSON file written by `audit anchor`")
        parser.add_argument(
            "--files", action="store_true", help="verify: also check every logged file's hash"
        )
        parser.add_argument("--output", "-o", type=Path, help="anchor: write to this file instead of stdout")

    def handle(self, *args, action, anchor=None, files=False, output=None, **options):
        if action == "anchor":
            return self.write_anchor(output)
        anchored = self.read_anchor(anchor) if anchor else None
        problem = changelog.verify()
        count = ChangeLogEntry.objects.count()
        if problem is not None:
            raise CommandError(f"change log broken at entry #{problem.seq}: {problem.reason}")
        if anchored is not None:
            problem = changelog.verify_anchor(anchored)
            if problem is not None:
                raise CommandError(f"change log does not match the anchor {anchor}: {problem.reason}")
        if count and chainkey.load() is None and anchored is None:
            # an installation from before the key, or someone who deleted the key file and re-hashed the chain
            # without it: unkeyed hashes prove nothing against a person who can write the database
            self.stderr.write(
                f"WARNING: no change-log key file ({chainkey.key_path()}): the {count} entries are unkeyed and "
                "prove nothing against someone who can write the database; restore the key file from your backup "
                "or verify with --anchor"
            )
            self.stdout.write(f"change log links hold: {count} unkeyed entries, not proved")
        else:
            self.stdout.write(f"change log intact: {count} entries verified")
        if anchored is not None:
            self.stdout.write(
                f"anchored head #{anchored['seq']} ({anchored.get('anchored_at')}) still present"
            )
        if files:
            checked, problems = changelog.verify_files()
            if problems:
                lines = "\n".join(f"  {p}" for p in problems)
                raise CommandError(
                    f"{len(problems)} of {checked} logged files do not match the log:\n{lines}"
                )
            self.stdout.write(f"files intact: {checked} logged files match their SHA-256")

    def write_anchor(self, output):
        body = json.dumps(changelog.anchor(), indent=2) + "\n"
        if output is None:
            self.stdout.write(body, ending="")
            return
        output.write_text(body, encoding="utf-8")
        self.stdout.write(f"anchor written to {output}")

    def read_anchor(self, path: Path) -> dict:
        try:
            anchored = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"cannot read the anchor file {path}: {exc.strerror}") from exc
        except ValueError as exc:
            raise CommandError(f"the anchor file {path} is not JSON: {exc}") from exc
        if not isinstance(anchored, dict) or "seq" not in anchored or "hash" not in anchored:
            raise CommandError(
                f"the anchor file {path} has no seq and hash (written by `appgov audit anchor`?)"
            )
        return anchored
