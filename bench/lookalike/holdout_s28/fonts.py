"""Locate the machine's fonts (nothing is copied into the folder) and cache loaded faces."""

from __future__ import annotations

import os
import subprocess
from functools import cache

from PIL import ImageFont

_CJK_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
_LATIN_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


def _fc_match(pattern: str) -> str | None:
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True,
                             check=False, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


@cache
def cjk_path() -> str:
    for p in _CJK_CANDIDATES:
        if os.path.exists(p):
            return p
    p = _fc_match(":lang=zh")
    if p and os.path.exists(p):
        return p
    raise SystemExit("no CJK font found (fc-list :lang=zh is empty)")


@cache
def latin_path() -> str:
    for p in _LATIN_CANDIDATES:
        if os.path.exists(p):
            return p
    return _fc_match("sans:bold") or cjk_path()


@cache
def cjk(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(cjk_path(), max(4, int(size)), index=0)


@cache
def latin(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(latin_path(), max(4, int(size)))


def font_for(text: str, size: int) -> ImageFont.FreeTypeFont:
    """CJK face for any text holding a non-ASCII character, else the bold Latin face."""
    return cjk(size) if any(ord(ch) > 127 for ch in text) else latin(size)


def text_centered(draw, cx: float, cy: float, text: str, size: int, fill, font=None) -> None:
    """Draw text with its ink box centred on (cx, cy)."""
    f = font or font_for(text, size)
    x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=f)
    draw.text((cx - (x0 + x1) / 2, cy - (y0 + y1) / 2), text, font=f, fill=fill)


def fit_size(draw, text: str, max_w: float, max_h: float, start: int) -> int:
    """Largest size <= start whose ink box fits max_w x max_h."""
    size = int(start)
    while size > 6:
        x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=font_for(text, size))
        if x1 - x0 <= max_w and y1 - y0 <= max_h:
            return size
        size = int(size * 0.9)
    return 6
