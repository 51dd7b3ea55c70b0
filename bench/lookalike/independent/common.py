"""What the generator, the hand-written set's loader and the scorer share: the protected apps file,
made-up certificates, label records and JSONL writing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROTECTED_FILE = HERE / "protected.jsonl"
REPO = HERE.parents[2]
DEFAULT_OUT = REPO / "bench" / "data" / "lookalike-independent"

LABEL_KINDS = ("counterfeit", "repackaged", "unregistered_official", "none")


@dataclass(frozen=True)
class Protected:
    app_id: str
    institution: str
    names: tuple[str, ...]
    keywords: tuple[str, ...]
    packages: tuple[str, ...]
    developers: tuple[str, ...]
    certs: tuple[str, ...]

    @property
    def key(self) -> str:
        """Institution key: the app_id prefix shared by an institution's apps (icbc-mbank -> icbc)."""
        return self.app_id.split("-", 1)[0]

    @property
    def is_channel(self) -> bool:
        """A mini-program / official-account entry (ids, no certificate)."""
        return not self.certs

    @property
    def android_package(self) -> str | None:
        for pkg in self.packages:
            if "." in pkg:
                return pkg
        return None


def load_protected(path: Path = PROTECTED_FILE) -> list[Protected]:
    apps = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        apps.append(
            Protected(
                d["app_id"],
                d["institution"],
                tuple(d["names"]),
                tuple(d.get("brand_keywords", ())),
                tuple(d.get("package_ids", ())),
                tuple(d.get("developers", ())),
                tuple(d.get("cert_sha256", ())),
            )
        )
    return apps


def institution_apps(apps: list[Protected], key: str) -> list[str]:
    return [a.app_id for a in apps if a.key == key]


def foreign_cert(token: str) -> str:
    """A certificate that belongs to nobody protected: same token, same certificate (a fraud ring
    signs many fakes with one key)."""
    return hashlib.sha256(("indep-foreign-cert/" + token).encode()).hexdigest()


def label(
    listing_id: str,
    expected: str,
    case: str,
    target: str | None = None,
    accept: list[str] | None = None,
    institution: str | None = None,
) -> dict:
    if expected not in LABEL_KINDS:
        raise ValueError(f"{listing_id}: unknown label kind {expected!r}")
    if expected != "none" and not (target and accept):
        raise ValueError(f"{listing_id}: a positive label needs a target app and accepted app ids")
    return {
        "listing_id": listing_id,
        "expected": expected,
        "case": case,
        "target_app_id": target,
        "accept_app_ids": accept or [],
        "target_institution": institution,
    }


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------- which glyph renderer built the icons
# Icons draw each bank's glyph with a CJK font; without one (logos.py) every glyph becomes a bar, which
# makes different banks' icons alike and moved the engine's scores by ~3 points (session 9). A build
# therefore records its renderer, and a build made without the font is never scored unnoticed.

BUILD_RECORD = "build.json"
FONT_PACKAGE = "fonts-wqy-microhei"


class FontMissingError(RuntimeError):
    pass


def glyph_renderer() -> dict:
    import logos  # noqa: PLC0415  (Pillow is only needed by the builders)

    if not logos._FONT_PATH:
        return {"font": None, "font_sha256": None}
    data = Path(logos._FONT_PATH).read_bytes()
    return {"font": logos._FONT_PATH, "font_sha256": hashlib.sha256(data).hexdigest()}


def require_font(allow_bars: bool) -> dict:
    renderer = glyph_renderer()
    if renderer["font"] is None and not allow_bars:
        raise FontMissingError(
            f"no CJK font for the icons' glyphs ({FONT_PACKAGE} is the one `make test` installs: "
            f"apt-get install {FONT_PACKAGE}); without it glyphs are drawn as bars and the set is "
            "not the one the results describe. Pass --allow-bar-glyphs to build it anyway."
        )
    return renderer


def write_build_record(out: Path, seed: int, renderer: dict) -> None:
    record = {"seed": seed, **renderer}
    (out / BUILD_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def read_build_record(out: Path) -> dict | None:
    path = out / BUILD_RECORD
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
