"""GET /jobs/progress/<kind>/: the progress of the user's institution's current or last work of a kind, as
JSON for the page's poller (static/appgov/job_progress.js). Only the user's own institution: the answer
never names another institution's work (an examiner has none)."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from appgov.core import progress


def _status_label(status: str) -> str:
    return {
        progress.QUEUED: _("Queued"),
        progress.RUNNING: _("Running"),
        progress.DONE: _("Finished"),
        progress.FAILED: _("Failed"),
    }.get(status, _("Not run yet"))


def _when(stamp) -> str:
    if not stamp:
        return ""
    moment = datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S")


@login_required
@require_safe
def job_progress(request, kind):
    if kind not in progress.KINDS:
        raise Http404
    record = progress.read(request.user.institution_id, kind) if request.user.institution_id else None
    if record is None:
        return JsonResponse({"status": "none", "label": _status_label("none"), "percent": 0, "step": ""})
    try:
        step = _(record["step"]) % record.get("params", {}) if record.get("step") else ""
    except (KeyError, TypeError, ValueError):
        step = _(record["step"])
    status = record["status"]
    response = JsonResponse(
        {
            "status": status,
            "label": _status_label(status),
            "percent": record.get("percent", 0),
            "step": step,
            "error": record.get("error", ""),
            "finished": status in (progress.DONE, progress.FAILED),
            "updated": _when(record.get("updated")),
        }
    )
    response["Cache-Control"] = "no-store"
    return response
