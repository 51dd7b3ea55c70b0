"""What the privacy module adds to other modules' pages, through appgov.core.extensions: the block on the app's
ledger page (registered for ledger.mobileapp) and the section of the compliance PDF report."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from appgov.core.roles import can_write

from . import services
from .models import PrivacyPolicy


def _latest_per_version(policies) -> list[PrivacyPolicy]:
    """The newest policy of each version, in the order given (newest first)."""
    seen, latest = set(), []
    for policy in policies:
        if policy.version_id not in seen:
            seen.add(policy.version_id)
            latest.append(policy)
    return latest


def _row(policy: PrivacyPolicy) -> dict:
    found, scan = services.gaps(policy)
    return {"policy": policy, "completeness": policy.completeness, "gaps": found, "scan": scan}


def app_block(app, request) -> dict | None:
    """The app page's privacy block (on its compliance tab): the latest policy of each version, with its
    completeness gaps and its gaps against the scan; the upload link for those who may write."""
    if request.GET.get("tab") != "compliance":
        return None
    policies = (
        PrivacyPolicy.objects.for_user(request.user)
        .filter(version__app=app)
        .select_related("version")
        .prefetch_related("corrections")
        .order_by("-uploaded_at", "-id")
    )
    return {
        "rows": [_row(p) for p in _latest_per_version(policies)],
        "can_upload": can_write(request.user, "privacy.privacypolicy"),
    }


def report_section(institution, app=None) -> dict | None:
    """The compliance report's privacy section: per app with a policy, its latest policy's effective date, the
    completeness items missing (with their source) and the gaps against the scan. None: no policy at all."""
    policies = (
        PrivacyPolicy.objects.filter(version__app__institution=institution)
        .select_related("version", "version__app")
        .prefetch_related("corrections")
        .order_by("version__app__name", "version__app_id", "-uploaded_at", "-id")
    )
    if app is not None:
        policies = policies.filter(version__app=app)
    seen, rows = set(), []
    for policy in policies:
        if policy.version.app_id not in seen:
            seen.add(policy.version.app_id)
            rows.append(_row(policy))
    if not rows:
        return None
    return {
        "title": _("Privacy policies"),
        "html": render_to_string("privacy/report_section.html", {"rows": rows}),
    }
