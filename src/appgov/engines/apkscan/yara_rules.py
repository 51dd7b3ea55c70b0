"""User-supplied YARA rules (NFRA-07.4 malicious code). Rules are matched against the package file and
the decompressed DEX / native / executable entries; nothing is executed."""

from __future__ import annotations

from .errors import UsageError

MATCH_TIMEOUT_S = 30


def compile_rules(path: str):
    try:
        import yara
    except ImportError:  # pragma: no cover - yara is a test/runtime dependency
        raise UsageError("--yara needs the 'yara' Python module (yara-python)") from None
    try:
        return (path, yara.compile(filepath=path))
    except yara.SyntaxError as exc:
        raise UsageError(f"{path}: YARA syntax error: {exc}") from None
    except yara.Error as exc:
        raise UsageError(f"{path}: cannot load YARA rules: {exc}") from None


def run_rules(compiled, package_path: str, targets: list[tuple[str, bytes]]) -> dict:
    import yara

    path, rules = compiled
    matches, errors = [], []
    jobs = [("(package file)", None)] + targets
    for name, data in jobs:
        try:
            found = (
                rules.match(filepath=package_path, timeout=MATCH_TIMEOUT_S)
                if data is None
                else rules.match(data=data, timeout=MATCH_TIMEOUT_S)
            )
        except yara.TimeoutError:
            errors.append(f"{name}: YARA timed out after {MATCH_TIMEOUT_S}s")
            continue
        except yara.Error as exc:
            errors.append(f"{name}: {exc}")
            continue
        for m in found:
            matches.append(
                {
                    "rule": m.rule,
                    "namespace": m.namespace,
                    "tags": list(m.tags),
                    "target": name,
                    "meta": {k: str(v) for k, v in m.meta.items()},
                }
            )
    return {"rules_file": path, "matches": matches, "errors": errors}


def check_source(text: str) -> None:
    """Raise UsageError naming the problem when `text` is not a set of YARA rules that compiles."""
    try:
        import yara
    except ImportError:  # pragma: no cover - yara is a test/runtime dependency
        raise UsageError("checking YARA rules needs the 'yara' Python module (yara-python)") from None
    try:
        yara.compile(source=text)
    except yara.SyntaxError as exc:
        raise UsageError(f"YARA syntax error: {exc}") from None
    except yara.Error as exc:
        raise UsageError(f"cannot load YARA rules: {exc}") from None
