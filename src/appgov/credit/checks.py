"""PBC102 controls judged from the credit module's records (one result per connected institution, and per
app for PBC102-03.3). An institution with no credit-system data at all is judged on evidence, as before.

Messages are English msgids through gettext, rendered in both stored languages (Result.zh and Result.en).
The registers that share one shape ("no records -> evidence; a record with a problem -> fail; else pass":
bulk data, kiosks, dissents, complaints) are rows of REGISTER_RULES, not five copies of the same function.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Min
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from appgov.core.controls.periods import add_months
from appgov.core.controls.registry import SubjectType, check, failed, passed
from appgov.core.controls.registry import judge_on_evidence as evidence_check

from . import services
from .logcoverage import missing_log_days
from .models import (
    AccessReview,
    AccountChange,
    Alert,
    BulkDataRequest,
    Complaint,
    CreditAccount,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    LeadingGroup,
    ReviewDay,
    SecurityReport,
)
from .policy import policy, role_templates

CS = SubjectType.CREDIT_SYSTEM
LIST_LIMIT = 5


class Text(NamedTuple):
    zh: str
    en: str


def t(message, **params) -> Text:
    """A gettext message rendered in Chinese and English; list parameters are joined per language."""
    rendered = []
    for language, sep, more in (("zh-hans", "、", " 等 {n} 项"), ("en", ", ", " … ({n} in all)")):
        with translation.override(language):
            values = {}
            for key, value in params.items():
                if isinstance(value, Text):
                    value = value.zh if language == "zh-hans" else value.en
                elif isinstance(value, list | tuple):
                    items = [
                        (v.zh if language == "zh-hans" else v.en) if isinstance(v, Text) else str(v)
                        for v in value
                    ]
                    extra = len(items) - LIST_LIMIT
                    value = sep.join(items[:LIST_LIMIT]) + (more.format(n=len(items)) if extra > 0 else "")
                values[key] = value
            rendered.append(str(message) % values if values else str(message))
    return Text(*rendered)


def joined(texts: list[Text]) -> Text:
    return Text("；".join(x.zh for x in texts), "; ".join(x.en for x in texts))


def _data(ctx):
    """Everything the checks read, loaded once per evaluation."""
    data = getattr(ctx, "_credit_data", None)
    if data is None:
        inst = ctx.institution
        since = ctx.today - datetime.timedelta(days=policy()["alert_window_days"])
        data = {
            "accounts": list(
                CreditAccount.objects.filter(institution=inst).select_related("person__department")
            ),
            "changes": list(AccountChange.objects.filter(account__institution=inst)),
            # handled on time is judged by the first decision: a later change of disposition (a new entry in
            # the alert's history) does not make a timely review late
            "alerts": list(
                Alert.objects.filter(institution=inst, ts__date__gte=since)
                .annotate(first_decided_at=Min("dispositions__decided_at"))
                .values(
                    "rule_id",
                    "reason",
                    "disposition",
                    "operator_id",
                    "reviewed_at",
                    "first_decided_at",
                    "review_day__due_on",
                    "details",
                )
            ),
            "review_days": list(ReviewDay.objects.filter(institution=inst)),
            "group": LeadingGroup.objects.filter(institution=inst)
            .select_related("first_responsible")
            .first(),
            "reports": list(SecurityReport.objects.filter(institution=inst)),
            "kiosks": list(
                Kiosk.objects.filter(institution=inst, in_service=True).prefetch_related("purges")
            ),
            "bulk": list(BulkDataRequest.objects.filter(institution=inst)),
            "dissents": list(DissentCase.objects.filter(institution=inst)),
            "complaints": list(Complaint.objects.filter(institution=inst)),
            "reviews": list(AccessReview.objects.filter(institution=inst)),
            "connections": list(CreditAppConnection.objects.filter(app__institution=inst)),
        }
        data["in_use"] = bool(data["accounts"] or data["review_days"])
        data["missing_logs"] = (
            missing_log_days(inst, ctx.today, policy()["alert_window_days"], policy()["review_due_days"])
            if data["in_use"]
            else []
        )
        ctx._credit_data = data
    return data


def _subject(ctx):
    return CS, ctx.institution.pk, ctx.institution.name


def _fail(ctx, text: Text, links=None):
    return failed(*_subject(ctx), text.zh, text.en, links)


def _pass(ctx, text: Text, links=None):
    return passed(*_subject(ctx), text.zh, text.en, links)


def _credit_check(control_id, needs_use=True):
    """Register a check; without credit-system records it falls back to evidence."""

    def decorator(func):
        def run(ctx, control):
            if needs_use and not _data(ctx)["in_use"]:
                yield from evidence_check(ctx, control)
                return
            yield from func(ctx, control, _data(ctx))

        run.__name__ = func.__name__
        return check(control_id)(run)

    return decorator


def _missing_logs_text(data) -> Text | None:
    days = data["missing_logs"]
    if not days:
        return None
    return t(
        _("%(count)d working days without a query log or a recorded no-query day: %(days)s"),
        count=len(days),
        days=[d.isoformat() for d in days],
    )


# ---- PBC102-01 ----------------------------------------------------------------------------------------


@_credit_check("PBC102-01")
def leading_group(ctx, control, data):
    group = data["group"]
    if group is None:
        yield _fail(ctx, t(_("No leading group or first responsible person recorded")))
        return
    person = group.first_responsible
    if not person.is_employed(ctx.today):
        yield _fail(
            ctx, t(_("The first responsible person %(person)s has left; designate a new one"), person=person)
        )
        return
    if not person.is_senior_management:
        yield _fail(
            ctx,
            t(
                _(
                    "The head of the leading group, %(person)s (%(title)s), is not recorded as senior management"
                ),
                person=person,
                title=group.first_responsible_title,
            ),
        )
        return
    yield _pass(
        ctx,
        t(
            _(
                "Leading group established (%(doc)s); first responsible: %(person)s (%(title)s), senior management"
            ),
            doc=group.document_reference,
            person=person,
            title=group.first_responsible_title,
        ),
    )


# ---- PBC102-02.x accounts -----------------------------------------------------------------------------

STATUS_ACTIONS = (AccountChange.Action.CREATE, AccountChange.Action.DISABLE, AccountChange.Action.ENABLE)


def _unapproved_status(account, applied) -> Text | None:
    """Why the account's current state is not backed by approved changes (creation, disabling, re-enabling)."""
    history = sorted((c for c in applied if c.action in STATUS_ACTIONS), key=lambda c: (c.decided_at, c.pk))
    if account.status in (CreditAccount.Status.ACTIVE, CreditAccount.Status.DISABLED) and not any(
        c.action == AccountChange.Action.CREATE for c in history
    ):
        return t(_("%(account)s created without approval"), account=account.operator_id)
    last = history[-1].action if history else None
    if account.status == CreditAccount.Status.DISABLED and last != AccountChange.Action.DISABLE:
        return t(_("%(account)s disabled without approval"), account=account.operator_id)
    if account.status == CreditAccount.Status.ACTIVE and last == AccountChange.Action.DISABLE:
        return t(_("%(account)s re-enabled without approval"), account=account.operator_id)
    return None


@_credit_check("PBC102-02.1")
def changes_approved(ctx, control, data):
    applied = {}
    for c in data["changes"]:
        if c.status == AccountChange.Status.APPLIED:
            applied.setdefault(c.account_id, []).append(c)
    problems = [p for a in data["accounts"] if (p := _unapproved_status(a, applied.get(a.pk, [])))]
    self_approved = [
        c
        for changes in applied.values()
        for c in changes
        if c.decided_by_id is not None and c.decided_by_id == c.requested_by_id
    ]
    if self_approved:
        problems.append(t(_("%(count)d changes approved by the requester"), count=len(self_approved)))
    if problems:
        yield _fail(ctx, t(_("Account changes without another person's approval: %(items)s"), items=problems))
    else:
        yield _pass(
            ctx,
            t(
                _(
                    "Every creation, disabling and re-enabling of the %(count)d accounts was approved by another person"
                ),
                count=len(data["accounts"]),
            ),
        )


@_credit_check("PBC102-02.2")
def least_privilege(ctx, control, data):
    templates = role_templates()
    bad = []
    for a in data["accounts"]:
        if a.status != "active":
            continue
        template = templates.get(a.role)
        kind = a.person.department.kind if a.person.department_id else None
        if template is None or kind not in template["department_kinds"]:
            bad.append(f"{a.operator_id}（{a.role}）")
    overdue = [r for r in data["reviews"] if r.signed_off_at is None and r.due_on < ctx.today]
    signed = [r for r in data["reviews"] if r.signed_off_at]
    last = max((r.signed_off_at.date() for r in signed), default=None)
    months = policy()["access_review_months"]
    stale = last is None or ctx.today > add_months(last, months)
    problems = []
    if bad:
        problems.append(t(_("roles outside their template: %(items)s"), items=bad))
    if overdue:
        problems.append(t(_("access review overdue and not signed: %(title)s"), title=overdue[0].title))
    if stale:
        problems.append(
            t(
                _("the last access review was signed on %(day)s, more than %(months)d months ago"),
                day=last,
                months=months,
            )
            if last
            else t(_("no access review of the credit accounts has been signed"))
        )
    if problems:
        yield _fail(ctx, joined(problems))
    else:
        yield _pass(ctx, t(_("Roles match their templates; last access review signed on %(day)s"), day=last))


@_credit_check("PBC102-02.3")
def no_shared_or_stale_accounts(ctx, control, data):
    found = services.account_exceptions(ctx.institution, ctx.today)
    if found:
        yield _fail(
            ctx,
            t(
                _("Shared accounts, or leavers and movers with active accounts: %(items)s"),
                items=[Text(f["zh"], f["en"]) for f in found],
            ),
        )
    else:
        active = sum(a.status == "active" for a in data["accounts"])
        yield _pass(
            ctx,
            t(
                _("%(count)d active accounts, each held by a serving person; no shared-use alerts"),
                count=active,
            ),
        )


@_credit_check("PBC102-02.4")
def password_age(ctx, control, data):
    limit = policy()["password_max_age_days"]
    stale = [
        a.operator_id
        for a in data["accounts"]
        if a.status == "active"
        and (a.password_changed_at is None or (ctx.today - a.password_changed_at.date()).days > limit)
    ]
    if stale:
        yield _fail(
            ctx,
            t(
                _("%(count)d passwords not changed for more than %(days)d days: %(items)s"),
                count=len(stale),
                days=limit,
                items=stale,
            ),
        )
    else:
        yield _pass(ctx, t(_("Every active password was changed within %(days)d days"), days=limit))


# ---- alert-based monitoring: PBC102-02.5, 03.1, 03.2 ---------------------------------------------------


def _alert_check(control_id, rules, what):
    @_credit_check(control_id)
    def run(ctx, control, data):
        if not data["review_days"] and not data["missing_logs"]:
            yield from evidence_check(ctx, control)
            return
        days = policy()["alert_window_days"]
        gaps = _missing_logs_text(data)
        hits = [a for a in data["alerts"] if a["rule_id"] in rules]
        confirmed = [a for a in hits if a["disposition"] in ("confirmed", "escalated")]
        pending = [a for a in hits if a["disposition"] == "open"]
        problems = [gaps] if gaps else []
        if confirmed:
            by_rule = Counter(a["rule_id"] for a in confirmed)
            problems.append(
                t(
                    _("%(count)d confirmed violations (%(rules)s)"),
                    count=len(confirmed),
                    rules=[f"{k} {v}" for k, v in sorted(by_rule.items())],
                )
            )
        if pending:
            problems.append(t(_("%(count)d alerts not yet reviewed"), count=len(pending)))
        if problems:
            yield _fail(
                ctx,
                t(
                    _("Last %(days)d days, %(what)s: %(problems)s"),
                    days=days,
                    what=t(what),
                    problems=joined(problems),
                ),
            )
        else:
            yield _pass(
                ctx,
                t(
                    _(
                        "Last %(days)d days, %(what)s: every working day's log checked, no confirmed violation (%(count)d alerts reviewed as false positives)"
                    ),
                    days=days,
                    what=t(what),
                    count=len(hits),
                ),
            )

    run.__name__ = f"alerts_{control_id.replace('-', '_').replace('.', '_')}"
    return run


_alert_check("PBC102-03.1", {"Q01", "Q02", "Q03"}, _("queries without authorisation"))
_alert_check("PBC102-03.2", {"Q10"}, _("queries by staff"))
_alert_check(
    "PBC102-02.5", {"Q05", "Q06", "Q07", "Q08", "Q09", "Q11", "Q12", "Q13"}, _("real-time user monitoring")
)


# ---- PBC102-03.3 app connections ------------------------------------------------------------------------


@check("PBC102-03.3")
def app_connections(ctx, control):
    data = _data(ctx)
    by_app = {}
    for c in data["connections"]:
        by_app.setdefault(c.app_id, []).append(c)
    q04 = Counter(
        (a["details"] or {}).get("client_app_id") or "?"
        for a in data["alerts"]
        if a["rule_id"] == "Q04" and a["disposition"] != Alert.Disposition.FALSE_POSITIVE
    )
    fallback = []
    for subject_type, subject_id, label, _app in ctx.subjects(SubjectType.APP):
        conns = by_app.get(subject_id)
        if not conns:
            fallback.append(subject_id)
            continue
        bad = [c for c in conns if not c.approved_on(ctx.today)]
        flagged = [c for c in conns if q04.get(c.client_app_id)]
        if bad or flagged:
            text = t(
                _("Connected to the credit system without a current approval: %(items)s"),
                items=[c.client_app_id for c in bad or flagged],
            )
            if flagged:
                more = t(
                    _("%(count)d recent alerts of unapproved connections"),
                    count=sum(q04[c.client_app_id] for c in flagged),
                )
                text = joined([text, more])
            yield failed(subject_type, subject_id, label, text.zh, text.en)
        else:
            text = t(
                _("Approved to connect: %(items)s"),
                items=[f"{c.client_app_id}（{c.approval_reference}）" for c in conns],
            )
            yield passed(subject_type, subject_id, label, text.zh, text.en)
    # Q04 alerts for a client app that is not registered as any app's connection are exactly the unapproved
    # app the notice forbids: they fail the institution rather than disappear.
    registered = {c.client_app_id for c in data["connections"]}
    unknown = sorted(client for client in q04 if client not in registered)
    if unknown:
        yield _fail(
            ctx,
            t(
                _("%(count)d alerts of client apps not registered as a credit-system connection: %(items)s"),
                count=sum(q04[c] for c in unknown),
                items=unknown,
            ),
        )
    elif data["in_use"]:
        yield _pass(ctx, t(_("No alert of an unregistered client app connecting to the credit system")))
    for result in evidence_check(ctx, control):
        if result.subject_id in fallback:
            yield result


# ---- registers of one shape: PBC102-04, 05, 07.1, 07.2 ------------------------------------------------


@dataclass(frozen=True)
class RegisterRule:
    """No records: judged on evidence. A record with problems fails the control; otherwise it passes."""

    control_id: str
    records: str  # key of _data()
    problems: Callable  # (ctx, record) -> list[Text]
    failing: str  # gettext message with %(items)s
    passing: str  # gettext message with %(count)d


def _bulk_problems(ctx, b) -> list[Text]:
    out = []
    if b.past_retention(ctx.today):
        out.append(t(_("%(ref)s past its retention without a destruction certificate"), ref=b.reference))
    if b.status in ("extracted", "destroyed") and not b.approved_by_id:
        out.append(t(_("%(ref)s extracted without approval"), ref=b.reference))
    return out


def _kiosk_problems(ctx, k) -> list[Text]:
    gaps = [Text(zh, en) for zh, en in k.missing()]
    last = max((p.purged_on for p in k.purges.all()), default=None)
    if last is None or ctx.today > add_months(last, policy()["kiosk_purge_months"]):
        gaps.append(t(_("device purge (last: %(day)s)"), day=last or "—"))
    return [t(_("%(kiosk)s lacks %(items)s"), kiosk=k.terminal_id, items=gaps)] if gaps else []


def _dissent_problems(ctx, d) -> list[Text]:
    out = []
    if d.is_overdue(ctx.today):
        out.append(
            t(
                _("%(ref)s past its deadline (received %(received)s, due %(due)s)"),
                ref=d.reference,
                received=d.received_on,
                due=d.deadline,
            )
        )
    if d.marked_on is None:
        out.append(t(_("%(ref)s: the disputed data was not marked as disputed"), ref=d.reference))
    return out


def _complaint_problems(ctx, c) -> list[Text]:
    out = []
    if c.is_overdue(ctx.today):
        out.append(t(_("%(ref)s late (due %(due)s)"), ref=c.reference, due=c.deadline))
    if c.extended_until and (not c.extension_approval.strip() or c.extended_until > c.latest_allowed):
        out.append(t(_("%(ref)s extended without approval or beyond the longest extension"), ref=c.reference))
    return out


REGISTER_RULES = (
    RegisterRule(
        "PBC102-04",
        "bulk",
        _bulk_problems,
        _("Bulk data: %(items)s"),
        _("%(count)d bulk data requests approved; expired data destroyed with certificates"),
    ),
    RegisterRule(
        "PBC102-05",
        "kiosks",
        _kiosk_problems,
        _("Kiosk register incomplete: %(items)s"),
        _("%(count)d kiosks registered completely and purged on time"),
    ),
    RegisterRule(
        "PBC102-07.1",
        "dissents",
        _dissent_problems,
        _("Dissents: %(items)s"),
        _(
            "All %(count)d dissents marked and answered within the statutory 20 days (moved by the credit calendar)"
        ),
    ),
    RegisterRule(
        "PBC102-07.2",
        "complaints",
        _complaint_problems,
        _("Complaints: %(items)s"),
        _("All %(count)d complaints handled within 15 days or their approved extension"),
    ),
)


def _register_check(rule: RegisterRule):
    def run(ctx, control, data):
        records = data[rule.records]
        if not records:
            yield from evidence_check(ctx, control)
            return
        problems = [p for record in records for p in rule.problems(ctx, record)]
        if problems:
            yield _fail(ctx, t(rule.failing, items=problems))
        else:
            yield _pass(ctx, t(rule.passing, count=len(records)))

    run.__name__ = f"register_{rule.records}"
    return run


for _rule in REGISTER_RULES:
    _credit_check(_rule.control_id, needs_use=False)(_register_check(_rule))


# ---- PBC102-06.x the daily review ---------------------------------------------------------------------


@_credit_check("PBC102-06.1")
def daily_review(ctx, control, data):
    """Every working day has its log (or a recorded no-query day) and every worklist is closed on time."""
    if not data["review_days"] and not data["missing_logs"]:
        yield from evidence_check(ctx, control)
        return
    problems = [gaps] if (gaps := _missing_logs_text(data)) else []
    overdue = [rd for rd in data["review_days"] if rd.is_overdue(ctx.today)]
    if overdue:
        problems.append(
            t(
                _("%(count)d daily reviews overdue: %(items)s"),
                count=len(overdue),
                items=sorted({f"{rd.day} {rd.branch_code}" for rd in overdue}),
            )
        )
    if problems:
        yield _fail(ctx, joined(problems))
    else:
        last = max(rd.day for rd in data["review_days"])
        yield _pass(ctx, t(_("Every working day's log reviewed on time (latest: %(day)s)"), day=last))


def _decided_on(alert: dict) -> datetime.date | None:
    """The local date of an alert's first decision (its history), or of its review for older records."""
    at = alert["first_decided_at"] or alert["reviewed_at"]
    return timezone.localtime(at).date() if at is not None else None


@_credit_check("PBC102-06.2")
def alert_handling(ctx, control, data):
    """How alerts were handled: each dispositioned by its review day's due date, none left open past it."""
    if not data["review_days"]:
        yield from evidence_check(ctx, control)
        return
    hits = data["alerts"]
    unhandled = [a for a in hits if a["disposition"] == "open" and a["review_day__due_on"] < ctx.today]
    late = [
        a
        for a in hits
        if a["disposition"] != "open"
        and _decided_on(a) is not None
        and _decided_on(a) > a["review_day__due_on"]
    ]
    days = policy()["alert_window_days"]
    if unhandled or late:
        yield _fail(
            ctx,
            t(
                _(
                    "Last %(days)d days: %(open)d alerts not handled by their due date, %(late)d handled late (%(rules)s)"
                ),
                days=days,
                open=len(unhandled),
                late=len(late),
                rules=[
                    f"{k} {v}" for k, v in sorted(Counter(a["rule_id"] for a in unhandled + late).items())
                ],
            ),
        )
    else:
        decided = [a for a in hits if a["disposition"] != "open"]
        confirmed = sum(a["disposition"] in ("confirmed", "escalated") for a in decided)
        yield _pass(
            ctx,
            t(
                _(
                    "Last %(days)d days: %(count)d alerts, %(decided)d handled on time, %(confirmed)d confirmed or escalated; rule metrics available for tuning"
                ),
                days=days,
                count=len(hits),
                decided=len(decided),
                confirmed=confirmed,
            ),
        )


# ---- PBC102-08 reports ----------------------------------------------------------------------------------


@_credit_check("PBC102-08", needs_use=False)
def reports(ctx, control, data):
    if not data["reports"]:
        yield from evidence_check(ctx, control)
        return
    latest = {}
    for r in data["reports"]:
        if r.submitted_on <= ctx.today:
            latest[r.kind] = max(latest.get(r.kind, r.submitted_on), r.submitted_on)
    labels = dict(SecurityReport.Kind.choices)
    missing = []
    if SecurityReport.Kind.RULES_FILING not in latest:
        missing.append(t(labels[SecurityReport.Kind.RULES_FILING]))
    for kind, key in (
        (SecurityReport.Kind.STATUS_REPORT, "status_report_months"),
        (SecurityReport.Kind.SELF_INSPECTION, "self_inspection_months"),
    ):
        last = latest.get(kind)
        if last is None or ctx.today > add_months(last, policy()[key]):
            missing.append(t(_("%(report)s (last: %(day)s)"), report=t(labels[kind]), day=last or "—"))
    if missing:
        yield _fail(ctx, t(_("Missing or overdue: %(items)s"), items=missing))
    else:
        yield _pass(
            ctx,
            t(
                _("Rules filed; status report %(status)s and self-inspection %(inspection)s within the year"),
                status=latest[SecurityReport.Kind.STATUS_REPORT],
                inspection=latest[SecurityReport.Kind.SELF_INSPECTION],
            ),
        )
