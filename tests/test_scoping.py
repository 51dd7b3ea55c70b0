"""Scoping across every URL the project serves.

Every URL pattern (Django views and DRF router routes, format-suffix variants included) is enumerated
from the resolver and must be described in ROUTES below; a new pattern that is not described fails
`test_every_url_pattern_is_known` (and its own parametrized case) until someone says how to exercise it.

For each pattern:
- object routes are requested with the id of an object of institution B, with every method the view
  accepts, as an administrator of institution A and as an examiner outside B's jurisdiction: the answer
  is 403/404/405 and never carries B's data; nothing of B changes.
- the examiner of B's jurisdiction reads B (200 where the route is a read) and every write is refused (403).
- list routes, dashboards, exports and reports (also with ?institution=/?app= pointing at B) never show
  B's names or codes to A or to the outside examiner, and their counts match what the user may see.

B's names, codes and files all contain the marker "ZQX" (see conftest.py); a response is searched for it
after its CSRF tokens are removed, spreadsheets cell by cell and PDFs through pdftotext.
"""

import datetime
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest
import scoping_modules
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from appgov.core import changelog
from appgov.core.models import ChangeLogEntry

MARK = "zqx"  # compared case-insensitively

# ---------- what each route is ----------


from scoping_modules.route import Route  # noqa: E402

OBJ_READ = dict(kind="object", reg_read=True, shows_b=True)
LIST_B = dict(kind="list", reg_read=True, shows_b=True)
PROBE = ("institution={institution}", "app={app}", "institution={institution}&app={app}")
MESSAGE = "refuses the examiner with a message and a redirect"
SEARCH = "q=手机银行"  # matches A's and B's apps; the probe itself must not carry the marker

ROUTES: dict[str, Route] = {
    # accounts and language
    "login": Route("public"),
    "logout": Route("self"),
    "account-token": Route("self"),
    "password-change": Route("self"),
    "two-factor": Route("self"),
    "two-factor-verify": Route("self"),
    "two-factor-recovery": Route("self"),
    "two-factor-remove": Route("self"),
    "set_language": Route("public"),
    "api-token": Route("public"),
    # API schema and docs: signed-in users and token holders only (issue 12 item 14)
    "api-schema": Route("self"),
    "api-docs": Route("self"),
    "api-redoc": Route("self"),
    "healthz": Route("probe"),
    "api-root": Route("list", reg_read=True),
    # dashboards and the change log
    "dashboard": Route(**LIST_B),
    "changelog": Route(**LIST_B, query=(SEARCH, "q=_administrator", "q=ledger.mobileapp")),
    "changelog-detail": Route(obj="changelog", **OBJ_READ),
    "job-progress": Route("list"),  # the user's own institution's work only; never takes an id
    # ledger UI
    "ledger:app-list": Route(**LIST_B, query=(SEARCH, "managing_department={department}")),
    "ledger:app-create": Route("list"),
    "ledger:app-detail": Route(obj="app", **OBJ_READ),
    "ledger:app-edit": Route("object", obj="app"),
    "ledger:app-transition": Route("object", obj="app"),
    "ledger:app-evidence-add": Route("object", obj="app"),
    "ledger:version-create": Route("object", obj="app"),
    "ledger:account-create": Route("object", obj="app"),
    "ledger:version-detail": Route(obj="version", **OBJ_READ),
    "ledger:version-edit": Route("object", obj="version"),
    "ledger:version-download": Route(obj="version", **OBJ_READ),
    "ledger:listing-create": Route("object", obj="version"),
    "ledger:vulnerability-create": Route("object", obj="version"),
    "ledger:listing-state": Route("object", obj="listing"),
    # void (generic delete view) and retire on the ledger's pages (issue 12 item 1)
    "ledger:app-delete": Route("object", obj="app"),
    "ledger:version-delete": Route("object", obj="version"),
    "ledger:version-retire": Route("object", obj="version"),
    "ledger:listing-delete": Route("object", obj="listing"),
    "ledger:account-delete": Route("object", obj="account"),
    "ledger:evidence-delete": Route("object", obj="evidence"),
    "ledger:evidence-retire": Route("object", obj="evidence"),
    "ledger:channel-list": Route(**LIST_B),
    "ledger:channel-add": Route("list"),
    "ledger:channel-detail": Route(obj="channel", **OBJ_READ),
    "ledger:channel-edit": Route("object", obj="channel"),
    "ledger:import": Route("list"),
    "ledger:export": Route(**LIST_B, query=(SEARCH,)),
    "ledger:template": Route("list", reg_read=True),
    # API: tenancy and users
    "regulatoroffice-list": Route("list", reg_read=True),
    "regulatoroffice-detail": Route("object", obj="office", reg_read=True),  # offices are not marked
    "institution-list": Route(**LIST_B),
    "institution-detail": Route(obj="institution", **OBJ_READ),
    "institution-history": Route(obj="institution", **OBJ_READ),
    "department-list": Route(**LIST_B),
    "department-detail": Route(obj="department", **OBJ_READ),
    "department-history": Route(obj="department", **OBJ_READ),
    "person-list": Route(**LIST_B),
    "person-detail": Route(obj="person", **OBJ_READ),
    "person-history": Route(obj="person", **OBJ_READ),
    "user-list": Route(**LIST_B),
    "user-me": Route("self"),
    "user-detail": Route(obj="user", **OBJ_READ),
    "user-history": Route("object", obj="user", reg_read=True),  # the generic history action
    "user-reset-second-factor": Route("object", obj="user"),
    "user-set-password": Route("object", obj="user"),
    # API: ledger
    "mobileapp-list": Route(**LIST_B, query=(SEARCH, "managing_department={department}")),
    "mobileapp-detail": Route(obj="app", **OBJ_READ),
    "mobileapp-gates": Route("object", obj="app", reg_read=True),
    "mobileapp-history": Route(obj="app", **OBJ_READ),
    "mobileapp-transition": Route("object", obj="app"),
    "appversion-list": Route("list", reg_read=True, query=("app={app}",)),  # files are links, no names
    "appversion-detail": Route("object", obj="version", reg_read=True),
    "appversion-download": Route(obj="version", **OBJ_READ),
    "appversion-history": Route(obj="version", **OBJ_READ),
    "appversion-package": Route("object", obj="version"),
    "appversion-retire": Route("object", obj="version"),
    "channel-list": Route(**LIST_B),
    "channel-detail": Route(obj="channel", **OBJ_READ),
    "channel-history": Route(obj="channel", **OBJ_READ),
    "listing-list": Route("list", reg_read=True, query=("app={app}", "channel={channel}")),
    "listing-detail": Route("object", obj="listing", reg_read=True),
    "listing-history": Route(obj="listing", **OBJ_READ),
    "publishingaccount-list": Route(**LIST_B, query=("app={app}",)),
    "publishingaccount-detail": Route(obj="account", **OBJ_READ),
    "publishingaccount-history": Route(obj="account", **OBJ_READ),
    "vulnerability-list": Route(**LIST_B, query=("app={app}", "version={version}")),
    "vulnerability-detail": Route(obj="vuln", **OBJ_READ),
    "vulnerability-history": Route(obj="vuln", **OBJ_READ),
    "gateevidence-list": Route(**LIST_B, query=("app={app}",)),
    "gateevidence-detail": Route(obj="evidence", **OBJ_READ),
    "gateevidence-history": Route(obj="evidence", **OBJ_READ),
    "gateevidence-download": Route(obj="evidence", **OBJ_READ),
    "gateevidence-retire": Route("object", obj="evidence"),
    # compliance UI
    "compliance:dashboard": Route("list", reg_read=True, query=PROBE),
    "compliance:evaluate": Route("list"),
    "compliance:control-list": Route("list", reg_read=True, query=PROBE),
    "compliance:control-detail": Route("list", reg_read=True, query=PROBE),
    "compliance:evidence-download": Route(obj="cevidence", **OBJ_READ),
    "compliance:evidence-review": Route("object", obj="cevidence"),
    "compliance:evidence-delete": Route("object", obj="cevidence"),  # the void page (issue 12 item 1)
    "compliance:finding-reassign": Route("object", obj="finding"),
    "compliance:finding-attach": Route("object", obj="finding"),
    "compliance:finding-attachment-download": Route(obj="fattachment", **OBJ_READ),
    "compliance:finding-list": Route(**LIST_B, query=PROBE),
    "compliance:finding-bulk": Route("list", post_ignored=MESSAGE),
    "compliance:finding-detail": Route(obj="finding", **OBJ_READ, post_ignored=MESSAGE),
    "compliance:report-pdf": Route("list", reg_read=True, query=PROBE),
    "compliance:results-xlsx": Route("list", reg_read=True, query=PROBE),
    # the PDF built by the worker (issue 11 item 11): asked for, followed, downloaded
    "compliance:report-request": Route("list"),
    "compliance:report-job": Route(obj="creportjob", **OBJ_READ),
    "compliance:report-job-status": Route("object", obj="creportjob", reg_read=True),  # the state, no names
    "compliance:report-job-download": Route("object", obj="creportjob", reg_read=True),
    # compliance API
    "api-controls": Route("list", reg_read=True),
    "controlresult-list": Route(**LIST_B, query=PROBE),
    "controlresult-detail": Route(obj="cresult", **OBJ_READ),
    "controlresult-history": Route("object", obj="cresult", reg_read=True),  # the generic history action
    "evaluation-list": Route("list", reg_read=True, query=PROBE),
    "evaluation-detail": Route("object", obj="evaluation", reg_read=True),
    "evaluation-history": Route("object", obj="evaluation", reg_read=True),  # the generic history action
    "finding-list": Route(**LIST_B, query=PROBE),
    "finding-detail": Route(obj="finding", **OBJ_READ),
    "finding-history": Route("object", obj="finding", reg_read=True),  # the generic history action
    "finding-move": Route("object", obj="finding"),
    "finding-reassign": Route("object", obj="finding"),
    "finding-attach": Route("object", obj="finding"),
    "findingattachment-list": Route(**LIST_B, query=("finding={finding}",)),
    "findingattachment-detail": Route(obj="fattachment", **OBJ_READ),
    "findingattachment-history": Route(
        "object", obj="fattachment", reg_read=True
    ),  # the generic history action
    "findingattachment-download": Route(obj="fattachment", **OBJ_READ),
    "evidence-list": Route(**LIST_B, query=PROBE),
    "evidence-detail": Route(obj="cevidence", **OBJ_READ),
    "evidence-history": Route("object", obj="cevidence", reg_read=True),  # the generic history action
    "evidence-download": Route(obj="cevidence", **OBJ_READ),
    "evidence-review": Route("object", obj="cevidence"),
    # scanning UI and API
    "scanning:scan-detail": Route(obj="scan", **OBJ_READ),
    "scanning:scan-download": Route(obj="scan", **OBJ_READ),
    "scanning:scan-request": Route("object", obj="version", post_ignored=MESSAGE),
    "scanning:package-upload": Route("object", obj="version"),
    "scanning:scan-triage": Route("object", obj="scan"),
    "scanning:scan-status": Route("object", obj="scan", reg_read=True),  # the polled state: no names
    "scanning:sdk-inventory": Route(**LIST_B),
    # the void pages of a mistaken SDK assessment or release certificate (issue 12 item 1)
    "scanning:sdkassessment-delete": Route("object", obj="sdkassessment"),
    "scanning:releasecertificate-delete": Route("object", obj="releasecert"),
    "scanning:feed-list": Route(**LIST_B),
    "scanning:regression-accept": Route("object", obj="version"),
    "vulnerabilityfeed-list": Route(**LIST_B),
    "vulnerabilityfeed-detail": Route(obj="vfeed", **OBJ_READ),
    "vulnerabilityfeed-history": Route(obj="vfeed", **OBJ_READ),
    "vulnerabilityfeed-download": Route(obj="vfeed", **OBJ_READ),
    "gateregressionacceptance-list": Route(**LIST_B, query=("version={version}",)),
    "gateregressionacceptance-detail": Route(obj="raccept", **OBJ_READ),
    "gateregressionacceptance-history": Route("object", obj="raccept", reg_read=True),  # made without the log
    "scan-list": Route(**LIST_B, query=("version={version}",)),
    "scan-detail": Route(obj="scan", **OBJ_READ),
    "scan-history": Route("object", obj="scan", reg_read=True),  # the generic history action
    "scan-triage": Route("object", obj="scan"),
    "sdkuse-list": Route(**LIST_B, query=("version={version}",)),
    "sdkuse-detail": Route(obj="sdkuse", **OBJ_READ),
    "sdkuse-history": Route("object", obj="sdkuse", reg_read=True),  # the generic history action
    "sdkassessment-list": Route(**LIST_B),
    "sdkassessment-detail": Route(obj="sdkassessment", **OBJ_READ),
    "sdkassessment-history": Route("object", obj="sdkassessment", reg_read=True),  # made without the log
    "releasecertificate-list": Route("list", reg_read=True, query=("app={app}",)),
    "releasecertificate-detail": Route("object", obj="releasecert", reg_read=True),
    "releasecertificate-history": Route("object", obj="releasecert", reg_read=True),
    "scanning:profile": Route(**LIST_B),
    "scanning:privacy-inventory-edit": Route("object", obj="app"),
    "scanprofile-list": Route(**LIST_B),
    "scanprofile-detail": Route(obj="scanprofile", **OBJ_READ),
    "scanprofile-history": Route("object", obj="scanprofile", reg_read=True),  # made without the log
    "appprivacyinventory-list": Route("list", reg_read=True, query=("app={app}",)),  # categories, no names
    "appprivacyinventory-detail": Route("object", obj="pinventory", reg_read=True),
    "appprivacyinventory-history": Route("object", obj="pinventory", reg_read=True),
    # counterfeit monitoring UI and API
    "counterfeit:dashboard": Route(**LIST_B),
    "counterfeit:case-list": Route(**LIST_B, query=("app={app}", SEARCH, "overdue=true")),
    "counterfeit:case-detail": Route(obj="ccase", **OBJ_READ),
    "counterfeit:case-move": Route("object", obj="ccase"),
    "counterfeit:case-clarify": Route("object", obj="ccase"),
    "counterfeit:case-report": Route("object", obj="ccase"),
    "counterfeit:feed-list": Route(**LIST_B),
    "counterfeit:listing-list": Route(
        **LIST_B, query=(SEARCH, "pending=true", "unregistered=true", "unregistered_app={app}")
    ),
    "counterfeit:listing-icon": Route("object", obj="clisting", reg_read=True),  # image bytes, no names
    "counterfeit:protection-icon": Route("object", obj="app", reg_read=True),
    "counterfeit:sweep-now": Route("list"),
    "counterfeit:protection": Route(**LIST_B),
    "counterfeit:protection-app": Route("object", obj="app"),
    "brandprofile-list": Route(**LIST_B),
    "brandprofile-detail": Route(obj="cbrand", **OBJ_READ),
    "brandprofile-history": Route(obj="cbrand", **OBJ_READ),
    "appprotection-list": Route(**LIST_B, query=("app={app}",)),
    "appprotection-detail": Route(obj="cprotection", **OBJ_READ),
    "appprotection-history": Route(obj="cprotection", **OBJ_READ),
    "listingfeed-list": Route(**LIST_B),
    "listingfeed-detail": Route(obj="cfeed", **OBJ_READ),
    "listingfeed-history": Route("object", obj="cfeed", reg_read=True),  # the generic history action
    "observedlisting-list": Route(**LIST_B, query=("feed={cfeed}", "unregistered_app={app}")),
    "observedlisting-detail": Route(obj="clisting", **OBJ_READ),
    "observedlisting-history": Route("object", obj="clisting", reg_read=True),  # the generic history action
    "sweeprun-list": Route("list", reg_read=True),
    "sweeprun-detail": Route("object", obj="csweep", reg_read=True),
    "sweeprun-history": Route("object", obj="csweep", reg_read=True),  # the generic history action
    "counterfeitcase-list": Route(**LIST_B, query=("app={app}",)),
    "counterfeitcase-detail": Route(obj="ccase", **OBJ_READ),
    "counterfeitcase-history": Route(obj="ccase", **OBJ_READ),
    "counterfeitcase-move": Route("object", obj="ccase"),
    "counterfeitcase-clarify": Route("object", obj="ccase"),
    "counterfeitcase-report": Route("object", obj="ccase"),
    # credit-information security (PBoC 102)
    "credit:overview": Route("list", reg_read=True),
    "credit:account-list": Route(**LIST_B, query=("status=active",)),
    "credit:account-detail": Route(obj="caccount", **OBJ_READ),
    "credit:change-decide": Route("object", obj="cchange"),
    "credit:review-list": Route(**LIST_B),
    "credit:review-detail": Route(obj="creview", **OBJ_READ),
    "credit:logs": Route(**LIST_B),
    "credit:reviewday-list": Route(**LIST_B, query=("state=overdue",)),
    "credit:reviewday-detail": Route(obj="creviewday", **OBJ_READ),
    "credit:reviewday-queries-export": Route(obj="creviewday", **OBJ_READ),  # the day's query list, .xlsx
    "credit:reviewday-no-queries": Route("list"),
    "credit:alert-disposition": Route("object", obj="calert"),
    "credit:rule-metrics": Route("list", reg_read=True),
    "credit:alert-list": Route(**LIST_B),  # open alerts, newest first (the nav count links here)
    "credit:authorization-list": Route(**LIST_B),
    "credit:kiosk-list": Route(**LIST_B),
    "credit:kiosk-purge": Route("object", obj="ckiosk"),
    "credit:bulk-list": Route(**LIST_B),
    "credit:bulk-step": Route("object", obj="cbulk"),
    "credit:dissent-list": Route(**LIST_B),
    "credit:dissent-detail": Route(obj="cdissent", **OBJ_READ),
    "credit:complaint-list": Route(**LIST_B),
    "credit:complaint-close": Route("object", obj="ccomplaint"),
    "credit:report-list": Route(**LIST_B),
    "credit:leading-group": Route("list", reg_read=True),
    "credit:account-password": Route("object", obj="caccount"),
    "credit:calendar": Route(**LIST_B, query=("year=2025",)),
    "credit:staff-list": Route(**LIST_B),
    "credit:app-list": Route(**LIST_B),
    "credit:authorization-edit": Route("object", obj="cauth"),
    "credit:authorization-withdraw": Route("object", obj="cauth"),
    "credit:kiosk-edit": Route("object", obj="ckiosk"),
    "credit:kiosk-retire": Route("object", obj="ckiosk"),
    "credit:bulk-edit": Route("object", obj="cbulk"),
    "credit:dissent-edit": Route("object", obj="cdissent"),
    "credit:complaint-edit": Route("object", obj="ccomplaint"),
    "credit:report-edit": Route("object", obj="creport"),
    "credit:staff-edit": Route("object", obj="cstaff"),
    "credit:staff-delete": Route("object", obj="cstaff"),
    "credit:app-edit": Route("object", obj="capp"),
    "credit:app-end": Route("object", obj="capp"),
    "credit:hours-edit": Route("object", obj="chours"),
    "credit:hours-delete": Route("object", obj="chours"),
    "credit:day-edit": Route("object", obj="cday"),
    "credit:day-delete": Route("object", obj="cday"),
    "creditaccount-list": Route(**LIST_B),
    "creditaccount-detail": Route(obj="caccount", **OBJ_READ),
    "creditaccount-history": Route("object", obj="caccount", reg_read=True),  # the generic history action
    "creditaccountchange-list": Route("list", reg_read=True),
    "creditaccountchange-detail": Route("object", obj="cchange", reg_read=True),
    "creditaccountchange-history": Route(
        "object", obj="cchange", reg_read=True
    ),  # the generic history action
    "creditaccountchange-approve": Route("object", obj="cchange"),
    "creditalert-list": Route(**LIST_B),
    "creditalert-detail": Route(obj="calert", **OBJ_READ),
    "creditalert-history": Route("object", obj="calert", reg_read=True),  # the generic history action
    "creditalert-disposition": Route("object", obj="calert"),
    "creditreviewday-list": Route(**LIST_B),
    "creditreviewday-detail": Route(obj="creviewday", **OBJ_READ),
    "creditreviewday-history": Route("object", obj="creviewday", reg_read=True),  # the generic history action
    "creditreviewday-close": Route("object", obj="creviewday"),
    "creditreviewday-no-queries": Route("list"),
    "creditlogfile-events": Route("list"),  # the near-real-time ingest of JSON batches
    "creditlogfile-list": Route(**LIST_B),
    "creditlogfile-detail": Route(obj="cbatch", **OBJ_READ),
    "creditlogfile-history": Route("object", obj="cbatch", reg_read=True),  # the generic history action
    "creditbulkdata-list": Route(**LIST_B),
    "creditbulkdata-detail": Route(obj="cbulk", **OBJ_READ),
    "creditbulkdata-history": Route("object", obj="cbulk", reg_read=True),  # the generic history action
    "creditbulkdata-approve": Route("object", obj="cbulk"),
    "creditbulkdata-reject": Route("object", obj="cbulk"),
    "creditbulkdata-extraction": Route("object", obj="cbulk"),
    "creditbulkdata-destruction": Route("object", obj="cbulk"),
    "creditauthorization-list": Route(**LIST_B),
    "creditauthorization-detail": Route(obj="cauth", **OBJ_READ),
    "creditauthorization-history": Route(obj="cauth", **OBJ_READ),
    "creditworkinghours-list": Route("list", reg_read=True),  # ids and times only: no marker to show
    "creditworkinghours-detail": Route(obj="chours", kind="object", reg_read=True),
    "creditworkinghours-history": Route(obj="chours", **OBJ_READ),
    "creditcalendarday-list": Route(**LIST_B),
    "creditcalendarday-detail": Route(obj="cday", **OBJ_READ),
    "creditcalendarday-history": Route(obj="cday", **OBJ_READ),
    "creditcalendarday-import-file": Route("list"),
    "creditstaffsubject-list": Route(**LIST_B),
    "creditstaffsubject-detail": Route(obj="cstaff", **OBJ_READ),
    "creditstaffsubject-history": Route(obj="cstaff", **OBJ_READ),
    "creditappconnection-list": Route(**LIST_B),
    "creditappconnection-detail": Route(obj="capp", **OBJ_READ),
    "creditappconnection-history": Route(obj="capp", **OBJ_READ),
    "creditappconnection-end": Route("object", obj="capp"),
    "creditkiosk-list": Route(**LIST_B),
    "creditkiosk-detail": Route(obj="ckiosk", **OBJ_READ),
    "creditkiosk-history": Route(obj="ckiosk", **OBJ_READ),
    "creditdissent-list": Route(**LIST_B),
    "creditdissent-detail": Route(obj="cdissent", **OBJ_READ),
    "creditdissent-history": Route(obj="cdissent", **OBJ_READ),
    "creditcomplaint-list": Route(**LIST_B),
    "creditcomplaint-detail": Route(obj="ccomplaint", **OBJ_READ),
    "creditcomplaint-history": Route(obj="ccomplaint", **OBJ_READ),
    "creditreport-list": Route(**LIST_B),
    "creditreport-detail": Route(obj="creport", **OBJ_READ),
    "creditreport-history": Route(obj="creport", **OBJ_READ),
}

# Values for URL kwargs that are not object ids.
STATIC_KWARGS = {
    "decision": "approve",
    "step": "approve",
    "format": "json",
    "fmt": "cyclonedx",
    "kind": "counterfeit_sweep",
}
GLOBAL_KWARGS = {"control_id": "first_control"}  # filled from b_objects(); the catalogue is global


# ---------- enumerate the URL patterns ----------


@dataclass(frozen=True)
class Pattern:
    route: str  # the full pattern text, unique
    name: str | None
    kwargs: tuple[str, ...]
    callback: object

    @property
    def id(self):
        return f"{self.name}:{self.route}"


def walk(patterns=None, prefix="", namespace=None):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield Pattern(
                prefix + str(entry.pattern), name, tuple(entry.pattern.regex.groupindex), entry.callback
            )


PATTERNS = list(walk())


def to_url(pattern: Pattern, values: dict) -> str:
    """Fill a pattern (Django route syntax or DRF regex) with values, giving a concrete path."""
    text = pattern.route.replace("^", "").replace("$", "")
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), text)
    text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), text)
    text = text.replace("\\.", ".").replace("/?", "")
    if pattern.route.endswith("<drf_format_suffix:format>"):
        text = text[: -len(str(values["format"]))] + "." + str(values["format"])
    url = "/" + text
    match = resolve(url)
    assert match.func == pattern.callback or getattr(match.func, "cls", None) == getattr(
        pattern.callback, "cls", object()
    ), f"{url} resolves elsewhere than {pattern.route}"
    return url


def methods_of(callback) -> list[str]:
    actions = getattr(callback, "actions", None)
    if actions:
        allowed = set(getattr(callback.cls, "http_method_names", actions))
        return [m for m in ("get", "post", "put", "patch", "delete") if m in actions and m in allowed]
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is not None:
        return [m for m in ("get", "post", "put", "patch", "delete") if hasattr(view_class, m)]
    return ["get", "post"]


# ---------- B's objects ----------


class Objects(dict):
    """B's objects by key, made on first use (the compliance evaluation is not cheap)."""

    def __init__(self, world):
        super().__init__()
        self.world = world

    def __missing__(self, key):
        if key not in FACTORIES:
            raise KeyError(f"no factory for {key!r}: add one to FACTORIES in tests/test_scoping.py")
        for name, value in FACTORIES[key](self.world).items():
            self[name] = value
        return self[key]


@pytest.fixture
def b(world):
    return Objects(world)


def _b_ledger(world):
    entry = (
        ChangeLogEntry.objects.filter(institution=world.b.inst, object_repr__contains="ZQX")
        .order_by("-seq")
        .first()
    )
    return {
        "app": world.b.app.pk,
        "version": world.b.version.pk,
        "listing": world.b.listing.pk,
        "channel": world.b.channel.pk,
        "account": world.b.account.pk,
        "vuln": world.b.vuln.pk,
        "evidence": world.b.evidence.pk,
        "department": world.b.depts["OFFICE"].pk,
        "person": world.b.people["P001"].pk,
        "user": world.b.admin.pk,
        "institution": world.b.inst.pk,
        "office": world.b.office.pk,
        "changelog": entry.seq,
    }


def _b_compliance(world):
    """An evaluation of B (results, findings) and a compliance evidence file of B."""
    from appgov.compliance import services as compliance
    from appgov.compliance.evaluation import catalogue
    from appgov.compliance.models import ControlResult, Finding

    inst = world.b.inst
    evaluation = compliance.evaluate_now(inst)
    control_id = catalogue().controls[0].id
    cevidence = compliance.add_evidence(
        inst,
        control_id,
        "app",
        world.b.app.pk,
        "ZQX 合规证明",
        datetime.date(2026, 1, 1),
        file=ContentFile(b"%PDF-1.4 ZQX compliance evidence", name="zqx-compliance.pdf"),
    )
    finding = Finding.objects.filter(institution=inst, subject_repr__contains="ZQX").first()
    assert finding is not None, (
        "the evaluation of B opened no finding on B's apps; give B an app that fails a control"
    )
    fattachment = compliance.add_finding_attachment(
        finding,
        None,
        ContentFile(b"%PDF-1.4 ZQX rectification report", name="zqx-rectification.pdf"),
        "ZQX 整改报告",
    )
    from appgov.compliance.models import ReportJob
    from appgov.core import services as core

    report_job = core.save(
        ReportJob(
            institution=inst,
            status=ReportJob.Status.DONE,
            progress=100,
            file=ContentFile(b"%PDF-1.4 ZQX report", name="zqx-report.pdf"),
        )
    )
    return {
        "creportjob": report_job.pk,
        "cresult": ControlResult.objects.filter(institution=inst, subject_repr__contains="ZQX").first().pk,
        "evaluation": evaluation.pk,
        "finding": finding.pk,
        "cevidence": cevidence.pk,
        "fattachment": fattachment.pk,
        "first_control": control_id,
    }


def _b_scanning(world):
    """A finished scan of B's version with an SDK, an SDK assessment and a release certificate."""
    from appgov.scanning.models import (
        AppPrivacyInventory,
        ReleaseCertificate,
        Scan,
        ScanProfile,
        SdkAssessment,
        SdkUse,
    )

    report = {
        "app": {"id": "cn.zqx.bank", "name": "ZQX 手机银行"},
        "platform": "android",
        "file": {"name": "zqx.apk", "sha256": "f" * 64},
        "engine": {"name": "apkscan", "version": "test"},
        "native": {"libraries": []},
        "sdks": [
            {
                "id": "zqx-sdk",
                "name": "ZQX SDK",
                "vendor": "ZQX",
                "category": "analytics",
                "matched_by": [{"kind": "package", "signature": "cn.zqx.sdk"}],
                "personal_information": [],
            }
        ],
        "findings": [],
        "permissions": [],
        "urls": [],
        "signing": {"certificates": []},
    }
    scan = Scan.objects.create(version=world.b.version, package_sha256="f" * 64, status="done", report=report)
    use = SdkUse.objects.create(
        version=world.b.version, scan=scan, sdk_id="zqx-sdk", name="ZQX SDK", vendor="ZQX"
    )
    assessment = SdkAssessment.objects.create(
        institution=world.b.inst,
        sdk_id="zqx-sdk",
        assessed_on="2026-01-01",
        conclusion="approved",
        reference="ZQX-SDK-1",
    )
    cert = ReleaseCertificate.objects.create(app=world.b.app, sha256="e" * 64, label="release")
    profile = ScanProfile.objects.create(
        institution=world.b.inst, allowed_domains=["zqx-bank.example.cn"], check_links=True
    )
    inventory = AppPrivacyInventory.objects.create(app=world.b.app, categories=["location"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    from appgov.scanning.feeds import import_feed
    from appgov.scanning.models import GateRegressionAcceptance

    feed = import_feed(
        world.b.admin,
        name="ZQX 漏洞库",
        upload=SimpleUploadedFile("zqx.csv", b"advisory_id,component,summary\nZQX-2026-1,zqx-sdk,ZQX\n"),
    )
    accepted = GateRegressionAcceptance.objects.create(
        version=world.b.version, scan=scan, previous_scan=scan, reason="ZQX 接受"
    )
    return {
        "scan": scan.pk,
        "sdkuse": use.pk,
        "sdkassessment": assessment.pk,
        "releasecert": cert.pk,
        "scanprofile": profile.pk,
        "pinventory": inventory.pk,
        "vfeed": feed.pk,
        "raccept": accepted.pk,
    }


def _b_counterfeit(world):
    """A listing feed of B swept into a counterfeit case of B's app (through the services, so it is logged)."""
    from PIL import Image

    from appgov.counterfeit import feeds, icons, services
    from appgov.counterfeit.models import CounterfeitCase
    from appgov.counterfeit.sweep import sweep

    rows = [
        {
            "listing_id": "ZQX-L1",
            "source": "ZQX商店",
            "name": "ZQX手机银行极速版",
            "developer": "某某科技",
            "icon": "z.png",
        }
    ]
    png = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 200, 30)).save(png, "PNG")
    feed = feeds.receive_feed(
        world.b.inst,
        feeds.parse_objects(rows),
        channel="api",
        label="ZQX 商店监测",
        actor=world.b.admin,
        icons={"ZQX-L1": icons.fingerprint(png.getvalue())},  # as a ZIP feed carries it
    )
    run = sweep(world.b.inst, "manual", world.b.admin)
    case = CounterfeitCase.objects.get(institution=world.b.inst)
    brand = services.save_brand_profile(world.b.inst, world.b.admin, brand_keywords=["ZQX"])
    protection = services.save_protection(
        world.b.app, world.b.admin, aliases=["ZQX银行"], icon=ContentFile(png.getvalue(), name="zqx.png")
    )
    return {
        "ccase": case.pk,
        "cfeed": feed.pk,
        "clisting": case.listing_id,
        "csweep": run.pk,
        "cbrand": brand.pk,
        "cprotection": protection.pk,
    }


def _b_credit(world):
    """B's credit-system account, approvals, review, alerts, log file and registers (tests/credit_fixtures.py)."""
    from credit_fixtures import make_credit_objects

    return make_credit_objects(world.b)


# B's objects a module's pages and lists show, made before the state is taken (by the view's module).
PREPARE = {
    "appgov.compliance": "finding",
    "appgov.scanning": "scan",
    "appgov.counterfeit": "ccase",
    "appgov.credit": "caccount",
    "appgov.ledger": "app",
    "appgov.core": "app",
}

FACTORIES = {}
for _factory, _keys in [
    (
        _b_ledger,
        "app version listing channel account vuln evidence department person user institution office changelog",
    ),
    (_b_compliance, "cresult evaluation finding cevidence fattachment first_control creportjob"),
    (_b_scanning, "scan sdkuse sdkassessment releasecert scanprofile pinventory vfeed raccept"),
    (_b_counterfeit, "ccase cfeed clisting csweep cbrand cprotection"),
    (
        _b_credit,
        "caccount cchange creview creviewday calert cbatch cauth ckiosk cbulk cdissent ccomplaint creport"
        " cday chours cstaff capp",
    ),
]:
    FACTORIES.update(dict.fromkeys(_keys.split(), _factory))


# issue 11 item 13: the scan list, the organisation pages (institution scope, departments, people, users), the
# ledger's saved filters and bulk edit
def _b_saved_filter(world):
    from appgov.ledger.saved_filters import saved_filters

    saved = saved_filters.create(world.b.admin, {"name": "ZQX 筛选", "query": "q=ZQX"})
    return {"savedfilter": saved.pk}


FACTORIES["savedfilter"] = _b_saved_filter
ROUTES.update(
    {
        "scanning:scan-list": Route(**LIST_B, query=("status=done", "status=active", SEARCH)),
        "ledger:app-bulk-edit": Route("list", query=("ids={app}",)),
        "ledger:filter-save": Route("list"),
        "ledger:filter-delete": Route("object", obj="savedfilter"),
        "org-institution": Route(**LIST_B),
        "org-institution-edit": Route("list"),
        "org-department-list": Route(**LIST_B),
        "org-department-create": Route("list"),
        "org-department-edit": Route("object", obj="department"),
        "org-person-list": Route(**LIST_B, query=("department={department}", "employed=1")),
        "org-person-create": Route("list"),
        "org-person-edit": Route("object", obj="person"),
        "org-person-void": Route("object", obj="person"),
        "org-user-list": Route("list", query=("role=administrator",)),
        "org-user-create": Route("list"),
        "org-user-edit": Route("object", obj="user"),
        "org-user-active": Route("object", obj="user"),
        "org-user-password": Route("object", obj="user"),
        "org-user-two-factor-reset": Route("object", obj="user"),
    }
)

for _module in scoping_modules.MODULES:
    ROUTES.update(_module.ROUTES)
    FACTORIES.update(dict.fromkeys(_module.FACTORY_KEYS.split(), _module.build_b))
    PREPARE.update(getattr(_module, "PREPARE", {}))


def b_state(world):
    """Everything of B that a refused write could have changed."""
    from appgov.compliance.models import Evaluation, Evidence, Finding, FindingAttachment, ReportJob

    inst = world.b.inst
    objects = [world.b.app, world.b.app2, world.b.version, world.b.listing, world.b.channel, world.b.account]
    objects += [world.b.vuln, world.b.evidence, world.b.depts["OFFICE"], world.b.people["P001"], inst]
    fresh = [type(o).objects.filter(pk=o.pk).first() for o in objects]
    return {
        "log": ChangeLogEntry.objects.filter(institution=inst).count(),
        "objects": [changelog.snapshot(o) if o else None for o in fresh],
        "findings": sorted(
            Finding.objects.filter(institution=inst).values_list("id", "status", "owner", "owner_department")
        ),
        "evidence": sorted(Evidence.objects.filter(institution=inst).values_list("id", "review_status")),
        "report_jobs": sorted(ReportJob.objects.filter(institution=inst).values_list("id", "status")),
        "finding_attachments": FindingAttachment.objects.filter(finding__institution=inst).count(),
        "evaluations": Evaluation.objects.filter(institution=inst).count(),
        "apps": inst.apps.count(),
        "scanning": _scanning_state(inst),
        "counterfeit": _counterfeit_state(inst),
        "modules": [m.state(inst) for m in scoping_modules.MODULES if hasattr(m, "state")],
    }


def _counterfeit_state(inst):
    from appgov.counterfeit.models import AppProtection, BrandProfile, CounterfeitCase, ListingFeed, SweepRun

    return (
        sorted(CounterfeitCase.objects.filter(institution=inst).values_list("id", "state", "note")),
        ListingFeed.objects.filter(institution=inst).count(),
        SweepRun.objects.filter(institution=inst).count(),
        sorted(
            BrandProfile.objects.filter(institution=inst).values_list("id", "brand_keywords", "developers")
        ),
        sorted(
            AppProtection.objects.filter(app__institution=inst).values_list(
                "id", "aliases", "brand_keywords", "extra_package_ids", "monitored", "icon"
            )
        ),
    )


def _scanning_state(inst):
    from appgov.scanning.models import (
        AppPrivacyInventory,
        GateRegressionAcceptance,
        ReleaseCertificate,
        Scan,
        ScanProfile,
        SdkAssessment,
        VulnerabilityFeed,
    )

    return (
        Scan.objects.filter(version__app__institution=inst).count(),
        SdkAssessment.objects.filter(institution=inst).count(),
        ReleaseCertificate.objects.filter(app__institution=inst).count(),
        [changelog.snapshot(p) for p in ScanProfile.objects.filter(institution=inst)],
        [changelog.snapshot(i) for i in AppPrivacyInventory.objects.filter(app__institution=inst)],
        VulnerabilityFeed.objects.filter(institution=inst).count(),
        GateRegressionAcceptance.objects.filter(version__app__institution=inst).count(),
    )


# ---------- requests and what a response shows ----------

CSRF_LIKE = re.compile(r"[A-Za-z0-9]{64}")

WRITE_FORM = {
    "name": "ZQX-hijacked",
    "code": "HIJACK-1",
    "kind": "app",
    "audience": "external",
    "to_state": "retired",
    "to_status": "verified",
    "state": "delisted",
    "item": "exit_decision",
    "reference": "hijack",
    "title": "hijack",
    "severity": "low",
    "platform": "android",
    "version_name": "6.6.6",
    "support_status": "supported",
    "account_name": "hijack",
    "holder": "institution",
    "note": "hijack",
}


def session(user) -> Client:
    from second_factor import force_login  # the examiner's and administrator's second factor passed

    return force_login(Client(), user)


def send(client, method, url, data=None):
    if method in ("get", "delete"):
        return getattr(client, method)(url)
    if method == "post" and not url.startswith("/api/"):
        return client.post(url, data or WRITE_FORM)
    return getattr(client, method)(url, json.dumps(data or WRITE_FORM), content_type="application/json")


def shown_text(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    ctype = response.get("Content-Type", "")
    if "spreadsheetml" in ctype:
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(
            str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
        )
    if ctype.startswith("application/pdf"):
        if not shutil.which("pdftotext"):
            pytest.fail("pdftotext (Debian poppler-utils) is needed to read PDF reports for leaks")
        done = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, timeout=60)
        if done.returncode == 0:
            return done.stdout.decode("utf-8", "replace")
        return content.decode("latin-1")  # not a PDF after all (an uploaded file): its bytes are what leaks
    return CSRF_LIKE.sub("", content.decode("utf-8", "replace"))


def assert_no_b(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    text = shown_text(response)
    assert MARK not in text.lower(), (
        f"{where} shows B's data: …{text[max(0, text.lower().find(MARK) - 80) :][:200]}…"
    )


def kwargs_for(pattern: Pattern, route: Route, objects: dict) -> dict:
    values = {}
    for name in pattern.kwargs:
        if name in STATIC_KWARGS:
            values[name] = STATIC_KWARGS[name]
        elif name in GLOBAL_KWARGS:
            values[name] = objects[GLOBAL_KWARGS[name]]
        else:
            assert route.obj, f"{pattern.id}: the id {name!r} names no object; set Route.obj"
            values[name] = objects[route.obj]
    return values


# ---------- the tests ----------


def test_every_url_pattern_is_known():
    unknown = sorted({p.id for p in PATTERNS if p.name not in ROUTES})
    assert not unknown, (
        "URL patterns the scoping suite does not know how to exercise; describe each in ROUTES in "
        f"tests/test_scoping.py: {unknown}"
    )
    stale = sorted(set(ROUTES) - {p.name for p in PATTERNS})
    assert not stale, f"ROUTES names patterns that no longer exist: {stale}"


ROUTE_NAMES = sorted({p.name or p.route for p in PATTERNS})


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_route_is_scoped(name, world, b):
    """Every pattern of one URL name (format-suffix variants included), as outsiders and as B's examiner."""
    route = ROUTES.get(name)
    assert route is not None, f"{name} is not described in ROUTES (tests/test_scoping.py)"
    patterns = [p for p in PATTERNS if (p.name or p.route) == name]
    for pattern in patterns:  # make B's objects of the route's module before taking B's state
        module = (
            getattr(getattr(pattern.callback, "cls", None), "__module__", None) or pattern.callback.__module__
        )
        for prefix, key in PREPARE.items():
            if module.startswith(prefix):
                b[key]
    if route.obj:
        b[route.obj]
    before = b_state(world)
    # the plain pattern gets every check; a format-suffix twin runs the same view, so reads suffice there
    for pattern in sorted(patterns, key=lambda p: "format" in p.kwargs):
        check_pattern(pattern, route, world, b, full="format" not in pattern.kwargs)
    assert b_state(world) == before, f"{name} changed B"


def check_pattern(pattern, route, world, b, full):
    url = to_url(pattern, kwargs_for(pattern, route, b))
    methods = methods_of(pattern.callback) if full else ["get"]

    if route.kind == "probe":
        response = Client().get(url)
        assert response.status_code in (200, 503), f"anonymous GET {url}: {response.status_code}"
        assert MARK not in response.content.decode().lower(), f"anonymous GET {url} shows B"
        return
    if route.kind == "public":
        for method in methods:
            assert_no_b(send(Client(), method, url), f"anonymous {method.upper()} {url}")
        return

    anonymous = Client().get(url)
    assert anonymous.status_code in (302, 401, 403, 405), f"anonymous GET {url}: {anonymous.status_code}"
    if anonymous.status_code == 302:
        assert anonymous["Location"].startswith("/login/")

    if route.kind in ("office", "office_list"):
        check_office_pattern(url, route, methods, world, b, full)
        return

    outsiders = {"user of A": world.a.admin, "examiner outside B's jurisdiction": world.reg_out}
    if route.kind == "object":
        for who, user in outsiders.items():
            client = session(user)
            for method in methods:
                response = send(client, method, url)
                assert response.status_code in (403, 404, 405), (
                    f"{who} {method.upper()} {url}: {response.status_code}"
                )
                assert_no_b(response, f"{who} {method.upper()} {url}")
    elif route.kind in ("list", "self"):
        urls = [url] + ([f"{url}?{q.format_map(b)}" for q in route.query] if full else [])
        for who, user in outsiders.items():
            client = session(user)
            for target in urls:
                assert_no_b(client.get(target), f"{who} GET {target}")

    # the examiner of B's jurisdiction: reads, never writes
    client = session(world.reg_in)
    response = client.get(url)
    assert response.status_code < 500, f"examiner GET {url}: {response.status_code}"
    if route.reg_read and full:
        assert response.status_code == 200, f"examiner GET {url}: {response.status_code}"
        if route.shows_b:
            assert MARK in shown_text(response).lower(), (
                f"examiner GET {url} does not show B (check is blind)"
            )
    if route.kind == "self":
        return
    for method in methods:
        if method == "get":
            continue
        response = send(client, method, url)
        allowed = (403, 405) + ((200, 302) if route.post_ignored and method == "post" else ())
        assert response.status_code in allowed, f"examiner {method.upper()} {url}: {response.status_code}"


def check_office_pattern(url, route, methods, world, b, full):
    """A regulator office's page (kind "office" / "office_list", records of B's office T-P2)."""
    for who, user in {"user of A": world.a.admin, "user of B": world.b.admin}.items():
        client = session(user)
        for method in methods:
            response = send(client, method, url)
            assert response.status_code in (403, 404, 405), (
                f"{who} {method.upper()} {url}: {response.status_code}"
            )
            if user is world.a.admin:  # B's own pages (header, menus) name B: only A's answer is searched
                assert_no_b(response, f"{who} {method.upper()} {url}")
    client = session(world.reg_out)
    for method in methods:
        response = send(client, method, url)
        where = f"examiner outside B's jurisdiction {method.upper()} {url}"
        if route.kind == "office":
            assert response.status_code in (403, 404, 405), f"{where}: {response.status_code}"
        assert_no_b(response, where)
    response = session(world.reg_in).get(url)
    assert response.status_code < 500, f"examiner GET {url}: {response.status_code}"
    if route.reg_read and full:
        assert response.status_code == 200, f"examiner GET {url}: {response.status_code}"
        if route.shows_b:
            assert MARK in shown_text(response).lower(), (
                f"examiner GET {url} does not show B (check is blind)"
            )


def test_counts_match_what_the_user_may_see(world, b):
    """API list counts and dashboard totals are the user's own, never B's or both institutions'."""
    from appgov.core.scoping import scoped

    checked = 0
    for pattern in PATTERNS:
        cls = getattr(pattern.callback, "cls", None)
        actions = getattr(pattern.callback, "actions", {}) or {}
        if actions.get("get") != "list" or "format" in pattern.kwargs:
            continue
        model = cls.queryset.model
        if getattr(model, "institution_path", None) is None:
            continue
        url = to_url(pattern, {})
        for user in (world.a.admin, world.reg_out, world.reg_in):
            body = session(user).get(url, {"limit": 1000}).json()
            expected = scoped(model, user).count()
            assert body["count"] == expected, (url, user.username, body["count"], expected)
            checked += 1
    assert checked >= 30
    assert session(world.a.admin).get("/").context["data"]["total"] == 2
    assert session(world.reg_out).get("/").context["data"]["total"] == 2
    assert session(world.reg_in).get("/").context["data"]["total"] == 3
    assert session(world.reg_hq).get("/").context["data"]["total"] >= 5


def test_media_files_are_never_served_directly(world, b):
    for name in (world.b.version.package.name, world.b.evidence.file.name):
        for user in (world.a.admin, world.reg_in):
            response = session(user).get(f"/media/{name}")
            assert response.status_code == 404, name
    assert world.b.evidence.file.name  # the evidence file exists and is only reachable through scoped views


def test_writes_naming_b_objects_from_a_list_route_are_refused(world, b):
    """Creating an object of A that points at an object of B (through forms or the API) is refused."""
    client = session(world.a.admin)
    from appgov.ledger.models import AppVersion, GateEvidence, Listing, MobileApp, PublishingAccount

    b["finding"]  # made before B's state is taken
    before = b_state(world)
    form = {
        "code": "X-B",
        "name": "x",
        "kind": "app",
        "audience": "external",
        "managing_department": b["department"],
    }
    assert client.post("/ledger/apps/new/", form).status_code == 200
    api_posts = [
        ("/api/ledger/apps/", {"code": "X-B", "name": "x", "kind": "app", "responsible_person": b["person"]}),
        ("/api/ledger/versions/", {"app": b["app"], "platform": "ios", "version_name": "6.6.6"}),
        ("/api/ledger/listings/", {"version": b["version"], "channel": b["channel"]}),
        ("/api/ledger/listings/", {"version": world.a.version.pk, "channel": b["channel"]}),
        ("/api/ledger/publishing-accounts/", {"app": b["app"], "channel": b["channel"], "account_name": "x"}),
        ("/api/ledger/vulnerabilities/", {"version": b["version"], "title": "x", "severity": "low"}),
        ("/api/ledger/gate-evidence/", {"app": b["app"], "item": "exit_decision", "reference": "x"}),
        ("/api/people/", {"employee_no": "X1", "name": "x", "department": b["department"]}),
    ]
    for url, payload in api_posts:
        response = client.post(url, json.dumps(payload), content_type="application/json")
        assert response.status_code == 400, (url, response.status_code, response.content[:300])
        assert_no_b(response, url)
    response = client.post(
        "/compliance/findings/bulk/",
        {"ids": [b["finding"]], "to_status": "verified", "note": "x"},
        follow=True,
    )
    assert_no_b(response, "finding bulk move")
    assert not MobileApp.objects.filter(code="X-B").exists()
    assert not AppVersion.objects.filter(version_name="6.6.6").exists()
    assert not Listing.objects.filter(channel_id=b["channel"]).exclude(pk=world.b.listing.pk).exists()
    assert not PublishingAccount.objects.filter(account_name="x").exists()
    assert not GateEvidence.objects.filter(reference="x").exists()
    assert b_state(world) == before
