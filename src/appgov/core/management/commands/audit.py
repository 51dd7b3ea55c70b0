from django.core.management.base import BaseCommand, CommandError

from appgov.core import changelog
from appgov.core.models import ChangeLogEntry


class Command(BaseCommand):
    help = "Change-log integrity: `appgov audit verify` walks the hash chain and names the first bad entry."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        problem = changelog.verify()
        count = ChangeLogEntry.objects.count()
        if problem is not None:
            raise CommandError(f"change log broken at entry #{problem.seq}: {problem.reason}")
        self.stdout.write(f"change log intact: {count} entries verified")
