"""Fonts already installed on the machine, looked up at build time (nothing is copied into the repo)."""

from __future__ import annotations

import functools
import subprocess

from PIL import ImageFont

PREFERRED_CJK = ("wqy-microhei", "wqy-zenhei", "NotoSansCJK", "NotoSerifCJK", "SourceHan")


@functools.lru_cache(maxsize=1)
def cjk_font_path() -> str:
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=True).stdout
    paths = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    if not paths:
        raise SystemExit("no CJK font installed (fc-list :lang=zh is empty)")
    for pref in PREFERRED_CJK:
        for p in paths:
            if pref.lower() in p.lower():
                return p
    return paths[0]


@functools.lru_cache(maxsize=1)
def latin_bold_path() -> str:
    out = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans:bold"], capture_output=True, text=True)
    path = out.stdout.strip()
    return path if path else cjk_font_path()


@functools.lru_cache(maxsize=256)
def cjk(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(cjk_font_path(), max(4, int(px)), index=0)


@functools.lru_cache(maxsize=256)
def latin(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(latin_bold_path(), max(4, int(px)))


def font_for(text: str, px: int) -> ImageFont.FreeTypeFont:
    """Latin bold for plain ASCII, the CJK font otherwise."""
    return latin(px) if text.isascii() else cjk(px)


def describe() -> str:
    return f"{cjk_font_path()} (index 0) for CJK, {latin_bold_path()} for Latin letter marks"
