from django.core.management.base import BaseCommand

from appgov.ledger.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        logins = load_demo()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role, org in logins:
            self.stdout.write(f"  {username:<16} {role:<20} {org}")
