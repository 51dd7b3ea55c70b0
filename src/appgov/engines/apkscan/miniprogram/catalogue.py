"""Loading this subpackage's data tables (privacy interfaces, mini-program SDKs, code rules, findings)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_mp_data(name: str) -> dict:
    path = _DATA_DIR / name
    if path.is_file():
        with open(path, "rb") as fh:
            return json.load(fh)
    from importlib import resources

    with resources.files(__package__).joinpath("data", name).open("rb") as fh:
        return json.load(fh)
