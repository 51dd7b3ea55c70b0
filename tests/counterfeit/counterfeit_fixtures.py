"""Helpers of the counterfeit tests: listing rows and feeds (fixtures are in conftest.py)."""

import json

CERT_A = "a" * 64
CERT_B = "b" * 64
FOREIGN_CERT = "c" * 64


def listing(listing_id, name, package_id=None, developer=None, cert=None, source="某安卓市场", **extra):
    row = {"listing_id": listing_id, "source": source, "name": name}
    if package_id:
        row["package_id"] = package_id
    if developer:
        row["developer"] = developer
    if cert:
        row["cert_sha256"] = cert
    row.update(extra)
    return row


def jsonl(rows) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()


def a_feed_rows():
    """A's feed: the official app, a repackaged copy, a counterfeit, a look-alike tool, a harmless app and
    B's genuine app."""
    return [
        listing(
            "L-OFFICIAL", "ALPHA手机银行", "cn.alpha.mobile", "ALPHA金融机构", CERT_A, source="华为应用市场"
        ),
        listing("L-REPACK", "ALPHA手机银行", "cn.alpha.mobile", "未知开发者", FOREIGN_CERT),
        listing("L-FAKE", "ALPHA手机银行极速版", "com.fake.alphabank", "某某科技"),
        listing("L-TOOL", "ALPHA计算器", "com.calc.alpha", "工具公司", source="小米应用商店"),
        listing("L-WEATHER", "天气预报", "com.weather.app", "天气公司"),
        listing("L-ZQX", "ZQX手机银行", "cn.zqx.mobile", "ZQX金融机构", CERT_B),
    ]


def case_of(world, listing_id):
    from appgov.counterfeit.models import CounterfeitCase

    return CounterfeitCase.objects.get(institution=world.a.inst, listing__listing_id=listing_id)


def icon_png(seed: int, size: int = 128) -> bytes:
    """A distinctive icon: blocks of random grey levels (seeded), as PNG bytes."""
    import io
    import random

    from PIL import Image

    rng = random.Random(seed)
    cells = 8
    image = Image.new("RGB", (cells, cells))
    image.putdata([(v, v, 255 - v) for v in (rng.randrange(256) for _ in range(cells * cells))])
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.NEAREST).save(out, "PNG")
    return out.getvalue()


def zip_feed(files: dict) -> bytes:
    """A ZIP archive of name → bytes (a feed file and its icons)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()
