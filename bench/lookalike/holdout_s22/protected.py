"""The protected apps: records for protected.jsonl, identifiers and rendered official icons."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog import INSTITUTIONS, PRODUCT_SLUGS, app_icon_spec, emblem_family
from ids import alipay_appid, cert, gh_id, stream, wx_appid
from logos import compose
from PIL import Image
from store import IconStore


@dataclass
class App:
    app_id: str
    inst: dict
    suffix: str
    role: str
    names: list[str]
    product: bool
    spec: dict
    family: str
    android: str | None = None
    ios: str | None = None
    harmony: str | None = None
    mini_id: str | None = None
    certs: list[str] = field(default_factory=list)
    developers: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    icon_rel: str = ""
    image: Image.Image | None = None
    parts: dict | None = None

    def record(self) -> dict:
        pk = [p for p in (self.android, self.ios, self.harmony, self.mini_id) if p]
        return {"app_id": self.app_id, "institution": self.inst["institution"], "names": self.names,
                "brand_keywords": self.keywords, "package_ids": pk, "developers": self.developers,
                "cert_sha256": self.certs or None, "icon": self.icon_rel}


def build_apps(store: IconStore) -> list[App]:
    rng = stream("packages")
    crng = stream("certs")
    apps: list[App] = []
    for inst in INSTITUTIONS:
        main_cert = cert(crng)
        stem = inst["stem"]
        for app in inst["apps"]:
            suffix, role, names, product, _extra = app
            spec = app_icon_spec(inst, app)
            a = App(app_id=f"{inst['key']}.{suffix}", inst=inst, suffix=suffix, role=role, names=list(names),
                    product=product, spec=spec, family=emblem_family(inst["key"], spec))
            if role == "main":
                w = rng.choice(["mbank", "mobilebank", "client", "android", "phonebank", "app", "mobile"])
                first = rng.choice(["com", "com", "cn.com"])
                a.android = f"{first}.{stem}.{w}"
                wi = rng.choice(["mbank", "mobilebank", "client", "phonebank", "app", "mobile"])
                a.ios = rng.choice([f"com.{stem}.ios.{wi}", f"cn.com.{stem}.iphone", f"com.{stem}.{wi}.iphone"])
                if rng.random() < 0.5:
                    a.harmony = f"com.{stem}.{w}.hmos"
                a.certs = [main_cert]
                a.developers = list(inst["developers"])
                a.keywords = list(inst["keywords"])
            elif role == "product":
                slug = PRODUCT_SLUGS[suffix]
                a.android = f"com.{stem}.{slug}"
                a.ios = f"com.{stem}.{slug}.ios"
                a.certs = [main_cert] if rng.random() < 0.5 else [cert(crng)]
                a.developers = list(inst["developers"])
                a.keywords = [names[0], inst["keywords"][0]]
            else:
                a.mini_id = {"mini_wx": wx_appid, "mini_ali": alipay_appid, "oa": gh_id}[role](rng)
                a.developers = [inst["developers"][0]]
                a.keywords = list(inst["keywords"])
            img, parts = compose(spec, 512)
            a.image, a.parts = img, parts
            a.icon_rel = store.save_protected(img, a.app_id)
            apps.append(a)
    return apps
