"""Where listings come from: sources, package ids, certificates, URLs and dates."""

from __future__ import annotations

import datetime as dt

ANDROID = ["huawei_appgallery", "xiaomi_getapps", "oppo_software_store", "vivo_app_store", "tencent_myapp",
           "honor_app_market", "baidu_mobile_assistant", "360_mobile_assistant", "wandoujia"]
IOS = ["apple_app_store"]
DOWNLOAD = ["download:pc6.com", "download:downza.cn", "download:xiazaiba.com", "download:onlinedown.net",
            "download:crsky.com", "download:9553.com", "download:apk-share.cn"]
MINI = ["wechat_miniprogram", "alipay_miniprogram"]
OA = ["wechat_official_account"]

KIND_OF = {**{s: "android" for s in ANDROID}, **{s: "ios" for s in IOS}, **{s: "download" for s in DOWNLOAD},
           **{s: "mini" for s in MINI}, **{s: "oa" for s in OA}}

SYLL = ["xing", "yun", "lan", "qing", "you", "le", "tuo", "rui", "heng", "jia", "qi", "bo", "xin", "zhi", "wan",
        "qian", "tian", "yi", "hao", "kuai", "mei", "duo", "hui", "feng", "ming", "chen", "shu", "guo", "sen",
        "lu", "mo", "tang", "xia", "bei", "ke", "pai", "dian", "miao"]
PRODUCT = ["app", "tools", "android", "client", "mobile", "lite", "main", "pro", "free", "helper"]


def pick_source(R, weights):
    """weights: dict kind -> weight over android/ios/download/mini/oa."""
    kinds = list(weights)
    kind = R.choices(kinds, weights=[weights[k] for k in kinds])[0]
    pool = {"android": ANDROID, "ios": IOS, "download": DOWNLOAD, "mini": MINI, "oa": OA}[kind]
    return R.choice(pool)


def random_hex(G, n):
    return bytes(G.integers(0, 256, size=n, dtype=int).astype("uint8").tolist()).hex()


def new_cert(G):
    return random_hex(G, 32)


def fmt_cert(R, hexstr):
    """Listing certificates as feeds write them: mostly plain lower case, some upper case with colons."""
    u = R.random()
    if u < 0.7:
        return hexstr.lower()
    if u < 0.85:
        return ":".join(hexstr[i:i + 2] for i in range(0, 64, 2)).upper()
    return hexstr.upper()


def wx_appid(G):
    return "wx" + random_hex(G, 8)


def alipay_appid(G):
    return "2021" + "".join(str(int(d)) for d in G.integers(0, 10, size=12))


def gh_id(G):
    return "gh_" + random_hex(G, 6)


def generic_package(R, kind, forbidden_orgs, ledger):
    while True:
        org = R.choice(SYLL) + R.choice(SYLL)
        if org in forbidden_orgs:
            continue
        tld = R.choices(["com", "cn", "net", "io"], weights=[70, 15, 10, 5])[0]
        pkg = tld + "." + org + "." + R.choice(PRODUCT)
        if kind == "ios" and R.random() < 0.5:
            pkg = tld + "." + org + "." + R.choice(PRODUCT).capitalize()
        if pkg not in ledger:
            return pkg


def package_for(R, G, source, forbidden_orgs, ledger):
    kind = KIND_OF[source]
    if kind == "mini":
        return wx_appid(G) if source == "wechat_miniprogram" else alipay_appid(G)
    if kind == "oa":
        return gh_id(G) if R.random() < 0.6 else None
    return generic_package(R, kind, forbidden_orgs, ledger)


def url_for(R, source, package, name):
    n = R.randrange(100000, 9999999)
    kind = KIND_OF[source]
    if source == "huawei_appgallery":
        return f"https://appgallery.huawei.com/app/C{n}"
    if source == "xiaomi_getapps":
        return f"https://app.mi.com/details?id={package}"
    if source == "tencent_myapp":
        return f"https://sj.qq.com/appdetail/{package}"
    if kind == "android":
        return None if R.random() < 0.4 else f"https://{source.split('_')[0]}.example-store.cn/app/{n}"
    if kind == "ios":
        return f"https://apps.apple.com/cn/app/id{n}"
    if kind == "download":
        return f"https://www.{source.split(':', 1)[1]}/soft/{n}.html"
    if kind == "mini":
        return None
    return None


START = dt.date(2024, 1, 1)


def dates(R):
    first = START + dt.timedelta(days=R.randrange(0, 540))
    if R.random() < 0.3:
        changed = first + dt.timedelta(days=R.randrange(1, 120))
        return first.isoformat(), changed.isoformat()
    return first.isoformat(), None
