"""Read-side views of compliance results, scoped to an institution the user may see."""

from collections import Counter, defaultdict

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import extensions
from appgov.core.models import Institution
from appgov.core.params import as_id
from appgov.core.scoping import scoped
from appgov.ledger.models import AppVersion, MobileApp

from .evaluation import catalogue, control_or_none
from .findings import overdue
from .models import ControlResult, ControlSummary, Evaluation, Finding, ScheduleItem
from .models.subjects import Outcome, SubjectType

OUTCOME_SCORE = {Outcome.PASS: 3, Outcome.NOT_APPLICABLE: 2, Outcome.EVIDENCE_NEEDED: 1, Outcome.FAIL: 0}


def institution_for(user, requested_id=None) -> Institution:
    """The institution a page is about: the user's own, or one of a regulator's jurisdiction."""
    institutions = scoped(Institution, user)
    if requested_id:
        if as_id(requested_id) is None:
            raise BadRequest(_("The parameter “%(name)s” must be a record number.") % {"name": "institution"})
        inst = institutions.filter(pk=as_id(requested_id)).first()
        if inst is None:
            raise Http404
        return inst
    inst = institutions.order_by("code").first()
    if inst is None:
        raise Http404
    return inst


def compliance_rate(counts) -> int | None:
    """Percent of applicable results that pass; "evidence needed" counts as not compliant (None if none apply)."""
    applicable = counts[Outcome.PASS] + counts[Outcome.FAIL] + counts[Outcome.EVIDENCE_NEEDED]
    return round(100 * counts[Outcome.PASS] / applicable) if applicable else None


def article_of(control_id: str) -> str:
    return control_id.split(".")[0]


def dashboard(institution) -> dict:
    cat = catalogue()
    results = list(
        ControlResult.objects.filter(institution=institution).values_list(
            "control_id", "subject_type", "subject_id", "subject_repr", "outcome"
        )
    )
    by_article: dict[str, Counter] = defaultdict(Counter)
    for control_id, _t, _i, _r, outcome in results:
        by_article[article_of(control_id)][outcome] += 1
    articles = []
    for key in dict.fromkeys(article_of(c.id) for c in cat.controls):
        counts = by_article.get(key, Counter())
        articles.append(
            {
                "article": key,
                "pass": counts[Outcome.PASS],
                "fail": counts[Outcome.FAIL],
                "evidence": counts[Outcome.EVIDENCE_NEEDED],
                "na": counts[Outcome.NOT_APPLICABLE],
                "rate": compliance_rate(counts),
            }
        )
    # Heatmap: app-level controls x apps (apps by name), worst outcome of the app and its versions.
    app_controls = [c.id for c in cat.controls]
    app_names: dict[int, str] = {}
    cells: dict[tuple[str, int], int] = {}
    version_app = dict(AppVersion.objects.filter(app__institution=institution).values_list("pk", "app_id"))
    for control_id, subject_type, subject_id, subject_repr, outcome in results:
        if subject_type == SubjectType.APP:
            app_id = subject_id
            app_names.setdefault(app_id, subject_repr)
        elif subject_type == SubjectType.APP_VERSION and subject_id in version_app:
            app_id = version_app[subject_id]
        else:
            continue
        score = OUTCOME_SCORE[outcome]
        key = (control_id, app_id)
        cells[key] = min(cells.get(key, score), score)
    used_controls = [c for c in app_controls if any((c, a) in cells for a in app_names)]
    apps = sorted(app_names.items(), key=lambda kv: kv[1])
    heatmap = {
        "controls": used_controls,
        "apps": [name for _pk, name in apps],
        "app_ids": [pk for pk, _name in apps],
        "cells": [
            [ci, ai, cells[(c, pk)]]
            for ci, c in enumerate(used_controls)
            for ai, (pk, _n) in enumerate(apps)
            if (c, pk) in cells
        ],
    }
    evaluations = list(
        Evaluation.objects.filter(institution=institution, finished_at__isnull=False).order_by("-started_at")[
            :30
        ]
    )
    trend_rows = ControlSummary.objects.filter(evaluation__in=evaluations).values_list(
        "evaluation_id", "passed", "failed", "evidence_needed"
    )
    totals: dict[int, Counter] = defaultdict(Counter)
    for eval_id, p, f, e in trend_rows:
        totals[eval_id].update({"pass": p, "fail": f, "evidence": e})
    trend = [
        # the axis label in the zone the pages show (the chart script shows it as it comes, never as UTC)
        {"at": timezone.localtime(ev.started_at).strftime("%Y-%m-%d %H:%M"), **totals[ev.pk]}
        for ev in reversed(evaluations)
    ]
    findings = Finding.objects.filter(institution=institution)
    return {
        "institution": institution,
        "app_count": MobileApp.objects.filter(institution=institution).count(),
        "catalogue_version": cat.version,
        "last_evaluation": evaluations[0] if evaluations else None,
        "totals": (totals := Counter(r[4] for r in results)),
        "rate": compliance_rate(totals),
        "articles": articles,
        "heatmap": heatmap,
        "trend": trend,
        "overdue": overdue(findings).order_by("due_on")[:20],
        "overdue_count": overdue(findings).count(),
        "open_count": findings.filter(
            status__in=[Finding.Status.OPEN, Finding.Status.IN_RECTIFICATION]
        ).count(),
        "calendar": ScheduleItem.objects.filter(institution=institution).order_by("due_on")[:15],
        "module_due": extensions.due_dates(institution, timezone.localdate())[:15],
        "today": timezone.localdate(),
    }


def app_results(app) -> list:
    version_ids = list(AppVersion.objects.filter(app=app).values_list("pk", flat=True))
    qs = ControlResult.objects.filter(institution_id=app.institution_id)
    rows = list(qs.filter(subject_type=SubjectType.APP, subject_id=app.pk)) + list(
        qs.filter(subject_type=SubjectType.APP_VERSION, subject_id__in=version_ids)
    )
    for row in rows:
        row.control = control_or_none(row.control_id)
    return sorted(rows, key=lambda r: (OUTCOME_SCORE[r.outcome], r.control_id))


def open_high_findings_by_app(institution) -> dict[int, list[str]]:
    """app id -> the controls of its open (or in rectification) high or critical findings (asked by operations' rationalisation
    through core.extensions; the findings of an app's versions count for the app)."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = Finding.objects.filter(
        institution=institution,
        status__in=[Finding.Status.OPEN, Finding.Status.IN_RECTIFICATION],
        severity__in=["high", "critical"],
    ).values_list("subject_type", "subject_id", "control_id")
    version_ids = [sid for kind, sid, _c in rows if kind == SubjectType.APP_VERSION]
    app_of = dict(AppVersion.objects.filter(pk__in=version_ids).values_list("pk", "app_id"))
    for kind, subject_id, control_id in rows:
        app_id = subject_id if kind == SubjectType.APP else app_of.get(subject_id)
        if app_id is not None:
            found[app_id].append(control_id)
    return dict(found)
