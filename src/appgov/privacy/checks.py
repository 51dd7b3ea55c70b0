"""NFRA-16.1 and 16.2 judged from the uploaded privacy policy where one exists (the hand-entered inventory and the
registered notice stay the fallback), through core.controls.extend: the scanning and ledger checks are wrapped,
never replaced.

- NFRA-16.1 (per version): what the policy declares against the version's latest scan. A permission requested
  but not declared, an embedded SDK not in the policy's SDK list, or personal information an embedded SDK
  collects that the policy does not disclose fails it, naming each gap; a policy without a scan to hold it
  against needs evidence (a policy alone says nothing of what the package does).
- NFRA-16.2 (per app): the latest policy of the app must be complete (data/completeness.yaml): a missing item
  of high severity (no account-deletion path, no third-party list, …) fails the app even where the registered
  notice would pass it.
"""

from appgov.core.controls.registry import Outcome, SubjectType, evidence_needed, extend, failed, passed

from .models import PrivacyPolicy
from .services import gaps

BLOCKING = {"permission_not_declared", "sdk_not_listed"}


def _link(policy) -> list[dict]:
    return [{"label": f"privacy policy #{policy.pk}", "url": policy.get_absolute_url()}]


def _latest_policies(ctx, key: str) -> dict:
    policies = PrivacyPolicy.objects.filter(version__app__institution=ctx.institution).select_related(
        "version", "version__app"
    )
    latest = {}
    for policy in policies.order_by("uploaded_at", "id"):
        latest[getattr(policy.version, key) if key != "version_id" else policy.version_id] = policy
    return latest


def _blocking(found: list[dict]) -> list[dict]:
    return [
        g
        for g in found
        if g["kind"] in BLOCKING or (g["kind"] == "sdk_pi_not_disclosed" and g["severity"] == "high")
    ]


@extend("NFRA-16.1")
def policy_against_scan(base):
    def run(ctx, control):
        by_version = _latest_policies(ctx, "version_id")
        judged = set()
        for subject_type, subject_id, label, _version in ctx.subjects(SubjectType.APP_VERSION):
            policy = by_version.get(subject_id)
            if policy is None:
                continue
            judged.add(subject_id)
            subject = (subject_type, subject_id, label)
            found, scan = gaps(policy)
            if found is None:
                yield evidence_needed(
                    *subject,
                    "已上传隐私政策，但该版本尚无完成的扫描，无法核对政策与实际行为",
                    "A privacy policy is uploaded but the version has no finished scan to hold it against",
                    _link(policy),
                )
                continue
            bad = _blocking(found)
            links = _link(policy) + [{"label": f"scan #{scan.pk}", "url": f"/scanning/scans/{scan.pk}/"}]
            if bad:
                yield failed(
                    *subject,
                    "隐私政策与扫描结果不符："
                    + "；".join(_zh(g) for g in bad[:6])
                    + (f" 等 {len(bad)} 项" if len(bad) > 6 else ""),
                    "The privacy policy does not match the scan: " + "; ".join(_en(g) for g in bad[:6]),
                    links,
                )
            else:
                yield passed(
                    *subject,
                    "隐私政策声明的权限、第三方SDK及其收集的个人信息与最近一次扫描一致",
                    "The policy declares every permission, SDK and SDK-collected information the latest scan shows",
                    links,
                )
        for result in base(ctx, control):
            if result.subject_id not in judged:
                yield result

    return run


def _zh(gap) -> str:
    kind = {
        "permission_not_declared": "申请了未声明的权限",
        "sdk_not_listed": "嵌入的SDK未列入第三方清单",
        "sdk_pi_not_disclosed": "SDK收集的个人信息未披露",
    }.get(gap["kind"], gap["kind"])
    return f"{kind}（{gap['label']}）"


def _en(gap) -> str:
    return f"{gap['kind'].replace('_', ' ')} ({gap['subject']})"


@extend("NFRA-16.2")
def policy_complete(base):
    def run(ctx, control):
        by_app = _latest_policies(ctx, "app_id")
        for result in base(ctx, control):
            policy = by_app.get(result.subject_id) if result.subject_type == SubjectType.APP else None
            missing = [m for m in (policy.completeness if policy else []) if m["severity"] == "high"]
            if not missing:
                yield result
                continue
            zh = "隐私政策不完整：" + "；".join(m["label"]["zh"] for m in missing)
            en = "The privacy policy is incomplete: " + "; ".join(m["label"]["en"] for m in missing)
            if result.outcome == Outcome.FAIL:
                zh, en = result.zh + "；" + zh, result.en + "; " + en
            yield failed(
                result.subject_type,
                result.subject_id,
                result.subject_repr,
                zh,
                en,
                list(result.links) + _link(policy),
            )

    return run
