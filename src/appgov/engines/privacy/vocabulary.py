"""The dictionaries the extraction uses, read once from data/*.yaml."""

import functools
import json
import re
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
NORMALISE = re.compile(r"[\s+＋（）()·]")
SDK_CATALOGUE = Path(__file__).parents[1] / "apkscan" / "data" / "sdk_catalogue.json"


@functools.cache
def taxonomy() -> dict:
    return yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))["pi_types"]


@functools.cache
def permission_groups() -> dict:
    return yaml.safe_load((DATA / "permissions.yaml").read_text(encoding="utf-8"))["groups"]


@functools.cache
def completeness_rules() -> list:
    return yaml.safe_load((DATA / "completeness.yaml").read_text(encoding="utf-8"))["rules"]


@functools.cache
def sdk_catalogue() -> list:
    """The package scanner's SDK catalogue: each SDK's names, vendor and the personal information it collects."""
    return json.loads(SDK_CATALOGUE.read_text(encoding="utf-8"))["sdks"]


@functools.cache
def pi_words() -> list[tuple[str, str]]:
    """(word, pi type), longest word first, so that 身份证号码 is found before 身份证."""
    pairs = [(w, code) for code, spec in taxonomy().items() for w in spec["synonyms"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def permission_words() -> list[tuple[str, str]]:
    pairs = [(w, code) for code, spec in permission_groups().items() for w in spec["words"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def permission_short_words() -> list[tuple[str, str]]:
    pairs = [(w, code) for code, spec in permission_groups().items() for w in spec.get("short") or []]
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def permission_to_group() -> dict[str, str]:
    return {
        name: code
        for code, spec in permission_groups().items()
        for platform in ("android", "ios", "harmony")
        for name in spec.get(platform) or []
    }


def normalise(text: str) -> str:
    """Lower case without spaces, plus signs, brackets and middle dots: how names are compared."""
    return NORMALISE.sub("", text).lower()


@functools.cache
def sdk_aliases() -> dict[str, list[str]]:
    return yaml.safe_load((DATA / "sdk_aliases.yaml").read_text(encoding="utf-8"))["aliases"]


@functools.cache
def sdk_names() -> list[tuple[str, dict]]:
    """(normalised name as a policy writes it, catalogue entry), longest first: the catalogue's Chinese and English
    names and the aliases of data/sdk_aliases.yaml."""
    aliases = sdk_aliases()
    pairs = []
    for entry in sdk_catalogue():
        for name in {entry.get("name_zh"), entry.get("name"), *aliases.get(entry["id"], [])}:
            if name and len(normalise(name)) >= 3:
                pairs.append((normalise(name), entry))
    return sorted(pairs, key=lambda p: -len(p[0]))
