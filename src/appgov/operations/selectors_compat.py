"""What the pages and checks read: the compatibility matrix (apps × OS releases) with the package scanner's
minimum and target SDK of each app's latest Android scan."""

from collections import defaultdict

from django.utils.translation import gettext as _

from appgov.scanning.models import Scan

from .models import AdaptationTask, CompatTestResult, OsRelease
from .services import tracked_releases

PASSED, FAILED, UNTESTED, NOT_APPLICABLE = "passed", "failed", "untested", "not_applicable"


def scanned_sdks(apps) -> dict:
    """app id -> {"min": int|None, "target": int|None, "version": str} from the latest finished Android scan."""
    found = {}
    scans = (
        Scan.objects.filter(version__app__in=apps, version__platform="android", status=Scan.Status.DONE)
        .select_related("version")
        .order_by("version__app_id", "-finished_at", "-id")
    )
    for scan in scans:
        app_id = scan.version.app_id
        if app_id in found:
            continue
        app_info = (scan.report or {}).get("app") or {}
        found[app_id] = {
            "min": _int(app_info.get("min_os")),
            "target": _int(app_info.get("target_os")),
            "version": scan.version.version_name,
            "scan": scan.pk,
        }
    return found


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def cell_state(app, release, task, results, sdk) -> tuple[str, str]:
    """(state, why) of one cell of the matrix."""
    if release.platform not in (app.platforms or []):
        return NOT_APPLICABLE, _("not on this platform")
    if task is not None and task.status == AdaptationTask.Status.NOT_APPLICABLE:
        return NOT_APPLICABLE, task.note
    if (
        release.platform == "android"
        and sdk
        and sdk["min"]
        and release.api_level
        and sdk["min"] > release.api_level
    ):
        return NOT_APPLICABLE, _("minSdk %(min)s > API %(api)s") % {
            "min": sdk["min"],
            "api": release.api_level,
        }
    if task is None:
        return UNTESTED, _("no adaptation task")
    outcomes = [r.outcome for r in results]
    if CompatTestResult.Outcome.FAILED in outcomes:
        return FAILED, _("%(n)s/%(total)s failed") % {"n": outcomes.count("failed"), "total": len(outcomes)}
    if outcomes and all(o == CompatTestResult.Outcome.PASSED for o in outcomes):
        return PASSED, _("%(n)s passed") % {"n": len(outcomes)}
    if not outcomes:
        return UNTESTED, _("no test result")
    return UNTESTED, _("%(n)s/%(total)s passed") % {"n": outcomes.count("passed"), "total": len(outcomes)}


def matrix(institutions, today=None) -> dict:
    """The matrix of the given institutions: columns are the tracked releases (by platform and version), rows
    the live apps of those institutions; every cell has a state and the reason."""
    from appgov.ledger.models import MobileApp

    columns, by_key = [], {}
    releases_of = defaultdict(dict)  # institution id -> (platform, version) -> release
    for inst in institutions:
        for release in tracked_releases(inst, today):
            key = (release.platform, release.version)
            releases_of[inst.pk][key] = release
            if key not in by_key:
                by_key[key] = release
                columns.append(release)
    order = {"ios": 0, "android": 1, "harmonyos": 2}
    columns.sort(key=lambda r: (order.get(r.platform, 9), r.api_level or 0, r.version))
    apps = list(
        MobileApp.objects.filter(institution__in=institutions)
        .exclude(state="retired")
        .select_related("institution")
        .order_by("institution__name", "code")
    )
    task_list = list(
        AdaptationTask.objects.filter(voided_at__isnull=True, app__in=apps)
        .select_related("release")
        .prefetch_related("results")
    )
    tasks = {(t.app_id, t.release.platform, t.release.version): t for t in task_list}
    sdks = scanned_sdks(apps)
    rows, totals = [], defaultdict(int)
    for app in apps:
        cells = []
        for column in columns:
            release = releases_of[app.institution_id].get((column.platform, column.version))
            if release is None:
                cells.append(
                    {"state": UNTESTED, "why": "release not in this institution's register", "task": None}
                )
                totals[UNTESTED] += 1
                continue
            task = tasks.get((app.pk, column.platform, column.version))
            state, why = cell_state(
                app, release, task, list(task.results.all()) if task else [], sdks.get(app.pk)
            )
            totals[state] += 1
            cells.append({"state": state, "why": why, "task": task})
        rows.append({"app": app, "sdk": sdks.get(app.pk), "cells": cells})
    return {"columns": columns, "rows": rows, "totals": dict(totals)}


def releases_in_register(institution):
    return OsRelease.objects.filter(voided_at__isnull=True, institution=institution)
