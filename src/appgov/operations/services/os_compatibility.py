"""Writes of the OS-release register and the adaptation tasks (NFRA-10), through core.services so that every write
is validated and change-logged."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core

from .. import datafiles
from ..models import (
    AdaptationTask,
    CompatTestResult,
    OsRelease,
    PlatformRequirement,
)

# A release stays tracked two years after GA: about two yearly OS cycles, as long as a new OS version takes to
# reach most users' devices. Older releases stay in the register but need no new task.
TRACK_DAYS = 730


class ReleaseService(core.ModelService):
    model = OsRelease

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.beta_on and obj.ga_on and obj.beta_on > obj.ga_on:
            raise ValidationError({"beta_on": _("The first beta cannot come after general availability.")})

    def save_object(self, obj, actor, m2m):
        with transaction.atomic():
            release = core.save(obj, actor, m2m=m2m)
            for task in release.tasks.all():
                if task.due_on != release.ga_on:
                    tasks.update(task, None, {})
            return release

    def check_deletable(self, obj, actor):
        if obj.tasks.exists():
            raise ValidationError(_("The release has adaptation tasks; it stays in the register."))


class RequirementService(core.ModelService):
    model = PlatformRequirement


class TaskService(core.ModelService):
    model = AdaptationTask

    def prepare(self, obj, actor, data):
        if obj.release_id:
            obj.due_on = obj.release.ga_on  # plans are due before the release reaches users
        if obj.owner_id and obj.app_id and obj.owner.institution_id != obj.app.institution_id:
            raise ValidationError({"owner": _("belongs to another institution")})


class ResultService(core.ModelService):
    model = CompatTestResult


releases = ReleaseService()
requirements = RequirementService()
tasks = TaskService()
results = ResultService()


def load_register(institution, actor=None, path=None, text=None) -> dict:
    """Copy the shipped register (or the file given) into the institution's: new entries are added, shipped
    entries updated where the file changed; entries the users added or changed by hand are left alone. All or
    nothing: a bad file raises DataFileError and writes nothing."""
    parsed = datafiles.parse_os_releases(path or datafiles.OS_RELEASES, text)
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        for entry in parsed["releases"]:
            existing = OsRelease.objects.filter(
                institution=institution, platform=entry["platform"], version=entry["version"]
            ).first()
            _upsert(releases, OsRelease, existing, {**entry, "institution": institution}, actor, counts)
        for entry in parsed["requirements"]:
            existing = PlatformRequirement.objects.filter(
                institution=institution,
                distributor=entry["distributor"],
                platform=entry["platform"],
                min_target_api=entry["min_target_api"],
                applies_to=entry["applies_to"],
            ).first()
            _upsert(
                requirements,
                PlatformRequirement,
                existing,
                {**entry, "institution": institution},
                actor,
                counts,
            )
    return counts


def _upsert(service, model, existing, data, actor, counts):
    data = {**data, "shipped": True}
    if existing is None:
        service.create(actor, data)
        counts["added"] += 1
    elif existing.shipped and any(getattr(existing, k) != v for k, v in data.items()):
        service.update(existing, actor, data)
        counts["updated"] += 1
    else:
        counts["unchanged"] += 1


def platform_apps(institution, platform):
    from appgov.ledger.models import MobileApp

    return [
        app
        for app in MobileApp.objects.filter(institution=institution).exclude(state="retired").order_by("code")
        if platform in (app.platforms or [])
    ]


def tracked_releases(institution, today=None):
    """Releases the institution must follow now: not yet generally available, or GA within TRACK_DAYS."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=TRACK_DAYS)
    return [
        r
        for r in OsRelease.objects.filter(voided_at__isnull=True, institution=institution).order_by(
            "platform", "ga_on"
        )
        if r.ga_on is None or r.ga_on >= since
    ]


def ensure_tasks(institution, actor=None, today=None) -> int:
    """An adaptation task for every tracked release and every live app on its platform; returns how many new."""
    created = 0
    with transaction.atomic():
        for release in tracked_releases(institution, today):
            have = set(release.tasks.values_list("app_id", flat=True))
            for app in platform_apps(institution, release.platform):
                if app.pk not in have:
                    tasks.create(actor, {"app": app, "release": release})
                    created += 1
    return created
