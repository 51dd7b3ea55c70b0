"""The code of an Android package: its DEX files (class names, strings, compiler, emulator checks) and
the APK / DEX / JAR files nested in assets/ or res/ (analysed the same way, depth-limited, under the
same limits and decompression budget, findings carrying the path that holds them)."""

from __future__ import annotations

import re

from .antivm import build_field_checks
from .axml import parse_axml
from .content import ChunkedScan, ContentScanner
from .dex import DexFile
from .dextools import find_marker, identify
from .errors import PackageError
from .limits import Limits
from .records import Record
from .ziparchive import ZipArchive

DEX_RE = re.compile(r"^classes\d*\.dex$")
NESTED_RE = re.compile(r"^(assets|res)/.+\.(apk|dex|jar|zip)$", re.I)


class CodeFacts(Record):
    _fields = {
        "class_names": list,
        "tooling": list,
        "emulator_checks": list,
        "notes": list,  # what could not be analysed, and why
        "yara_targets": list,
        "nested": list,
    }
    __slots__ = tuple(_fields)


def analyse_dex(
    zf: ZipArchive,
    name: str,
    location: str,
    scanner: ContentScanner,
    limits: Limits,
    facts: CodeFacts,
    keep: bool,
) -> None:
    """One DEX entry. Up to limits.max_dex_in_memory it is inflated once and read in place; a larger
    one is streamed in pieces (strings searched, class tables not read) so memory stays bounded."""
    entry = zf.entries[name]
    where = f"{zf.label}!{name}"
    if entry.size > limits.max_dex_in_memory:
        chunked = ChunkedScan(scanner, location)
        for piece in zf.iter_entry(entry):
            chunked.feed(piece)
        chunked.close()
        facts.notes.append(
            f"{location}: {entry.size} bytes, over the {limits.max_dex_in_memory} byte in-memory limit: "
            "strings searched while streaming, class names and compiler not read"
            + (", not given to YARA" if keep else "")
        )
        return
    data = zf.read_entry(entry)
    dex = DexFile(data, where)
    facts.class_names.extend(dex.defined_classes())
    lo, hi = dex.string_span()
    scanner.scan(data, location, start=lo, stop=hi)
    tool = identify(dex.map_types(), find_marker(data, lo, hi))
    tool["file"] = location
    facts.tooling.append(tool)
    facts.emulator_checks.extend(build_field_checks(dex, location))
    if keep:
        facts.yara_targets.append((location, bytes(data)))


def analyse_code(
    zf: ZipArchive,
    scanner: ContentScanner,
    limits: Limits,
    keep: bool,
    prefix: str = "",
    depth: int = 0,
    counter: list[int] | None = None,
) -> CodeFacts:
    facts = CodeFacts()
    counter = counter if counter is not None else [0]
    names = zf.names()
    dex_names = sorted((n for n in names if DEX_RE.match(n)), key=lambda n: (len(n), n))
    if len(dex_names) > limits.max_dex_files:
        raise PackageError(f"{len(dex_names)} dex files, over the {limits.max_dex_files} limit", zf.label)
    for name in dex_names:
        analyse_dex(zf, name, prefix + name, scanner, limits, facts, keep)
    for name in names:
        if NESTED_RE.match(name):
            facts.nested.append(_nested(zf, name, prefix, scanner, limits, keep, depth + 1, counter))
    return facts


def _nested(zf, name, prefix, scanner, limits, keep, depth, counter) -> dict:
    location = prefix + name
    entry = zf.entries[name]
    kind = name.rsplit(".", 1)[-1].lower()
    item = {
        "path": location,
        "kind": kind,
        "depth": depth,
        "size": entry.size,
        "package": None,
        "dex_files": [],
        "class_count": 0,
        "tooling": [],
        "emulator_checks": [],
        "nested": [],
        "class_names": [],
        "error": None,
    }
    if depth > limits.max_nested_depth:
        item["error"] = f"nested deeper than {limits.max_nested_depth} levels: not analysed"
        return item
    counter[0] += 1
    if counter[0] > limits.max_nested_archives:
        item["error"] = f"more than {limits.max_nested_archives} nested packages: not analysed"
        return item
    try:
        if kind == "dex":
            facts = CodeFacts()
            analyse_dex(zf, name, location, scanner, limits, facts, keep)
            item["dex_files"] = [location]
        else:
            if entry.size > limits.max_nested_archive_size:
                item["error"] = (
                    f"{entry.size} bytes, over the {limits.max_nested_archive_size} byte limit for a nested archive: "
                    "not analysed"
                )
                return item
            data = zf.read_entry(entry)
            if bytes(data[:2]) != b"PK":
                item["error"] = "not a ZIP archive (no PK signature): not analysed"
                return item
            inner = ZipArchive(data, f"{zf.label}!{name}", limits, inflate_budget=zf._budget)
            del data
            if "AndroidManifest.xml" in inner:
                try:
                    manifest = parse_axml(
                        inner.read("AndroidManifest.xml", max_size=limits.max_manifest_size),
                        f"{inner.label}!AndroidManifest.xml",
                        limits.max_xml_depth,
                        limits.max_xml_elements,
                    )
                    item["package"] = manifest.str("package")
                except PackageError as exc:
                    item["error"] = f"manifest: {exc.reason}"
            facts = analyse_code(inner, scanner, limits, keep, location + "!", depth, counter)
            item["dex_files"] = [location + "!" + n for n in inner.names() if DEX_RE.match(n)]
            item["nested"] = facts.nested
    except PackageError as exc:
        item["error"] = str(exc)
        return item
    item["class_names"] = facts.class_names
    item["class_count"] = len(facts.class_names)
    item["tooling"] = facts.tooling
    item["emulator_checks"] = facts.emulator_checks
    if facts.notes:
        item["error"] = "; ".join(facts.notes)
    return item
