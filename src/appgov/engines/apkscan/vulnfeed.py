"""Vulnerability feeds and matching the report's components (SBOM) against them.

Feeds: OSV JSON (one advisory, a list, or {"vulns": [...]}), and CSV / XLSX exports (CNVD, CNNVD or
the institution's own) with these columns (header row, names case-insensitive):
    advisory_id   required  e.g. CNVD-2022-12345, CVE-2022-25845
    component     required  SDK id (as in the catalogue), SDK name, or native library file name
    introduced    optional  first affected version ("" or 0 = all versions before `fixed`)
    fixed         optional  first fixed version
    last_affected optional  last affected version (when there is no fix)
    severity      optional  critical / high / medium / low
    summary       optional
An advisory that affects every version (no fixed / last_affected bound) matches as `affected`. A
component whose version the scan does not know matches any other advisory for it as
`version_status: "unknown"` (a low finding: the version must be checked by a person)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from .errors import UsageError

COLUMNS = ("advisory_id", "component", "introduced", "fixed", "last_affected", "severity", "summary")


def _version_key(v: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-+_]", v.strip()) if p)


def _osv(doc: dict, where: str) -> list[dict]:
    out = []
    for aff in doc.get("affected", []):
        name = (aff.get("package") or {}).get("name")
        if not name:
            continue
        ranges = []
        for r in aff.get("ranges", []):
            intro = fixed = last = None
            for ev in r.get("events", []):
                intro = ev.get("introduced", intro)
                fixed = ev.get("fixed", fixed)
                last = ev.get("last_affected", last)
            ranges.append({"introduced": intro, "fixed": fixed, "last_affected": last})
        sev = (doc.get("database_specific") or {}).get("severity")
        out.append(
            {
                "advisory_id": doc.get("id") or where,
                "aliases": doc.get("aliases", []),
                "component": name,
                "ranges": ranges or [{"introduced": None, "fixed": None, "last_affected": None}],
                "versions": aff.get("versions", []),
                "severity": sev,
                "summary": doc.get("summary"),
            }
        )
    return out


def _rows(rows: list[dict], where: str) -> list[dict]:
    out = []
    for i, row in enumerate(rows, 2):
        row = {str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in row.items() if k}
        missing = [c for c in ("advisory_id", "component") if not row.get(c)]
        if missing:
            raise UsageError(f"{where} row {i}: column {missing[0]!r} is empty")
        out.append(
            {
                "advisory_id": row["advisory_id"],
                "aliases": [],
                "component": row["component"],
                "ranges": [
                    {
                        "introduced": row.get("introduced") or None,
                        "fixed": row.get("fixed") or None,
                        "last_affected": row.get("last_affected") or None,
                    }
                ],
                "versions": [],
                "severity": row.get("severity") or None,
                "summary": row.get("summary") or None,
            }
        )
    return out


def load_feed(path: str) -> list[dict]:
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if suffix == ".json":
            doc = json.loads(p.read_text(encoding="utf-8"))
            items = doc.get("vulns", [doc]) if isinstance(doc, dict) else doc
            if not isinstance(items, list):
                raise UsageError(f"{path}: expected an OSV advisory, a list of them, or {{'vulns': [...]}}")
            return [a for d in items if isinstance(d, dict) for a in _osv(d, path)]
        if suffix == ".csv":
            with open(p, encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                _check_header(reader.fieldnames or [], path)
                return _rows(list(reader), path)
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            ws = load_workbook(p, read_only=True, data_only=True).active
            rows = list(ws.iter_rows(values_only=True))
            header = [str(h or "").strip().lower() for h in (rows[0] if rows else [])]
            _check_header(header, path)
            return _rows([dict(zip(header, r, strict=False)) for r in rows[1:] if any(r)], path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: cannot read vulnerability feed ({exc})") from None
    raise UsageError(f"{path}: vulnerability feed must be .json (OSV), .csv or .xlsx")


def _check_header(header: list[str], path: str) -> None:
    names = {h.strip().lower() for h in header if h}
    missing = [c for c in ("advisory_id", "component") if c not in names]
    if missing:
        raise UsageError(f"{path}: header lacks column {missing[0]!r} (columns: {', '.join(COLUMNS)})")


def _in_range(version: str, r: dict) -> bool:
    v = _version_key(version)
    if r["introduced"] not in (None, "", "0") and v < _version_key(r["introduced"]):
        return False
    if r["fixed"] and v >= _version_key(r["fixed"]):
        return False
    return not (r["last_affected"] and v > _version_key(r["last_affected"]))


def components(report: dict) -> list[dict]:
    """The report's SBOM components: SDKs (by id and name) and native libraries."""
    out = [
        {"ref": f"sdk:{s['id']}", "names": {s["id"].lower(), s["name"].lower()}, "version": s.get("version")}
        for s in report.get("sdks", [])
    ]
    out += [
        {"ref": f"native:{lib['path']}", "names": {lib["path"].rsplit("/", 1)[-1].lower()}, "version": None}
        for lib in report.get("native", {}).get("libraries", [])
    ]
    return out


def match(report: dict, advisories: list[dict]) -> list[dict]:
    found = []
    for comp in components(report):
        for adv in advisories:
            if adv["component"].lower() not in comp["names"]:
                continue
            version = comp["version"]
            every = not adv["versions"] and all(
                r["introduced"] in (None, "", "0") and not r["fixed"] and not r["last_affected"]
                for r in adv["ranges"]
            )
            if every:
                status = "affected"
            elif version is None:
                status = "unknown"
            elif version in adv["versions"] or any(_in_range(version, r) for r in adv["ranges"]):
                status = "affected"
            else:
                continue
            found.append(
                {
                    "advisory_id": adv["advisory_id"],
                    "aliases": adv["aliases"],
                    "component": comp["ref"],
                    "component_version": version,
                    "version_status": status,
                    "ranges": adv["ranges"],
                    "severity": adv["severity"],
                    "summary": adv["summary"],
                }
            )
    return found
