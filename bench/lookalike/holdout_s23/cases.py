"""All cases together, shuffled into file order (stream "shuffle")."""

from __future__ import annotations

from cases_icons import icon_only
from cases_names import name_copies
from cases_negative import negatives
from cases_official import official, repackaged, unregistered
from catalog import Catalog
from entry import Entry
from ids import stream


def build_entries(cat: Catalog) -> list[Entry]:
    entries = official(cat) + unregistered(cat) + repackaged(cat) + name_copies(cat) + icon_only(cat) + negatives(cat)
    keys = [e.key for e in entries]
    if len(set(keys)) != len(keys):
        raise RuntimeError("duplicate entry keys")
    stream("shuffle").shuffle(entries)
    return entries
