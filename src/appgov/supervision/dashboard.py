"""The jurisdiction dashboard of a regulator office (its offices below included): one table each for the
institutions and their apps, the compliance posture per article (heat map), overdue findings, incidents
reported, counterfeit reports received and missing filings. Every table is plain rows, so the page and the
Excel export show the same cells. Read-only: it reads the institutions' records through their scoped querysets."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appgov.compliance.evaluation import catalogue
from appgov.compliance.findings import overdue
from appgov.compliance.models import ControlResult, Finding
from appgov.core.controls.outcomes import Outcome
from appgov.core.models import Institution
from appgov.core.scoping import scoped
from appgov.counterfeit.models import RegulatorReport as CounterfeitReport
from appgov.ledger.models import MobileApp
from appgov.ledger.models.choices import LifecycleState
from appgov.risk.models import RegulatorReport as IncidentReport

FILING_CONTROL = "NFRA-11.1"  # ledger/checks.py `filings`: APP and ICP filing numbers of public apps


@dataclass
class TableData:
    key: str
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    links: list[int] = field(default_factory=list)  # per row: the institution its first cell links to
    cells: list = field(default_factory=list)  # heat map only: per row, (text, share passed in %) per article

    @property
    def linked(self):
        return list(zip(self.rows, self.links, strict=True))

    @property
    def heat(self):
        return [(row, cells, pk) for row, cells, pk in zip(self.rows, self.cells, self.links, strict=True)]


def institutions_of(user):
    return (
        scoped(Institution, user)
        .select_related("regulator_office")
        .order_by("regulator_office__code", "code")
    )


def article_key(control) -> str:
    return f"{control.id.rsplit('-', 1)[0]}-{control.article:02d}" if "." in control.id else control.id


def articles() -> list[tuple[str, str]]:
    """(key, title) of every article an institution is judged on, in catalogue order."""
    seen = {}
    for control in catalogue().controls:
        if control.applies_to == "regulator":
            continue
        seen.setdefault(
            article_key(control), control.title_zh if "." not in control.id else control.article_ref
        )
    return list(seen.items())


def posture(user, institution_ids) -> dict[int, dict[str, tuple[int, int]]]:
    """Per institution and article: (passed, judged) subjects, judged = passed + failed + evidence needed."""
    by_control = {c.id: article_key(c) for c in catalogue().controls if c.applies_to != "regulator"}
    counts = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    rows = (
        scoped(ControlResult, user)
        .filter(institution_id__in=institution_ids)
        .exclude(outcome=Outcome.NOT_APPLICABLE)
        .values("institution_id", "control_id", "outcome")
        .annotate(n=Count("id"))
    )
    for row in rows:
        key = by_control.get(row["control_id"])
        if key is None:
            continue
        cell = counts[row["institution_id"]][key]
        cell[1] += row["n"]
        if row["outcome"] == Outcome.PASS:
            cell[0] += row["n"]
    return {inst: {k: tuple(v) for k, v in arts.items()} for inst, arts in counts.items()}


def build(user, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    institutions = list(institutions_of(user))
    ids = [i.pk for i in institutions]
    apps = dict(
        scoped(MobileApp, user)
        .exclude(state=LifecycleState.RETIRED)
        .values_list("institution_id")
        .annotate(n=Count("id"))
        .values_list("institution_id", "n")
    )
    findings = scoped(Finding, user)
    late = overdue(findings, today)
    late_by_inst = dict(
        late.values_list("institution_id").annotate(n=Count("id")).values_list("institution_id", "n")
    )
    open_by_inst = dict(
        findings.filter(status__in=[Finding.Status.OPEN, Finding.Status.IN_RECTIFICATION])
        .values_list("institution_id")
        .annotate(n=Count("id"))
        .values_list("institution_id", "n")
    )
    incident_reports = list(
        scoped(IncidentReport, user)
        .filter(sent_at__isnull=False)
        .select_related("incident__institution")
        .order_by("-sent_at")
    )
    counterfeit_reports = list(
        scoped(CounterfeitReport, user).select_related("case__institution", "office").order_by("-reported_on")
    )
    filings = list(
        scoped(ControlResult, user)
        .filter(control_id=FILING_CONTROL)
        .exclude(outcome__in=[Outcome.PASS, Outcome.NOT_APPLICABLE])
        .select_related("institution")
        .order_by("institution__code", "subject_repr")
    )
    heat = posture(user, ids)
    arts = articles()

    tables = {}
    t = TableData(
        "institutions",
        _("Institutions"),
        [_("Institution"), _("Supervising office"), _("Apps"), _("Open findings"), _("Overdue findings"),
         _("Incidents reported"), _("Counterfeit reports"), _("Filings missing")],
    )  # fmt: skip
    inc_by = defaultdict(int)
    for r in incident_reports:
        inc_by[r.incident.institution_id] += 1
    cf_by = defaultdict(int)
    for r in counterfeit_reports:
        cf_by[r.case.institution_id] += 1
    fil_by = defaultdict(int)
    for r in filings:
        fil_by[r.institution_id] += 1
    for inst in institutions:
        t.rows.append([inst.name, inst.regulator_office.name, apps.get(inst.pk, 0), open_by_inst.get(inst.pk, 0),
                       late_by_inst.get(inst.pk, 0), inc_by[inst.pk], cf_by[inst.pk], fil_by[inst.pk]])  # fmt: skip
        t.links.append(inst.pk)
    tables[t.key] = t

    t = TableData("posture", _("Compliance posture per article (passed / judged)"), [_("Institution")])
    t.headers += [key for key, _title in arts]
    for inst in institutions:
        row, shares = [inst.name], []
        for key, _title in arts:
            passed, judged = heat.get(inst.pk, {}).get(key, (0, 0))
            row.append(f"{passed}/{judged}" if judged else "—")
            shares.append(round(100 * passed / judged) if judged else None)
        t.rows.append(row)
        t.cells.append(list(zip(row[1:], shares, strict=True)))
        t.links.append(inst.pk)
    tables[t.key] = t

    t = TableData(
        "overdue",
        _("Overdue findings"),
        [_("Institution"), _("Control"), _("Subject"), _("Severity"), _("Status"), _("Due"), _("Days overdue"),
         _("Issued by regulator")],
    )  # fmt: skip
    for f in late.select_related("institution", "issued_by_office").order_by("due_on", "id")[:500]:
        t.rows.append([f.institution.name, f.control_id, f.subject_repr, f.get_severity_display(),
                       f.get_status_display(), f.due_on, (today - f.due_on).days,
                       f.regulator_reference or ("—" if not f.issued_by_office_id else str(f.issued_by_office))])  # fmt: skip
        t.links.append(f.institution_id)
    tables[t.key] = t

    t = TableData(
        "incidents",
        _("Incidents reported"),
        [_("Institution"), _("Incident"), _("Severity"), _("Report stage"), _("Sent"), _("Reference")],
    )
    for r in incident_reports[:500]:
        t.rows.append([r.incident.institution.name, f"{r.incident.reference} {r.incident.title}",
                       r.incident.get_severity_display(), r.get_stage_display(), r.sent_at, r.sent_reference])  # fmt: skip
        t.links.append(r.incident.institution_id)
    tables[t.key] = t

    t = TableData(
        "counterfeit",
        _("Counterfeit reports received"),
        [_("Institution"), _("Reported on"), _("Reported to"), _("Reference"), _("Summary")],
    )
    for r in counterfeit_reports[:500]:
        t.rows.append([r.case.institution.name, r.reported_on, r.office.name, r.reference, r.summary[:200]])
        t.links.append(r.case.institution_id)
    tables[t.key] = t

    t = TableData(
        "filings",
        _("Filings (备案) missing"),
        [_("Institution"), _("App"), _("Result"), _("What is missing")],
    )
    for r in filings[:500]:
        t.rows.append([r.institution.name, r.subject_repr, r.get_outcome_display(), r.explanation_zh[:300]])
        t.links.append(r.institution_id)
    tables[t.key] = t

    totals = {
        "institutions": len(institutions),
        "apps": sum(apps.values()),
        "overdue": sum(late_by_inst.values()),
        "incidents": len(incident_reports),
        "counterfeit": len(counterfeit_reports),
        "filings": len(filings),
        "regulator_open": findings.filter(issued_by_office__isnull=False)
        .filter(~Q(status=Finding.Status.VERIFIED))
        .count(),
    }
    return {"tables": tables, "totals": totals, "today": today}
