"""The protected logos: one design per icon key (own designs), rendered from emblem templates."""

from __future__ import annotations

from dataclasses import dataclass

from draw import CJK_FONT, SIZE, Pen, background, compose
from emblems import TEMPLATES
from PIL import Image

W = "ffffff"
# icon key: template, background (kind, c1, c2), emblem parameters, caption (text, colour) or None
DESIGNS: dict[str, tuple[str, tuple[str, str, str | None], dict, tuple[str, str] | None]] = {
    "icbc": ("coin", ("solid", W, None), {"c1": "c8102e", "c2": "c8102e"}, None),
    "icbc_elife": (
        "wordmark",
        ("solid", "fff6f0", None),
        {"text": "e生活", "c1": "c8102e", "c2": "d4a017"},
        None,
    ),
    "ccb": ("nested", ("solid", W, None), {"c1": "0a4da2", "c2": "3f8fdc"}, None),
    "ccb_life": ("arrowloop", ("vgrad", "1c5fc4", "58a8f0"), {"c1": W, "c2": W, "glyph": "活"}, None),
    "abc": ("leaf", ("solid", W, None), {"c1": "00915a", "c2": "5cbf7c"}, None),
    "boc": ("round_char", ("solid", W, None), {"c1": "b81c22", "c2": W, "glyph": "银"}, None),
    "boc_life": (
        "rosette",
        ("solid", W, None),
        {"n": 6, "cols": ["e8457c", "f39c12"], "c3": "8e44ad"},
        ("缤纷", "e8457c"),
    ),
    "bocom": ("sshape", ("solid", W, None), {"c1": "1d3d8f", "c2": "3a6fd8"}, None),
    "bocom_mdb": (
        "dotgrid",
        ("solid", "1e2a4a", None),
        {"pattern": "abaab.aba", "c1": "ff8a00", "c2": W},
        None,
    ),
    "psbc": ("arches", ("solid", W, None), {"c1": "007a3d", "c2": "7cb342"}, None),
    "cmb": ("pinwheel", ("solid", W, None), {"c1": "c8102e", "c2": "ef6b6b"}, ("招", "c8102e")),
    "cmb_life": ("split", ("vgrad", "e60012", "9e0010"), {"c1": W, "c2": "ffd54f", "c3": W}, None),
    "spdb": ("diamonds", ("solid", W, None), {"c1": "1a2f6b", "c2": "c9a227"}, None),
    "spdb_card": (
        "letter_ellipse",
        ("solid", "13245c", None),
        {"letters": "P", "c1": "e0b84a", "c2": W},
        None,
    ),
    "citic": ("ribbon", ("solid", W, None), {"c1": "d7000f", "c2": "f07c00"}, ("中信", "d7000f")),
    "citic_card": ("knot", ("dgrad", "d7000f", "7b1fa2"), {"c1": W, "c2": "ffd54f"}, None),
    "ceb": ("star", ("solid", W, None), {"n": 8, "ratio": 0.6, "c1": "6a1b9a", "c2": "ffc107"}, None),
    "ceb_card": ("mountain", ("vgrad", "7e3fb5", "f48fb1"), {"c1": W, "c2": "ffeb3b", "c3": "e1bee7"}, None),
    "hxb": ("tri", ("solid", W, None), {"c1": "d0021b", "c2": W}, ("华夏", "333333")),
    "cmbc": ("waves", ("solid", W, None), {"c1": "00897b", "c2": W}, None),
    "cmbc_card": ("monogram", ("solid", "00796b", None), {"c1": W, "c2": "00796b", "letters": "QM"}, None),
    "cgb": ("hexagon", ("solid", W, None), {"c1": "c9151e", "c2": "c9151e", "letters": "G"}, None),
    "cgb_card": ("crescent", ("dgrad", "d32f2f", "ff9800"), {"c1": W, "c2": "fff176"}, None),
    "pab": ("shield", ("solid", W, None), {"c1": "f05a22", "c2": W}, None),
    "cib": ("globe", ("solid", W, None), {"c1": "004b9b", "c2": "e53935"}, None),
    "cib_card": ("arcs", ("solid", "e8f1fb", None), {"c1": "004b9b", "c2": "29b6f6"}, None),
    "bob": ("seal", ("solid", W, None), {"c1": "e2231a", "c2": W, "glyph": "京"}, None),
    "bosc": ("window", ("solid", W, None), {"c1": "0c4da2", "c2": "f5a623", "rot": 45}, None),
    "jsb": ("drop", ("solid", W, None), {"c1": "0096d6", "c2": W}, None),
    "nbcb": ("orbit", ("solid", W, None), {"c1": "f28c00", "c2": "e65100", "c3": "1565c0"}, None),
    "czb": ("ingot", ("solid", "b71c1c", None), {"c1": "f2c94c", "c2": "b71c1c"}, None),
    "cbhb": ("chevrons", ("solid", W, None), {"n": 3, "c1": "0d3b7a", "c2": "2e86de"}, None),
    "hfb": ("temple", ("solid", "0b5d3b", None), {"c1": "e5c07b", "c2": "0b5d3b"}, None),
    "webank": ("twin_squares", ("vgrad", "eaf2ff", "ffffff"), {"c1": "0052d9", "c2": "00b3ff"}, None),
    "mybank": ("rings", ("solid", W, None), {"cols": ["1565c0", "00acc1", "ff7043"]}, None),
    "chinalife": ("hexagon", ("solid", W, None), {"c1": "00704a", "c2": "00704a"}, ("国寿", "00704a")),
    "pa_jgj": ("key", ("solid", "ff6a00", None), {"c1": W}, None),
    "pa_car": (
        "chevrons",
        ("solid", W, None),
        {"n": 2, "right": True, "c1": "ff6a00", "c2": "ffa040"},
        ("好车主", "ff6a00"),
    ),
    "picc": ("monogram", ("solid", W, None), {"c1": "d71920", "c2": W, "letters": "PICC"}, None),
    "cpic": ("sunrise", ("solid", W, None), {"c1": "1665b4", "c2": "1665b4"}, None),
    "nci": ("fan", ("solid", W, None), {"c1": "c62828", "c2": "ef9a9a"}, None),
    "taikang": ("wings", ("solid", W, None), {"c1": "c2185b", "c2": "1e88e5"}, ("泰生活", "c2185b")),
    "cntaiping": ("bridge", ("solid", W, None), {"c1": "e64a19", "c2": "8d6e63"}, None),
    "citics": ("bars", ("solid", W, None), {"c1": "d50000", "c2": "ff8a80", "c3": "37474f"}, None),
    "gtja": ("cube", ("solid", W, None), {"c1": "ef6c00", "c2": "ffb74d", "c3": "bf360c"}, None),
    "htsc": ("spiral", ("solid", "e8380d", None), {"c1": W}, None),
    "gf": ("gem", ("solid", "0d2b5e", None), {"c1": "42a5f5", "c2": "bbdefb", "c3": "0d2b5e"}, None),
    "cmsc": ("compass", ("solid", W, None), {"c1": "b71c1c", "c2": "ffb300"}, None),
    "haitong": ("sail", ("solid", W, None), {"c1": "0277bd", "c2": "4fc3f7"}, ("海通", "0277bd")),
    "alipay": ("hourglass", ("solid", "1677ff", None), {"c1": W, "c2": "91caff"}, None),
    "unionpay": ("cloud_bolt", ("solid", W, None), {"c1": "d81b60", "c2": "ffc107"}, None),
    "lakala": (
        "squareletter",
        ("solid", "ffd100", None),
        {"c1": "222222", "c2": "e53935", "letters": "L"},
        None,
    ),
    "kuaiqian": ("target", ("solid", W, None), {"c1": "e53935", "c2": W, "c3": "263238"}, None),
    "jdjr": ("abacus", ("solid", "e1251b", None), {"c1": W, "c2": "ffd54f"}, None),
}


@dataclass
class Art:
    key: str
    bg: Image.Image  # RGB
    emblem: Image.Image  # RGBA, emblem alone, centred, full scale
    placed: Image.Image  # RGBA, emblem (and caption) as placed on the icon
    icon: Image.Image  # RGB
    bg_colour: tuple[int, int, int]
    caption: tuple[str, str] | None


def render(key: str, w: float = 1.0, size: int = SIZE) -> Art:
    tpl, (kind, c1, c2), params, caption = DESIGNS[key]
    pen = Pen(size)
    TEMPLATES[tpl](pen, params, w)
    emblem = pen.image()
    bg = background(kind, c1, c2, size)
    if caption:
        placed = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        small = emblem.resize((int(size * 0.74), int(size * 0.74)), Image.LANCZOS)
        placed.alpha_composite(small, (int(size * 0.13), int(size * 0.02)))
        cap = Pen(size)
        cap.text_fit(0.5, 0.83, caption[0], CJK_FONT, 0.6, 0.15, caption[1])
        placed.alpha_composite(cap.image())
    else:
        placed = emblem
    icon = compose(bg, placed)
    return Art(key, bg, emblem, placed, icon, bg.getpixel((2, 2)), caption)


def render_all() -> dict[str, Art]:
    return {k: render(k) for k in DESIGNS}
