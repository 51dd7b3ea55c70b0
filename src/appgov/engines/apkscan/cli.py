"""`appgov scan PATH ...`: exit 0 finished scan, 2 package cannot be analysed / bad options, 1 internal error."""

from __future__ import annotations

import argparse
import json
import sys

from .errors import PackageError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would exit itself; we want our exit code 2 and one line
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="appgov scan",
        description="Static analysis of an APK, IPA, HAP or WeChat mini-program package (NFRA 2024 controls).",
    )
    p.add_argument(
        "path", help="package file (.apk, .ipa, .hap, .app, .wxapkg), or a folder / ZIP of .wxapkg packages"
    )
    p.add_argument("--format", choices=("json", "text", "cyclonedx"), default="json")
    p.add_argument("--out", help="write the report to FILE instead of stdout")
    p.add_argument("--allow-domains", metavar="FILE", help="allowed domains, one per line (# comments)")
    p.add_argument(
        "--release-cert",
        nargs="+",
        default=[],
        metavar="SHA256",
        help="SHA-256 fingerprint(s) of the institution's registered release certificate",
    )
    p.add_argument("--check-links", action="store_true", help="probe http(s) URLs (bounded time)")
    p.add_argument("--link-timeout", type=float, default=3.0, help="seconds per link (default 3)")
    p.add_argument(
        "--links-total-timeout", type=float, default=20.0, help="seconds for all links (default 20)"
    )
    p.add_argument("--yara", metavar="FILE", help="YARA rules file for malicious code")
    p.add_argument(
        "--pi-inventory", metavar="FILE", help="declared personal-information categories, one per line"
    )
    p.add_argument(
        "--assessed-sdks", metavar="FILE", help="SDK ids with a security assessment on record, one per line"
    )
    p.add_argument(
        "--catalogue", action="append", default=[], metavar="FILE", help="extra SDK catalogue (JSON/YAML)"
    )
    p.add_argument(
        "--exodus", action="append", default=[], metavar="FILE", help="εxodus tracker list to import"
    )
    p.add_argument(
        "--vuln-feed",
        action="append",
        default=[],
        metavar="FILE",
        help="vulnerability feed: OSV JSON, or CSV/XLSX with columns advisory_id, component, introduced, fixed, ...",
    )
    p.add_argument("--min-target-sdk", type=int, help="required target SDK / API level (default from policy)")
    p.add_argument(
        "--appid", help="WeChat mini-program appid (wx...): decrypts a Windows-client cache copy of a .wxapkg"
    )
    p.add_argument("--pretty", action="store_true", help="indent JSON output")
    return p


def _read_list(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from None
    out = []
    for i, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if " " in line or "\t" in line:
            raise UsageError(f"{path} line {i}: expected one entry per line, got {line!r}")
        out.append(line)
    return out


def main(argv: list[str]) -> int:
    from .scan import ScanOptions, scan_file

    try:
        args = build_parser().parse_args(argv)
        options = ScanOptions(
            allow_domains=[d.lower() for d in _read_list(args.allow_domains)] if args.allow_domains else None,
            release_certs=list(args.release_cert),
            check_links=args.check_links,
            link_timeout=args.link_timeout,
            links_total_timeout=args.links_total_timeout,
            yara_rules=args.yara,
            pi_inventory=_read_list(args.pi_inventory) if args.pi_inventory else None,
            assessed_sdks=_read_list(args.assessed_sdks) if args.assessed_sdks else None,
            extra_catalogues=tuple(args.catalogue),
            exodus_files=tuple(args.exodus),
            min_target_sdk=args.min_target_sdk,
            vuln_feeds=tuple(args.vuln_feed),
            appid=args.appid,
        )
        report = scan_file(args.path, options)
    except (PackageError, UsageError) as exc:
        print(f"appgov scan: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except (MemoryError, RecursionError) as exc:
        print(
            f"appgov scan: error: {args.path}: package exhausts analysis resources ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug: exit 1 with a one-line reason
        print(f"appgov scan: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        text = json.dumps(report, ensure_ascii=False, indent=2 if args.pretty else None, sort_keys=False)
    elif args.format == "cyclonedx":
        from .cyclonedx import to_cyclonedx

        text = json.dumps(to_cyclonedx(report), ensure_ascii=False, indent=2)
    else:
        from .text_report import to_text

        text = to_text(report)
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(text if text.endswith("\n") else text + "\n")
        except OSError as exc:
            print(f"appgov scan: error: cannot write {args.out}: {exc}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
