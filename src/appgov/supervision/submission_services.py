"""Institution submissions: the package is built from the institution's own records at the moment of sending,
written as JSON (the data) and Excel (a readable copy), hashed, and stored once; nothing of it changes after.
The office reviews it (SubmissionReview)."""

import datetime
import hashlib
import io
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from appgov.compliance.models import Finding
from appgov.core import services as core_services
from appgov.core.roles import can_write
from appgov.core.spreadsheets import append_row
from appgov.counterfeit.models import RegulatorReport as CounterfeitReport
from appgov.ledger.models import MobileApp
from appgov.risk.models import Assessment, Incident

from .models import Submission, SubmissionReview

SCHEMA = "appgov.supervision.submission/1"


def _rows(queryset, fields):
    return [dict(zip(fields, values, strict=True)) for values in queryset.values_list(*fields)]


def annual_package(institution, start: datetime.date, end: datetime.date) -> dict:
    """Ledger snapshot, the annual risk assessments of the period, open findings and the period's incidents."""
    apps = _rows(
        MobileApp.objects.filter(institution=institution).order_by("code"),
        ["code", "name", "kind", "state", "launched_on", "retired_on"],
    )
    assessments = _rows(
        Assessment.objects.filter(campaign__institution=institution, campaign__year__gte=start.year)
        .filter(campaign__year__lte=end.year)
        .order_by("campaign__year", "app__code"),
        ["campaign__year", "app__code", "state", "score", "rating", "signed_on"],
    )
    findings = _rows(
        Finding.objects.filter(institution=institution, status__in=Finding.ACTIVE).order_by("due_on", "pk"),
        ["pk", "control_id", "subject_repr", "severity", "status", "opened_at", "due_on"],
    )
    incidents = _rows(
        Incident.objects.filter(
            institution=institution, detected_at__date__gte=start, detected_at__date__lte=end
        ).order_by("detected_at"),
        [
            "reference",
            "title",
            "kind",
            "severity",
            "state",
            "detected_at",
            "outage_minutes",
            "customers_affected",
        ],
    )
    return {
        "apps": apps,
        "risk_assessments": assessments,
        "open_findings": findings,
        "incidents": incidents,
    }


def counterfeit_package(institution, start: datetime.date, end: datetime.date) -> dict:
    reports = _rows(
        CounterfeitReport.objects.filter(
            case__institution=institution, reported_on__gte=start, reported_on__lte=end
        ).order_by("reported_on"),
        [
            "reference",
            "reported_on",
            "case__app__code",
            "case__listing_name",
            "case__package_id",
            "case__source",
            "case__state",
        ],
    )
    return {"counterfeit_reports": reports}


BUILDERS = {Submission.Kind.ANNUAL: annual_package, Submission.Kind.COUNTERFEIT: counterfeit_package}


def _workbook(content: dict, header: dict) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "submission"
    for key, value in header.items():
        append_row(ws, [key, str(value)])
    for name, rows in content.items():
        sheet = wb.create_sheet(name[:31])
        if rows:
            append_row(sheet, list(rows[0].keys()))
            for row in rows:
                append_row(sheet, ["" if v is None else str(v) for v in row.values()])
        else:
            append_row(sheet, [_("none")])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def submit(actor, *, kind: str, period_start, period_end, note: str = "") -> Submission:
    """Build the package from the institution's records now, store it once and send it to its office."""
    if not can_write(actor, Submission._meta.label_lower) or not actor.institution_id:
        raise PermissionDenied(_("Your role may not send submissions to the regulator."))
    errors = {}
    if kind not in BUILDERS:
        errors["kind"] = _("Choose the annual package or the counterfeit reports.")
    if not period_start:
        errors["period_start"] = _("Give the first day of the period.")
    if not period_end:
        errors["period_end"] = _("Give the last day of the period.")
    elif period_start and period_end < period_start:
        errors["period_end"] = _("The end is before the start.")
    elif period_end and period_end > timezone.localdate():
        errors["period_end"] = _("The period cannot end in the future.")
    if errors:
        raise ValidationError(errors)
    institution = actor.institution
    now = timezone.now()
    content = BUILDERS[kind](institution, period_start, period_end)
    header = {
        "schema": SCHEMA,
        "institution": institution.code,
        "institution_name": institution.name,
        "office": institution.regulator_office.code,
        "kind": kind,
        "period_start": period_start.isoformat(),
        "period_end": period_end.isoformat(),
        "generated_at": now.isoformat(),
        "generated_by": actor.get_username(),
    }
    data = json.dumps(
        {**header, "content": content}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    stem = f"{institution.code}-{kind}-{period_start:%Y%m%d}-{period_end:%Y%m%d}-{sha[:12]}"
    submission = Submission(
        institution=institution,
        office=institution.regulator_office,
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        note=(note or "").strip(),
        sha256=sha,
        summary={name: len(rows) for name, rows in content.items()},
        submitted_at=now,
        submitted_by=actor,
    )
    with transaction.atomic():
        submission.data.save(f"{stem}.json", ContentFile(data), save=False)
        submission.readable.save(f"{stem}.xlsx", ContentFile(_workbook(content, header)), save=False)
        core_services.save(submission, actor)  # the change-log entry carries the SHA-256
    return submission


def verify(submission: Submission) -> bool:
    """Whether the stored data still has the SHA-256 recorded when it was sent."""
    with submission.data.open("rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest() == submission.sha256


def review(submission: Submission, actor, *, status: str, comment: str = "") -> SubmissionReview:
    comment = (comment or "").strip()
    if not can_write(actor, SubmissionReview._meta.label_lower):
        raise PermissionDenied(_("Your role may not review submissions."))
    if actor.regulator_office_id not in _offices_above(submission.office):
        raise PermissionDenied(_("This submission was sent to another office."))
    if status not in dict(SubmissionReview._meta.get_field("status").choices):
        raise ValidationError({"status": _("Choose under review, accepted or returned.")})
    if status == Submission.Status.RETURNED and not comment:
        raise ValidationError({"comment": _("Say why the submission is returned (the institution sees it).")})
    with transaction.atomic():
        submission = core_services.lock(submission)
        if submission.status in (Submission.Status.ACCEPTED,):
            raise ValidationError(_("This submission is accepted; it is final."))
        row = SubmissionReview(
            office_id=actor.regulator_office_id,
            submission=submission,
            status=status,
            comment=comment,
            reviewed_at=timezone.now(),
            reviewed_by=actor,
        )
        core_services.save(row, actor)
    return row


def _offices_above(office) -> set[int]:
    ids, current = set(), office
    while current is not None:
        ids.add(current.pk)
        current = current.parent
    return ids
