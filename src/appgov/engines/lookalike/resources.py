"""Package data files (YAML) of the engine, loaded once with importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
