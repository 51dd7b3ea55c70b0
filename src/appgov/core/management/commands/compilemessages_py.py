"""Compile every .po under LOCALE_PATHS to .mo with polib, so installing needs no GNU gettext.

A catalogue that does not parse, repeats a msgid, or whose translation changes the placeholders of a
python-format / python-brace-format entry stops the command with the file and line; nothing of that
catalogue is written. Each .mo is written to a temporary file first and moved into place, so a running
server never reads half a catalogue.
"""

import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# printf-style conversions as Python's % operator reads them; "%%" is a literal percent sign.
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<type>[a-zA-Z%])"
)
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(?P<field>[^{}]*)\}(?!\})")
PERCENT_TYPES = set("diouxXeEfFgGcrsa")


class CatalogueError(Exception):
    pass


def percent_placeholders(text: str, where: str) -> Counter:
    found = Counter()
    for match in PERCENT_PLACEHOLDER.finditer(text):
        kind = match.group("type")
        if kind == "%":
            continue
        if kind not in PERCENT_TYPES:
            raise CatalogueError(f"{where}: bad format directive {match.group(0)!r}")
        found[(match.group("name"), kind)] += 1
    return found


def brace_placeholders(text: str) -> Counter:
    return Counter(m.group("field").split("!")[0].split(":")[0] for m in BRACE_PLACEHOLDER.finditer(text))


def check_entry(entry: polib.POEntry, path: Path) -> None:
    where = f"{path}:{entry.linenum} (msgid {entry.msgid!r})"
    sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
    translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    for flag, extract in (
        ("python-format", lambda text: percent_placeholders(text, where)),
        ("python-brace-format", brace_placeholders),
    ):
        if flag not in entry.flags:
            continue
        expected = [extract(text) for text in sources]
        for translation in translations:
            if not translation:
                continue
            got = extract(translation)
            if all(got != wanted for wanted in expected):
                raise CatalogueError(
                    f"{where}: placeholders of the translation {sorted(got.elements())} "
                    f"differ from the source {sorted(expected[0].elements())}"
                )


def load_catalogue(path: Path) -> polib.POFile:
    try:
        catalogue = polib.pofile(str(path), check_for_duplicates=True, encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: {exc}") from exc
    for entry in catalogue:
        if not entry.obsolete and "fuzzy" not in entry.flags:
            check_entry(entry, path)
    return catalogue


def write_atomically(data: bytes, target: Path) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS to .mo with polib (no GNU gettext needed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Only parse and check the catalogues; write no .mo."
        )

    def handle(self, *args, check=False, **options):
        catalogues = sorted(
            path for root in settings.LOCALE_PATHS for path in Path(root).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            roots = ", ".join(str(root) for root in settings.LOCALE_PATHS) or "(LOCALE_PATHS is empty)"
            raise CommandError(f"no .po files found under {roots}")
        loaded = []
        errors = []
        for path in catalogues:
            try:
                loaded.append((path, load_catalogue(path)))
            except CatalogueError as exc:
                errors.append(str(exc))
        if errors:
            raise CommandError("cannot compile translations:\n" + "\n".join(errors))
        for path, catalogue in loaded:
            target = path.with_suffix(".mo")
            untranslated = len(catalogue.untranslated_entries())
            fuzzy = len(catalogue.fuzzy_entries())
            summary = (
                f"{path}: {len(catalogue.translated_entries())} translated, "
                f"{untranslated} untranslated, {fuzzy} fuzzy"
            )
            if check:
                self.stdout.write(summary)
                continue
            try:
                write_atomically(catalogue.to_binary(), target)
            except OSError as exc:
                raise CommandError(f"cannot write {target}: {exc}") from exc
            self.stdout.write(f"{summary} -> {target.name}")
