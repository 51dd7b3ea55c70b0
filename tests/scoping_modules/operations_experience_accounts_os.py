"""The operations module's experience assessments, operating accounts and OS compatibility (issue 17 items 4-6);
metrics and rationalisation are in operations.py."""

from .route import Route

ROUTES = {
    "operations:index": Route("list", reg_read=True),
}
FACTORY_KEYS = ""


def build_b(world) -> dict:
    return {}


# ---- ops-b (issue 17 items 4-6): experience, accounts, OS compatibility -----------------------------------
OBJ_READ = dict(kind="object", reg_read=True, shows_b=True)
LIST_B = dict(kind="list", reg_read=True, shows_b=True)
_OPS_B_OBJECTS = {
    "assessment": "oassess",
    "itemresult": "oitem",
    "account": "oaccount",
    "review": "oreview",
    "osrelease": "orelease",
    "requirement": "orequire",
    "task": "otask",
    "result": "oresult",
}
_OPS_B_PAGES = {"assessment", "account", "osrelease", "requirement", "task"}  # list + detail pages
for _name, _key in _OPS_B_OBJECTS.items():
    ROUTES[f"operations:{_name}-add"] = Route("list")
    ROUTES[f"operations:{_name}-edit"] = Route("object", obj=_key)
    ROUTES[f"operations:{_name}-delete"] = Route("object", obj=_key)  # the void page (issue 12 item 1)
    if _name in _OPS_B_PAGES:
        ROUTES[f"operations:{_name}-list"] = Route(**LIST_B)
        ROUTES[f"operations:{_name}-detail"] = Route(obj=_key, **OBJ_READ)
    ROUTES[f"operations-{_name}-list"] = Route(**LIST_B)
    ROUTES[f"operations-{_name}-detail"] = Route(obj=_key, **OBJ_READ)
    ROUTES[f"operations-{_name}-history"] = Route("object", obj=_key, reg_read=True)
ROUTES["operations-itemresult-evidence"] = Route("object", obj="oitem", reg_read=True)
ROUTES["operations:compatibility"] = Route(**LIST_B, query=("platform=android", "state=untested", "q=手机银行"))
ROUTES["operations:compatibility-xlsx"] = Route("list", reg_read=True)
ROUTES["operations:osrelease-sync"] = Route("list")
FACTORY_KEYS += " " + " ".join(_OPS_B_OBJECTS.values())
PREPARE = {
    f"appgov.operations.{part}": "otask"
    for part in ("views.experience", "views.accounts", "views.compat", "api.experience", "api.compat")
}


def _build_b_ops_b(world) -> dict:
    import datetime

    from django.core.files.base import ContentFile

    from appgov.operations import services

    b, actor = world.b, world.b.office_user
    person = b.people["P001"]
    assessment = services.assessments.create(
        actor,
        {
            "app": b.app,
            "major_version": 1,
            "assessed_on": datetime.date(2026, 1, 5),
            "assessor": person,
            "note": "ZQX",
        },
    )
    item = services.item_results.create(
        actor,
        {
            "assessment": assessment,
            "item": "care_mode",
            "result": "met",
            "evidence": ContentFile(b"ZQX evidence", name="zqx-care.txt"),
            "note": "ZQX",
        },
    )
    account = services.accounts.create(
        actor,
        {
            "app": b.app,
            "kind": "console",
            "system": "ZQX后台",
            "account_name": "ZQX-console",
            "owner": person,
        },
    )
    review = services.reviews.create(
        actor,
        {
            "account": account,
            "reviewed_on": datetime.date(2026, 1, 6),
            "reviewer": person,
            "outcome": "confirmed",
            "note": "ZQX",
        },
    )
    release = services.releases.create(
        None,
        {"institution": b.inst, "platform": "android", "version": "ZQX 99", "api_level": 99, "source": "ZQX"},
    )
    requirement = services.requirements.create(
        None,
        {
            "institution": b.inst,
            "distributor": "ZQX商店",
            "platform": "android",
            "min_target_api": 30,
            "source": "ZQX",
        },
    )
    task = services.tasks.create(actor, {"app": b.app, "release": release, "plan": "ZQX plan"})
    result = services.results.create(
        actor, {"task": task, "device": "ZQX phone", "os_build": "ZQX 99", "outcome": "passed"}
    )
    return {
        "oassess": assessment.pk,
        "oitem": item.pk,
        "oaccount": account.pk,
        "oreview": review.pk,
        "orelease": release.pk,
        "orequire": requirement.pk,
        "otask": task.pk,
        "oresult": result.pk,
    }


_build_b_before_ops_b = build_b


def build_b(world) -> dict:  # noqa: F811  (ops-a's objects and ops-b's)
    return {**_build_b_before_ops_b(world), **_build_b_ops_b(world)}


def state(inst):
    from appgov.operations.models import (
        AccountReview,
        AdaptationTask,
        CompatTestResult,
        ExperienceAssessment,
        ExperienceItemResult,
        OperatingAccount,
        OsRelease,
        PlatformRequirement,
    )

    return [
        sorted(m.objects.filter(**{m.institution_path: inst}).values_list("pk", flat=True))
        + [str(sorted(m.objects.filter(**{m.institution_path: inst}).values()))]
        for m in (
            ExperienceAssessment,
            ExperienceItemResult,
            OperatingAccount,
            AccountReview,
            OsRelease,
            PlatformRequirement,
            AdaptationTask,
            CompatTestResult,
        )
    ]
