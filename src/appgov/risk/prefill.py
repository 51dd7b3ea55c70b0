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
        if func is not None:
            answer, facts = func(app, today)
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
    complete = dossier.design_reviewed_on and dossier.code_reviewed_on and dossier.change_approved_on
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
