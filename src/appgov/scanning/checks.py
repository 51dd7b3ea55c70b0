"""Compliance checks judged from package scans.

A version whose latest finished scan has a finding mapped to the control fails; one without fails nothing and
passes only when the scan could see what the control asks about:
- NFRA-07.4 needs the institution's scan profile to carry an allow-list, the dead-link probe and malicious-code
  rules, and the scan to be newer than the profile's last change and within its validity;
- NFRA-16.1 needs the app's declared personal-information inventory to compare against;
- NFRA-12.4 needs a registered release certificate for a released Android/HarmonyOS app;
- NFRA-10.2 judges each app against the rules of the distribution platforms it is listed on
  (platform_rules.yaml), not against one store's rule.
A version never scanned falls back to uploaded evidence (evaluation.evidence_check).
"""

import datetime
from collections import defaultdict

from django.utils import timezone

from appgov.core.controls.registry import SubjectType, check, evidence_needed, failed, not_applicable, passed
from appgov.core.controls.registry import judge_on_evidence as evidence_check
from appgov.ledger.models.choices import LifecycleState, ListingState, platform_zh

from .models import AppPrivacyInventory, ReleaseCertificate, Scan, ScanProfile
from .platform_rules import rules_for_channel

VERSION_CONTROLS = {"NFRA-06.3": ("NFRA-06.3",), "NFRA-07.2": ("NFRA-07.2",), "NFRA-12.2": ("NFRA-12.2",)}
VERSION_CONTROLS |= {"NFRA-12.3": ("NFRA-12.3",)}
LIVE = {LifecycleState.RELEASED, LifecycleState.IN_OPERATION, LifecycleState.RETIRING}
SIGNED_PLATFORMS = ("android", "harmonyos")


def _describe(hits, lang) -> str:
    parts = []
    for h in hits[:5]:
        # the scanner's evidence is English technical text: the Chinese explanation names the finding only
        # (its evidence is on the scan page)
        evidence = f" ({h['evidence'][0]})" if lang == "en" and h.get("evidence") else ""
        parts.append(h["title"][lang] + evidence)
    more = len(hits) - 5
    return ("；" if lang == "zh" else "; ").join(parts) + (
        f" 等 {len(hits)} 项" if lang == "zh" and more > 0 else f" and {more} more" if more > 0 else ""
    )


class _Scans:
    """What the scan checks read for one institution, loaded once per evaluation."""

    def __init__(self, ctx):
        inst = ctx.institution
        self.latest = {}  # version id -> (scan id, report, finished_at)
        rows = (
            Scan.objects.filter(version__app__institution=inst, status=Scan.Status.DONE)
            .order_by("version_id", "-finished_at", "-id")
            .values_list("version_id", "pk", "report", "finished_at")
        )
        for version_id, scan_id, report, finished_at in rows:
            self.latest.setdefault(version_id, (scan_id, report or {}, finished_at))
        self.profile = ScanProfile.objects.filter(institution=inst).first()
        self.inventory_apps = set(
            AppPrivacyInventory.objects.filter(app__institution=inst).values_list("app_id", flat=True)
        )
        self.certified_apps = set(
            ReleaseCertificate.objects.filter(voided_at__isnull=True, app__institution=inst).values_list(
                "app_id", flat=True
            )
        )


def _scans(ctx) -> _Scans:
    cached = getattr(ctx, "_scanning_data", None)
    if cached is None:
        cached = ctx._scanning_data = _Scans(ctx)
    return cached


def _judges(report: dict, control_id: str) -> bool:
    """Whether the scan could judge the control at all: a mini-program package carries no signing certificate
    or target SDK, and its report lists such controls as not judged (never a pass for want of findings)."""
    return control_id not in (report.get("platform_details") or {}).get("controls_not_judged", ())


def _counts(finding: dict) -> bool:
    """Whether a finding can fail a control: an "info" finding is an inventory note (a mini-program's plugin,
    whose assessment is judged through the SDK findings like any SDK), never a breach by itself."""
    return finding.get("severity") != "info"


def _link(scan_id) -> list[dict]:
    return [{"label": f"scan #{scan_id}", "url": f"/scanning/scans/{scan_id}/"}]


def _judge_hits(subject, hits, scan_id, extra_zh="", extra_en=""):
    if hits:
        return failed(
            *subject,
            "扫描发现：" + _describe(hits, "zh"),
            "Scan found: " + _describe(hits, "en"),
            _link(scan_id),
        )
    return passed(
        *subject,
        "最近一次扫描未发现相关问题" + extra_zh,
        "Latest scan found no issue for this control" + extra_en,
        _link(scan_id),
    )


def _version_check(engine_controls, precondition=None):
    """Per version: the latest scan's findings; `precondition(ctx, data, version, entry)` may return
    (zh, en) of what is missing to judge, which makes the result "evidence needed"."""

    def run(ctx, control):
        data = _scans(ctx)
        unscanned = set()
        for subject_type, subject_id, label, version in ctx.subjects(SubjectType.APP_VERSION):
            entry = data.latest.get(subject_id)
            if entry is None or not _judges(entry[1], control.id):
                unscanned.add(subject_id)
                continue
            scan_id, report, _finished = entry
            subject = (subject_type, subject_id, label)
            hits = [f for f in report.get("findings", []) if f["control"] in engine_controls and _counts(f)]
            missing = precondition(ctx, data, version, entry) if precondition else None
            if missing and not hits:
                yield evidence_needed(*subject, missing[0], missing[1], _link(scan_id))
            else:
                yield _judge_hits(subject, hits, scan_id)
        for result in evidence_check(ctx, control):
            if result.subject_id in unscanned:
                yield result

    return run


def _profile_gaps(ctx, data, version, entry):
    """NFRA-07.4: what the scan profile lacks, or why the scan no longer counts."""
    profile = data.profile
    missing_zh, missing_en = [], []
    if profile is None or not profile.allowed_domains:
        missing_zh.append("域名白名单")
        missing_en.append("domain allow-list")
    if profile is None or not profile.check_links:
        missing_zh.append("失效链接检测")
        missing_en.append("dead-link probe")
    if profile is None or not profile.yara_rules.strip():
        missing_zh.append("恶意代码规则")
        missing_en.append("malicious-code rules")
    if missing_zh:
        return (
            "扫描配置缺少" + "、".join(missing_zh) + "，无法判断是否嵌入无关链接、失效链接或恶意程序",
            "The scan profile lacks "
            + ", ".join(missing_en)
            + "; irrelevant/dead links and malware cannot be judged",
        )
    finished = entry[2]
    if profile.changed_at and finished and finished < profile.changed_at:
        return (
            f"最近一次扫描早于扫描配置变更（{timezone.localtime(profile.changed_at):%Y-%m-%d}），需重新扫描",
            "The latest scan predates the last change of the scan profile; rescan",
        )
    if finished and ctx.today - timezone.localdate(finished) > datetime.timedelta(days=profile.validity_days):
        return (
            f"最近一次扫描（{timezone.localdate(finished)}）已超过扫描配置的有效期 {profile.validity_days} 天，需重新扫描",
            f"The latest scan is older than the profile's validity of {profile.validity_days} days; rescan",
        )
    return None


def _inventory_gap(ctx, data, version, entry):
    if version.app_id not in data.inventory_apps:
        return (
            "未登记该应用声明收集的个人信息清单，无法与扫描结果比对",
            "No declared personal-information inventory for the app; the scan cannot be compared with it",
        )
    return None


for _control_id, _engine_controls in VERSION_CONTROLS.items():
    check(_control_id)(_version_check(_engine_controls))
check("NFRA-07.4")(_version_check(("NFRA-07.4",), _profile_gaps))
check("NFRA-16.1")(_version_check(("NFRA-16.1",), _inventory_gap))


def _released(ctx, app) -> bool:
    return app.state in LIVE or app.pk in ctx.active_listing_apps


@check("NFRA-12.4")
def signing_and_tampering(ctx, control):
    """Per app: scan findings on the app's own packages; a released Android/HarmonyOS app needs a registered
    release certificate, or a repackaged copy could not be told from the real one."""
    data = _scans(ctx)
    by_app = defaultdict(list)
    for version in ctx.versions:
        entry = data.latest.get(version.pk)
        if entry is not None and _judges(entry[1], control.id):
            by_app[version.app_id].append(entry)
    judged = set()
    for app in ctx.live_apps:
        subject = (SubjectType.APP, app.pk, f"{app.code} {app.name}")
        signed = [p for p in app.platforms if p in SIGNED_PLATFORMS]
        if signed and _released(ctx, app) and app.pk not in data.certified_apps:
            judged.add(app.pk)
            yield failed(
                *subject,
                "已发布的" + "/".join(signed) + "应用未登记发布证书，无法识别重打包或篡改的版本",
                "Released " + "/".join(signed) + " app without a registered release certificate; "
                "repackaged or tampered copies cannot be recognised",
            )
            continue
        entries = by_app.get(app.pk)
        if not entries:
            continue
        judged.add(app.pk)
        hits = [
            f
            for _s, report, _f in entries
            for f in report.get("findings", [])
            if f["control"] == "NFRA-12.4" and _counts(f)
        ]
        if hits:
            yield failed(
                *subject, "扫描发现：" + _describe(hits, "zh"), "Scan found: " + _describe(hits, "en")
            )
        else:
            yield passed(
                *subject,
                f"{len(entries)} 个已扫描版本的签名与发布证书一致，未发现篡改",
                f"The {len(entries)} scanned versions are signed with the release certificate; no tampering found",
            )
    for result in evidence_check(ctx, control):
        if result.subject_id not in judged:
            yield result


@check("NFRA-10.2")
def platform_compatibility(ctx, control):
    """Per app: every listed version against the target-API rule of the platform it is listed on."""
    data = _scans(ctx)
    for app in ctx.live_apps:
        subject = (SubjectType.APP, app.pk, f"{app.code} {app.name}")
        problems, unknown, ok = [], [], []
        for version in ctx.versions_by_app.get(app.pk, []):
            for listing in ctx.listings_by_version.get(version.pk, []):
                if listing.state != ListingState.LISTED:
                    continue
                channel = listing.channel
                where = f"{channel.name} {platform_zh(version.platform)} {version.version_name}"
                platform, rule = rules_for_channel(channel, version.platform, listing.listed_on, ctx.today)
                if platform is None or rule is None:
                    reason = (
                        "未收录该平台的目标版本规则"
                        if platform is None or not platform.rules
                        else "无适用规则"
                    )
                    unknown.append(f"{where}（{reason}）")
                    continue
                entry = data.latest.get(version.pk)
                target = (entry[1].get("app") or {}).get("target_os") if entry else None
                if not target or not str(target).isdigit():
                    unknown.append(f"{where}（无扫描结果，目标版本未知）")
                elif int(target) < rule.min_target:
                    problems.append(
                        f"{where} 目标版本 {target} 低于{platform.name_zh}要求的 {rule.min_target}（{rule.since} 起）"
                    )
                else:
                    ok.append(f"{where} 目标版本 {target}≥{rule.min_target}")
        if problems:
            yield failed(
                *subject,
                "；".join(problems[:5]),
                f"{len(problems)} listings below their platform's target-API rule",
            )
        elif unknown:
            yield evidence_needed(
                *subject,
                "无法判定兼容性要求：" + "；".join(unknown[:5]) + "。请记录分发平台的审核结果",
                f"{len(unknown)} listings cannot be judged (no known platform rule or no scan); record the platform's review result",
            )
        elif ok:
            yield passed(
                *subject, "；".join(ok[:5]), f"{len(ok)} listings meet their platform's target-API rule"
            )
        else:
            yield not_applicable(*subject, "未在任何分发平台上架", "Not listed on any distribution platform")
