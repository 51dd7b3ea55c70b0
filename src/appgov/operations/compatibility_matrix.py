"""What the pages and checks read: the compatibility matrix (apps × OS releases) with the package scanner's
minimum and target SDK of each app's latest Android scan."""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.scanning.models import Scan

from .models import AdaptationTask, CompatTestResult, OsRelease, PlatformRequirement
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


STATES = (PASSED, FAILED, UNTESTED, NOT_APPLICABLE)


def matrix(institutions, today=None, platform=None) -> dict:
    """The matrix of the given institutions: columns are the tracked releases (by platform and version; only
    that platform's when one is given), rows the live apps of those institutions; every cell has a state and
    the reason."""
    from appgov.ledger.models import MobileApp

    columns, by_key = [], {}
    releases_of = defaultdict(dict)  # institution id -> (platform, version) -> release
    for inst in institutions:
        for release in tracked_releases(inst, today):
            if platform and release.platform != platform:
                continue
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
    requirements = requirements_in_effect(institutions, today)
    rows, totals = [], defaultdict(int)
    for app in apps:
        cells = []
        for column in columns:
            release = releases_of[app.institution_id].get((column.platform, column.version))
            if release is None:
                cells.append(
                    {"state": UNTESTED, "why": _("release not in this institution's register"), "task": None}
                )
                totals[UNTESTED] += 1
                continue
            task = tasks.get((app.pk, column.platform, column.version))
            state, why = cell_state(
                app,
                release,
                task,
                [r for r in task.results.all() if r.voided_at is None] if task else [],
                sdks.get(app.pk),
            )
            totals[state] += 1
            cells.append({"state": state, "why": why, "task": task})
        rows.append(
            {
                "app": app,
                "sdk": sdks.get(app.pk),
                "cells": cells,
                "unmet": unmet_requirements(app, sdks.get(app.pk), requirements.get(app.institution_id, [])),
            }
        )
    return {"columns": columns, "rows": rows, "totals": dict(totals)}


def requirements_in_effect(institutions, today=None) -> dict:
    """institution id -> the Android distribution platforms' minimum target API levels in effect today."""
    today = today or timezone.localdate()
    found = defaultdict(list)
    rows = PlatformRequirement.objects.filter(
        voided_at__isnull=True,
        institution__in=institutions,
        platform="android",
        min_target_api__isnull=False,
    ).filter(Q(effective_on__isnull=True) | Q(effective_on__lte=today))
    for requirement in rows.order_by("distributor", "-min_target_api"):
        found[requirement.institution_id].append(requirement)
    return found


def unmet_requirements(app, sdk, requirements) -> list:
    """The requirements the app's last scanned Android package does not meet (its targetSdk is lower). An app
    that is not on Android, or whose package was not scanned, is judged on nothing here (the matrix shows "—")."""
    if "android" not in (app.platforms or []) or not sdk or sdk.get("target") is None:
        return []
    return [r for r in requirements if sdk["target"] < r.min_target_api]


def filter_rows(rows: list, *, text: str = "", state: str = "") -> list:
    """The rows whose app's name or code contains the text, and that have at least one cell in the state."""
    text = text.strip().casefold()
    if text:
        rows = [r for r in rows if text in r["app"].name.casefold() or text in r["app"].code.casefold()]
    if state:
        rows = [r for r in rows if any(c["state"] == state for c in r["cells"])]
    return rows


def totals_of(rows: list) -> dict:
    totals = defaultdict(int)
    for row in rows:
        for cell in row["cells"]:
            totals[cell["state"]] += 1
    return dict(totals)


def releases_in_register(institution):
    return OsRelease.objects.filter(voided_at__isnull=True, institution=institution)


STATE_ZH = {PASSED: "通过", FAILED: "未通过", UNTESTED: "未测试", NOT_APPLICABLE: "不适用"}
PLATFORM_ZH = {"ios": "iOS", "android": "安卓", "harmonyos": "鸿蒙"}


def matrix_xlsx(columns, rows, totals, chosen) -> bytes:
    """The board for the management committee or the examiner (兼容性矩阵): one row per app with its institution,
    scanned SDK levels and each release's state, the reasons in a second sheet, the totals and filters in a third.
    Cells are formula-safe (core.spreadsheets)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from appgov.core.spreadsheets import append_row

    fills = {
        PASSED: PatternFill("solid", fgColor="D1E7DD"),
        FAILED: PatternFill("solid", fgColor="F8D7DA"),
        UNTESTED: PatternFill("solid", fgColor="FFF3CD"),
    }
    heads = [
        f"{PLATFORM_ZH.get(c.platform, c.platform)} {c.version}"
        + (f"（API {c.api_level}）" if c.api_level else "")
        + (f" GA {c.ga_on}" if c.ga_on else "")
        for c in columns
    ]
    book = Workbook()
    board = book.active
    board.title = "兼容性矩阵"
    board.append(
        ["机构", "应用编号", "应用", "扫描 minSdk", "扫描 targetSdk", "未满足的应用市场要求", *heads]
    )
    reasons = book.create_sheet("单元格说明")
    reasons.append(["机构", "应用编号", "应用", "系统版本", "状态", "说明"])
    for sheet in (board, reasons):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for row in rows:
        app, sdk = row["app"], row["sdk"] or {}
        append_row(
            board,
            [app.institution.name, app.code, app.name, sdk.get("min"), sdk.get("target"),
             "；".join(f"{r.distributor}：targetSdk ≥ {r.min_target_api}" for r in row.get("unmet", [])),
             *(STATE_ZH[c["state"]] for c in row["cells"])],
        )  # fmt: skip
        for column_cell, cell in zip(board[board.max_row][6:], row["cells"], strict=True):
            if cell["state"] in fills:
                column_cell.fill = fills[cell["state"]]
        for head, cell in zip(heads, row["cells"], strict=True):
            append_row(
                reasons,
                [app.institution.name, app.code, app.name, head, STATE_ZH[cell["state"]], str(cell["why"])],
            )
    summary = book.create_sheet("汇总")
    summary.append(["状态", "单元格数"])
    for state in STATES:
        summary.append([STATE_ZH[state], totals.get(state, 0)])
    summary.append([])
    summary.append(["筛选", "值"])
    for key, label in (
        ("platform", "平台"),
        ("state", "状态"),
        ("q", "应用名称或编号"),
        ("institution", "机构"),
    ):
        append_row(summary, [label, chosen.get(key) or "全部"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
