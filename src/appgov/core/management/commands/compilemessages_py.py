"""Compile every .po under LOCALE_PATHS to .mo with polib, so installing needs no GNU gettext.

A catalogue that breaks the PO grammar (polib alone silently truncates an unterminated string and reads
a missing msgstr as empty, so the lines are checked here first), repeats a msgid, or whose translation changes the placeholders of a
python-format / python-brace-format entry stops the command with the file and line; nothing of that
catalogue is written. Each .mo is written to a temporary file first and moved into place, so a running
server never reads half a catalogue.
"""

import os
import re
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# printf-style conversions as Python's % operator reads them; "%%" is a literal percent sign.
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<type>[a-zA-Z%])"
)
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(?P<field>[^{}]*)\}(?!\})")
# What kind of value each conversion takes; msgfmt --check-format compares these kinds.
PERCENT_KINDS = {
    **dict.fromkeys("sra", "string"),
    **dict.fromkeys("diuoxX", "integer"),
    **dict.fromkeys("eEfFgG", "float"),
    "c": "character",
}
QUOTED = r'"(?:[^"\\]|\\(?:[\\"abfnrtv?\']|[0-7]{1,3}|x[0-9a-fA-F]+))*"'
KEYWORD_LINE = re.compile(
    rf"(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<index>\d+)\])?)\s+{QUOTED}\s*"
)
CONTINUATION_LINE = re.compile(rf"{QUOTED}\s*")
# Which keyword may follow which inside one entry; None is "between entries".
NEXT_KEYWORDS = {
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[]"},
    "msgstr": {"msgctxt", "msgid"},
    "msgstr[]": {"msgstr[]", "msgctxt", "msgid"},
}


class CatalogueError(Exception):
    pass


def check_syntax(path: Path, text: str) -> None:
    """Check the PO grammar line by line: keywords in order, every string quoted and closed, valid escapes."""
    state, plural_index = None, -1
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{path}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            if state not in (None, "msgstr", "msgstr[]"):
                raise CatalogueError(f"{where}: comment inside an entry (after {state})")
            if state is not None:
                state, plural_index = None, -1
            continue
        if CONTINUATION_LINE.fullmatch(line):
            if state is None:
                raise CatalogueError(f"{where}: string outside an entry")
            continue
        match = KEYWORD_LINE.fullmatch(line)
        if match is None:
            raise CatalogueError(
                f"{where}: not a PO line (unclosed string, bad escape or unknown keyword): {raw!r}"
            )
        keyword = match.group("keyword")
        if match.group("index") is not None:
            keyword = "msgstr[]"
            index = int(match.group("index"))
            if (state == "msgstr[]" and index != plural_index + 1) or (
                state == "msgid_plural" and index != 0
            ):
                raise CatalogueError(f"{where}: plural forms out of order ({raw.split()[0]})")
            plural_index = index
        if keyword not in NEXT_KEYWORDS[state]:
            expected = " or ".join(sorted(NEXT_KEYWORDS[state]))
            raise CatalogueError(f"{where}: {keyword} where {expected} was expected")
        state = keyword
    if state not in (None, "msgstr", "msgstr[]"):
        raise CatalogueError(f"{path}: ends inside an entry (after {state}, msgstr missing)")


def percent_placeholders(text: str, where: str) -> tuple[dict[str, str], list[str]]:
    """Named placeholders (name -> kind of value) and the kinds of the positional ones, in order."""
    named, positional = {}, []
    for match in PERCENT_PLACEHOLDER.finditer(text):
        conversion, name = match.group("type"), match.group("name")
        if conversion == "%":
            continue
        if conversion not in PERCENT_KINDS:
            raise CatalogueError(f"{where}: bad format directive {match.group(0)!r}")
        kind = PERCENT_KINDS[conversion]
        if name is None:
            positional.append(kind)
        elif named.setdefault(name, kind) != kind:
            raise CatalogueError(f"{where}: %({name}) is used both as {named[name]} and as {kind}")
    if named and positional:
        raise CatalogueError(f"{where}: mixes named and positional placeholders")
    return named, positional


def check_percent_format(sources: list[str], translation: str, plural: bool, where: str) -> None:
    source_named, source_positional = {}, []
    for text in sources:
        named, positional = percent_placeholders(text, where)
        source_named.update(named)
        source_positional = source_positional or positional
    named, positional = percent_placeholders(translation, f"{where} msgstr")
    for name, kind in named.items():
        if name not in source_named:
            raise CatalogueError(f"{where}: the translation has placeholder %({name}) that the source lacks")
        if kind != source_named[name]:
            raise CatalogueError(
                f"{where}: placeholder %({name}) is {kind} in the translation but {source_named[name]} "
                "in the source"
            )
    lost = sorted(set(source_named) - set(named))
    if lost and not plural:  # a plural form (e.g. "one") may leave the count out, as msgfmt allows
        raise CatalogueError(f"{where}: the translation lacks placeholder(s) {', '.join(lost)}")
    if positional != source_positional:
        raise CatalogueError(
            f"{where}: positional placeholders of the translation {positional} "
            f"differ from the source {source_positional}"
        )


def check_brace_format(sources: list[str], translation: str, plural: bool, where: str) -> None:
    def fields(text):
        return {m.group("field").split("!")[0].split(":")[0] for m in BRACE_PLACEHOLDER.finditer(text)}

    source_fields = set().union(*(fields(text) for text in sources))
    got = fields(translation)
    if got - source_fields:
        raise CatalogueError(
            f"{where}: the translation has placeholder(s) {sorted(got - source_fields)} that the source lacks"
        )
    if source_fields - got and not plural:
        raise CatalogueError(f"{where}: the translation lacks placeholder(s) {sorted(source_fields - got)}")


def check_entry(entry: polib.POEntry, path: Path) -> None:
    where = f"{path}:{entry.linenum} (msgid {entry.msgid!r})"
    plural = bool(entry.msgid_plural)
    sources = [entry.msgid] + ([entry.msgid_plural] if plural else [])
    translations = list(entry.msgstr_plural.values()) if plural else [entry.msgstr]
    for translation in filter(None, translations):
        if "python-format" in entry.flags:
            check_percent_format(sources, translation, plural, where)
        if "python-brace-format" in entry.flags:
            check_brace_format(sources, translation, plural, where)


def load_catalogue(path: Path) -> polib.POFile:
    try:
        check_syntax(path, path.read_text(encoding="utf-8"))
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
    requires_system_checks = []  # runs at install time, before the project is configured or migrated

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
