"""Store sources and the assembly of one listing (fields in schema order; id and icon path set later)."""

from __future__ import annotations

import datetime as dt

from render import render
from seeds import hex_of, pick

ANDROID = ["huawei_appgallery", "xiaomi_getapps", "oppo_app_market", "vivo_app_store", "tencent_myapp",
           "honor_app_market", "baidu_mobile_assistant", "360_mobile_assistant", "wandoujia"]
DOWNLOAD = ["download_site:pc6.com", "download_site:downza.cn", "download_site:apk-forum.example",
            "download_site:xiazaiba.com", "download_site:anzhi.com"]
IOS = "apple_app_store_cn"
HARMONY = "huawei_appgallery_harmonyos"
WX_MP, ALI_MP, WX_OA = "wechat_mini_program", "alipay_mini_program", "wechat_official_account"
NO_CERT = {IOS, WX_MP, ALI_MP, WX_OA}

_URL = {
    "huawei_appgallery": "https://appgallery.huawei.com/app/C{num}",
    "huawei_appgallery_harmonyos": "https://appgallery.huawei.com/app/C{num}",
    "xiaomi_getapps": "https://app.mi.com/details?id={pkg}",
    "oppo_app_market": "https://store.oppomobile.com/app/{num}",
    "vivo_app_store": "https://h5coml.vivo.com.cn/h5coml/appdetail_h5/browser_v2/index.html?appId={num}",
    "tencent_myapp": "https://sj.qq.com/appdetail/{pkg}",
    "honor_app_market": "https://appmarket.honor.com/app/{num}",
    "baidu_mobile_assistant": "https://mobile.baidu.com/item?docid={num}",
    "360_mobile_assistant": "https://zhushou.360.cn/detail/index/soft_id/{num}",
    "wandoujia": "https://www.wandoujia.com/apps/{pkg}",
    "apple_app_store_cn": "https://apps.apple.com/cn/app/id{num}",
    "download_site:pc6.com": "https://www.pc6.com/az/{num}.html",
    "download_site:downza.cn": "https://www.downza.cn/android/{num}.html",
    "download_site:apk-forum.example": "https://apk-forum.example/thread-{num}-1-1.html",
    "download_site:xiazaiba.com": "https://www.xiazaiba.com/android/{num}.html",
    "download_site:anzhi.com": "https://www.anzhi.com/pkg/{num}_{pkg}.html",
}


def fmt_cert(rng, h: str | None) -> str | None:
    if h is None:
        return None
    h = h.replace(":", "").upper()
    style = pick(rng, ["upper", "upper", "lower", "colon", "colon_lower"])
    if style == "lower":
        return h.lower()
    if style.startswith("colon"):
        c = ":".join(h[i:i + 2] for i in range(0, 64, 2))
        return c.lower() if style == "colon_lower" else c
    return h


def foreign_cert(tag: str) -> str:
    return hex_of("foreign-cert/" + tag).upper()


def mp_appid(tag: str, source: str) -> str:
    if source == ALI_MP:
        return "2021" + str(int(hex_of("ali-mp/" + tag, 15), 16))[-12:].rjust(12, "0")
    if source == WX_OA:
        return "gh_" + hex_of("gh/" + tag, 12)
    return "wx" + hex_of("wx-mp/" + tag, 16)


def ios_bundle(pkg: str) -> str:
    return pkg + ".ios" if not pkg.endswith(".ios") else pkg


def date(rng, start=(2024, 6, 1), days=540) -> str:
    return (dt.date(*start) + dt.timedelta(days=int(rng.integers(0, days)))).isoformat()


def make(rng, source: str, name: str, package: str | None, developer: str | None, cert: str | None,
         icon, tag: str) -> tuple[dict, object]:
    """icon: a PIL image, an icon spec dict (rendered here) or None."""
    if source in NO_CERT:
        cert = None
    num = str(int(hex_of("num/" + tag, 12), 16) % 10 ** 9)
    tpl = _URL.get(source)
    url = tpl.format(num=num, pkg=package or "") if tpl else None
    first = date(rng)
    changed = None
    if rng.random() < 0.2:
        d = dt.date.fromisoformat(first) + dt.timedelta(days=int(rng.integers(1, 120)))
        changed = f"{d.isoformat()}T{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}:00+08:00"
    if isinstance(icon, dict):
        icon = render(icon)
    row = {"listing_id": None, "source": source, "name": name, "package_id": package, "developer": developer,
           "cert_sha256": fmt_cert(rng, cert), "icon": None, "url": url, "first_seen": first, "changed_at": changed}
    return row, icon
