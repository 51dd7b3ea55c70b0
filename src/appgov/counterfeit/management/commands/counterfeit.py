from django.core.management.base import BaseCommand

from appgov.core.context import acting_as


class Command(BaseCommand):
    help = (
        "Counterfeit monitoring maintenance. `appgov counterfeit rehash-icons` recomputes the hashes of every "
        "kept icon file (listings and protected apps) with the engine's current fingerprint; what changed is "
        "screened again by the next sweep."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rehash-icons"])

    def handle(self, *args, **options):
        from appgov.counterfeit.feeds import rehash_icons

        with acting_as(None, prefix="job-counterfeit-rehash"):
            counts = rehash_icons()
        self.stdout.write(
            "{listings} listing icons ({listings_changed} changed), {apps} app icons ({apps_changed} changed), "
            "{unreadable} files unreadable".format(**counts)
        )
