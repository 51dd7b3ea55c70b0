"""Demo data of items 4-6 of issue 17 for the demo bank: its first two mobile apps, the first of which passes
NFRA-06.2, 09.2 and 10.3 and the second fails them; the bank passes NFRA-10.1, the insurer (register loaded, no
tasks opened) fails it. The demo adds one release of its own, marked as invented for the demo."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone


def load_operations_demo():
    from appgov.core.models import Institution, Person
    from appgov.ledger.models import MobileApp
    from appgov.users.models import User

    from . import services
    from .models import ExperienceAssessment

    if ExperienceAssessment.objects.exists():
        return
    bank = Institution.objects.filter(code="HZCB").first()
    insurer = Institution.objects.filter(code="XHLIFE").first()
    if bank is None:
        return
    actor = User.objects.filter(institution=bank, role="governance_office").first()
    today = timezone.localdate()
    if insurer is not None:
        services.load_register(insurer)
    services.load_register(bank)
    services.releases.create(
        None,
        {
            "institution": bank,
            "platform": "android",
            "version": "演示版本（虚构）",
            "api_level": 37,
            "beta_on": today - datetime.timedelta(days=30),
            "ga_on": today + datetime.timedelta(days=60),
            "source": "演示数据：虚构的版本和日期，仅用于演示适配任务",
        },
    )
    services.ensure_tasks(bank)
    apps = [
        a
        for a in MobileApp.objects.filter(institution=bank).exclude(state="retired").order_by("code")
        if {"android", "ios"} & set(a.platforms or []) and a.versions.exists()
    ][:2]
    if len(apps) < 2:
        return
    good, bad = apps
    people = list(Person.objects.filter(institution=bank, left_on__isnull=True).order_by("employee_no"))
    leaver = Person.objects.filter(institution=bank, left_on__isnull=False).first() or people[-1]
    _experience(good, bad, people, today, actor)
    _accounts(good, bad, people, leaver, today, actor)
    _adaptation(good, bad, people, today, actor)


def _experience(good, bad, people, today, actor):
    from . import services
    from .datafiles import experience_items

    major = services.current_major(good)
    assessment = services.assessments.create(
        actor,
        {
            "app": good,
            "major_version": major,
            "assessed_on": today - datetime.timedelta(days=20),
            "assessor": people[0],
        },
    )
    for item in experience_items()["items"]:
        data = {"assessment": assessment, "item": item["code"], "result": "met"}
        if item["group"] == "minors" and item["code"] == "minors_content":
            data.update(result="not_applicable", note="本应用不推送资讯内容，仅办理账户业务")
        else:
            data["evidence"] = ContentFile(
                f"{item['zh']} 自评截图与说明".encode(), name=f"{item['code']}.txt"
            )
        services.item_results.create(actor, data)
    old_major = max((services.current_major(bad) or 2) - 1, 1)
    services.assessments.create(
        actor,
        {
            "app": bad,
            "major_version": old_major,
            "assessed_on": today - datetime.timedelta(days=400),
            "assessor": people[0],
        },
    )


def _accounts(good, bad, people, leaver, today, actor):
    from . import services

    for pub in good.publishing_accounts.all():
        services.accounts.create(
            actor,
            {
                "app": good,
                "kind": "publishing",
                "publishing_account": pub,
                "account_name": pub.account_name,
                "owner": people[0],
                "second_admin": people[1],
                "last_reviewed_on": today - datetime.timedelta(days=30),
            },
        )
    console = services.accounts.create(
        actor,
        {
            "app": good,
            "kind": "console",
            "system": "应用运营管理后台",
            "account_name": "ops-admin",
            "owner": people[1],
            "second_admin": people[2],
        },
    )
    services.reviews.create(
        actor,
        {
            "account": console,
            "reviewed_on": today - datetime.timedelta(days=10),
            "reviewer": people[0],
            "outcome": "confirmed",
        },
    )
    services.accounts.create(
        actor,
        {
            "app": bad,
            "kind": "console",
            "system": "推送运营平台",
            "account_name": "push-admin",
            "owner": leaver,
        },
    )


def _adaptation(good, bad, people, today, actor):
    from . import services
    from .models import AdaptationTask

    for task in AdaptationTask.objects.filter(app=good).select_related("release"):
        services.tasks.update(
            task,
            actor,
            {
                "status": "in_progress",
                "owner": people[0],
                "plan": f"{task.release} 适配：梳理行为变更清单，升级 targetSdk/SDK，回归核心交易流程。",
                "contingency_plan": "发现阻断问题时下架灰度包并推送兼容提示，保留旧版本通道。",
            },
        )
        for device, outcome in (
            ("华为 Mate 60", "passed"),
            ("小米 14", "passed" if task.release.ga_on else "untested"),
        ):
            services.results.create(
                actor,
                {
                    "task": task,
                    "device": device,
                    "os_build": str(task.release.version),
                    "outcome": outcome,
                    "tested_on": today,
                },
            )
    failing = AdaptationTask.objects.filter(app=bad).first()
    if failing is not None:
        services.results.create(
            actor,
            {
                "task": failing,
                "device": "iPhone 15",
                "os_build": str(failing.release.version),
                "outcome": "failed",
                "tested_on": today,
            },
        )
