"""The control catalogue: the NFRA 2024 and PBoC 102 obligations as data, plus institutions' own controls.

Pure Python (no Django): ``load_catalogue()`` reads the packaged YAML files with importlib.resources,
validates them against schema.json and the cross-checks, and returns a ``Catalogue``.
"""

from .loader import PACKAGED_FILES, CatalogueError, Problem, load_catalogue, schema
from .model import AppliesTo, Article, Catalogue, Control, Frequency, Method, Severity, Source, TextBasis

__all__ = [
    "PACKAGED_FILES",
    "AppliesTo",
    "Article",
    "Catalogue",
    "CatalogueError",
    "Control",
    "Frequency",
    "Method",
    "Problem",
    "Severity",
    "Source",
    "TextBasis",
    "load_catalogue",
    "schema",
]
