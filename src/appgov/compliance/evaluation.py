"""Run the control catalogue over an institution: results, history, findings and the compliance calendar."""

import datetime
import json
from collections import Counter
from functools import cache
from importlib import resources

import yaml
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from appgov.core import changelog, progress
from appgov.core.context import current_request_id
from appgov.core.controls.context import EvaluationContext
from appgov.core.controls.periods import next_due
from appgov.core.controls.registry import Result, check_for
from appgov.core.models import ChangeLogEntry
from appgov.core.zones import institution_time

from . import findings as finding_service
from .catalogue import load_catalogue
from .models import ControlResult, ControlSummary, Evaluation, ScheduleItem
from .models.subjects import Outcome, SubjectType

FREQUENCY_ZH = {
    "daily": "每日",
    "monthly": "每月",
    "quarterly": "每季度",
    "annual": "每年",
    "triennial": "每三年",
}


@cache
def catalogue():
    return load_catalogue()


def control_or_none(control_id: str):
    cat = catalogue()
    return cat.by_id(control_id) if control_id in cat else None


@cache
def default_sla() -> dict[str, int]:
    return yaml.safe_load(
        resources.files("appgov.compliance").joinpath("sla.yaml").read_text(encoding="utf-8")
    )


def _label(control) -> str:
    return f"{control.id} {control.title_zh}"


def evidence_check(ctx: EvaluationContext, control) -> list[Result]:
    """For controls no module can judge from its data: valid evidence passes; otherwise say what to upload.

    Periodic controls also fail once the last evidence is older than their period.
    """
    results = []
    period = control.frequency or None
    for subject_type, subject_id, label, _obj in ctx.subjects(control.applies_to):
        on_record = ctx.evidence.get((control.id, subject_type, subject_id), [])
        rows = [e for e in on_record if e.counts]  # only evidence a second person accepted
        awaiting = [e for e in on_record if e.review_status == e.Review.PENDING]
        started = [e for e in rows if e.effective_on <= ctx.today]
        valid = [e for e in started if e.valid_on(ctx.today)]
        if period:
            # Calendar periods: done on 2024-02-29, an annual control is due by 2025-02-28 (not 365 days).
            valid = [e for e in valid if ctx.today <= next_due(e.effective_on, period)]
        links = [
            {"label": e.title, "url": reverse("compliance:evidence-download", args=[e.pk])} for e in valid[:3]
        ]
        if valid:
            results.append(
                Result(
                    subject_type,
                    subject_id,
                    label,
                    Outcome.PASS,
                    f"已有有效证明材料：{valid[0].title}（{valid[0].effective_on} 起）",
                    f"Valid evidence on record: {valid[0].title} (from {valid[0].effective_on})",
                    links,
                )
            )
        elif period and started:
            # Evidence dated in the future (a report already scheduled) does not hide that the last one is old.
            last = started[0].effective_on
            results.append(
                Result(
                    subject_type,
                    subject_id,
                    label,
                    Outcome.FAIL,
                    f"周期性要求已逾期：上次完成于 {last}，应{FREQUENCY_ZH[control.frequency]}一次。"
                    f"需要：{control.evidence_zh.rstrip('。')}。",
                    f"Overdue: last done on {last}, required {control.frequency}. Needed: {control.evidence_en}",
                )
            )
        else:
            if started:
                note_zh, note_en = "已有证明材料已过期。", " Earlier evidence has expired."
            elif rows:
                note_zh = f"已有证明材料尚未生效（{rows[-1].effective_on} 起）。"
                note_en = f" Evidence on record takes effect only on {rows[-1].effective_on}."
            else:
                note_zh, note_en = "", ""
            if awaiting:
                note_zh += f"已上传的证明材料待复核：{awaiting[0].title}。"
                note_en += f" Uploaded evidence awaits review: {awaiting[0].title}."
            results.append(
                Result(
                    subject_type,
                    subject_id,
                    label,
                    Outcome.EVIDENCE_NEEDED,
                    f"需要上传证明材料：{control.evidence_zh.rstrip('。')}。{note_zh}",
                    f"Evidence needed: {control.evidence_en.rstrip('.')}.{note_en}",
                )
            )
    return results


def run_control(ctx: EvaluationContext, control) -> list[Result]:
    if control.applies_to == SubjectType.REGULATOR:
        return [
            Result(
                SubjectType.INSTITUTION,
                ctx.institution.pk,
                ctx.institution.name,
                Outcome.NOT_APPLICABLE,
                "监管机构职责，不对金融机构评价；由监管端记录。",
                "An obligation of the regulator, not evaluated for institutions; recorded on the supervision side.",
            )
        ]
    check = check_for(control.id)
    results = list(check(ctx, control)) if check else evidence_check(ctx, control)
    return [weigh_evidence_needed(ctx, control, result) for result in results]


def grace_ends_on(ctx: EvaluationContext, control, subject_type: str, subject_id: int) -> datetime.date:
    """Last day a subject may stay "evidence needed": grace_days after the later of the subject's
    registration in AppGov and the control's first evaluation for this institution."""
    starts = [ctx.control_introduced_on.get(control.id, ctx.today)]
    registered = _registered_on(ctx, subject_type, subject_id)
    if registered is not None:
        starts.append(registered)
    return max(starts) + datetime.timedelta(days=control.grace_days)


def weigh_evidence_needed(ctx: EvaluationContext, control, result: Result) -> Result:
    """A control that cannot be judged is not a pass, and after its grace period it is a failure."""
    if result.outcome != Outcome.EVIDENCE_NEEDED:
        return result
    ends = grace_ends_on(ctx, control, result.subject_type, result.subject_id)
    if ctx.today <= ends:
        return Result(
            result.subject_type,
            result.subject_id,
            result.subject_repr,
            Outcome.EVIDENCE_NEEDED,
            f"{result.zh.rstrip('。')}。宽限期至 {ends}，逾期未提供即为不符合。",
            f"{result.en.rstrip('.')}. Grace period until {ends}; after it this is a failure.",
            result.links,
        )
    return Result(
        result.subject_type,
        result.subject_id,
        result.subject_repr,
        Outcome.FAIL,
        f"宽限期（{control.grace_days} 天）已于 {ends} 届满，仍无法判定：{result.zh}",
        f"Grace period ({control.grace_days} days) ended on {ends} and this still cannot be judged: {result.en}",
        result.links,
    )


def _registered_on(ctx: EvaluationContext, subject_type: str, subject_id: int) -> datetime.date | None:
    """The day the subject was registered in AppGov (None for the institution itself)."""
    if subject_type == SubjectType.APP:
        subject = ctx.app_by_id.get(subject_id)
    elif subject_type == SubjectType.APP_VERSION:
        subject = ctx.version_by_id.get(subject_id)
    else:
        return None
    created = getattr(subject, "created_at", None)
    return timezone.localdate(created) if created else None


def evaluate(
    institution, trigger: str = Evaluation.Trigger.MANUAL, today: datetime.date | None = None
) -> Evaluation:
    today = today or timezone.localdate()
    now = timezone.now()
    cat = catalogue()
    ctx = EvaluationContext(institution, today)
    computed: dict[tuple, tuple] = {}
    total = len(cat.controls)
    for done, control in enumerate(cat.controls):
        progress.report(
            80 * done // max(total, 1),
            gettext_noop("Checking %(control)s (%(done)d of %(total)d controls)"),
            control=control.id,
            done=done + 1,
            total=total,
        )
        for result in run_control(ctx, control):
            computed[(control.id, result.subject_type, result.subject_id)] = (control, result)
    with transaction.atomic():
        evaluation = Evaluation.objects.create(
            institution=institution,
            trigger=trigger,
            catalogue_version=cat.version,
            started_at=now,
            request_id=current_request_id() or "",
        )
        progress.report(82, gettext_noop("Storing %(n)d results"), n=len(computed))
        _store_results(institution, evaluation, computed, now)
        _store_summaries(evaluation, computed, cat)
        progress.report(92, gettext_noop("Updating findings and the compliance calendar"))
        finding_service.sync_findings(institution, computed, ctx, today)
        _sync_schedule(institution, ctx, cat, today)
        evaluation.finished_at = timezone.now()
        evaluation.counts = dict(Counter(result.outcome for _c, result in computed.values()))
        evaluation.save(update_fields=["finished_at", "counts"])
        # logged as one entry (its results are derived): who evaluated when, and what came out; this also
        # moves the change-log head, so cached pages that show results are rebuilt
        changelog.record(evaluation, ChangeLogEntry.Action.CREATE, None, changelog.snapshot(evaluation))
    return evaluation


RESULT_FIELDS = ("subject_repr", "outcome", "explanation_zh", "explanation_en", "links")


def _store_results(institution, evaluation, computed, now) -> None:
    # Plain tuples, not model instances: the comparison reads every result of the institution (58,000 for
    # 1,000 apps) and building instances would cost more than the checks themselves.
    existing = {
        (control_id, subject_type, subject_id): (pk, fields)
        for pk, control_id, subject_type, subject_id, *fields in ControlResult.objects.filter(
            institution=institution
        ).values_list("pk", "control_id", "subject_type", "subject_id", *RESULT_FIELDS)
    }
    to_create, outcome_changed, text_changed = [], [], []
    for key, (_control, result) in computed.items():
        values = [result.subject_repr[:300], result.outcome, result.zh, result.en, result.links]
        old = existing.pop(key, None)
        if old is None:
            to_create.append((*key, *values))
        elif old[1] != values:
            row = ControlResult(
                pk=old[0],
                evaluation=evaluation,
                evaluated_at=now,
                changed_at=now,
                **dict(zip(RESULT_FIELDS, values, strict=True)),
            )
            # "Result since" moves only when the outcome changes, not when its wording does.
            (outcome_changed if old[1][1] != result.outcome else text_changed).append(row)
    _insert_results(institution, evaluation, now, to_create)
    # Updates keep their batches: bulk_update's CASE WHEN costs rows x rows per statement.
    updated = [*RESULT_FIELDS, "evaluation", "evaluated_at"]
    ControlResult.objects.bulk_update(outcome_changed, [*updated, "changed_at"], batch_size=2000)
    ControlResult.objects.bulk_update(text_changed, updated, batch_size=2000)
    if existing:
        ControlResult.objects.filter(pk__in=[pk for pk, _fields in existing.values()]).delete()
    # Unchanged rows are not rewritten: `evaluated_at` is when a row last changed; the latest Evaluation's
    # finish time says when every current result was last confirmed (saves rewriting every row each run).


def _insert_results(institution, evaluation, now, rows) -> None:
    """New results in one statement (control_id, subject_type, subject_id, *RESULT_FIELDS per row).

    bulk_create spends most of a first evaluation (58,000 rows for 1,000 apps) building model instances and
    SQL, and on SQLite it splits into a statement per 83 rows (Django's 999-parameter cap). Values are
    adapted by the fields themselves, the constant ones once.
    """
    if not rows:
        return
    meta = ControlResult._meta
    fields = ["institution", "evaluation", "changed_at", "evaluated_at", "control_id", "subject_type"]
    fields += ["subject_id", *RESULT_FIELDS]
    stamp = meta.get_field("changed_at").get_db_prep_save(now, connection)
    links = meta.get_field("links")
    constant = (institution.pk, evaluation.pk, stamp, stamp)
    # str(): subject types and outcomes come as TextChoices members; the driver gets their plain values.
    params = [
        (
            *constant,
            str(cid),
            str(stype),
            sid,
            srepr,
            str(outcome),
            zh,
            en,
            lk,
        )
        for cid, stype, sid, srepr, outcome, zh, en, lk in rows
    ]
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(
        quote(meta.db_table), ", ".join(quote(meta.get_field(name).column) for name in fields)
    )
    one_row = "({})".format(", ".join(["%s"] * len(fields)))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # In-process: executemany reuses one prepared statement and has no parameter cap.
            cursor.executemany(
                head + one_row, [(*p[:-1], links.get_db_prep_save(p[-1], connection)) for p in params]
            )
        else:
            # PostgreSQL: one statement with one array per column (a 58,000-row VALUES list takes the
            # driver and the server seconds to build and parse; executemany would be a round trip per row).
            columns = list(zip(*params, strict=True))
            types = ["text", "text", "bigint", "text", "text", "text", "text", "text"]
            cursor.execute(
                head.replace(" VALUES ", " ")
                + "SELECT %s, %s, %s::timestamptz, %s::timestamptz, u.a, u.b, u.c, u.d, u.e, u.f, u.g, u.h::jsonb"
                + " FROM unnest({}) AS u(a, b, c, d, e, f, g, h)".format(
                    ", ".join(f"%s::{t}[]" for t in types)
                ),
                [*constant, *(list(col) for col in columns[4:11]), [json.dumps(lk) for lk in columns[11]]],
            )


def _store_summaries(evaluation, computed, cat) -> None:
    counts: dict[str, Counter] = {c.id: Counter() for c in cat.controls}
    for (control_id, _t, _i), (_c, result) in computed.items():
        counts[control_id][result.outcome] += 1
    ControlSummary.objects.bulk_create(
        [
            ControlSummary(
                evaluation=evaluation,
                control_id=cid,
                passed=c[Outcome.PASS],
                failed=c[Outcome.FAIL],
                not_applicable=c[Outcome.NOT_APPLICABLE],
                evidence_needed=c[Outcome.EVIDENCE_NEEDED],
            )
            for cid, c in counts.items()
        ]
    )


def _sync_schedule(institution, ctx, cat, today) -> None:
    """One calendar entry per periodic control and subject; due = last evidence + period (or today if never done)."""
    existing = {
        (s.control_id, s.subject_type, s.subject_id): s
        for s in ScheduleItem.objects.filter(institution=institution)
    }
    create, update, keep = [], [], set()
    for control in cat.controls:
        period = control.frequency or None
        if control.method != "periodic" or not period or control.applies_to == SubjectType.REGULATOR:
            continue
        for subject_type, subject_id, label, _obj in ctx.subjects(control.applies_to):
            key = (control.id, subject_type, subject_id)
            keep.add(key)
            rows = [e for e in ctx.evidence.get(key, []) if e.counts and e.effective_on <= today]
            last = rows[0].effective_on if rows else None
            due = next_due(last, period) if last else grace_ends_on(ctx, control, subject_type, subject_id)
            item = existing.get(key)
            if item is None:
                create.append(
                    ScheduleItem(
                        institution=institution,
                        control_id=control.id,
                        subject_type=subject_type,
                        subject_id=subject_id,
                        subject_repr=label[:300],
                        last_done_on=last,
                        due_on=due,
                    )
                )
            elif (item.last_done_on, item.due_on, item.subject_repr) != (last, due, label[:300]):
                item.last_done_on, item.due_on, item.subject_repr = last, due, label[:300]
                update.append(item)
    ScheduleItem.objects.bulk_create(create)  # one statement where the backend allows (see _store_results)
    ScheduleItem.objects.bulk_update(update, ["last_done_on", "due_on", "subject_repr"], batch_size=2000)
    stale = [s.pk for k, s in existing.items() if k not in keep]
    if stale:
        ScheduleItem.objects.filter(pk__in=stale).delete()


def evaluate_all_institutions() -> str:
    """Daily job: evaluate every institution, reopen expired risk acceptances."""
    from appgov.core.models import Institution

    done = 0
    for institution in Institution.objects.all():
        evaluate_institution_nightly(institution)
        done += 1
    return f"{done} institutions evaluated"


def evaluate_institution_nightly(institution) -> str:
    """The nightly job of one institution (run at its own night by the scheduler): reopen its expired risk
    acceptances, then evaluate it."""
    with institution_time(institution), progress.tracking(institution.pk, "evaluation"):
        # in the institution's zone: its "today" for deadlines, grace periods and acceptances
        finding_service.reopen_expired_acceptances(institution, timezone.localdate())
        evaluation = evaluate(institution, Evaluation.Trigger.DAILY)
    return f"evaluation {evaluation.pk}"
