"""The daily query monitoring: export the engine's tables from the database, run the rules on DuckDB,
store the alerts and open one review worklist (日核查) per branch and day; dispositions and closing."""

import datetime
import logging
from collections import Counter, defaultdict

import duckdb
import pyarrow as pa
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from appgov.core import changelog, progress
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry, Department, Person
from appgov.core.zones import institution_time
from appgov.engines.querywatch import TABLES, QueryWatchError, run_rules
from appgov.engines.querywatch.coerce import coerce_table

from . import workcalendar
from .models import (
    AccountChange,
    Alert,
    AlertDisposition,
    Authorization,
    CreditAppConnection,
    Kiosk,
    MonitoringRun,
    QueryLogBatch,
    ReviewDay,
    StaffSubject,
)
from .policy import policy

log = logging.getLogger(__name__)
LOOKBACK_DAYS = 7  # earlier days give the burst baselines (Q08) and the windows across midnight their context
UNKNOWN_BRANCH = "—"
EARLIEST, LATEST = datetime.datetime(1900, 1, 1), datetime.datetime(9999, 1, 1)


def _naive(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    return datetime.datetime.combine(value, datetime.time())


def _table(name: str, rows: list[dict]) -> pa.Table:
    """Rows in the engine's column names, typed by its own coercion (same checks as an uploaded file)."""
    spec = TABLES[name]
    columns = {c.name: [r.get(c.name) for r in rows] for c in spec.columns}
    raw = pa.table(
        {k: pa.array([None if v is None else str(v) for v in vs], pa.string()) for k, vs in columns.items()}
    )
    return coerce_table(
        spec, raw, f"{name} (exported from the database)", lambda i: f"row {i + 1}", "Asia/Shanghai"
    )


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return str(value)


def operators_rows(institution) -> list[dict]:
    """One row per account state, [valid_from, valid_to), rebuilt from the applied (approved) changes."""
    rows = []
    changes = (
        AccountChange.objects.filter(account__institution=institution, status=AccountChange.Status.APPLIED)
        .select_related("account__person", "account__branch")
        .order_by("account_id", "decided_at", "id")
    )
    by_account = defaultdict(list)
    for change in changes:
        by_account[change.account].append(change)
    for account, items in by_account.items():
        periods = []  # [state, role, start]
        for change in items:
            at = _naive(change.decided_at)
            state, role = (periods[-1][0], periods[-1][1]) if periods else (None, account.role)
            if change.action == AccountChange.Action.CREATE:
                state, role = "active", change.new_role or account.role
            elif change.action == AccountChange.Action.DISABLE:
                state = "disabled"
            elif change.action == AccountChange.Action.ENABLE:
                state = "active"
            else:
                role = change.new_role
            if periods and periods[-1][2] == at:
                periods[-1] = [state, role, at]  # two changes in the same instant: the later one holds
            else:
                periods.append([state, role, at])
        for index, (state, role, start) in enumerate(periods):
            end = periods[index + 1][2] if index + 1 < len(periods) else None
            rows.append(
                {
                    "operator_id": account.operator_id,
                    "person_id": account.person.employee_no,
                    "branch_id": account.branch.code,
                    "role": role,
                    "status": state,
                    "valid_from": _text(start),
                    "valid_to": _text(end),
                    "password_changed_at": _text(_naive(account.password_changed_at)),
                }
            )
    return rows


def _moved_at(person, granted_department_id) -> datetime.datetime | None:
    """When the person left the department their account was granted in, from the change log."""
    entries = ChangeLogEntry.objects.filter(object_type="core.person", object_id=str(person.pk)).order_by(
        "-seq"
    )
    for entry in entries:
        before, after = entry.before or {}, entry.after or {}
        if (
            before.get("department_id") == granted_department_id
            and after.get("department_id") != granted_department_id
        ):
            return _naive(entry.timestamp)
    return None


def employees_rows(institution) -> list[dict]:
    pseudonyms = dict(
        StaffSubject.objects.filter(person__institution=institution).values_list(
            "person_id", "subject_pseudonym"
        )
    )
    granted = {}
    from .models import CreditAccount

    for account in CreditAccount.objects.filter(institution=institution).exclude(granted_department=None):
        granted[account.person_id] = account.granted_department_id
    rows = []
    for person in Person.objects.filter(voided_at__isnull=True, institution=institution).select_related(
        "department"
    ):
        moved = None
        if person.pk in granted and person.department_id != granted[person.pk]:
            moved = _moved_at(person, granted[person.pk]) or _naive(
                timezone.now() - datetime.timedelta(days=1)
            )
        rows.append(
            {
                # staff without a registered pseudonym get one that matches no subject: Q05 still sees them
                "subject_id": pseudonyms.get(person.pk, f"unregistered-staff:{person.employee_no}"),
                "person_id": person.employee_no,
                "branch_id": person.department.code if person.department_id else None,
                "left_at": _text(_naive(person.left_on)),
                "moved_at": _text(moved),
            }
        )
    return rows


def batch_tables(
    institution, start: datetime.datetime | None = None, end: datetime.datetime | None = None, upto_batch=None
) -> dict[str, pa.Table]:
    """The ingested tables (query log from ``start`` to ``end``, and the relationships and applications),
    each row once; ``upto_batch``: only the query-log batches up to that id (what a cycle has already seen)."""
    tables = {}
    con = duckdb.connect()
    try:
        for name in ("query_events", "credit_relationships", "loan_applications"):
            batches = QueryLogBatch.objects.filter(institution=institution, table=name)
            if upto_batch is not None and name == "query_events":
                batches = batches.filter(id__lte=upto_batch)
            paths = [b.parquet.path for b in batches]
            if not paths:
                tables[name] = _table(name, [])
                continue
            columns = ", ".join(f'"{c.name}"' for c in TABLES[name].columns)
            query = f"SELECT DISTINCT {columns} FROM read_parquet(?, union_by_name=true)"
            if name == "query_events":
                query += " WHERE ts >= ? AND ts < ?"
                bounds = [start or EARLIEST, end or LATEST]
                tables[name] = con.execute(query, [paths, *bounds]).to_arrow_table()
            else:
                tables[name] = con.execute(query, [paths]).to_arrow_table()
    finally:
        con.close()
    return tables


def reference_tables(institution, first_day: datetime.date, last_day: datetime.date) -> dict[str, pa.Table]:
    """Every input table of the engine but the ingested ones, as the registers stand now; the calendar
    covers ``first_day`` … ``last_day``."""
    tables = {}
    tables["operators"] = _table("operators", operators_rows(institution))
    tables["authorizations"] = _table(
        "authorizations",
        [
            {
                "authorization_id": a.authorization_no,
                "subject_id": a.subject_pseudonym,
                "purpose": a.purpose,
                "signed_at": _text(_naive(a.signed_at)),
                "valid_from": _text(_naive(a.valid_from)),
                "valid_to": _text(_naive(a.valid_to)),
                "branch_id": a.branch.code if a.branch_id else None,
            }
            for a in Authorization.objects.filter(institution=institution).select_related("branch")
        ],
    )
    tables["approved_apps"] = _table(
        "approved_apps",
        [
            {
                "client_app_id": c.client_app_id,
                "approved_from": _text(_naive(c.approved_from)),
                # approved through the whole last day
                "approved_to": _text(_naive(c.approved_to + datetime.timedelta(days=1)))
                if c.approved_to
                else None,
            }
            for c in CreditAppConnection.objects.filter(app__institution=institution)
            if c.approval_reference and c.approved_from
        ],
    )
    tables["employees"] = _table("employees", employees_rows(institution))
    tables["kiosks"] = _table(
        "kiosks",
        [
            {
                "terminal_id": k.terminal_id,
                "branch_id": k.branch.code,
                "network_segment": k.network_segment,
                "open_from": _text(k.open_from),
                "open_to": _text(k.open_to),
            }
            for k in Kiosk.objects.filter(institution=institution, in_service=True).select_related("branch")
            if k.network_segment and k.open_from and k.open_to
        ],
    )
    # every date of the window, resolved from the standard week and the dated exceptions (Q07)
    tables["calendar"] = _table("calendar", workcalendar.engine_rows(institution, first_day, last_day))
    return tables


def export_tables(institution, day: datetime.date) -> dict[str, pa.Table]:
    """Every input table of the engine for one institution, the query log limited to the lookback window."""
    start = datetime.datetime.combine(day - datetime.timedelta(days=LOOKBACK_DAYS), datetime.time())
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    return {
        **batch_tables(institution, start, end),
        **reference_tables(institution, day - datetime.timedelta(days=LOOKBACK_DAYS), day),
    }


def rules_override() -> dict:
    return {"rules": {"Q13": {"params": {"max_password_age_days": policy()["password_max_age_days"]}}}}


def run_day(institution, day: datetime.date) -> MonitoringRun:
    """Run every rule for one day; alerts of that day are stored once (by engine alert id) and each branch
    that queried that day gets its review worklist. A re-run keeps earlier dispositions.

    The nightly run is also the reconciling run of the real-time cycles: what they stored for the day is
    compared with what the whole day gives, the differences go in the run's summary ("reconcile") and to the
    log, and the day's alerts are completed (missing ones added, episodes brought to their full extent)."""
    run = MonitoringRun.objects.create(institution=institution, day=day, started_at=timezone.now())
    try:
        progress.report(10, gettext_noop("Reading the query logs of %(day)s"), day=day.isoformat())
        tables = export_tables(institution, day)
        progress.report(35, gettext_noop("Running the query rules"))
        result = run_rules(tables, rules_override(), "duckdb", threads=2, memory_limit="2GB")
    except QueryWatchError as exc:
        run.status, run.error, run.finished_at = MonitoringRun.Status.FAILED, str(exc)[:4000], timezone.now()
        run.save()
        progress.fail(run.error)
        return run
    progress.report(70, gettext_noop("Comparing with the real-time cycles"))
    events = tables["query_events"]
    day_start = datetime.datetime.combine(day, datetime.time())
    day_end = day_start + datetime.timedelta(days=1)
    branch_events = Counter()
    for ts, branch in zip(
        events.column("ts").to_pylist(), events.column("branch_id").to_pylist(), strict=True
    ):
        if day_start <= ts < day_end:
            branch_events[(day, branch)] += 1
    alerts = [a for a in result.alert_dicts() if day_start <= a["ts"] < day_end]
    from .reconcile import compare_with_cycles

    reconcile = compare_with_cycles(institution, day, alerts)
    progress.report(85, gettext_noop("Storing %(n)d alerts and the review worklists"), n=len(alerts))
    with transaction.atomic():
        new, _updated = store_alerts(run, institution, alerts, branch_events, counts_are_totals=True)
        finish(run, sum(branch_events.values()), len(alerts), len(new), result.summary)
        if reconcile is not None:
            run.summary = {**run.summary, "reconcile": reconcile}
            run.save(update_fields=["summary"])
    if reconcile is not None and reconcile["differences"]:
        log.warning(
            "credit reconcile %s %s: %d alerts differ between the real-time cycles and the nightly run",
            institution.code,
            day,
            reconcile["differences"],
        )
    return run


def finish(run, events: int, alerts: int, new: int, summary: dict) -> None:
    run.status, run.finished_at = MonitoringRun.Status.DONE, timezone.now()
    run.events, run.alerts, run.new_alerts = events, alerts, new
    run.summary = summary
    run.save()


def _review_days(institution, keys, branch_events, counts_are_totals, departments) -> dict:
    """The worklist of each (day, branch code), created when missing with the queries counted so far; a
    whole day's run sets the count of an existing one."""
    out = {}
    by_day = defaultdict(set)
    for day, code in keys:
        by_day[day].add(code)
    for day, codes in sorted(by_day.items()):
        stored = {
            rd.branch_code: rd
            for rd in ReviewDay.objects.filter(institution=institution, day=day, branch_code__in=codes)
        }
        due = day + datetime.timedelta(days=policy()["review_due_days"])
        for code in sorted(codes):
            counted = branch_events.get((day, code), 0)
            rd = stored.get(code)
            if (
                rd is None
            ):  # the day's worklist of a branch: a regulated record (日核查), logged like any other
                rd = core.save(
                    ReviewDay(
                        institution=institution,
                        day=day,
                        branch_code=code,
                        branch=departments.get(code),
                        due_on=due,
                        events=counted,
                    ),
                    None,
                )
            elif counts_are_totals and rd.events != counted:
                # a whole day's run sets the count; a cycle leaves it (one logged update per branch every
                # few minutes cost most of a cycle for 400 branches): the worklist shows the count of its
                # first cycle until the nightly run
                rd = core.update(rd, None, events=counted)
            out[(day, code)] = rd
    return out


def _alert_day(alert: dict) -> datetime.date:
    return alert["ts"].date()


def store_alerts(run, institution, alerts, branch_events: Counter, counts_are_totals: bool):
    """Store the engine's alerts by their deterministic id: a new id is a new alert; a known id whose queries
    changed (an episode that grew) is updated in place, its disposition kept. Returns (new, updated)."""
    import json

    tz = timezone.get_default_timezone()
    departments = {d.code: d for d in Department.objects.filter(institution=institution)}
    names = {code: d.name for code, d in departments.items()}
    keys = {key for key, count in branch_events.items() if count} | {
        (_alert_day(a), a["branch_id"] or UNKNOWN_BRANCH) for a in alerts
    }
    review_days = _review_days(institution, keys, branch_events, counts_are_totals, departments)
    existing = {
        alert.alert_id: alert
        for alert in Alert.objects.filter(
            institution=institution, alert_id__in=[a["alert_id"] for a in alerts]
        )
    }
    new, updated = [], []
    for a in alerts:
        explanation = a["explanation"]  # the engine's words; pages name the branches (alert_display)
        stored = existing.get(a["alert_id"])
        if stored is not None:
            if list(stored.event_ids) != list(a["event_ids"]):  # the episode grew: the alert shows it whole
                updated.append(
                    core.update(
                        stored,
                        None,
                        event_ids=list(a["event_ids"]),
                        explanation=explanation,
                        details=json.loads(a["details"]),
                    )
                )
            continue
        code = a["branch_id"] or UNKNOWN_BRANCH
        new.append(
            Alert(
                institution=institution,
                run=run,
                review_day=review_days[(_alert_day(a), code)],
                alert_id=a["alert_id"],
                rule_id=a["rule_id"],
                rule_name=a.get("rule_name") or "",
                severity=a["severity"],
                reason=a["reason"],
                ts=timezone.make_aware(a["ts"], tz),
                operator_id=a["operator_id"] or "",
                branch_code=a["branch_id"] or "",
                branch_name=names.get(a["branch_id"] or "", ""),
                subject_id=a["subject_id"] or "",
                event_ids=list(a["event_ids"]),
                explanation=explanation,
                details=json.loads(a["details"]),
            )
        )
    Alert.objects.bulk_create(new)
    # every alert is a regulated record: logged as created, in one batch with the run's lock on the log
    changelog.record_many(
        [(alert, ChangeLogEntry.Action.CREATE, None, changelog.snapshot(alert)) for alert in new]
    )
    # a closed worklist that receives new alerts is open again: its day is not fully reviewed
    for key in {(alert.ts.astimezone(tz).date(), alert.branch_code or UNKNOWN_BRANCH) for alert in new}:
        rd = review_days[key]
        if rd.closed_at is not None:
            core.update(
                rd,
                None,
                closed_at=None,
                closed_by=None,
                conclusion=rd.conclusion + "\n[重新打开：新增告警]",
            )
    return new, updated


def run_daily_monitoring(today: datetime.date | None = None) -> str:
    """Daily job: yesterday's queries of every institution that has ingested logs covering that day."""
    from appgov.core.models import Institution

    done, failed, days = 0, 0, set()
    for institution in Institution.objects.all():
        with institution_time(institution):  # "yesterday" in the institution's zone
            day = (today or timezone.localdate()) - datetime.timedelta(days=1)
            run = _monitor_yesterday(institution, day)
        if run is None:
            continue
        days.add(day.isoformat())
        done += run.status == MonitoringRun.Status.DONE
        failed += run.status == MonitoringRun.Status.FAILED
    return f"{done} institutions monitored for {', '.join(sorted(days)) or '-'}, {failed} failed"


def monitor_institution_yesterday(institution) -> str:
    """One institution's nightly run (the scheduler runs it on the institution's clock): its yesterday."""
    with institution_time(institution):
        day = timezone.localdate() - datetime.timedelta(days=1)
        run = _monitor_yesterday(institution, day)
    return f"{day.isoformat()}: {run.status if run else 'no logs'}"


def _monitor_yesterday(institution, day):
    """The run of the day for an institution whose ingested logs cover it (None: no logs for that day)."""
    batches = QueryLogBatch.objects.filter(institution=institution, table=QueryLogBatch.Table.QUERY_EVENTS)
    if not any(day.isoformat() in b.days for b in batches):
        return None
    with progress.tracking(institution.pk, "credit_monitoring"):
        return run_day(institution, day)


# ---------- the daily review ----------


DECISIONS = (Alert.Disposition.FALSE_POSITIVE, Alert.Disposition.CONFIRMED, Alert.Disposition.ESCALATED)


def disposition(alert: Alert, value: str, comment: str, actor) -> Alert:
    """Record a decision on an alert as a new history entry; the alert carries it as its current state.

    There is no default: an alert stays open until someone chooses. An earlier decision is never overwritten:
    changing it needs a new comment saying why, and both entries stay in the history."""
    value, comment = (value or "").strip(), (comment or "").strip()
    if value not in DECISIONS:
        raise ValidationError({"disposition": _("Choose false positive, violation confirmed or escalated.")})
    if not comment:
        raise ValidationError({"comment": _("The reviewer's comment is required.")})
    core.check_can_write(actor, alert)
    with transaction.atomic():
        alert = core.lock(alert)
        if alert.review_day.closed_at is not None:
            raise ValidationError(_("The review of this day is closed."))
        if alert.disposition != Alert.Disposition.OPEN and comment == alert.comment.strip():
            raise ValidationError(
                {
                    "comment": _(
                        "This alert was already dispositioned; write a new comment saying why the decision is"
                        " recorded again or changed."
                    )
                }
            )
        now = timezone.now()
        entry = AlertDisposition(
            alert=alert, disposition=value, comment=comment, decided_by=actor, decided_at=now
        )
        entry.full_clean()
        entry.save()
        # the entry is an append-only record; its write is checked as a write on the alert it decides
        changelog.record(entry, ChangeLogEntry.Action.CREATE, None, changelog.snapshot(entry), actor)
        return core.update(
            alert, actor, disposition=value, comment=comment, reviewed_by=actor, reviewed_at=now
        )


def close_review_day(review_day: ReviewDay, actor, conclusion: str) -> ReviewDay:
    if review_day.closed_at is not None:
        raise ValidationError(_("This day is already closed."))
    open_count = review_day.alert_rows.filter(disposition=Alert.Disposition.OPEN).count()
    if open_count:
        raise ValidationError(
            _("%(count)d alerts are not dispositioned; a day closes only when every alert is.")
            % {"count": open_count}
        )
    if not conclusion.strip():
        raise ValidationError({"conclusion": _("Write the review conclusion.")})
    return core.update(review_day, actor, closed_by=actor, closed_at=timezone.now(), conclusion=conclusion)


def overdue_review_days(queryset, today: datetime.date):
    return queryset.filter(closed_at__isnull=True, due_on__lt=today)


def rule_metrics(alerts_queryset) -> list[dict]:
    """Per rule: alerts, each disposition, and the confirmed rate among decided alerts (for tuning, 06.2)."""
    rows = (
        alerts_queryset.values("rule_id")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(disposition=Alert.Disposition.OPEN)),
            confirmed=Count("id", filter=Q(disposition=Alert.Disposition.CONFIRMED)),
            escalated=Count("id", filter=Q(disposition=Alert.Disposition.ESCALATED)),
            false_positive=Count("id", filter=Q(disposition=Alert.Disposition.FALSE_POSITIVE)),
        )
        .order_by("rule_id")
    )
    out = []
    for row in rows:
        decided = row["total"] - row["open"]
        row["decided"] = decided
        row["confirmed_rate"] = (row["confirmed"] + row["escalated"]) / decided if decided else None
        out.append(row)
    return out
