"""移动应用突发事件报告 (the initial / follow-up / final report of an incident to the regulator), PDF with
WeasyPrint and a Debian CJK font, as compliance/reports.py renders the compliance report."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core.services import lock

from .models import RegulatorReport


def report_context(report: RegulatorReport) -> dict:
    incident = report.incident
    return {
        "report": report,
        "incident": incident,
        "institution": incident.institution,
        "apps": list(incident.apps.order_by("code")),
        "events": list(incident.events.filter(voided_at__isnull=True)),  # a voided event is no fact
        "earlier": list(
            incident.regulator_reports.filter(sent_at__isnull=False).exclude(pk=report.pk).order_by("sent_at")
        ),
        "notifications": list(incident.notifications.all()),
        "special_audits": list(incident.special_audits.all()),
        "generated_at": timezone.localtime(),
    }


def pdf_bytes(report: RegulatorReport) -> bytes:
    from weasyprint import HTML

    with translation.override("zh-hans"):
        html = render_to_string("risk/regulator_report.html", report_context(report))
    return HTML(string=html).write_pdf()


def generate(report: RegulatorReport, actor) -> RegulatorReport:
    """Render the report as it stands now and keep the PDF on it (a sent report is never regenerated)."""
    with transaction.atomic():
        report = lock(report)
        if report.sent_at is not None:
            raise ValidationError(_("A report that was sent cannot be changed."))
        core.check_can_write(actor, report)
        data = pdf_bytes(report)
        stamp = timezone.localtime().strftime("%Y%m%d%H%M%S")
        report.document.save(
            f"{report.incident.reference}-{report.stage}-{stamp}.pdf", ContentFile(data), save=False
        )
        report.generated_at = timezone.now()
        return core.save(report, actor)


def assessment_pdf(campaign, assessment=None) -> bytes:
    """风险评估报告: one app's assessment, or the whole campaign (every app, then each app's answers)."""
    from weasyprint import HTML

    from . import policy

    rows = (
        [assessment]
        if assessment is not None
        else list(campaign.assessments.select_related("app", "signed_by"))
    )
    items = policy.questionnaire()["items"]
    apps = [
        {
            "assessment": a,
            "answers": [
                (item, (a.answers.get(item["id"]) or {}), (a.prefill.get(item["id"]) or {})) for item in items
            ],
        }
        for a in rows
    ]
    with translation.override("zh-hans"):
        html = render_to_string(
            "risk/assessment_report.html",
            {
                "campaign": campaign,
                "institution": campaign.institution,
                "apps": apps,
                "single": assessment is not None,
                "signed": sum(a.state == "signed" for a in rows),
                "generated_at": timezone.localtime(),
            },
        )
    return HTML(string=html).write_pdf()
