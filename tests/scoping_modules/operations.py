"""The operations module (appgov.operations): every page and API route, and B's operations records (names carry
the marker ZQX)."""

import datetime

from .route import Route

LIST_B = dict(kind="list", reg_read=True, shows_b=True)
OBJ_READ = dict(kind="object", reg_read=True, shows_b=True)

ROUTES = {
    "operations:index": Route("list", reg_read=True),
    "operations:metrics": Route(**LIST_B),
    "operations:metrics-upload": Route("list"),
    "operations:app-metrics": Route(obj="oapp", **OBJ_READ),
    "operations:upload-list": Route(**LIST_B),
    "operations:upload-detail": Route("object", obj="oupload", reg_read=True),
    "operations:threshold-list": Route(**LIST_B),
    "operations:threshold-detail": Route(obj="othreshold", **OBJ_READ),
    "operations:threshold-add": Route("list"),
    "operations:threshold-edit": Route("object", obj="othreshold"),
    "operations:threshold-delete": Route("object", obj="othreshold"),  # the void page (issue 12 item 1)
    "operations:breach-list": Route(**LIST_B, query=("status=open", "app=手机银行")),
    "operations:breach-detail": Route(obj="obreach", **OBJ_READ),
    "operations:breach-handle": Route("object", obj="obreach"),
    "operations:functions-list": Route(**LIST_B),
    "operations:functions-detail": Route(obj="ofunctions", **OBJ_READ),
    "operations:functions-add": Route("list"),
    "operations:functions-edit": Route("object", obj="ofunctions"),
    "operations:candidate-list": Route(**LIST_B, query=("status=decided", "reason=low_activity")),
    "operations:candidate-detail": Route(obj="ocandidate", **OBJ_READ),
    "operations:candidates-run": Route("list"),
    "operations:candidate-decide": Route("object", obj="ocandidate"),
    "operations:decision-complete": Route("object", obj="odecision"),
    "operations:rationalisation-pdf": Route("list", reg_read=True),
    "operations:rationalisation-xlsx": Route("list", reg_read=True),
    # API
    "operations-metric-list": Route("list", reg_read=True),
    "operations-metric-detail": Route("object", obj="ometric", reg_read=True),
    "operations-metric-history": Route("object", obj="ometric", reg_read=True),
    "operations-metric-batch": Route("list"),
    "operations-upload-list": Route("list", reg_read=True),
    "operations-upload-detail": Route("object", obj="oupload", reg_read=True),
    "operations-upload-history": Route("object", obj="oupload", reg_read=True),
    "operations-upload-file": Route("list"),
    "operations-threshold-list": Route(**LIST_B),
    "operations-threshold-detail": Route(obj="othreshold", **OBJ_READ),
    "operations-threshold-history": Route("object", obj="othreshold", reg_read=True),
    "operations-breach-list": Route("list", reg_read=True),
    "operations-breach-detail": Route("object", obj="obreach", reg_read=True),
    "operations-breach-history": Route("object", obj="obreach", reg_read=True),
    "operations-breach-handle": Route("object", obj="obreach"),
    "operations-functions-list": Route(**LIST_B),
    "operations-functions-detail": Route(obj="ofunctions", **OBJ_READ),
    "operations-functions-history": Route("object", obj="ofunctions", reg_read=True),
    "operations-candidate-list": Route("list", reg_read=True),
    "operations-candidate-detail": Route("object", obj="ocandidate", reg_read=True),
    "operations-candidate-history": Route("object", obj="ocandidate", reg_read=True),
    "operations-decision-list": Route(**LIST_B),
    "operations-decision-detail": Route(obj="odecision", **OBJ_READ),
    "operations-decision-history": Route("object", obj="odecision", reg_read=True),
    "operations-decision-complete": Route("object", obj="odecision"),
}
FACTORY_KEYS = "oapp oupload othreshold obreach ofunctions ocandidate odecision ometric"
PREPARE = {"appgov.operations": "oupload"}


def build_b(world) -> dict:
    """B's figures (a low-activity app with a crash spike), a threshold it breaches, its function catalogue, the
    candidate the run finds and the office's decision on it, all through the services (logged)."""
    from django.utils import timezone

    from appgov.operations import services
    from appgov.operations.models import Breach, Candidate, DailyMetric

    b, actor = world.b, world.b.office_user
    today = timezone.localdate()
    rows = []
    for n in range(1, 40):
        day = (today - datetime.timedelta(days=n)).isoformat()
        rows += [
            {"app": b.app.code, "day": day, "metric": "mau", "value": 200},
            {"app": b.app.code, "day": day, "metric": "crash_rate", "value": 5.0 if n == 1 else 0.3},
        ]
    upload = services.metrics.receive_json(b.inst, actor, {"rows": rows})
    threshold = services.thresholds.thresholds.create(
        actor,
        {
            "name": "ZQX崩溃率上限",
            "metric": "crash_rate",
            "comparison": "above",
            "limit": 2.0,
            "period": "day",
        },
    )
    services.thresholds.evaluate(b.inst, today)
    functions = services.functions.create(actor, {"app": b.app, "functions": ["claims"], "note": "ZQX理赔"})
    services.rationalisation.run(b.inst, today)
    candidate = Candidate.objects.get(app=b.app)
    decision = services.decisions.create(
        actor,
        {
            "candidate": candidate,
            "kind": "optimise",
            "justification": "ZQX优化获客",
            "owner": b.people["P001"],
            "deadline": today + datetime.timedelta(days=30),
        },
    )
    return {
        "oapp": b.app.pk,
        "oupload": upload.pk,
        "othreshold": threshold.pk,
        "obreach": Breach.objects.get(threshold=threshold).pk,
        "ofunctions": functions.pk,
        "ocandidate": candidate.pk,
        "odecision": decision.pk,
        "ometric": DailyMetric.objects.filter(app=b.app).first().pk,
    }


def state(inst):
    from appgov.core import changelog
    from appgov.operations.models import (
        AppFunctions,
        Breach,
        Candidate,
        DailyMetric,
        Decision,
        MetricUpload,
        Threshold,
    )

    rows = []
    for model in (MetricUpload, Threshold, Breach, AppFunctions, Candidate, Decision):
        path = model.institution_path
        rows.append(sorted(str(changelog.snapshot(o)) for o in model.objects.filter(**{path: inst})))
    rows.append(
        sorted(
            DailyMetric.objects.filter(app__institution=inst).values_list("app_id", "day", "metric", "value")
        )
    )
    return rows
