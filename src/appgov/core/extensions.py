"""How a module adds to another module's pages and set-up without the other importing it.

A lower module (the ledger) renders its pages and loads its demo; higher modules (scanning, compliance, credit,
counterfeit) register, in their AppConfig.ready(), what they add: a block of a detail page's context, or a demo
loader. The lower module asks this registry, so the import-linter layers hold.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

# model label -> [(context key, provider(obj, request) -> value)]
_DETAIL_CONTEXT: dict[str, list[tuple[str, Callable]]] = {}
_DEMO_LOADERS: list[tuple[int, str, Callable[[], object]]] = []
# name -> provider(institution, today) -> [{"due_on", "label", "control_id", "url"}]: a module's own due dates
# for the compliance calendar (reports, audits, drills …), beside the catalogue's periodic controls
_DUE_DATES: dict[str, Callable] = {}
# name -> provider(institution, app or None) -> {"title": str, "html": safe str} or None (nothing to report)
_REPORT_SECTIONS: dict[str, Callable] = {}


def register_detail_context(model_label: str, key: str, provider: Callable) -> None:
    entries = _DETAIL_CONTEXT.setdefault(model_label, [])
    if any(existing == key for existing, _p in entries):
        raise RuntimeError(f"two providers of {key!r} for {model_label}")
    entries.append((key, provider))


def detail_context(obj, request) -> dict:
    """What the registered modules add to the detail page of obj."""
    return {key: provider(obj, request) for key, provider in _DETAIL_CONTEXT.get(obj._meta.label_lower, [])}


def register_demo_loader(order: int, name: str, loader: Callable[[], object]) -> None:
    if any(existing == name for _o, existing, _l in _DEMO_LOADERS):
        return  # ready() may run twice in tests
    _DEMO_LOADERS.append((order, name, loader))


def demo_loaders() -> list[Callable[[], object]]:
    return [loader for _o, _n, loader in sorted(_DEMO_LOADERS, key=lambda item: (item[0], item[1]))]


def register_due_dates(name: str, provider: Callable) -> None:
    _DUE_DATES[name] = provider  # ready() may run twice in tests: the same name replaces itself


def due_dates(institution, today) -> list[dict]:
    """Every registered module's open due dates of the institution, soonest first."""
    rows = [row for provider in _DUE_DATES.values() for row in provider(institution, today)]
    return sorted(rows, key=lambda row: row["due_on"])


def register_report_section(name: str, provider: Callable) -> None:
    """A section a higher module adds to the compliance PDF report (after compliance's own sections)."""
    existing = _REPORT_SECTIONS.get(name)
    if existing is not None and existing is not provider:
        raise RuntimeError(f"two providers of the report section {name!r}")
    _REPORT_SECTIONS[name] = provider


def report_sections(institution, app=None) -> list[dict]:
    """The registered sections that have something to report, in the order of their names."""
    sections = (_REPORT_SECTIONS[name](institution, app) for name in sorted(_REPORT_SECTIONS))
    return [s for s in sections if s]


# ---- the common findings list (compliance) for modules that may not import it ------------------------------
# Compliance registers the gateway in its ready(); a module that opens findings from its own work (an audit's
# findings) or reads them (the risk assessment's pre-fill, a risk's linked findings) goes through it, so the
# findings keep one list, one SLA policy and one workflow.


@dataclass(frozen=True)
class FindingInfo:
    id: int
    control_id: str
    subject_repr: str
    severity: str
    status: str
    status_label: str
    due_on: object  # datetime.date
    active: bool  # not yet verified
    overdue: bool
    url: str


_FINDINGS_GATEWAY: list = []
# subject type -> provider(finding) -> {"label": str, "url": str} or None: where a finding came from
_FINDING_SOURCES: dict[str, Callable] = {}


def register_findings_gateway(gateway) -> None:
    """gateway: open_finding(**fields) -> FindingInfo, findings(institution, ids) -> {id: FindingInfo},
    open_for_app(institution, app_id) -> [FindingInfo]."""
    _FINDINGS_GATEWAY[:] = [gateway]


def findings_gateway():
    if not _FINDINGS_GATEWAY:
        raise ImproperlyConfigured("no findings gateway registered (is appgov.compliance installed?)")
    return _FINDINGS_GATEWAY[0]


def register_finding_source(subject_type: str, provider: Callable) -> None:
    _FINDING_SOURCES[subject_type] = provider


def finding_source(finding) -> dict | None:
    provider = _FINDING_SOURCES.get(finding.subject_type)
    return provider(finding) if provider else None


# ---- running metrics of an app, for modules below the one that keeps them --------------------------------------
# name -> provider(app, today) -> {"answer": "yes" | "partly" | "no", "facts": str} or None (nothing known):
# the operations module (issue 17) registers its metrics and thresholds here; the risk assessment's pre-fill
# reads them without importing operations.
_METRICS_SUMMARIES: dict[str, Callable] = {}


def register_metrics_summary(name: str, provider: Callable) -> None:
    _METRICS_SUMMARIES[name] = provider  # ready() may run twice in tests: the same name replaces itself


def metrics_summaries(app, today) -> list[dict]:
    """What each registered provider says of the app's running metrics, in the order of their names."""
    found = (_METRICS_SUMMARIES[name](app, today) for name in sorted(_METRICS_SUMMARIES))
    return [s for s in found if s]


# name -> provider: what a higher or sibling module asks of a module it may not import (operations asks the risk
# register for the incidents of an app's day, and compliance for the open high findings of the apps)
_LOOKUPS: dict[str, Callable] = {}


def register_lookup(name: str, provider: Callable) -> None:
    existing = _LOOKUPS.get(name)
    if existing is not None and existing.__qualname__ != provider.__qualname__:
        raise RuntimeError(f"two providers of the lookup {name!r}")
    _LOOKUPS[name] = provider


def lookup(name: str, *args, default=None, **kwargs):
    """The registered provider's answer, or `default` when no module registers it (the module is not installed)."""
    provider = _LOOKUPS.get(name)
    return default if provider is None else provider(*args, **kwargs)
