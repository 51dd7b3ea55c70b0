"""The sweep: screen an institution's new or changed listings with the look-alike engine's index and turn
each alert on one of its own apps into a case (one case per listing and app, whatever the number of sweeps).
"""

import hashlib
import json
import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core.models import Institution
from appgov.engines import lookalike as engine

from . import icons, services
from .models import CaseState, CounterfeitCase, ObservedListing, SweepRun
from .policy import policy
from .protection import build_index

log = logging.getLogger(__name__)
BATCH = 2000
KIND_RANK = {"suspect": 0, "counterfeit": 1, "repackaged": 2}


def _engine_listing(row: ObservedListing) -> engine.Listing:
    # The icon path of a feed names a file on the feed provider's side (or inside its archive), not on
    # this server: only the hashes computed at ingest (or precomputed by the provider) take part.
    return engine.Listing(
        listing_id=str(row.pk),
        source=row.source,
        name=row.name,
        package_id=row.package_id or None,
        developer=row.developer or None,
        cert_sha256=row.cert_sha256 or None,
        url=row.url or None,
        **icons.engine_fields(row.icon_phash, row.icon_hashes),
    )


def _own_app(alert: engine.Alert, institution_id: int, info) -> tuple[str | None, list[str]]:
    """The institution's app an alert is about (the alert's app or a tie in also_matches), and the other
    own apps among the ties; other institutions' apps are dropped."""
    candidates = [alert.app_id, *alert.also_matches]
    own = [
        a for a in candidates if a in info and info[a].institution_id == institution_id and info[a].monitored
    ]
    return (own[0], own[1:]) if own else (None, [])


def pending_listings(institution):
    """Listings never screened, changed since they were, or back after a takedown (feeds.py)."""
    return ObservedListing.objects.filter(institution=institution).exclude(screened_hash=F("content_hash"))


def protection_digest(institution_id: int, info) -> str:
    """What the institution's own protected apps and the engine settings are: when it differs from the last
    finished sweep's, an unchanged listing may alert now (a new app, alias, keyword, icon or certificate),
    so every listing is screened again. Other institutions' apps only ever remove alerts of ours."""
    own = sorted(a.digest for a in info.values() if a.institution_id == institution_id)
    payload = json.dumps([own, policy()["engine"]], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _last_digest(institution) -> str | None:
    last = (
        SweepRun.objects.filter(institution=institution, status=SweepRun.Status.DONE)
        .order_by("-started_at", "-id")
        .values_list("protection_digest", flat=True)
        .first()
    )
    return last


def sweep(institution: Institution, trigger: str, actor=None, prepared=None) -> SweepRun:
    """Screen the institution's pending listings; `prepared` = build_index() shared by a daily run."""
    core_services.check_can_write(actor, SweepRun)
    if actor is not None and actor.institution_id != institution.pk:
        raise ValidationError(_("A sweep runs for the user's own institution."))
    run = core_services.save(SweepRun(institution=institution, trigger=trigger, requested_by=actor), actor)
    try:
        index, info = prepared or build_index()
        run.protected_apps = sum(1 for a in info.values() if a.institution_id == institution.pk)
        run.protection_digest = protection_digest(institution.pk, info)
        last = _last_digest(institution)
        # a first sweep screens everything anyway (nothing was screened); after that, a change of the
        # protected apps screens every listing again, not only the new and changed ones
        run.rescreened_all = last is not None and last != run.protection_digest
        queryset = (
            ObservedListing.objects.filter(institution=institution)
            if run.rescreened_all
            else pending_listings(institution)
        )
        last_pk = 0
        while True:
            rows = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:BATCH])
            if not rows:
                break
            last_pk = rows[-1].pk
            by_pk = {str(r.pk): r for r in rows}
            alerts = index.screen_batch([_engine_listing(r) for r in rows])
            with transaction.atomic():
                for alert in alerts:
                    app_key, ties = _own_app(alert, institution.pk, info)
                    if app_key is None:
                        continue
                    run.alerts += 1
                    created = _record_alert(
                        institution, by_pk[alert.listing_id], info[app_key].app_id, alert, ties, run
                    )
                    run.new_cases += created
                now = timezone.now()
                for row in rows:
                    row.screened_hash, row.screened_at = row.content_hash, now
                ObservedListing.objects.bulk_update(rows, ["screened_hash", "screened_at"], batch_size=500)
            run.screened += len(rows)
    except (engine.IconError, ValidationError, ValueError, DatabaseError) as exc:
        log.exception("counterfeit sweep of %s failed", institution)
        run.status, run.error = SweepRun.Status.FAILED, str(exc)[:2000]
    else:
        run.status = SweepRun.Status.DONE
    run.finished_at = timezone.now()
    return core_services.save(run, None)


def _record_alert(institution, listing, app_id, alert, ties, run) -> int:
    """Open a case, or refresh the existing one of this listing and app. Returns 1 when a case was opened."""
    now = timezone.now()
    fields = dict(
        alert_kind=alert.kind,
        score=round(alert.score, 4),
        reasons=[r.to_dict() for r in alert.reasons],
        explanation_zh=alert.explanation_zh,
        also_matches=ties,
        source=listing.source[:200],
        listing_name=listing.name[:500],
        package_id=listing.package_id[:255],
        last_alert_at=now,
    )
    case = CounterfeitCase.objects.filter(listing=listing, app_id=app_id).first()
    if case is None:
        core_services.save(
            CounterfeitCase(institution=institution, app_id=app_id, listing=listing, sweep=run, **fields),
            None,
        )
        return 1
    escalated = KIND_RANK[alert.kind] > KIND_RANK.get(case.alert_kind, 0)
    if case.state == CaseState.NEW:
        core_services.update(case, None, **fields)
    elif case.state == CaseState.TAKEN_DOWN or (case.state == CaseState.FALSE_POSITIVE and escalated):
        # the listing is back after a takedown (changed or not), or now looks worse than when it was
        # dismissed
        for key, value in fields.items():
            setattr(case, key, value)
        if case.state == CaseState.TAKEN_DOWN:
            note = _("the listing is up again after its takedown on %(day)s (sweep #%(run)d)") % {
                "day": case.taken_down_on,
                "run": run.pk,
            }
        else:
            note = _("alerted again after the listing changed (sweep #%(run)d)") % {"run": run.pk}
        services.reopen(case, note)
    else:
        CounterfeitCase.objects.filter(pk=case.pk).update(last_alert_at=now)
    return 0


def sweep_all_institutions() -> str:
    """Daily job: one index for all institutions, then each institution's new or changed listings."""
    institutions = list(Institution.objects.filter(pk__in=ObservedListing.objects.values("institution")))
    if not institutions:
        return "no listing feeds"
    prepared = build_index()
    done = failed = 0
    for institution in institutions:
        run = sweep(institution, SweepRun.Trigger.DAILY, None, prepared)
        done += 1
        failed += run.status == SweepRun.Status.FAILED
    return f"{done} institutions swept, {failed} failed"


def fail_abandoned_sweeps(sender=None, task_result=None, **kwargs) -> int:
    """django_tasks' task_finished: a sweep task that ended failed (its worker died, a lease expired) may have
    left its SweepRun 'running' for good; such runs are marked failed with the reason, so the page says so."""
    if task_result is None or str(getattr(task_result, "status", "")) != "FAILED":
        return 0
    path = task_result.task.module_path
    args = list(getattr(task_result, "args", []) or [])
    if path.endswith("counterfeit.tasks.run_sweep"):
        runs = SweepRun.objects.filter(status=SweepRun.Status.RUNNING, institution_id=args[0] if args else None)
    elif path.endswith("core.jobs.run_daily_job") and args[:1] == ["counterfeit.sweep"]:
        runs = SweepRun.objects.filter(status=SweepRun.Status.RUNNING)
    else:
        return 0
    reason = _("The worker stopped while this sweep ran; it was marked failed (the next sweep screens again).")
    count = 0
    for run in runs:
        core_services.update(run, None, status=SweepRun.Status.FAILED, error=reason, finished_at=timezone.now())
        count += 1
    return count
