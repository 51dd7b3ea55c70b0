"""Print the msgids that makemessages extracts but the zh-Hans catalogue lacks (what tests/test_i18n.py checks),
as PO entries with an empty msgstr, to be translated and appended to django.po."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appgov.settings")
import django  # noqa: E402

django.setup()
import polib  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

APPGOV = Path(settings.BASE_DIR)
PO = APPGOV / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "appgov"
        shutil.copytree(APPGOV, copy, ignore=shutil.ignore_patterns("engines", "locale", "static", "__pycache__"))
        (copy / "locale").mkdir()
        settings.LOCALE_PATHS = [copy / "locale"]
        os.chdir(copy)
        call_command("makemessages", locale=["zh_Hans"], ignore_patterns=["engines/*"], no_obsolete=True, verbosity=0)
        extracted = polib.pofile(str(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"), encoding="utf-8")
    have = {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(PO), encoding="utf-8")}
    out = polib.POFile()
    for e in extracted:
        if (e.msgctxt, e.msgid, e.msgid_plural) not in have:
            e.msgstr = ""
            e.flags = [f for f in e.flags if f != "fuzzy"]
            out.append(e)
    sys.stdout.write(str(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
