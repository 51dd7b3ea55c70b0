"""NFRA-10.1 (institution): the institution's OS-release register is followed: it holds releases that are
tracked now (not yet GA, or GA within two years), and each has an adaptation task for every live app on its
platform. An empty register (nothing tracked): failed.

NFRA-10.3 (per live app on a mobile OS): every adaptation task whose plans are due (the release's GA date has
come) has an adaptation plan and a contingency plan. A task not due yet passes with its due date named; a task
marked not applicable is left out. An app with no task (no tracked release of its platforms) is judged on
uploaded evidence (a statement that no adaptation is under way), as the catalogue says."""

from collections import defaultdict

from appgov.core.controls.registry import (
    SubjectType,
    check,
    failed,
    judge_on_evidence,
    not_applicable,
    passed,
)

from .models import AdaptationTask, OsPlatform
from .services import platform_apps, tracked_releases

APP, INSTITUTION = SubjectType.APP, SubjectType.INSTITUTION


@check("NFRA-10.1")
def releases_followed(ctx, control):
    inst = ctx.institution
    label = inst.name
    releases = tracked_releases(inst, ctx.today)
    if not releases:
        yield failed(
            INSTITUTION,
            inst.pk,
            label,
            "操作系统版本登记簿中没有正在跟踪的版本（未发布或两年内发布）",
            "The OS-release register holds no release tracked now (not yet GA, or GA within two years)",
            [{"label": "OS releases", "url": "/operations/os-releases/"}],
        )
        return
    missing = []
    for release in releases:
        have = set(release.tasks.values_list("app_id", flat=True))
        for app in platform_apps(inst, release.platform):
            if app.pk not in have:
                missing.append((release, app))
    if missing:
        names = "、".join(f"{r} / {a.name}" for r, a in missing[:6])
        yield failed(
            INSTITUTION,
            inst.pk,
            label,
            f"{len(missing)} 个操作系统版本与应用的组合缺少适配任务：{names}",
            f"{len(missing)} release/app pairs have no adaptation task: "
            + ", ".join(f"{r} / {a.code}" for r, a in missing[:6]),
            [{"label": "compatibility matrix", "url": "/operations/compatibility/"}],
        )
    else:
        yield passed(
            INSTITUTION,
            inst.pk,
            label,
            f"跟踪 {len(releases)} 个操作系统版本，每个版本对相关应用均有适配任务",
            f"{len(releases)} releases tracked, each with a task for every app on its platform",
            [{"label": "compatibility matrix", "url": "/operations/compatibility/"}],
        )


@check("NFRA-10.3")
def plans_before_ga(ctx, control):
    by_app = defaultdict(list)
    for task in AdaptationTask.objects.filter(
        voided_at__isnull=True, app__institution=ctx.institution
    ).select_related("release"):
        by_app[task.app_id].append(task)
    mobile = set(OsPlatform.values)
    evidence = {r.subject_id: r for r in judge_on_evidence(ctx, control) if r.subject_type == APP}
    for app in ctx.live_apps:
        label = f"{app.code} {app.name}"
        if not mobile & set(app.platforms or []):
            yield not_applicable(
                APP, app.pk, label, "应用不在移动操作系统上运行", "The app runs on no mobile OS"
            )
            continue
        tasks = [t for t in by_app.get(app.pk, []) if t.status != AdaptationTask.Status.NOT_APPLICABLE]
        if not tasks:
            if app.pk in evidence:
                yield evidence[app.pk]
            continue
        due = [t for t in tasks if t.due_on is not None and t.due_on <= ctx.today]
        problems = []
        for task in due:
            lacking = [
                (zh, en)
                for field, zh, en in (
                    ("plan", "改造方案", "adaptation plan"),
                    ("contingency_plan", "应急预案", "contingency plan"),
                )
                if not getattr(task, field).strip()
            ]
            if lacking:
                problems.append(
                    (
                        f"{task.release}（{task.due_on} 正式发布）缺少" + "、".join(z for z, _ in lacking),
                        f"{task.release} (GA {task.due_on}) has no " + " or ".join(e for _, e in lacking),
                        task,
                    )
                )
        links = [{"label": str(p[2].release), "url": p[2].get_absolute_url()} for p in problems[:5]]
        if problems:
            yield failed(
                APP,
                app.pk,
                label,
                "；".join(p[0] for p in problems[:6]),
                "; ".join(p[1] for p in problems[:6]),
                links,
            )
            continue
        pending = sorted((t for t in tasks if t not in due), key=lambda t: (t.due_on is None, t.due_on))
        zh = f"{len(due)} 个已到期的适配任务均有改造方案和应急预案"
        en = f"{len(due)} adaptation tasks due have both an adaptation plan and a contingency plan"
        if pending:
            nxt = pending[0]
            zh += f"；下一个：{nxt.release}，{nxt.due_on or '发布日期未定'} 前"
            en += f"; next: {nxt.release}, by {nxt.due_on or 'GA date not known'}"
        yield passed(
            APP,
            app.pk,
            label,
            zh,
            en,
            [{"label": str(t.release), "url": t.get_absolute_url()} for t in tasks[:5]],
        )
