"""A Mach-O executable too large to hold in memory, analysed in streamed passes over its ZIP entry.

Pass 1 keeps the first MiB (fat table, or header and load commands); pass 2 the head of each fat
slice; pass 3 the __objc_classname / __cstring sections and the code signature, while the whole
binary is searched for strings; pass 4 (only when there is a CodeDirectory) hashes the code pages.
Each pass inflates the entry again in 1 MiB pieces: time is traded for memory that stays bounded."""

from __future__ import annotations

import hashlib

from .content import ChunkedScan
from .errors import PackageError
from .macho import Slice, _CapturedSource, _NotCaptured, _parse_source, add_section, fat_slices

HEAD = 1024 * 1024


def _capture(zf, entry, regions: list[tuple[int, int]], on_piece=None) -> dict[int, bytes]:
    """One pass: the bytes of each (start, length) region; every piece also goes to `on_piece`."""
    parts: dict[int, list[bytes]] = {start: [] for start, _n in regions}
    pos = 0
    for piece in zf.iter_entry(entry):
        end = pos + len(piece)
        for start, n in regions:
            a, b = max(start, pos), min(start + n, end)
            if a < b:
                parts[start].append(piece[a - pos : b - pos])
        if on_piece is not None:
            on_piece(piece)
        pos = end
    return {start: b"".join(p) for start, p in parts.items()}


def parse_streamed(
    zf, entry, where: str, max_sections: int, scanner, location: str, whole: bool
) -> tuple[list[Slice], object, list[str]]:
    """(slices, page-digest function for parse_code_signature, notes).

    With `whole` the binary is searched for secrets and markers as it streams past (as the main
    executable is when read in memory); when its C-string section is too large to keep, the whole
    binary is searched for URLs too, since the section will not be."""
    size = entry.size
    src = _CapturedSource(size)
    src.regions.update(_capture(zf, entry, [(0, min(HEAD, size))]))
    heads = [(off, min(HEAD, size - off)) for off, _n in fat_slices(src.regions[0], size) if off]
    if heads:
        src.regions.update(_capture(zf, entry, heads))
    wanted: list[tuple[int, int, str, int]] = []
    for _attempt in range(3):  # load commands longer than the captured head need one more pass
        wanted.clear()
        try:
            slices = _parse_source(src, where, wanted)
            break
        except _NotCaptured as gap:
            src.regions.update(_capture(zf, entry, [(gap.start, max(gap.end - gap.start, HEAD))]))
    else:
        raise PackageError("Mach-O load commands could not be read in three passes", where)
    notes = []
    sections = [w for w in wanted if w[2] != "code_signature"]
    if sum(n for _o, n, _w, _i in sections) > max_sections:
        notes.append(
            f"{where}: class-name and C-string sections exceed {max_sections} bytes: not read "
            "(the whole binary was still searched for strings)"
        )
        wanted = [w for w in wanted if w[2] == "code_signature"]
        whole, urls = True, True
    else:
        urls = False
    chunked = ChunkedScan(scanner, location, urls=urls) if whole else None
    got = _capture(zf, entry, [(o, n) for o, n, _w, _i in wanted], chunked.feed if chunked else None)
    if chunked is not None:
        chunked.close()
    for off, _n, what, index in wanted:
        if what == "code_signature":
            slices[index].code_signature = got[off]
        else:
            add_section(slices[index], what, got[off])

    def page_digests(hash_name: str, page: int, start: int, end: int) -> list[bytes]:
        digests, h, filled, pos = [], None, 0, 0
        for piece in zf.iter_entry(entry):
            a, b = max(start, pos), min(end, pos + len(piece))
            view = memoryview(piece)[a - pos : b - pos] if a < b else memoryview(b"")
            i = 0
            while i < len(view):
                if h is None:
                    h, filled = hashlib.new(hash_name), 0
                take = min(page - filled, len(view) - i)
                h.update(view[i : i + take])
                filled += take
                i += take
                if filled == page:
                    digests.append(h.digest())
                    h = None
            pos += len(piece)
        if h is not None:
            digests.append(h.digest())
        return digests

    return slices, page_digests, notes
