"""Find a CJK font that is installed on this machine and hand out cached FreeType faces.

The font is never copied into the repository: its path is looked up with fontconfig at build time.
`fc-match :lang=zh` is asked first; when the face it names has no CJK glyphs (fontconfig falls back to
DejaVu Sans on some machines) the other fontconfig answers are tried, in a fixed order.
"""

from __future__ import annotations

import functools
import subprocess

from PIL import ImageDraw, ImageFont

_PROBE = "银行工商保险"


def _fc(args: list[str]) -> list[str]:
    try:
        out = subprocess.run(args, capture_output=True, text=True, check=False, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


def _covers_cjk(path: str) -> bool:
    try:
        from fontTools.ttLib import TTCollection, TTFont
    except ImportError:  # no fontTools: trust fontconfig
        return True
    try:
        if path.lower().endswith((".ttc", ".otc")):
            face = TTCollection(path, lazy=True).fonts[0]
        else:
            face = TTFont(path, lazy=True)
        cmap = face.getBestCmap() or {}
    except Exception:  # an unreadable face is simply skipped
        return False
    return all(ord(ch) in cmap for ch in _PROBE)


@functools.cache
def cjk_font_path() -> str:
    candidates: list[str] = []
    candidates += _fc(["fc-match", "-f", "%{file}", ":lang=zh"])
    candidates += _fc(["fc-match", "-f", "%{file}", ":lang=zh-cn"])
    candidates += sorted(_fc(["fc-list", "-f", "%{file}\n", ":lang=zh"]))
    for path in candidates:
        if _covers_cjk(path):
            return path
    raise SystemExit(f"no installed CJK font found by fontconfig (tried {candidates})")


@functools.cache
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(cjk_font_path(), max(6, int(size)), index=0,
                              layout_engine=ImageFont.Layout.BASIC)


def fit_font(text: str, max_w: float, max_h: float) -> ImageFont.FreeTypeFont:
    """The largest face (in steps of 2 px) whose ink box of `text` fits into max_w x max_h."""
    size = max(8, int(max_h * 1.25))
    while size > 8:
        left, top, right, bottom = font(size).getbbox(text)
        if right - left <= max_w and bottom - top <= max_h:
            break
        size -= 2
    return font(size)


def draw_centred(draw: ImageDraw.ImageDraw, text: str, cx: float, cy: float, fnt, fill) -> None:
    """Draw `text` so that its ink box is centred on (cx, cy)."""
    left, top, right, bottom = fnt.getbbox(text)
    draw.text((cx - (left + right) / 2, cy - (top + bottom) / 2), text, font=fnt, fill=fill)


def glyph(draw: ImageDraw.ImageDraw, text: str, cx: float, cy: float, box: float, fill) -> None:
    """Draw `text` fitted into a box x box square centred on (cx, cy)."""
    fnt = fit_font(text, box, box)
    draw_centred(draw, text, cx, cy, fnt, fill)
