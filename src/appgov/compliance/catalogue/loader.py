"""Load and validate control catalogue files (the packaged ones and an institution's own)."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .model import (
    DEFAULT_GRACE_DAYS,
    AppliesTo,
    Article,
    Catalogue,
    Control,
    Frequency,
    Method,
    Severity,
    Source,
    TextBasis,
)

PACKAGED_FILES = ("nfra-2024.yaml", "pbc-2018-102.yaml")
_PACKAGE_LABEL = "appgov/compliance/catalogue"
_VERSION_LENGTH = 12


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue file."""

    location: str  # JSON path inside the file, e.g. controls[3].method ("" for the whole file)
    message: str
    line: int | None = None  # 1-based line in the file, when known
    control_id: str | None = None

    def render(self, file: str) -> str:
        where = f"{file}:{self.line}" if self.line else file
        subject = self.location or "(file)"
        if self.control_id:
            subject += f" [{self.control_id}]"
        return f"{where}: {subject}: {self.message}"


class CatalogueError(ValueError):
    """A catalogue file is unreadable or invalid; names the file and every problem found in it."""

    def __init__(self, file: str, problems: Sequence[Problem]):
        self.file = file
        self.problems = tuple(problems)
        lines = [problem.render(file) for problem in self.problems]
        super().__init__(f"invalid control catalogue {file}:\n  " + "\n  ".join(lines))


@dataclass
class _Document:
    """One parsed file: its data plus what is needed to point at lines in it."""

    label: str
    packaged: bool
    raw: bytes
    data: dict[str, Any]
    root: yaml.Node
    problems: list[Problem] = field(default_factory=list)

    def problem(self, path: Sequence[str | int], message: str) -> None:
        self.problems.append(
            Problem(_format_path(path), message, _line_of(self.root, path), _control_id_at(self.data, path))
        )

    def raise_if_problems(self) -> None:
        if self.problems:
            raise CatalogueError(self.label, sorted(self.problems, key=lambda p: (p.line or 0, p.location)))


def load_catalogue(extra_paths: Iterable[Path | str] | None = None) -> Catalogue:
    """Load the packaged catalogue plus an institution's own control files (files or folders of *.yaml).

    Raises CatalogueError naming the file, the place in it and the problem, for the first bad file.
    """
    documents = [
        _parse(_read_packaged(name), f"{_PACKAGE_LABEL}/{name}", packaged=True) for name in PACKAGED_FILES
    ]
    for path in _expand(extra_paths or ()):
        documents.append(_parse(_read_file(path), str(path), packaged=False))
    for document in documents:
        _check_document(document)
        document.raise_if_problems()
    _check_collisions(documents)
    return _build(documents)


# --- reading -------------------------------------------------------------------------------------


def _read_packaged(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CatalogueError(
            str(path), [Problem("", f"cannot read the file: {exc.strerror or exc}")]
        ) from exc


def _expand(paths: Iterable[Path | str]) -> list[Path]:
    expanded: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            expanded.extend(
                sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            )
        else:
            expanded.append(path)
    return expanded


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _StrictLoader(_BaseLoader):
    """Safe YAML that rejects duplicate keys and keeps dates as strings (the schema checks them)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:
                continue  # unhashable key: the base class reports it
            if first is not None:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (first given on line {first + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(raw: bytes, label: str, packaged: bool) -> _Document:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(
            label,
            [Problem("", f"not UTF-8: byte {exc.start} ({raw[exc.start : exc.start + 1]!r}) is invalid")],
        ) from None
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = " ".join(part for part in (exc.context, exc.problem) if part)
        where = f" (line {line}, column {mark.column + 1})" if mark else ""
        raise CatalogueError(label, [Problem("", f"broken YAML: {detail}{where}", line)]) from None
    except yaml.YAMLError as exc:
        raise CatalogueError(label, [Problem("", f"broken YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}, not a mapping"
        raise CatalogueError(
            label, [Problem("", f"the file is {kind}; expected schema_version, source, articles, controls")]
        )
    return _Document(label, packaged, raw, data, root)


# --- validation ----------------------------------------------------------------------------------


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a catalogue file."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def _check_document(document: _Document) -> None:
    for error in _validator().iter_errors(document.data):
        document.problem(list(error.absolute_path), _schema_message(error))
    if document.problems:
        return  # the cross-checks below assume the shape is right
    data = document.data
    _check_issued(document, data["source"]["issued"])

    article_numbers: dict[int, int] = {}
    for index, article in enumerate(data["articles"]):
        number = article["number"]
        if number in article_numbers:
            document.problem(
                ["articles", index, "number"],
                f"article {number} is listed twice (also articles[{article_numbers[number]}])",
            )
        article_numbers.setdefault(number, index)

    control_ids: dict[str, int] = {}
    for index, control in enumerate(data["controls"]):
        path: list[str | int] = ["controls", index]
        control_id = control["id"]
        if control_id in control_ids:
            document.problem(
                [*path, "id"],
                f"duplicate control id {control_id!r} (also controls[{control_ids[control_id]}])",
            )
        control_ids.setdefault(control_id, index)
        if control["article"] not in article_numbers:
            known = ", ".join(str(n) for n in sorted(article_numbers))
            document.problem(
                [*path, "article"],
                f"article {control['article']} does not exist in this file's articles ({known})",
            )
        frequency = control.get("frequency")
        if control["method"] == Method.PERIODIC and frequency is None:
            document.problem([*path, "frequency"], "a periodic control needs a frequency")
        if frequency is not None and control["evidence_validity_days"] < Frequency(frequency).min_period_days:
            document.problem(
                [*path, "evidence_validity_days"],
                f"{control['evidence_validity_days']} days is shorter than the {frequency} period; "
                "evidence would expire before the next is due",
            )
        if (control["method"] == Method.REGULATOR) != (control["applies_to"] == AppliesTo.REGULATOR):
            document.problem(
                [*path, "method"],
                "method 'regulator' and applies_to 'regulator' go together "
                f"(got method {control['method']!r}, applies_to {control['applies_to']!r})",
            )


def _check_issued(document: _Document, issued: str) -> None:
    try:
        if len(issued) == 7:
            datetime.date.fromisoformat(issued + "-01")
        else:
            datetime.date.fromisoformat(issued)
    except ValueError:
        document.problem(["source", "issued"], f"{issued!r} is not a real date (YYYY-MM-DD or YYYY-MM)")


def _check_collisions(documents: list[_Document]) -> None:
    """Source and control ids are unique across files; institution files keep off packaged prefixes."""
    source_owner: dict[str, str] = {}
    control_owner: dict[str, str] = {}
    reserved_prefixes: dict[str, str] = {}
    for document in documents:
        source_id = document.data["source"]["id"]
        if source_id in source_owner:
            kind = "packaged catalogue" if source_owner[source_id].startswith(_PACKAGE_LABEL) else "file"
            document.problem(
                ["source", "id"],
                f"source id {source_id!r} is already used by the {kind} {source_owner[source_id]}; "
                "an institution's own file needs its own source id",
            )
        source_owner.setdefault(source_id, document.label)
        for index, control in enumerate(document.data["controls"]):
            control_id = control["id"]
            prefix = control_id.split("-", 1)[0]
            if control_id in control_owner:
                document.problem(
                    ["controls", index, "id"],
                    f"control id {control_id!r} is already defined in {control_owner[control_id]}",
                )
            elif not document.packaged and prefix in reserved_prefixes:
                document.problem(
                    ["controls", index, "id"],
                    f"control id prefix {prefix!r} is reserved for the packaged source {reserved_prefixes[prefix]}; "
                    "use the institution's own prefix (e.g. INT-001)",
                )
            control_owner.setdefault(control_id, document.label)
            if document.packaged:
                reserved_prefixes.setdefault(prefix, source_id)
        document.raise_if_problems()


# --- building ------------------------------------------------------------------------------------


def _build(documents: list[_Document]) -> Catalogue:
    sources: list[Source] = []
    articles: dict[str, tuple[Article, ...]] = {}
    controls: list[Control] = []
    digest = hashlib.sha256()
    for document in documents:
        digest.update(len(document.raw).to_bytes(8, "big"))
        digest.update(document.raw)
        raw_source = document.data["source"]
        source = Source(
            id=raw_source["id"],
            title_zh=raw_source["title_zh"],
            title_en=raw_source["title_en"],
            issued=raw_source["issued"],
            document_no=raw_source.get("document_no"),
            text_basis=TextBasis(raw_source.get("text_basis", TextBasis.OFFICIAL)),
            packaged=document.packaged,
            origin=document.label,
        )
        sources.append(source)
        by_number = {
            item["number"]: Article(
                source_id=source.id,
                number=item["number"],
                ref=item["ref"],
                text_zh=item["text_zh"],
                title_zh=item.get("title_zh"),
                title_en=item.get("title_en"),
            )
            for item in document.data["articles"]
        }
        articles[source.id] = tuple(by_number[number] for number in sorted(by_number))
        for item in document.data["controls"]:
            article = by_number[item["article"]]
            frequency = item.get("frequency")
            controls.append(
                Control(
                    id=item["id"],
                    source_id=source.id,
                    article=article.number,
                    article_ref=article.ref,
                    article_text_zh=article.text_zh,
                    title_zh=item["title_zh"],
                    title_en=item["title_en"],
                    statement_zh=item["statement_zh"],
                    statement_en=item["statement_en"],
                    applies_to=AppliesTo(item["applies_to"]),
                    method=Method(item["method"]),
                    frequency=Frequency(frequency) if frequency is not None else None,
                    severity=Severity(item["severity"]),
                    evidence_zh=item["evidence_zh"],
                    evidence_en=item["evidence_en"],
                    evidence_validity_days=item["evidence_validity_days"],
                    how_known=item["how_known"],
                    grace_days=item.get("grace_days", DEFAULT_GRACE_DAYS),
                    period_basis=item.get("period_basis"),
                )
            )
    return Catalogue(tuple(sources), articles, tuple(controls), digest.hexdigest()[:_VERSION_LENGTH])


# --- error locations -----------------------------------------------------------------------------


def _format_path(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_of(node: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """1-based line of the deepest node of `path` that exists in the YAML tree."""
    if node is None:
        return None
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    child = value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _control_id_at(data: dict[str, Any], path: Sequence[str | int]) -> str | None:
    if len(path) >= 2 and path[0] == "controls" and isinstance(path[1], int):
        controls = data.get("controls")
        if isinstance(controls, list) and path[1] < len(controls) and isinstance(controls[path[1]], dict):
            control_id = controls[path[1]].get("id")
            return control_id if isinstance(control_id, str) else None
    return None


def _schema_message(error: jsonschema.ValidationError) -> str:
    if "then" in error.schema_path:
        return f"a periodic control needs a frequency: {error.message}"
    if error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("description"):
        return f"{_short(error.instance)} is not valid, {error.schema['description']}"
    return error.message if len(error.message) < 300 else error.message[:297] + "..."


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
