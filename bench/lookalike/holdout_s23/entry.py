"""One listing to be written: its fields, its label and the recipe of its icon."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Entry:
    key: str  # stable, unique: seeds the icon and the storage choices
    listing: dict  # listing fields except listing_id and icon
    label: dict  # label fields except listing_id
    icon: dict | None  # {"kind": "protected", "app", "edits"} or {"kind": "design", "design"}; None: no icon


def label(expected: str, case: str, target: str | None = None, accept=(), **params) -> dict:
    return {"expected": expected, "case": case, "target_institution": target,
            "accept_app_ids": sorted(set(accept)), "params": params}


def protected_icon(app_id: str, edits=()) -> dict:
    return {"kind": "protected", "app": app_id, "edits": [[k, s] for k, s in edits]}


def design_icon(design: dict) -> dict:
    return {"kind": "design", "design": design}
