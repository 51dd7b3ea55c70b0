"""The risk module's records that point at findings of the common findings list (by id, through
core.extensions.findings_gateway: the module may not import compliance), with each finding's state now."""

from appgov.core import extensions


def with_findings(institution, rows) -> list[tuple]:
    """(row, FindingInfo or None) for records holding a finding_id, in one query."""
    rows = list(rows)
    ids = [r.finding_id for r in rows if r.finding_id]
    found = extensions.findings_gateway().findings(institution, ids) if ids else {}
    return [(r, found.get(r.finding_id)) for r in rows]


def linked_findings(institution, ids) -> list:
    """The FindingInfo of each id still in the institution's list, in the order given."""
    found = extensions.findings_gateway().findings(institution, ids) if ids else {}
    return [found[i] for i in ids if i in found]
