"""Which tool produced a DEX file (dx, d8, r8 with or without its marker, dexlib2, dexmerge), from the
map_list order and the marker string, with the signatures in data/dex_tooling.json."""

from __future__ import annotations

import re

from .catalogue import load_data

MAP_LIST = 0x1000
MARKER_RE = re.compile(rb'~~([DRL])8\{"[a-z-]+":"?[^\x00]{0,400}')


def _is_subsequence(seq: list[int], order: list[int]) -> bool:
    pos = 0
    for t in seq:
        try:
            pos = order.index(t, pos) + 1
        except ValueError:
            return False
    return True


def find_marker(data, start: int = 0, end: int | None = None) -> str | None:
    """The d8 / r8 / l8 marker (JSON describing compiler, version, mode) in a DEX's string region."""
    m = MARKER_RE.search(data, start, len(data) if end is None else end)
    return m.group().decode("utf-8", "replace") if m else None


def identify(map_types: list[int], marker: str | None) -> dict:
    data = load_data("dex_tooling.json")
    data_seq = [t for t in map_types if t >= 0x1000]
    merged = len(data_seq) > 1 and data_seq[0] == MAP_LIST
    seq = [t for t in data_seq if t != MAP_LIST]
    fits = [
        c
        for c in data["compilers"]
        if _is_subsequence(seq, [int(x, 16) for x in c["data_order"] if int(x, 16) != MAP_LIST])
    ]
    marker_tool = data["markers"].get(marker[:5]) if marker else None
    if marker_tool:
        compiler = marker_tool + (" (dexmerge)" if merged else "")
        layout_ok = any(c["id"] == "d8_r8" for c in fits) or merged
        evidence = [f"marker {marker[:120]}"] + ([] if layout_ok else ["map_list order is not d8/r8's"])
        cid = marker_tool
    elif merged:
        compiler, cid, evidence = "dx (dexmerge)", "dx_merged", ["map_list written before the data section"]
    elif len(fits) == 1:
        c = fits[0]
        if c["id"] == "d8_r8":
            compiler, cid = "r8 without marker (marker stripped)", "r8_no_marker"
        else:
            compiler, cid = c["name"], c["id"]
        evidence = [f"map_list data order {', '.join(f'0x{t:04x}' for t in data_seq)}"]
    else:
        names = " or ".join(c["name"] for c in fits) or "no known compiler"
        compiler, cid = f"unknown ({names})", "unknown"
        evidence = [f"map_list data order {', '.join(f'0x{t:04x}' for t in data_seq)}"]
    return {
        "compiler": compiler,
        "compiler_id": cid,
        "dexmerge": merged,
        "marker": marker,
        "rebuilt": cid in data["rebuilt_compilers"],
        "evidence": evidence,
    }
