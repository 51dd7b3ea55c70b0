"""Tell the reviewers (the institution's credit-information security officers) about new query alerts.

The platform's notification channel is the digest log (logger "appgov.digest", as the daily digest); every
cycle that stores new alerts writes one line there. Alerts of the severities in
APPGOV_CREDIT_NOTIFY_SEVERITIES (default: high — Q01 unauthorised, Q05 own record, Q10 staff…) are also
e-mailed at once to the officers who have an address, where an SMTP server is configured (APPGOV_SMTP_HOST).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from appgov.core.roles import Role

log = logging.getLogger("appgov.digest")
SHOWN = 20


def severities() -> set[str]:
    return set(getattr(settings, "APPGOV_CREDIT_NOTIFY_SEVERITIES", ("high",)))


def reviewers(institution):
    return (
        get_user_model()
        .objects.filter(institution=institution, role=Role.CREDIT_OFFICER, is_active=True)
        .exclude(email="")
    )


def _line(alert) -> str:
    where = alert.branch_name or alert.branch_code or "—"
    return f"{alert.ts:%Y-%m-%d %H:%M} {alert.rule_id} {alert.rule_name} · {where} · {alert.explanation}"


def new_alerts(institution, alerts) -> int:
    """Log the cycle's new alerts; e-mail the urgent ones. Returns the number of messages sent."""
    if not alerts:
        return 0
    urgent = [a for a in alerts if a.severity in severities()]
    log.warning(
        "credit alerts %s: %d new (%d urgent): %s",
        institution.code,
        len(alerts),
        len(urgent),
        "; ".join(f"{a.rule_id} {a.branch_name or a.branch_code}" for a in alerts[:SHOWN]),
    )
    if not urgent or not getattr(settings, "APPGOV_SMTP_HOST", ""):
        return 0
    recipients = list(reviewers(institution).values_list("email", flat=True))
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(count)d new urgent credit-query alerts") % {"count": len(urgent)}
        link = getattr(settings, "APPGOV_BASE_URL", "") + reverse("credit:alert-list")
        body = "\n".join([_line(a) for a in urgent[:SHOWN]] + ["", link])
    try:
        send_mail(subject, body, None, recipients)
    except OSError as exc:  # the mail server is down: the log line above stands, the cycle goes on
        log.warning("credit alert mail for %s not sent: %s", institution.code, exc)
        return 0
    return 1
