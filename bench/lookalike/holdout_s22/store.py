"""Writing icon files (PNG or JPEG, several sizes) under out/icons with random names."""

from __future__ import annotations

import random
from pathlib import Path

from ids import file_name, stream
from PIL import Image

SIZES = [512, 512, 256, 256, 192, 180, 144, 128, 300, 400]


class IconStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.names = stream("iconnames")
        self.taken: set[str] = set()

    def save_protected(self, img: Image.Image, key: str) -> str:
        rel = f"p/{key}.png"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        img.save(path, format="PNG")
        return rel

    def save_listing(self, img: Image.Image, rng: random.Random, force_jpeg: bool = False,
                     jpeg_quality: int | None = None, keep_size: bool = False) -> tuple[str, dict]:
        """Save a listing icon; returns the relative path and the encoding parameters."""
        fmt = "JPEG" if force_jpeg or rng.random() < 0.3 else "PNG"
        if keep_size or img.width != img.height:
            out = img
        else:
            size = rng.choice(SIZES)
            out = img if size == img.width else img.resize((size, size), Image.LANCZOS)
        name = file_name(self.names, self.taken)
        rel = f"l/{name}.{'jpg' if fmt == 'JPEG' else 'png'}"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        enc = {"format": fmt, "size": [out.width, out.height]}
        if fmt == "JPEG":
            q = jpeg_quality if jpeg_quality is not None else rng.randint(60, 95)
            out.convert("RGB").save(path, format="JPEG", quality=q)
            enc["quality"] = q
        else:
            out.save(path, format="PNG")
        return rel, enc
