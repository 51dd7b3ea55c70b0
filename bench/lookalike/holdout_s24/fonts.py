"""Font loading (cached) for the fonts available on the build machine."""

from __future__ import annotations

from functools import lru_cache

from PIL import ImageFont

CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LATIN = {
    "sans_bold": DEJAVU + "DejaVuSans-Bold.ttf",
    "serif_bold": DEJAVU + "DejaVuSerif-Bold.ttf",
    "cond_bold": DEJAVU + "DejaVuSansCondensed-Bold.ttf",
    "serif_italic": DEJAVU + "DejaVuSerif-BoldItalic.ttf",
    "mono_bold": DEJAVU + "DejaVuSansMono-Bold.ttf",
    "sans": DEJAVU + "DejaVuSans.ttf",
}


@lru_cache(maxsize=256)
def cjk(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(CJK, max(4, int(size)), index=0)


@lru_cache(maxsize=256)
def latin(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(LATIN[style], max(4, int(size)))


def font_for(text: str, size: int, style: str = "sans_bold") -> ImageFont.FreeTypeFont:
    """CJK font when the text holds any non-ASCII character, else the Latin style."""
    if any(ord(c) > 127 for c in text):
        return cjk(size)
    return latin(style, size)
