"""The `appgov` console script.

Engine commands (scan, lookalike, creditwatch) run without Django or a database; every other
command is handed to Django's management commands (e.g. `appgov audit verify`, `appgov demo`).
"""

import importlib
import os
import sys

ENGINE_COMMANDS = {
    "scan": "appgov.engines.apkscan.cli",
    "lookalike": "appgov.engines.lookalike.cli",
    "creditwatch": "appgov.engines.querywatch.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ENGINE_COMMANDS:
        module = importlib.import_module(ENGINE_COMMANDS[argv[0]])
        return module.main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appgov.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["appgov", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
