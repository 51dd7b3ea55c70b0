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
from django.utils.translation import gettext_noop

from appgov.core import progress
from appgov.core import services as core_services
from appgov.core.models import Institution
from appgov.core.zones import institution_time
from appgov.engines import lookalike as engine

from . import icons
from .models import CaseState, CounterfeitCase, ObservedListing, SweepRun
from .policy import policy
from .protection import build_index

log = logging.getLogger(__name__)
BATCH = 2000
UNREGISTERED = "unregistered"  # the engine's kind for the institution's own build (not an imitation)


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


def _candidates(alert: engine.Alert, institution_id: int, info) -> list[dict]:
    """The engine's plausible apps for the listing, best first, as stored on the case. The institution's
    own apps are named by ledger id and name; another institution's app by its institution's name, and by
    its own name only when the app is public (released), so no unreleased app of another tenant is told."""
    out = []
    for cand in alert.candidates:
        app = info.get(cand.app_id)
        if app is None:
            continue
        own = app.institution_id == institution_id
        out.append(
            {
                "own": own,
                "app": app.app_id if own else None,
                "app_name": app.name if own or app.public else "",
                "institution": app.institution_name,
                "score": round(cand.score, 4),
                "brand_evidence": round(cand.brand_evidence, 4),
            }
        )
    return out


def _record_unregistered(rows, own_builds) -> None:
    """Flag the listings the engine found to be the institution's own build under an identifier that the
    ledger does not register (kind ``unregistered``), and clear the flag of those it no longer finds so
    (the identifier has been registered, or the listing changed). Only changes are written."""
    now = timezone.now()
    for row in rows:
        found = own_builds.get(str(row.pk))
        if found is None:
            if row.unregistered_app_id is not None:
                core_services.update(
                    row, None, unregistered_app=None, unregistered_since=None, unregistered_explanation=""
                )
            continue
        app_id, alert = found
        if row.unregistered_app_id != app_id or row.unregistered_explanation != alert.explanation_zh:
            core_services.update(
                row,
                None,
                unregistered_app_id=app_id,
                unregistered_since=(row.unregistered_since if row.unregistered_app_id == app_id else now),
                unregistered_explanation=alert.explanation_zh,
            )


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
        progress.report(2, gettext_noop("Building the index of the protected apps"))
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
        total = queryset.count()
        progress.report(10, gettext_noop("Screening %(total)d listings"), total=total)
        last_pk = 0
        while True:
            rows = list(queryset.filter(pk__gt=last_pk).select_related("feed").order_by("pk")[:BATCH])
            if not rows:
                break
            last_pk = rows[-1].pk
            by_pk = {str(r.pk): r for r in rows}
            alerts = index.screen_batch([_engine_listing(r) for r in rows])
            with transaction.atomic():
                own_builds = {}
                for alert in alerts:
                    if alert.kind == UNREGISTERED:
                        app = info.get(alert.app_id)
                        if app is not None and app.institution_id == institution.pk:
                            own_builds[alert.listing_id] = (app.app_id, alert)
                        continue
                    app_key, ties = _own_app(alert, institution.pk, info)
                    if app_key is None:
                        continue
                    run.alerts += 1
                    created = _record_alert(
                        institution,
                        by_pk[alert.listing_id],
                        info[app_key].app_id,
                        alert,
                        ties,
                        run,
                        _candidates(alert, institution.pk, info),
                    )
                    run.new_cases += created
                run.alerts += len(own_builds)
                _record_unregistered(rows, own_builds)
                now = timezone.now()
                for row in rows:
                    row.screened_hash, row.screened_at = row.content_hash, now
                ObservedListing.objects.bulk_update(rows, ["screened_hash", "screened_at"], batch_size=500)
            run.screened += len(rows)
            progress.report(
                10 + 88 * run.screened // max(total, 1),
                gettext_noop("Screened %(done)d of %(total)d listings, %(alerts)d alerts"),
                done=run.screened,
                total=total,
                alerts=run.alerts,
            )
    except (engine.IconError, ValidationError, ValueError, DatabaseError) as exc:
        log.exception("counterfeit sweep of %s failed", institution)
        run.status, run.error = SweepRun.Status.FAILED, str(exc)[:2000]
        progress.fail(run.error)
    else:
        run.status = SweepRun.Status.DONE
    run.finished_at = timezone.now()
    return core_services.save(run, None)


def _key_facts(name, package_id, developer, cert) -> dict:
    """What identifies a listing for a judgement: a false positive sticks while these stay the same (case
    and surrounding blanks aside)."""
    return {
        "name": (name or "").strip().casefold(),
        "package_id": (package_id or "").strip().lower(),
        "developer": (developer or "").strip().casefold(),
        "cert_sha256": (cert or "").strip().lower(),
    }


def _listing_facts(listing) -> dict:
    return _key_facts(listing.name, listing.package_id, listing.developer, listing.cert_sha256)


def _case_facts(case) -> dict:
    return _key_facts(case.listing_name, case.package_id, case.listing_developer, case.listing_cert_sha256)


def _changed_facts(case, listing) -> str:
    """The key facts that differ between what was judged on the case and the listing now, as 'a → b'."""
    was, now = _case_facts(case), _listing_facts(listing)
    raw_was = {
        "name": case.listing_name,
        "package_id": case.package_id,
        "developer": case.listing_developer,
        "cert_sha256": case.listing_cert_sha256,
    }
    raw_now = {
        "name": listing.name,
        "package_id": listing.package_id,
        "developer": listing.developer,
        "cert_sha256": listing.cert_sha256,
    }
    labels = {
        "name": _("name"),
        "package_id": _("package id"),
        "developer": _("developer"),
        "cert_sha256": _("certificate SHA-256"),
    }
    return "; ".join(
        f"{labels[k]}: {raw_was[k] or '—'} → {raw_now[k] or '—'}" for k in labels if was[k] != now[k]
    )


def _received_on(listing):
    """The day the listing was last delivered (its latest feed's reception, in local time)."""
    return timezone.localtime(listing.feed.received_at).date()


def _relisted(case, listing) -> bool:
    """A taken-down listing is back only if a feed received after the takedown day delivered it again: a
    listing absent from a feed is not a re-listing (a feed is not a full snapshot of a store), the delivery
    the case was opened on is not "again", and a feed of the takedown day itself may have been crawled
    before the takedown."""
    received = listing.feed.received_at
    return (
        case.taken_down_on is not None
        and _received_on(listing) > case.taken_down_on
        and (case.last_alert_at is None or received > case.last_alert_at)
    )


def _follow_up(institution, listing, app_id, previous, fields, run, note) -> int:
    """A new case linked to `previous`, which stays as it is (state, dates, records, notes)."""
    line = f"{_received_on(listing).isoformat()} {note}"
    core_services.save(
        CounterfeitCase(
            institution=institution,
            app_id=app_id,
            listing=listing,
            sweep=run,
            previous_case=previous,
            note=line,
            **fields,
        ),
        None,
    )
    return 1


def _record_alert(institution, listing, app_id, alert, ties, run, candidates=()) -> int:
    """Open a case, or refresh the current one of this listing and app. Returns 1 when a case was opened.

    A judged case is never changed by a sweep: a re-listing after a takedown, or a dismissed listing whose
    key facts changed, opens a new case pointing to the earlier one; a dismissed listing whose key facts are
    unchanged opens nothing, whichever of the institution's apps it alerts against now."""
    now = timezone.now()
    fields = dict(
        alert_kind=alert.kind,
        score=round(alert.score, 4),
        reasons=[r.to_dict() for r in alert.reasons],
        explanation_zh=alert.explanation_zh,
        also_matches=ties,
        candidates=list(candidates),
        source=listing.source[:200],
        listing_name=listing.name[:500],
        package_id=listing.package_id[:255],
        listing_developer=listing.developer[:500],
        listing_cert_sha256=listing.cert_sha256[:64],
        last_alert_at=now,
    )
    case = CounterfeitCase.objects.filter(listing=listing, app_id=app_id).order_by("-pk").first()
    if case is None:
        dismissed = (
            CounterfeitCase.objects.filter(listing=listing, state=CaseState.FALSE_POSITIVE)
            .order_by("-pk")
            .first()
        )
        if dismissed is None:
            core_services.save(
                CounterfeitCase(institution=institution, app_id=app_id, listing=listing, sweep=run, **fields),
                None,
            )
            return 1
        case = dismissed  # the judgement is on the listing, not on the app it matched then
    if case.state == CaseState.NEW:
        core_services.update(case, None, **fields)
        return 0
    if case.state == CaseState.TAKEN_DOWN:
        if not _relisted(case, listing):
            return 0
        note = _(
            "re-listed: the listing was in the feed «%(feed)s» received on %(received)s, after its takedown "
            "on %(day)s (case #%(case)d); screened by sweep #%(run)d"
        ) % {
            "feed": listing.feed.label,
            "received": _received_on(listing).isoformat(),
            "day": case.taken_down_on.isoformat(),
            "case": case.pk,
            "run": run.pk,
        }
        return _follow_up(institution, listing, app_id, case, fields, run, note)
    if case.state == CaseState.FALSE_POSITIVE:
        changes = _changed_facts(case, listing)
        if not changes:
            return 0
        note = _(
            "the listing's key facts changed since case #%(case)d judged it a false positive (%(changes)s); "
            "seen in the feed «%(feed)s», screened by sweep #%(run)d"
        ) % {"case": case.pk, "changes": changes, "feed": listing.feed.label, "run": run.pk}
        return _follow_up(institution, listing, app_id, case, fields, run, note)
    return 0  # confirmed or takedown requested: in hand, the sweep changes nothing


def sweep_all_institutions() -> str:
    """Daily job: one index for all institutions, then each institution's new or changed listings."""
    institutions = list(Institution.objects.filter(pk__in=ObservedListing.objects.values("institution")))
    if not institutions:
        return "no listing feeds"
    prepared = build_index()
    done = failed = 0
    for institution in institutions:
        with institution_time(institution), progress.tracking(institution.pk, "counterfeit_sweep"):
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
        runs = SweepRun.objects.filter(
            status=SweepRun.Status.RUNNING, institution_id=args[0] if args else None
        )
    elif path.endswith("core.jobs.run_daily_job") and args[:1] == ["counterfeit.sweep"]:
        runs = SweepRun.objects.filter(status=SweepRun.Status.RUNNING)
    else:
        return 0
    reason = _(
        "The worker stopped while this sweep ran; it was marked failed (the next sweep screens again)."
    )
    count = 0
    for run in runs:
        core_services.update(
            run, None, status=SweepRun.Status.FAILED, error=reason, finished_at=timezone.now()
        )
        count += 1
    return count
