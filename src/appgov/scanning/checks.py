"""Compliance checks judged from package scans: each control passes for a version whose latest finished scan
has no finding mapped to it, fails when it has one, and falls back to evidence when no scan exists."""

from collections import defaultdict

from appgov.core.controls.registry import SubjectType, check, failed, passed
from appgov.core.controls.registry import judge_on_evidence as evidence_check

from .models import Scan

SCAN_CONTROLS = {
    "NFRA-06.3": ("NFRA-06.3",),
    "NFRA-07.2": ("NFRA-07.2",),
    "NFRA-07.4": ("NFRA-07.4",),
    "NFRA-12.2": ("NFRA-12.2",),
    "NFRA-12.3": ("NFRA-12.3",),
    "NFRA-12.4": ("NFRA-12.4",),
    "NFRA-16.1": ("NFRA-16.1",),
    "NFRA-10.2": ("NFRA-10",),
}


def _describe(hits, lang) -> str:
    parts = []
    for h in hits[:5]:
        evidence = (
            f"（{h['evidence'][0]}）"
            if lang == "zh" and h.get("evidence")
            else (f" ({h['evidence'][0]})" if h.get("evidence") else "")
        )
        parts.append(h["title"][lang] + evidence)
    more = len(hits) - 5
    return ("；" if lang == "zh" else "; ").join(parts) + (
        f" 等 {len(hits)} 项" if lang == "zh" and more > 0 else f" and {more} more" if more > 0 else ""
    )


def _latest_reports(ctx) -> dict:
    """version id -> (scan id, report) of its latest finished scan; one query per evaluation."""
    cache = getattr(ctx, "_latest_scan_reports", None)
    if cache is None:
        cache = {}
        rows = (
            Scan.objects.filter(version__app__institution=ctx.institution, status=Scan.Status.DONE)
            .order_by("version_id", "-finished_at", "-id")
            .values_list("version_id", "pk", "report")
        )
        for version_id, scan_id, report in rows:
            cache.setdefault(version_id, (scan_id, report))
        ctx._latest_scan_reports = cache
    return cache


def _scan_check(control_id, engine_controls):
    def run(ctx, control):
        reports = _latest_reports(ctx)
        unscanned = []
        by_app = defaultdict(list)
        for subject_type, subject_id, label, version in ctx.subjects(SubjectType.APP_VERSION):
            entry = reports.get(subject_id)
            if entry is None:
                unscanned.append(version)
                continue
            scan_id, report = entry
            hits = [f for f in report.get("findings", []) if f["control"] in engine_controls]
            link = [{"label": f"scan #{scan_id}", "url": f"/scanning/scans/{scan_id}/"}]
            by_app[version.app_id].append((version, hits))
            if control.applies_to == SubjectType.APP:
                continue
            if hits:
                yield failed(
                    subject_type,
                    subject_id,
                    label,
                    "扫描发现：" + _describe(hits, "zh"),
                    "Scan found: " + _describe(hits, "en"),
                    link,
                )
            else:
                yield passed(
                    subject_type,
                    subject_id,
                    label,
                    "最近一次扫描未发现相关问题",
                    "Latest scan found no issue for this control",
                    link,
                )
        if control.applies_to == SubjectType.APP:
            for app_id, items in by_app.items():
                app = ctx.app_by_id[app_id]
                hits = [h for _v, hs in items for h in hs]
                label = f"{app.code} {app.name}"
                if hits:
                    yield failed(
                        SubjectType.APP,
                        app_id,
                        label,
                        "扫描发现：" + _describe(hits, "zh"),
                        "Scan found: " + _describe(hits, "en"),
                    )
                else:
                    yield passed(
                        SubjectType.APP,
                        app_id,
                        label,
                        f"{len(items)} 个已扫描版本均未发现相关问题",
                        f"No issue in the {len(items)} scanned versions",
                    )
            scanned_apps = set(by_app)
            for result in evidence_check(ctx, control):
                if result.subject_id not in scanned_apps:
                    yield result
        else:
            unscanned_ids = {v.pk for v in unscanned}
            for result in evidence_check(ctx, control):
                if result.subject_id in unscanned_ids:
                    yield result

    run.__name__ = f"scan_check_{control_id.replace('-', '_').replace('.', '_')}"
    return run


for _control_id, _engine_controls in SCAN_CONTROLS.items():
    check(_control_id)(_scan_check(_control_id, _engine_controls))
