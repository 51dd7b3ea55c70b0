"""NFRA-06.2 (per live app): an experience assessment of the app's current major version (the highest major of
its supported versions) answers every item of data/experience_items.yaml; each item is met with an evidence
file, or not applicable with the reason. No assessment of the current major version: failed (an older major's
assessment is named as out of date); an item not met, not answered or without evidence: failed, naming it. An
app without any version cannot be placed on a major version: evidence needed."""

from appgov.core.controls.registry import SubjectType, check, evidence_needed, failed, passed

from .datafiles import experience_items
from .models import ExperienceAssessment, ExperienceItemResult
from .services import major_of

APP = SubjectType.APP


def _link(assessment) -> list[dict]:
    return [{"label": f"assessment #{assessment.pk}", "url": assessment.get_absolute_url()}]


@check("NFRA-06.2")
def experience_assessed(ctx, control):
    catalogue = experience_items()
    by_app = {}
    for a in ExperienceAssessment.objects.filter(
        voided_at__isnull=True, app__institution=ctx.institution
    ).prefetch_related("items"):
        by_app.setdefault(a.app_id, {})[a.major_version] = a
    for app in ctx.live_apps:
        label = f"{app.code} {app.name}"
        majors = [
            major_of(v.version_name)
            for v in ctx.versions_by_app.get(app.pk, [])
            if v.support_status != "retired"
        ]
        majors = [m for m in majors if m is not None]
        if not majors:
            yield evidence_needed(
                APP,
                app.pk,
                label,
                "该应用没有登记版本，无法确定需评估的主版本",
                "The app has no version to assess",
            )
            continue
        major = max(majors)
        mine = by_app.get(app.pk, {})
        assessment = mine.get(major)
        if assessment is None:
            older = sorted(m for m in mine if m < major)
            zh = f"当前主版本 {major} 尚无适老化及未成年人保护评估"
            en = f"No elderly-friendly and minor-protection assessment of the current major version {major}"
            if older:
                zh += f"（最近一次评估针对 {older[-1]}.x，已不再适用）"
                en += f" (the latest one assessed {older[-1]}.x and is no longer current)"
            yield failed(APP, app.pk, label, zh, en, _link(mine[older[-1]]) if older else [])
            continue
        answered = {r.item: r for r in assessment.items.all() if r.voided_at is None}
        problems = []
        for item in catalogue["items"]:
            result = answered.get(item["code"])
            if result is None:
                problems.append((f"{item['zh']}：未评估", f"{item['en']}: not assessed"))
            elif result.result == ExperienceItemResult.Result.NOT_MET:
                problems.append((f"{item['zh']}：不满足", f"{item['en']}: not met"))
            elif result.result == ExperienceItemResult.Result.MET and not result.evidence:
                problems.append((f"{item['zh']}：缺少证明材料", f"{item['en']}: no evidence file"))
        if problems:
            yield failed(
                APP,
                app.pk,
                label,
                f"主版本 {major} 的评估：" + "；".join(p[0] for p in problems[:6]),
                f"Assessment of major version {major}: " + "; ".join(p[1] for p in problems[:6]),
                _link(assessment),
            )
        else:
            yield passed(
                APP,
                app.pk,
                label,
                f"主版本 {major} 已于 {assessment.assessed_on} 完成评估，{len(catalogue['items'])} 项均满足或有理由不适用",
                f"Major version {major} assessed on {assessment.assessed_on}; all {len(catalogue['items'])} items met or justified as not applicable",
                _link(assessment),
            )
