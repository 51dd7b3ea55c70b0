"""Answers the platform proposes for the annual assessment (data/questionnaire.yaml names a rule per item),
each with the facts it read, so the assessor sees why. A proposal is never a signature: people confirm."""

import datetime
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core.controls.periods import add_months
from appgov.counterfeit.models import CONFIRMED_STATES, CaseState, CounterfeitCase
from appgov.ledger.models import Vulnerability
from appgov.scanning.models import Scan

from .dossier_rules import development_gaps
from .models import AuditEngagement, Drill, EmergencyPlan, Incident, ReleaseDossier, Risk
from .models.audits import AuditKind, AuditState
from .models.incidents import IncidentKind, IncidentState
from .models.register import RiskStatus
from .services.continuity import current_bia

RULES: dict[str, Callable] = {}


def rule(name):
    def decorator(func):
        RULES[name] = func
        return func

    return decorator


def propose(app, today: datetime.date) -> dict:
    from .policy import questionnaire

    out = {}
    for item in questionnaire()["items"]:
        func = RULES.get(item.get("prefill", ""))
        proposal = func(app, today) if func is not None else None
        if proposal is not None:  # None: the platform knows nothing of it, a person answers
            answer, facts = proposal
            out[item["id"]] = {"answer": answer, "facts": facts}
    return out


@rule("responsibility")
def _responsibility(app, today):
    if app.managing_department_id and app.responsible_person_id:
        return "yes", _("Managing department and responsible person are in the ledger.")
    return "no", _("The ledger lacks the managing department or the responsible person.")


@rule("release_dossier")
def _release_dossier(app, today):
    version = app.versions.order_by("-created_at").first()
    if version is None:
        return "na", _("No version in the ledger.")
    dossier = ReleaseDossier.objects.filter(version=version).first()
    if dossier is None:
        return "no", _("Version %(v)s has no release dossier.") % {"v": version.version_name}
    complete = not development_gaps(dossier)
    return ("yes" if complete else "partly"), _("Release dossier of version %(v)s.") % {
        "v": version.version_name
    }


@rule("open_vulnerabilities")
def _open_vulnerabilities(app, today):
    count = Vulnerability.objects.filter(
        version__app=app, status="open", severity__in=("high", "critical")
    ).count()
    if count:
        return "no", _("%(n)s open high or critical vulnerabilities.") % {"n": count}
    return "yes", _("No open high or critical vulnerability in the ledger.")


@rule("scans")
def _scans(app, today):
    scan = Scan.objects.filter(version__app=app, status="done").order_by("-finished_at", "-pk").first()
    if scan is None:
        return "no", _("No finished scan of the app's packages.")
    if scan.high_findings:
        return "partly", _("The latest scan has %(n)s high findings.") % {"n": scan.high_findings}
    return "yes", _("The latest scan has no high findings.")


def _recent_incidents(app, today, kinds=None):
    since = timezone.make_aware(datetime.datetime.combine(add_months(today, -12), datetime.time()))
    rows = Incident.objects.filter(apps=app, detected_at__gte=since)
    return rows.filter(kind__in=kinds) if kinds else rows


@rule("data_incidents")
def _data_incidents(app, today):
    kinds = (IncidentKind.DATA_LEAK, IncidentKind.SECURITY_BREACH)
    rows = _recent_incidents(app, today, kinds)
    unhandled = rows.filter(state=IncidentState.OPEN).count()
    if unhandled:
        return "no", _("%(n)s data security incidents of the last year are not contained.") % {"n": unhandled}
    if rows.exists():
        return "partly", _("%(n)s data security incidents in the last year, all contained.") % {
            "n": rows.count()
        }
    return "yes", _("No data security incident in the last year.")


@rule("continuity")
def _continuity(app, today):
    bia = current_bia(app)
    plan = EmergencyPlan.objects.filter(app=app, approved_on__isnull=False).exists()
    drill = Drill.objects.filter(
        app=app, held_on__gte=add_months(today, -12), measured_recovery_minutes__isnull=False
    )
    drill = drill.order_by("-held_on").first()
    if not (bia and plan and drill):
        return "no", _("Missing: an approved BIA, an approved plan or a drill in the last year.")
    if drill.missed_rto:
        return "partly", _("The last drill took %(m)s minutes against an RTO of %(rto)s.") % {
            "m": drill.measured_recovery_minutes,
            "rto": drill.rto_minutes,
        }
    return "yes", _("BIA, plan and a drill within the RTO in the last year.")


@rule("incident_reports")
def _incident_reports(app, today):
    now = timezone.now()
    rows = _recent_incidents(app, today).filter(severity="major")
    late = [r for i in rows for r in i.regulator_reports.all() if r.late or r.overdue(now)]
    if late:
        return "no", _("%(n)s regulator reports late or overdue.") % {"n": len(late)}
    if rows.exists():
        return "yes", _("Every report of the last year's major incidents is on time.")
    return "na", _("No major incident in the last year.")


@rule("counterfeit")
def _counterfeit(app, today):
    open_cases = CounterfeitCase.objects.filter(
        app=app, state__in=[s for s in CONFIRMED_STATES if s != CaseState.TAKEN_DOWN]
    )
    if open_cases.exists():
        return "partly", _("%(n)s confirmed counterfeit cases not yet taken down.") % {
            "n": open_cases.count()
        }
    return "yes", _("No confirmed counterfeit case left open.")


@rule("risks")
def _risks(app, today):
    from .policy import rating

    rows = list(Risk.objects.filter(app=app).exclude(status=RiskStatus.CLOSED))
    if not rows:
        return "no", _("No risk of the app in the register.")
    untreated = [
        r
        for r in rows
        if rating(r.residual_likelihood, r.residual_impact)["rating"] in ("high", "critical")
        and not r.treatment_plan.strip()
    ]
    if untreated:
        return "partly", _("%(n)s high risks without a treatment plan.") % {"n": len(untreated)}
    return "yes", _("%(n)s risks in the register, high ones with a treatment plan.") % {"n": len(rows)}


@rule("audit")
def _audit(app, today):
    last = (
        AuditEngagement.objects.filter(
            apps=app, kind__in=(AuditKind.REGULAR, AuditKind.SPECIAL), state=AuditState.REPORTED
        )
        .order_by("-report_date")
        .values_list("report_date", flat=True)
        .first()
    )
    if last and today <= add_months(last, 36):
        return "yes", _("Audit reported on %(d)s.") % {"d": last}
    return "no", _("No audit reported in the last three years.")


@rule("findings")
def _findings(app, today):
    """Open findings of the common findings list for the app, its versions and its audit findings (read through
    core.extensions: risk may not import compliance)."""
    from appgov.core import extensions

    from .models import AuditFinding

    gateway = extensions.findings_gateway()
    version_ids = list(app.versions.values_list("pk", flat=True))
    rows = gateway.open_for_app(app.institution, app.pk, version_ids)
    audit_ids = list(
        AuditFinding.objects.filter(app=app, finding_id__isnull=False).values_list("finding_id", flat=True)
    )
    rows += [f for f in gateway.findings(app.institution, audit_ids).values() if f.active]
    overdue = [f for f in rows if f.overdue]
    if overdue:
        return "no", _("%(n)s of %(total)s open findings are past their deadline: %(which)s.") % {
            "n": len(overdue),
            "total": len(rows),
            "which": ", ".join(f"{f.control_id} ({f.due_on})" for f in overdue[:5]),
        }
    if rows:
        return "partly", _("%(n)s open findings, all within their deadline (next due %(day)s).") % {
            "n": len(rows),
            "day": min(f.due_on for f in rows),
        }
    return "yes", _("No open finding of the app in the findings list.")


@rule("vendors")
def _vendors(app, today):
    """The third parties serving the app (partners' current relations): evaluation lapsed, exiting or exited."""
    from appgov.partners.models import Relation
    from appgov.partners.models.choices import PartyState

    parties = {
        r.party_id: r.party
        for r in Relation.objects.filter(app=app).select_related("party")
        if r.current_on(today)
    }
    if not parties:
        return "na", _("No third party serves the app in the third-party register.")
    exited = [p for p in parties.values() if p.state in (PartyState.EXITING, PartyState.EXITED)]
    lapsed = [
        p
        for p in parties.values()
        if p not in exited and p.next_evaluation_due is not None and p.next_evaluation_due < today
    ]
    unassessed = [p for p in parties.values() if p.state in (PartyState.ADMISSION, PartyState.REJECTED)]
    problems = [
        *(
            _("%(name)s is %(state)s") % {"name": p.name, "state": p.get_state_display()}
            for p in exited + unassessed
        ),
        *(
            _("%(name)s: evaluation due %(day)s lapsed") % {"name": p.name, "day": p.next_evaluation_due}
            for p in lapsed
        ),
    ]
    if exited or unassessed:
        return "no", "; ".join(str(x) for x in problems) + "."
    if lapsed:
        return "partly", "; ".join(str(x) for x in problems) + "."
    return "yes", _("%(n)s third parties serve the app, all admitted and within their evaluation period.") % {
        "n": len(parties)
    }


@rule("operations")
def _operations(app, today):
    """Running metrics, if a module registered a summary of them (operations, issue 17): the first that has
    something to say about the app. Without one the platform proposes nothing and a person answers."""
    from appgov.core import extensions

    for summary in extensions.metrics_summaries(app, today):
        if summary.get("answer") in ("yes", "partly", "no", "na"):
            return summary["answer"], summary.get("facts", "")
    return None
