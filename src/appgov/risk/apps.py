from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    """Risk register, assessments, audits, incidents, continuity; checks.py is found by the compliance app."""

    name = "appgov.risk"
    label = "risk"
    verbose_name = _("Risk, audit, incidents and continuity")

    def ready(self):
        from appgov.core import extensions

        from . import gates  # noqa: F401  registers the release gate's dossier item
        from .calendar import due_dates
        from .demo import load_risk_demo

        extensions.register_demo_loader(40, "risk", load_risk_demo)
        extensions.register_due_dates("risk", due_dates)
        from .selectors import incidents_of_app

        extensions.register_lookup("incidents_of_app", incidents_of_app)
        extensions.register_finding_source("audit_finding", _audit_finding_source)


def _audit_finding_source(finding):
    from .models import AuditFinding

    row = (
        AuditFinding.objects.filter(pk=finding.subject_id, finding_id=finding.pk)
        .select_related("engagement")
        .first()
    )
    if row is None:
        return None
    return {
        "label": f"{row.engagement.reference} {row.engagement.title} · {row.title}",
        "url": row.get_absolute_url(),
    }
