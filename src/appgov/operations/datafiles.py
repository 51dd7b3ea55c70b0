"""The operations module's data files: the experience items (NFRA-06.2) and the shipped OS-release register
(NFRA-10.1). A bad file is refused with a DataFileError naming the file, and the line and column or the entry
and key that is wrong."""

import datetime
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
EXPERIENCE_ITEMS = DATA / "experience_items.yaml"
OS_RELEASES = DATA / "os_releases.yaml"
PLATFORMS = {"android", "ios", "harmonyos"}


class DataFileError(ValueError):
    pass


def read_yaml(path: Path, text: str | None = None) -> dict:
    try:
        data = yaml.safe_load(text if text is not None else path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        raise DataFileError(f"{path.name}: {where}: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: the file must hold a mapping")
    return data


def _date(value, where: str):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from exc


def _require(entry, keys, where):
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: must be a mapping")
    for key in keys:
        if entry.get(key) in (None, "", []):
            raise DataFileError(f"{where}: missing '{key}'")


def parse_experience_items(path: Path = EXPERIENCE_ITEMS, text: str | None = None) -> dict:
    data = read_yaml(path, text)
    sources, groups = data.get("sources") or {}, data.get("groups") or {}
    items, seen = [], set()
    for i, entry in enumerate(data.get("items") or [], start=1):
        where = f"{path.name}: items[{i}]"
        _require(entry, ("code", "group", "zh", "en", "sources"), where)
        if entry["code"] in seen:
            raise DataFileError(f"{where}: code '{entry['code']}' appears twice")
        if entry["group"] not in groups:
            raise DataFileError(f"{where}: group '{entry['group']}' is not under 'groups'")
        for key in entry["sources"]:
            if key not in sources:
                raise DataFileError(f"{where}: source '{key}' is not under 'sources'")
        seen.add(entry["code"])
        items.append(entry)
    if not items:
        raise DataFileError(f"{path.name}: no items")
    return {"sources": sources, "groups": groups, "items": items}


@cache
def experience_items() -> dict:
    catalogue = parse_experience_items()
    catalogue["by_code"] = {item["code"]: item for item in catalogue["items"]}
    return catalogue


def parse_os_releases(path: Path = OS_RELEASES, text: str | None = None) -> dict:
    data = read_yaml(path, text)
    releases, requirements = [], []
    for i, entry in enumerate(data.get("releases") or [], start=1):
        where = f"{path.name}: releases[{i}]"
        _require(entry, ("platform", "version", "source"), where)
        if entry["platform"] not in PLATFORMS:
            raise DataFileError(f"{where}: platform '{entry['platform']}' is not one of {sorted(PLATFORMS)}")
        beta, ga = (
            _date(entry.get("beta_on"), f"{where}.beta_on"),
            _date(entry.get("ga_on"), f"{where}.ga_on"),
        )
        if beta and ga and beta > ga:
            raise DataFileError(f"{where}: beta_on is after ga_on")
        if not ga and not entry.get("date_note"):
            raise DataFileError(f"{where}: no ga_on and no date_note saying why")
        releases.append(
            {
                "platform": entry["platform"],
                "version": str(entry["version"]),
                "api_level": entry.get("api_level"),
                "beta_on": beta,
                "ga_on": ga,
                "date_note": entry.get("date_note") or "",
                "source": entry["source"],
            }
        )
    for i, entry in enumerate(data.get("requirements") or [], start=1):
        where = f"{path.name}: requirements[{i}]"
        _require(entry, ("distributor", "platform", "min_target_api", "source"), where)
        if not isinstance(entry["min_target_api"], int):
            raise DataFileError(f"{where}.min_target_api: not a whole number: {entry['min_target_api']!r}")
        requirements.append(
            {
                "distributor": entry["distributor"],
                "platform": entry["platform"],
                "min_target_api": entry["min_target_api"],
                "applies_to": entry.get("applies_to") or "",
                "effective_on": _date(entry.get("effective_on"), f"{where}.effective_on"),
                "date_note": entry.get("date_note") or "",
                "source": entry["source"],
            }
        )
    return {"releases": releases, "requirements": requirements}
