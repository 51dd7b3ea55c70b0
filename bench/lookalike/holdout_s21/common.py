"""Shared state of one build: the protected apps, their drawings, icon files, listing and label rows."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

from catalog import App
from ids import (
    alipay_appid,
    cert_hex,
    cert_style,
    file_name,
    gh_id,
    random_bundle,
    random_developer,
    random_package,
    wx_appid,
)
from logos import Art
from PIL import Image

SEED = 2121
ANDROID_STORES = [
    "android:huawei-appgallery",
    "android:xiaomi-getapps",
    "android:oppo-store",
    "android:vivo-store",
    "android:tencent-myapp",
    "android:360-store",
    "android:baidu-store",
    "web:apk-download",
]
SOURCE = {
    "i": "ios:app-store-cn",
    "h": "harmonyos:appgallery",
    "w": "wechat:mini-program",
    "l": "alipay:mini-program",
    "g": "wechat:official-account",
}
SIGNED = {"a", "h"}  # platforms whose listings carry a signing certificate


def sub_rng(name: str) -> random.Random:
    return random.Random(f"{SEED}-{name}")


def source_for(platform: str, rng: random.Random) -> str:
    return rng.choice(ANDROID_STORES) if platform == "a" else SOURCE[platform]


def foreign_package(platform: str, rng: random.Random) -> str:
    if platform == "a" or platform == "h":
        return random_package(rng)
    if platform == "i":
        return random_bundle(rng)
    return {"w": wx_appid, "l": alipay_appid, "g": gh_id}[platform](rng)


def foreign_cert(platform: str, rng: random.Random) -> str | None:
    return cert_style(rng, cert_hex(rng)) if platform in SIGNED else None


FIRST_DAY = datetime.date(2023, 1, 1)
LAST_DAY = datetime.date(2025, 6, 30)


def date(rng: random.Random) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


@dataclass
class Item:
    listing: dict
    label: dict


class Ctx:
    def __init__(self, out: Path, apps: list[App], arts: dict[str, Art]):
        self.out = out
        self.apps = apps
        self.arts = arts
        self.app = {a.app_id: a for a in apps}
        self.taken: set[str] = set()
        self.files = sub_rng("files")
        self.by_icon: dict[str, list[str]] = {}
        self.by_inst: dict[str, list[str]] = {}
        self.by_dev: dict[str, list[str]] = {}
        self.by_pkg: dict[str, list[str]] = {}
        for a in apps:
            self.by_icon.setdefault(a.icon_key, []).append(a.app_id)
            self.by_inst.setdefault(a.inst_key, []).append(a.app_id)
            for d in a.developers:
                self.by_dev.setdefault(d, []).append(a.app_id)
            for p in a.platforms.values():
                self.by_pkg.setdefault(p, []).append(a.app_id)
        (out / "icons" / "l").mkdir(parents=True, exist_ok=True)
        (out / "icons" / "p").mkdir(parents=True, exist_ok=True)

    def save_icon(
        self, img: Image.Image, fmt: str, size: int, quality: int | None = None
    ) -> tuple[str, dict]:
        """Writes a listing icon under icons/l/ with a random name; returns its path and how it was written."""
        w, h = img.size
        if max(w, h) != size:
            f = size / max(w, h)
            img = img.resize((max(1, round(w * f)), max(1, round(h * f))), Image.LANCZOS)
        ext = "jpg" if fmt == "jpeg" else "png"
        name = file_name(self.files, ext, self.taken)
        path = self.out / "icons" / "l" / name
        if fmt == "jpeg":
            if img.mode == "RGBA":
                base = Image.new("RGB", img.size, (255, 255, 255))
                base.paste(img, (0, 0), img.getchannel("A"))
                img = base
            img.convert("RGB").save(path, "JPEG", quality=quality or 90)
        else:
            img.save(path, "PNG")
        info = {"format": fmt, "size": list(img.size)}
        if fmt == "jpeg":
            info["quality"] = quality or 90
        return f"l/{name}", info

    def listing(
        self,
        rng: random.Random,
        platform: str,
        name: str,
        package: str | None,
        developer: str | None,
        cert: str | None,
        icon: str | None,
    ) -> dict:
        seen = date(rng)
        row = {
            "listing_id": "",
            "source": source_for(platform, rng),
            "name": name,
            "package_id": package,
            "developer": developer,
            "cert_sha256": cert,
            "icon": icon,
            "first_seen": seen.isoformat(),
        }
        if rng.random() < 0.15:
            later = seen + datetime.timedelta(days=rng.randrange(1, 200))
            clock = f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+08:00"
            row["changed_at"] = min(later, LAST_DAY).isoformat() + clock
        return row

    def apps_of(self, inst_key: str) -> list[str]:
        return list(self.by_inst[inst_key])


def label(case: str, expected: str, target: App | None, accept: list[str], params: dict) -> dict:
    return {
        "listing_id": "",
        "expected": expected,
        "case": case,
        "target_app_id": target.app_id if target else None,
        "target_institution": target.institution if target else None,
        "accept_app_ids": sorted(set(accept)),
        "params": params,
    }


def random_format(rng: random.Random) -> tuple[str, int | None]:
    if rng.random() < 0.6:
        return "png", None
    return "jpeg", rng.randrange(70, 96)


def random_size(rng: random.Random) -> int:
    return rng.choice([512, 512, 512, 256, 256, 192, 180, 144, 120])


def other_developer(rng: random.Random, ctx: Ctx) -> str:
    while True:
        d = random_developer(rng)
        if d not in ctx.by_dev:
            return d
