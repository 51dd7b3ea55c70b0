"""The protected ledger: real Chinese financial institutions (public names) and their apps.

Package ids, AppIDs, gh_ ids and certificates are invented (stream "catalog"); emblems are this set's own
parametric designs (family + shape variant), one per institution-level brand, never a real logo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ids import alipay_appid, gh_id, new_cert, stream, wechat_appid

# key, institution, kind, developer, English name, brand keywords, pinyin, package stem,
# primary colour, accent colour, main emblem (family, variant), layout, sibling apps (official, unlisted)
INSTITUTIONS = [
    ("icbc", "中国工商银行", "bank", "中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited",
     ["工商银行", "中国工商银行", "工行", "ICBC"], "Gongshang Yinhang", "icbc", "#c7000b", "#f2b705",
     ("coin", {"hole": "square", "rim": 1, "ticks": 0}), "white", ["工银融e联", "工银兴农通"]),
    ("ccb", "中国建设银行", "bank", "中国建设银行股份有限公司", "China Construction Bank Corporation",
     ["建设银行", "中国建设银行", "建行", "CCB"], "Jianshe Yinhang", "ccb", "#0a5eb0", "#9ac7f0",
     ("rings", {"n": 2, "gap": 60, "inner": "bar"}), "solid", ["建行惠懂你", "建融家园"]),
    ("abc", "中国农业银行", "bank", "中国农业银行股份有限公司", "Agricultural Bank of China Limited",
     ["农业银行", "中国农业银行", "农行"], "Nongye Yinhang", "abchina", "#00845f", "#d9a300",
     ("grain", {"kernels": 4}), "white", ["农行企业掌银"]),
    ("boc", "中国银行", "bank", "中国银行股份有限公司", "Bank of China Limited",
     ["中国银行", "中行"], "Zhongguo Yinhang", "boc", "#b81c22", "#e7c77a",
     ("char", {"ch": "中", "frame": "ring"}), "white", ["中国银行企业银行"]),
    ("bocom", "交通银行", "bank", "交通银行股份有限公司", "Bank of Communications Co., Ltd.",
     ["交通银行", "交行", "BOCOM"], "Jiaotong Yinhang", "bankcomm", "#1d3f8f", "#7fa7e0",
     ("diamond", {"mode": "nested"}), "white", ["交通银行企业手机银行"]),
    ("psbc", "中国邮政储蓄银行", "bank", "中国邮政储蓄银行股份有限公司", "Postal Savings Bank of China Co., Ltd.",
     ["邮储银行", "中国邮政储蓄银行", "邮政储蓄银行", "PSBC"], "Youchu Yinhang", "psbc", "#00754a", "#f3c300",
     ("wing", {"arcs": 3}), "white", []),
    ("cmb", "招商银行", "bank", "招商银行股份有限公司", "China Merchants Bank Co., Ltd.",
     ["招商银行", "招行", "CMB"], "Zhaoshang Yinhang", "cmbchina", "#c8102e", "#f0a0a8",
     ("letter", {"ch": "M", "frame": "circle", "font": "sans"}), "white", ["招商银行企业银行", "招行小微"]),
    ("spdb", "浦发银行", "bank", "上海浦东发展银行股份有限公司", "Shanghai Pudong Development Bank Co., Ltd.",
     ["浦发银行", "上海浦东发展银行", "浦发", "SPDB"], "Pufa Yinhang", "spdb", "#0b3b8c", "#c9a227",
     ("waves", {"bands": 3, "clip": 1}), "white", ["浦发企业银行"]),
    ("citic", "中信银行", "bank", "中信银行股份有限公司", "China CITIC Bank Corporation Limited",
     ["中信银行"], "Zhongxin Yinhang", "citicbank", "#d7000f", "#ffd27f",
     ("gate", {"columns": 2, "roof": "flat"}), "white", ["中信银行企业银行"]),
    ("ceb", "中国光大银行", "bank", "中国光大银行股份有限公司", "China Everbright Bank Company Limited",
     ["光大银行", "中国光大银行"], "Guangda Yinhang", "cebbank", "#6a1b9a", "#f6c700",
     ("sun", {"rays": 16, "style": "bar"}), "solid", ["光大云缴费"]),
    ("hxb", "华夏银行", "bank", "华夏银行股份有限公司", "Hua Xia Bank Co., Limited",
     ["华夏银行"], "Huaxia Yinhang", "hxb", "#d2232a", "#333333",
     ("spiral", {"turns": 2}), "white", []),
    ("cmbc", "中国民生银行", "bank", "中国民生银行股份有限公司", "China Minsheng Banking Corp., Ltd.",
     ["民生银行", "中国民生银行"], "Minsheng Yinhang", "cmbc", "#00696b", "#8fd3c7",
     ("bird", {"style": "swallow"}), "solid", ["民生小微"]),
    ("cgb", "广发银行", "bank", "广发银行股份有限公司", "China Guangfa Bank Co., Ltd.",
     ["广发银行", "CGB"], "Guangfa Yinhang", "cgbchina", "#c4161c", "#f5b400",
     ("chevrons", {"n": 3, "dir": "up"}), "white", []),
    ("pab", "平安银行", "bank", "平安银行股份有限公司", "Ping An Bank Co., Ltd.",
     ["平安银行", "平安口袋银行", "口袋银行"], "Pingan Yinhang", "pingan.bank", "#f15a22", "#ffd0b5",
     ("shield", {"inner": "chevron", "top": "flat"}), "solid", ["平安数字口袋"]),
    ("cib", "兴业银行", "bank", "兴业银行股份有限公司", "Industrial Bank Co., Ltd.",
     ["兴业银行", "CIB"], "Xingye Yinhang", "cib", "#004b97", "#6ec1ff",
     ("knot", {"count": 2}), "white", ["兴业管家"]),
    ("czb", "浙商银行", "bank", "浙商银行股份有限公司", "China Zheshang Bank Co., Ltd.",
     ["浙商银行"], "Zheshang Yinhang", "czbank", "#e60012", "#f7b500",
     ("mountain", {"peaks": 3, "sun": 1}), "white", []),
    ("cbhb", "渤海银行", "bank", "渤海银行股份有限公司", "China Bohai Bank Co., Ltd.",
     ["渤海银行"], "Bohai Yinhang", "cbhb", "#00479d", "#5ec8f2",
     ("drop", {"inner": 1}), "solid", []),
    ("hfb", "恒丰银行", "bank", "恒丰银行股份有限公司", "Evergrowing Bank Co., Ltd.",
     ["恒丰银行"], "Hengfeng Yinhang", "hfbank", "#0061a8", "#e0a800",
     ("cross_square", {"style": "solid"}), "grad", []),
    ("bob", "北京银行", "bank", "北京银行股份有限公司", "Bank of Beijing Co., Ltd.",
     ["北京银行"], "Beijing Yinhang", "bankofbeijing", "#d6001c", "#f2c14e",
     ("gate", {"columns": 3, "roof": "arch"}), "white", ["京彩生活"]),
    ("bos", "上海银行", "bank", "上海银行股份有限公司", "Bank of Shanghai Co., Ltd.",
     ["上海银行"], "Shanghai Yinhang", "bosc", "#004a9c", "#e83828",
     ("tower", {"tiers": 3}), "white", []),
    ("jsb", "江苏银行", "bank", "江苏银行股份有限公司", "Bank of Jiangsu Co., Ltd.",
     ["江苏银行"], "Jiangsu Yinhang", "jsbchina", "#0072bc", "#ffdd55",
     ("flower", {"petals": 5}), "solid", []),
    ("nbcb", "宁波银行", "bank", "宁波银行股份有限公司", "Bank of Ningbo Co., Ltd.",
     ["宁波银行"], "Ningbo Yinhang", "nbcb", "#e8380d", "#fbd38d",
     ("lotus", {"petals": 5}), "white", []),
    ("webank", "微众银行", "bank", "深圳前海微众银行股份有限公司", "WeBank Co., Ltd.",
     ["微众银行", "WeBank"], "Weizhong Yinhang", "webank", "#1e6fff", "#a9c8ff",
     ("letter", {"ch": "W", "frame": "square", "font": "sans"}), "grad", ["微众企业爱普"]),
    ("mybank", "网商银行", "bank", "浙江网商银行股份有限公司", "Zhejiang E-Commerce Bank Co., Ltd.",
     ["网商银行", "MYbank"], "Wangshang Yinhang", "mybank", "#1677ff", "#ffb400",
     ("key", {"teeth": 2}), "solid", []),
    ("chinalife", "中国人寿", "insurer", "中国人寿保险股份有限公司", "China Life Insurance Company Limited",
     ["中国人寿", "国寿"], "Zhongguo Renshou", "chinalife", "#00693e", "#c8a951",
     ("globe", {"meridians": 2}), "white", ["国寿e店"]),
    ("pingan", "中国平安", "holding", "中国平安保险（集团）股份有限公司",
     "Ping An Insurance (Group) Company of China, Ltd.",
     ["中国平安", "平安金管家"], "Zhongguo Pingan", "pingan", "#f05a23", "#ffffff",
     ("letter", {"ch": "P", "frame": "square", "font": "serif"}), "solid", ["平安知鸟"]),
    ("picc", "中国人保", "insurer", "中国人民保险集团股份有限公司",
     "The People's Insurance Company (Group) of China Limited",
     ["中国人保", "人保", "PICC"], "Zhongguo Renbao", "picc", "#c8161d", "#f3c623",
     ("arrows_circle", {"n": 2}), "white", ["人保e通"]),
    ("cpic", "太平洋保险", "insurer", "中国太平洋保险（集团）股份有限公司", "China Pacific Insurance (Group) Co., Ltd.",
     ["太平洋保险", "中国太保", "CPIC"], "Taipingyang Baoxian", "cpic", "#0d3f8c", "#62b4ff",
     ("waves", {"bands": 4, "clip": 0}), "solid", ["太保家园"]),
    ("nci", "新华保险", "insurer", "新华人寿保险股份有限公司", "New China Life Insurance Co., Ltd.",
     ["新华保险", "新华人寿"], "Xinhua Baoxian", "newchinalife", "#e60026", "#ffc800",
     ("star", {"points": 8, "inner": 0.55, "ring": 0}), "white", []),
    ("taikang", "泰康保险", "insurer", "泰康保险集团股份有限公司", "Taikang Insurance Group Inc.",
     ["泰康", "泰生活"], "Taikang", "taikang", "#1f4e9c", "#f08300",
     ("hexagon", {"nested": 2, "dot": 0}), "grad", []),
    ("sinosig", "阳光保险", "insurer", "阳光保险集团股份有限公司", "Sunshine Insurance Group Co., Ltd.",
     ["阳光保险"], "Yangguang Baoxian", "sinosig", "#f39800", "#d03a00",
     ("sun", {"rays": 8, "style": "tri"}), "white", []),
    ("aia", "友邦保险", "insurer", "友邦人寿保险有限公司", "AIA Life Insurance Company Limited",
     ["友邦保险", "友邦", "AIA"], "Youbang Baoxian", "aia", "#d31145", "#ffffff",
     ("letter", {"ch": "A", "frame": "none", "font": "sans"}), "white", []),
    ("zhongan", "众安保险", "insurer", "众安在线财产保险股份有限公司", "ZhongAn Online P&C Insurance Co., Ltd.",
     ["众安保险", "众安"], "Zhongan Baoxian", "zhongan", "#00b38a", "#ffffff",
     ("char", {"ch": "众", "frame": "square"}), "white", []),
    ("citics", "中信证券", "securities", "中信证券股份有限公司", "CITIC Securities Company Limited",
     ["中信证券", "信e投"], "Zhongxin Zhengquan", "citics", "#c30d23", "#f5a623",
     ("rings", {"n": 3, "gap": 0, "inner": "dot"}), "white", []),
    ("htsc", "华泰证券", "securities", "华泰证券股份有限公司", "Huatai Securities Co., Ltd.",
     ["华泰证券", "涨乐财富通"], "Huatai Zhengquan", "htsc", "#e4002b", "#ffffff",
     ("letter", {"ch": "H", "frame": "circle", "font": "serif"}), "solid", ["华泰行知"]),
    ("gtja", "国泰君安", "securities", "国泰君安证券股份有限公司", "Guotai Junan Securities Co., Ltd.",
     ["国泰君安", "君弘"], "Guotai Junan", "gtja", "#00479d", "#e60012",
     ("star", {"points": 6, "inner": 0.5, "ring": 1}), "white", ["国泰君安道合"]),
    ("gfsec", "广发证券", "securities", "广发证券股份有限公司", "GF Securities Co., Ltd.",
     ["广发证券", "易淘金"], "Guangfa Zhengquan", "gf", "#1a4e9c", "#ffb81c",
     ("bars", {"n": 3}), "grad", []),
    ("cms", "招商证券", "securities", "招商证券股份有限公司", "China Merchants Securities Co., Ltd.",
     ["招商证券", "智远一户通"], "Zhaoshang Zhengquan", "cmschina", "#d7000f", "#ffcc00",
     ("diamond", {"mode": "grid"}), "solid", []),
    ("eastmoney", "东方财富", "securities", "东方财富证券股份有限公司", "East Money Information Co., Ltd.",
     ["东方财富", "东财"], "Dongfang Caifu", "eastmoney", "#e8380d", "#1b5fb5",
     ("triangle_nest", {"n": 3}), "white", ["Choice数据"]),
    ("haitong", "海通证券", "securities", "海通证券股份有限公司", "Haitong Securities Co., Ltd.",
     ["海通证券", "e海通财"], "Haitong Zhengquan", "htsec", "#004ea2", "#00a0e9",
     ("pinwheel", {"blades": 4}), "white", []),
    ("galaxy", "中国银河证券", "securities", "中国银河证券股份有限公司", "China Galaxy Securities Co., Ltd.",
     ["银河证券", "中国银河"], "Yinhe Zhengquan", "chinastock", "#005bac", "#f0c419",
     ("star", {"points": 4, "inner": 0.3, "ring": 0}), "solid", []),
    ("jd", "京东金融", "holding", "京东科技控股股份有限公司", "JD Technology Holding Co., Ltd.",
     ["京东金融"], "Jingdong Jinrong", "jd.jr", "#e1251b", "#ffffff",
     ("letter", {"ch": "J", "frame": "circle", "font": "sans"}), "solid", []),
    ("duxiaoman", "度小满", "holding", "度小满科技（北京）有限公司", "Du Xiaoman Technology (Beijing) Co., Ltd.",
     ["度小满", "度小满金融"], "Du Xiaoman", "duxiaoman", "#2a5cff", "#ffcf3f",
     ("crescent", {"star": 0}), "grad", []),
]

# institution key, app suffix, type, names, extra keywords, emblem (None: the institution's), layout,
# own certificate (a card centre signs its own builds), developer suffix
EXTRA_APPS = [
    ("icbc", "life", "life", ["工银e生活"], ["工银e生活"],
     ("letter", {"ch": "e", "frame": "ring", "font": "sans"}), "solid", False, ""),
    ("icbc", "oa", "wechat_oa", ["中国工商银行"], [], None, "plate", False, ""),
    ("ccb", "life", "life", ["建行生活"], ["建行生活"],
     ("char", {"ch": "悦", "frame": "circle"}), "grad", False, ""),
    ("ccb", "mp", "wechat_mp", ["建设银行微银行", "建行微银行"], [], None, "plate", False, ""),
    ("abc", "amp", "alipay_mp", ["农行掌银服务"], [], None, "plate", False, ""),
    ("boc", "card", "card", ["缤纷生活"], ["缤纷生活"], ("flower", {"petals": 6}), "grad", False, ""),
    ("bocom", "card", "card", ["买单吧"], ["买单吧"],
     ("chevrons", {"n": 2, "dir": "right"}), "solid", True, "信用卡中心"),
    ("psbc", "oa", "wechat_oa", ["中国邮政储蓄银行"], [], None, "plate", False, ""),
    ("cmb", "card", "card", ["掌上生活"], ["掌上生活"], ("pinwheel", {"blades": 5}), "grad", True, "信用卡中心"),
    ("cmb", "mp", "wechat_mp", ["招商银行信用卡"], [], "card", "plate", False, "信用卡中心"),
    ("spdb", "card", "card", ["浦大喜奔"], ["浦大喜奔"],
     ("mountain", {"peaks": 2, "sun": 1}), "solid", True, "信用卡中心"),
    ("citic", "card", "card", ["动卡空间"], ["动卡空间"], ("triangle_nest", {"n": 2}), "solid", True, "信用卡中心"),
    ("ceb", "card", "card", ["阳光惠生活"], ["阳光惠生活"], ("knot", {"count": 3}), "grad", False, ""),
    ("cmbc", "card", "card", ["全民生活"], ["全民生活"], ("shield", {"inner": "star", "top": "notch"}), "white",
     False, ""),
    ("cgb", "card", "card", ["发现精彩"], ["发现精彩"], ("arrows_circle", {"n": 3}), "grad", True, "信用卡中心"),
    ("cib", "card", "card", ["好兴动"], ["好兴动"], ("coin", {"hole": "hex", "rim": 0, "ticks": 12}), "grad",
     False, ""),
    ("webank", "mp", "wechat_mp", ["微众银行服务"], [], None, "plate", False, ""),
    ("mybank", "amp", "alipay_mp", ["网商银行服务"], [], None, "plate", False, ""),
    ("chinalife", "oa", "wechat_oa", ["中国人寿"], [], None, "plate", False, ""),
    ("pingan", "car", "second", ["平安好车主"], ["平安好车主"], ("mountain", {"peaks": 1, "sun": 0}), "solid",
     False, ""),
    ("cpic", "amp", "alipay_mp", ["太平洋保险服务"], [], None, "plate", False, ""),
]

MAIN_NAMES = {
    "icbc": ["中国工商银行", "工商银行", "工银手机银行"], "ccb": ["中国建设银行", "建设银行", "建行手机银行"],
    "abc": ["中国农业银行", "农业银行", "农行掌上银行"], "boc": ["中国银行", "中国银行手机银行"],
    "bocom": ["交通银行", "交通银行手机银行"], "psbc": ["邮储银行", "中国邮政储蓄银行"],
    "cmb": ["招商银行", "招商银行手机银行"], "spdb": ["浦发银行", "浦发手机银行"],
    "citic": ["中信银行", "中信银行手机银行"], "ceb": ["光大银行", "中国光大银行"],
    "hxb": ["华夏银行", "华夏银行手机银行"], "cmbc": ["民生银行", "中国民生银行"],
    "cgb": ["广发银行", "广发手机银行"], "pab": ["平安口袋银行", "平安银行"],
    "cib": ["兴业银行", "兴业手机银行"], "czb": ["浙商银行", "浙商银行手机银行"],
    "cbhb": ["渤海银行", "渤海银行手机银行"], "hfb": ["恒丰银行", "恒丰银行手机银行"],
    "bob": ["北京银行", "北京银行手机银行"], "bos": ["上海银行", "上海银行手机银行"],
    "jsb": ["江苏银行", "江苏银行手机银行"], "nbcb": ["宁波银行", "宁波银行手机银行"],
    "webank": ["微众银行"], "mybank": ["网商银行"], "chinalife": ["中国人寿寿险", "中国人寿"],
    "pingan": ["平安金管家", "中国平安金管家"], "picc": ["中国人保", "人保服务"],
    "cpic": ["太平洋保险", "中国太保"], "nci": ["新华保险", "新华人寿保险"],
    "taikang": ["泰生活", "泰康泰生活"], "sinosig": ["阳光保险"], "aia": ["友邦友享", "友邦保险"],
    "zhongan": ["众安保险"], "citics": ["中信证券信e投", "中信证券"], "htsc": ["涨乐财富通", "华泰证券"],
    "gtja": ["国泰君安君弘", "国泰君安"], "gfsec": ["广发易淘金", "广发证券"],
    "cms": ["招商证券智远一户通", "招商证券"], "eastmoney": ["东方财富", "东方财富证券"],
    "haitong": ["海通证券e海通财", "海通证券"], "galaxy": ["中国银河证券", "银河证券"],
    "jd": ["京东金融"], "duxiaoman": ["度小满金融", "度小满"],
}

ANDROID_WORDS = ["mobilebank", "mbank", "client", "phonebank", "app", "android", "mobile"]
IOS_WORDS = ["iphone", "ios", "iphoneclient", "mbank.ios"]
CARD_WORDS = ["creditcard", "card", "life", "xyk", "cardlife"]


@dataclass
class Institution:
    key: str
    name: str
    kind: str
    developer: str
    english: str
    keywords: list[str]
    pinyin: str
    abbr: str
    primary: str
    accent: str
    layout: str
    siblings: list[str]
    cert: str = ""
    old_cert: str | None = None
    apps: list[App] = field(default_factory=list)


@dataclass
class App:
    app_id: str
    inst: Institution
    kind: str
    names: list[str]
    keywords: list[str]
    emblem_key: str
    emblem: tuple[str, dict]
    layout: str
    developers: list[str]
    android: list[str] = field(default_factory=list)
    ios: list[str] = field(default_factory=list)
    harmony: list[str] = field(default_factory=list)
    appids: list[str] = field(default_factory=list)
    certs: list[str] = field(default_factory=list)
    harmony_cert: str | None = None

    @property
    def package_ids(self) -> list[str]:
        return self.android + self.ios + self.harmony + self.appids

    @property
    def icon(self) -> str:
        return f"p/{self.app_id}.png"

    def record(self) -> dict:
        return {
            "app_id": self.app_id, "institution": self.inst.name, "names": self.names,
            "brand_keywords": self.keywords, "package_ids": self.package_ids, "developers": self.developers,
            "cert_sha256": self.certs, "icon": self.icon,
        }


@dataclass
class Catalog:
    institutions: list[Institution]
    apps: list[App]

    def app(self, app_id: str) -> App:
        return next(a for a in self.apps if a.app_id == app_id)

    def by_inst(self, key: str) -> Institution:
        return next(i for i in self.institutions if i.key == key)

    @property
    def keywords(self) -> list[str]:
        return sorted({k for a in self.apps for k in a.keywords})

    @property
    def official_names(self) -> list[str]:
        return sorted({n for a in self.apps for n in a.names})

    @property
    def packages(self) -> set[str]:
        return {p for a in self.apps for p in a.package_ids}

    @property
    def certs(self) -> set[str]:
        return {c for a in self.apps for c in a.certs}

    @property
    def developers(self) -> set[str]:
        return {d for a in self.apps for d in a.developers}

    def same_emblem(self, emblem_key: str) -> list[str]:
        return [a.app_id for a in self.apps if a.emblem_key == emblem_key]

    def with_cert(self, cert: str) -> list[str]:
        return [a.app_id for a in self.apps if cert in a.certs]

    def naming(self, inst_key: str, base: str) -> list[str]:
        """Apps of the institution whose names or keywords contain the copied base (all, if none does)."""
        inst = self.by_inst(inst_key)
        hit = [a.app_id for a in inst.apps if any(base in s or s in base for s in a.names + a.keywords)]
        return hit or [a.app_id for a in inst.apps]


def _main_app(rng, inst: Institution) -> App:
    tld = rng.choice(["com", "com", "cn"])
    app = App(
        app_id=f"{inst.key}-main", inst=inst, kind="main", names=list(MAIN_NAMES[inst.key]),
        keywords=list(inst.keywords), emblem_key=f"{inst.key}-main", emblem=EMBLEMS[inst.key],
        layout=inst.layout, developers=[inst.developer],
    )
    app.android = [f"{tld}.{inst.abbr}.{rng.choice(ANDROID_WORDS)}"]
    app.ios = [f"{tld}.{inst.abbr}.{rng.choice(IOS_WORDS)}"]
    app.certs = [inst.cert]
    if inst.old_cert:
        app.certs.append(inst.old_cert)
    if rng.random() < 0.6:
        app.harmony = [f"{tld}.{inst.abbr}.hmos"]
        app.harmony_cert = new_cert(rng)
        app.certs.append(app.harmony_cert)
    return app


def _extra_app(rng, inst: Institution, spec) -> App:
    _, suffix, kind, names, extra_kw, emblem, layout, own_cert, dev_suffix = spec
    if emblem is None:
        emblem_key, emblem_spec = f"{inst.key}-main", EMBLEMS[inst.key]
    elif isinstance(emblem, str):
        emblem_key, emblem_spec = f"{inst.key}-{emblem}", None
    else:
        emblem_key, emblem_spec = f"{inst.key}-{suffix}", emblem
    app = App(
        app_id=f"{inst.key}-{suffix}", inst=inst, kind=kind, names=list(names),
        keywords=list(inst.keywords) + list(extra_kw), emblem_key=emblem_key, emblem=emblem_spec,
        layout=layout, developers=[inst.developer + dev_suffix],
    )
    if kind == "wechat_mp":
        app.appids = [wechat_appid(rng)]
    elif kind == "alipay_mp":
        app.appids = [alipay_appid(rng)]
    elif kind == "wechat_oa":
        app.appids = [gh_id(rng)]
    else:
        word = rng.choice(CARD_WORDS)
        app.android = [f"com.{inst.abbr}.{word}"]
        app.ios = [f"com.{inst.abbr}.{word}.iphone"]
        app.certs = [new_cert(rng)] if own_cert else [inst.cert]
    return app


EMBLEMS = {row[0]: row[10] for row in INSTITUTIONS}


def build_catalog() -> Catalog:
    rng = stream("catalog")
    insts = []
    for row in INSTITUTIONS:
        key, name, kind, dev, en, kws, py, abbr, primary, accent, _emblem, layout, siblings = row
        inst = Institution(key, name, kind, dev, en, list(kws), py, abbr, primary, accent, layout, list(siblings))
        inst.cert = new_cert(rng)
        inst.old_cert = new_cert(rng) if rng.random() < 0.25 else None
        inst.apps.append(_main_app(rng, inst))
        insts.append(inst)
    for spec in EXTRA_APPS:
        inst = next(i for i in insts if i.key == spec[0])
        inst.apps.append(_extra_app(rng, inst, spec))
    apps = [a for inst in insts for a in inst.apps]
    for app in apps:  # an app that shows another app's emblem (the credit-card mini-program)
        if app.emblem is None:
            app.emblem = next(a.emblem for a in apps if a.emblem_key == app.emblem_key and a.emblem)
    return Catalog(insts, apps)
