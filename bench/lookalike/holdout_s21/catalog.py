"""The protected institutions and their apps (public names; every id, certificate and logo is invented)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ids import alipay_appid, bundle_id, cert_hex, gh_id, harmony_id, package_id, wx_appid

# key: (institution, brand keywords, developer (zh), developer (en), traditional form, pinyin)
INSTITUTIONS: dict[str, tuple[str, list[str], str, str, str, str]] = {
    "icbc": (
        "中国工商银行",
        ["工商银行", "工行", "中国工商银行", "ICBC", "工银"],
        "中国工商银行股份有限公司",
        "Industrial and Commercial Bank of China Limited",
        "中國工商銀行",
        "gongshang yinhang",
    ),
    "ccb": (
        "中国建设银行",
        ["建设银行", "建行", "中国建设银行", "CCB"],
        "中国建设银行股份有限公司",
        "China Construction Bank Corporation",
        "中國建設銀行",
        "jianshe yinhang",
    ),
    "abc": (
        "中国农业银行",
        ["农业银行", "农行", "中国农业银行"],
        "中国农业银行股份有限公司",
        "Agricultural Bank of China Limited",
        "中國農業銀行",
        "nongye yinhang",
    ),
    "boc": (
        "中国银行",
        ["中国银行", "中银", "BOC"],
        "中国银行股份有限公司",
        "Bank of China Limited",
        "中國銀行",
        "zhongguo yinhang",
    ),
    "bocom": (
        "交通银行",
        ["交通银行", "交行"],
        "交通银行股份有限公司",
        "Bank of Communications Co., Ltd.",
        "交通銀行",
        "jiaotong yinhang",
    ),
    "psbc": (
        "中国邮政储蓄银行",
        ["邮储银行", "邮政储蓄", "中国邮政储蓄银行", "PSBC"],
        "中国邮政储蓄银行股份有限公司",
        "Postal Savings Bank of China Co., Ltd.",
        "郵儲銀行",
        "youchu yinhang",
    ),
    "cmb": (
        "招商银行",
        ["招商银行", "招行", "CMB"],
        "招商银行股份有限公司",
        "China Merchants Bank Co., Ltd.",
        "招商銀行",
        "zhaoshang yinhang",
    ),
    "spdb": (
        "上海浦东发展银行",
        ["浦发银行", "浦发", "上海浦东发展银行", "SPDB"],
        "上海浦东发展银行股份有限公司",
        "Shanghai Pudong Development Bank Co., Ltd.",
        "浦發銀行",
        "pufa yinhang",
    ),
    "citic": (
        "中信银行",
        ["中信银行", "CITIC Bank"],
        "中信银行股份有限公司",
        "China CITIC Bank Corporation Limited",
        "中信銀行",
        "zhongxin yinhang",
    ),
    "ceb": (
        "中国光大银行",
        ["光大银行", "中国光大银行", "CEB"],
        "中国光大银行股份有限公司",
        "China Everbright Bank Co., Ltd.",
        "光大銀行",
        "guangda yinhang",
    ),
    "hxb": (
        "华夏银行",
        ["华夏银行"],
        "华夏银行股份有限公司",
        "Hua Xia Bank Co., Limited",
        "華夏銀行",
        "huaxia yinhang",
    ),
    "cmbc": (
        "中国民生银行",
        ["民生银行", "中国民生银行"],
        "中国民生银行股份有限公司",
        "China Minsheng Banking Corp., Ltd.",
        "民生銀行",
        "minsheng yinhang",
    ),
    "cgb": (
        "广发银行",
        ["广发银行", "CGB"],
        "广发银行股份有限公司",
        "China Guangfa Bank Co., Ltd.",
        "廣發銀行",
        "guangfa yinhang",
    ),
    "pab": (
        "平安银行",
        ["平安银行", "平安口袋银行"],
        "平安银行股份有限公司",
        "Ping An Bank Co., Ltd.",
        "平安銀行",
        "pingan yinhang",
    ),
    "cib": (
        "兴业银行",
        ["兴业银行", "CIB"],
        "兴业银行股份有限公司",
        "Industrial Bank Co., Ltd.",
        "興業銀行",
        "xingye yinhang",
    ),
    "bob": (
        "北京银行",
        ["北京银行"],
        "北京银行股份有限公司",
        "Bank of Beijing Co., Ltd.",
        "北京銀行",
        "beijing yinhang",
    ),
    "bosc": (
        "上海银行",
        ["上海银行"],
        "上海银行股份有限公司",
        "Bank of Shanghai Co., Ltd.",
        "上海銀行",
        "shanghai yinhang",
    ),
    "jsb": (
        "江苏银行",
        ["江苏银行"],
        "江苏银行股份有限公司",
        "Bank of Jiangsu Co., Ltd.",
        "江蘇銀行",
        "jiangsu yinhang",
    ),
    "nbcb": (
        "宁波银行",
        ["宁波银行"],
        "宁波银行股份有限公司",
        "Bank of Ningbo Co., Ltd.",
        "寧波銀行",
        "ningbo yinhang",
    ),
    "czb": (
        "浙商银行",
        ["浙商银行", "CZBank"],
        "浙商银行股份有限公司",
        "China Zheshang Bank Co., Ltd.",
        "浙商銀行",
        "zheshang yinhang",
    ),
    "cbhb": (
        "渤海银行",
        ["渤海银行"],
        "渤海银行股份有限公司",
        "China Bohai Bank Co., Ltd.",
        "渤海銀行",
        "bohai yinhang",
    ),
    "hfb": (
        "恒丰银行",
        ["恒丰银行"],
        "恒丰银行股份有限公司",
        "Hengfeng Bank Co., Ltd.",
        "恆豐銀行",
        "hengfeng yinhang",
    ),
    "webank": (
        "微众银行",
        ["微众银行", "WeBank"],
        "深圳前海微众银行股份有限公司",
        "WeBank Co., Ltd.",
        "微眾銀行",
        "weizhong yinhang",
    ),
    "mybank": (
        "网商银行",
        ["网商银行", "MYbank"],
        "浙江网商银行股份有限公司",
        "Zhejiang E-Commerce Bank Co., Ltd.",
        "網商銀行",
        "wangshang yinhang",
    ),
    "chinalife": (
        "中国人寿",
        ["中国人寿", "国寿", "China Life"],
        "中国人寿保险股份有限公司",
        "China Life Insurance Company Limited",
        "中國人壽",
        "zhongguo renshou",
    ),
    "pingan": (
        "中国平安",
        ["中国平安", "平安金管家", "平安好车主", "Ping An"],
        "中国平安保险(集团)股份有限公司",
        "Ping An Insurance (Group) Company of China, Ltd.",
        "中國平安",
        "zhongguo pingan",
    ),
    "picc": (
        "中国人民保险",
        ["中国人保", "人保", "PICC"],
        "中国人民保险集团股份有限公司",
        "The People's Insurance Company (Group) of China Limited",
        "中國人保",
        "zhongguo renbao",
    ),
    "cpic": (
        "中国太平洋保险",
        ["太平洋保险", "中国太保", "太保", "CPIC"],
        "中国太平洋保险(集团)股份有限公司",
        "China Pacific Insurance (Group) Co., Ltd.",
        "太平洋保險",
        "taipingyang baoxian",
    ),
    "nci": (
        "新华保险",
        ["新华保险", "新华人寿"],
        "新华人寿保险股份有限公司",
        "New China Life Insurance Co., Ltd.",
        "新華保險",
        "xinhua baoxian",
    ),
    "taikang": (
        "泰康保险",
        ["泰康保险", "泰康", "泰康人寿"],
        "泰康保险集团股份有限公司",
        "Taikang Insurance Group Inc.",
        "泰康保險",
        "taikang baoxian",
    ),
    "cntaiping": (
        "中国太平",
        ["中国太平", "太平人寿", "太平保险"],
        "中国太平保险集团有限责任公司",
        "China Taiping Insurance Group Ltd.",
        "中國太平",
        "zhongguo taiping",
    ),
    "citics": (
        "中信证券",
        ["中信证券", "CITICS"],
        "中信证券股份有限公司",
        "CITIC Securities Company Limited",
        "中信證券",
        "zhongxin zhengquan",
    ),
    "gtja": (
        "国泰君安",
        ["国泰君安", "君弘", "GTJA"],
        "国泰君安证券股份有限公司",
        "Guotai Junan Securities Co., Ltd.",
        "國泰君安",
        "guotai junan",
    ),
    "htsc": (
        "华泰证券",
        ["华泰证券", "涨乐财富通", "HTSC"],
        "华泰证券股份有限公司",
        "Huatai Securities Co., Ltd.",
        "華泰證券",
        "huatai zhengquan",
    ),
    "gf": (
        "广发证券",
        ["广发证券", "易淘金"],
        "广发证券股份有限公司",
        "GF Securities Co., Ltd.",
        "廣發證券",
        "guangfa zhengquan",
    ),
    "cmsc": (
        "招商证券",
        ["招商证券", "智远一户通"],
        "招商证券股份有限公司",
        "China Merchants Securities Co., Ltd.",
        "招商證券",
        "zhaoshang zhengquan",
    ),
    "haitong": (
        "海通证券",
        ["海通证券", "e海通财"],
        "海通证券股份有限公司",
        "Haitong Securities Co., Ltd.",
        "海通證券",
        "haitong zhengquan",
    ),
    "alipay": (
        "支付宝",
        ["支付宝", "Alipay"],
        "支付宝(杭州)信息技术有限公司",
        "Alipay.com Co., Ltd.",
        "支付寶",
        "zhifubao",
    ),
    "unionpay": (
        "中国银联",
        ["云闪付", "银联", "中国银联", "UnionPay"],
        "中国银联股份有限公司",
        "China UnionPay Co., Ltd.",
        "雲閃付",
        "yunshanfu",
    ),
    "lakala": (
        "拉卡拉",
        ["拉卡拉", "Lakala"],
        "拉卡拉支付股份有限公司",
        "Lakala Payment Co., Ltd.",
        "拉卡拉",
        "lakala",
    ),
    "kuaiqian": (
        "快钱",
        ["快钱支付", "快钱钱包", "99bill"],
        "快钱支付清算信息有限公司",
        "99Bill Corporation",
        "快錢錢包",
        "kuaiqian qianbao",
    ),
    "jdjr": (
        "京东科技",
        ["京东金融", "京东科技"],
        "京东科技控股股份有限公司",
        "JD Technology Holding Co., Ltd.",
        "京東金融",
        "jingdong jinrong",
    ),
}

# app id, institution key, names (official name first), platforms, icon key.
# platforms: a = Android, i = iOS App Store, h = HarmonyOS, w = WeChat mini-program, l = Alipay mini-program,
# g = WeChat official account
APPS: list[tuple[str, str, list[str], str, str]] = [
    ("icbc_mb", "icbc", ["中国工商银行", "工商银行手机银行", "工行手机银行"], "aih", "icbc"),
    ("icbc_elife", "icbc", ["工银e生活"], "ai", "icbc_elife"),
    ("icbc_wx", "icbc", ["中国工商银行微银行", "工商银行微银行"], "wg", "icbc"),
    ("ccb_mb", "ccb", ["中国建设银行", "建设银行手机银行", "建行手机银行"], "aih", "ccb"),
    ("ccb_life", "ccb", ["建行生活"], "aiw", "ccb_life"),
    ("abc_mb", "abc", ["中国农业银行", "农业银行掌上银行", "农行掌银"], "aih", "abc"),
    ("abc_wx", "abc", ["农业银行微银行", "中国农业银行微银行"], "wg", "abc"),
    ("boc_mb", "boc", ["中国银行", "中国银行手机银行", "中银手机银行"], "aih", "boc"),
    ("boc_life", "boc", ["缤纷生活", "中银缤纷生活"], "ai", "boc_life"),
    ("bocom_mb", "bocom", ["交通银行", "交通银行手机银行"], "aih", "bocom"),
    ("bocom_mdb", "bocom", ["买单吧", "交通银行买单吧"], "ai", "bocom_mdb"),
    ("psbc_mb", "psbc", ["中国邮政储蓄银行", "邮储银行", "邮储手机银行"], "aihw", "psbc"),
    ("cmb_mb", "cmb", ["招商银行", "招商银行手机银行"], "aih", "cmb"),
    ("cmb_life", "cmb", ["掌上生活", "招商银行掌上生活"], "ai", "cmb_life"),
    ("cmb_wx", "cmb", ["招商银行信用卡", "招行信用卡"], "wg", "cmb_life"),
    ("spdb_mb", "spdb", ["浦发手机银行", "浦发银行"], "ai", "spdb"),
    ("spdb_card", "spdb", ["浦大喜奔", "浦发信用卡"], "ai", "spdb_card"),
    ("citic_mb", "citic", ["中信银行", "中信银行手机银行"], "aih", "citic"),
    ("citic_card", "citic", ["动卡空间", "中信银行动卡空间"], "ai", "citic_card"),
    ("ceb_mb", "ceb", ["光大银行", "中国光大银行"], "ai", "ceb"),
    ("ceb_card", "ceb", ["阳光惠生活", "光大银行阳光惠生活"], "ai", "ceb_card"),
    ("hxb_mb", "hxb", ["华夏银行", "华夏银行手机银行"], "ai", "hxb"),
    ("cmbc_mb", "cmbc", ["民生银行", "中国民生银行"], "aih", "cmbc"),
    ("cmbc_card", "cmbc", ["全民生活", "民生信用卡全民生活"], "ai", "cmbc_card"),
    ("cgb_mb", "cgb", ["广发银行", "广发手机银行"], "ai", "cgb"),
    ("cgb_card", "cgb", ["发现精彩", "广发信用卡发现精彩"], "ai", "cgb_card"),
    ("pab_mb", "pab", ["平安口袋银行", "平安银行"], "aih", "pab"),
    ("cib_mb", "cib", ["兴业银行", "兴业银行手机银行"], "ai", "cib"),
    ("cib_card", "cib", ["兴业生活", "兴业银行信用卡兴业生活"], "ai", "cib_card"),
    ("bob_mb", "bob", ["北京银行", "北京银行手机银行"], "ai", "bob"),
    ("bosc_mb", "bosc", ["上海银行", "上海银行手机银行"], "ai", "bosc"),
    ("jsb_mb", "jsb", ["江苏银行", "江苏银行手机银行"], "ai", "jsb"),
    ("nbcb_mb", "nbcb", ["宁波银行", "宁波银行手机银行"], "ai", "nbcb"),
    ("czb_mb", "czb", ["浙商银行", "浙商银行手机银行"], "ai", "czb"),
    ("cbhb_mb", "cbhb", ["渤海银行", "渤海银行手机银行"], "ai", "cbhb"),
    ("hfb_mb", "hfb", ["恒丰银行", "恒丰银行手机银行"], "ai", "hfb"),
    ("webank_app", "webank", ["微众银行"], "ai", "webank"),
    ("mybank_app", "mybank", ["网商银行"], "ail", "mybank"),
    ("cl_app", "chinalife", ["中国人寿寿险", "中国人寿"], "aih", "chinalife"),
    ("cl_wx", "chinalife", ["中国人寿寿险服务", "中国人寿客户服务"], "wg", "chinalife"),
    ("pa_jgj", "pingan", ["平安金管家"], "aih", "pa_jgj"),
    ("pa_car", "pingan", ["平安好车主"], "aiw", "pa_car"),
    ("picc_app", "picc", ["中国人保", "人保e通"], "aiw", "picc"),
    ("cpic_app", "cpic", ["太平洋保险", "中国太保"], "aig", "cpic"),
    ("nci_app", "nci", ["新华保险", "新华保险客户服务"], "ai", "nci"),
    ("tk_app", "taikang", ["泰生活", "泰康泰生活"], "ai", "taikang"),
    ("tp_app", "cntaiping", ["太平通", "中国太平太平通"], "ai", "cntaiping"),
    ("citics_app", "citics", ["中信证券信e投", "信e投"], "ai", "citics"),
    ("gtja_app", "gtja", ["国泰君安君弘", "君弘"], "ai", "gtja"),
    ("htsc_app", "htsc", ["涨乐财富通", "华泰证券涨乐财富通"], "aih", "htsc"),
    ("gf_app", "gf", ["广发易淘金", "易淘金"], "ai", "gf"),
    ("cmsc_app", "cmsc", ["招商证券智远一户通", "智远一户通"], "ai", "cmsc"),
    ("ht_app", "haitong", ["e海通财", "海通证券e海通财"], "ai", "haitong"),
    ("alipay_app", "alipay", ["支付宝"], "aih", "alipay"),
    ("up_app", "unionpay", ["云闪付", "银联云闪付"], "aihw", "unionpay"),
    ("lkl_app", "lakala", ["拉卡拉", "拉卡拉钱包"], "ai", "lakala"),
    ("kq_app", "kuaiqian", ["快钱钱包"], "ai", "kuaiqian"),
    ("jd_app", "jdjr", ["京东金融"], "aih", "jdjr"),
]


@dataclass
class App:
    app_id: str
    inst_key: str
    institution: str
    names: list[str]
    keywords: list[str]
    developers: list[str]
    icon_key: str
    platforms: dict[str, str] = field(default_factory=dict)  # platform letter -> package id / AppID
    certs: list[str] = field(default_factory=list)  # lower-case hex, the first one is the Android cert
    harmony_cert: str | None = None
    trad: str = ""
    pinyin: str = ""

    @property
    def icon_rel(self) -> str:
        return f"p/{self.icon_key}.png"

    def protected_row(self, cert_style) -> dict:
        return {
            "app_id": self.app_id,
            "institution": self.institution,
            "names": self.names,
            "brand_keywords": self.keywords,
            "package_ids": list(self.platforms.values()),
            "developers": self.developers,
            "cert_sha256": [cert_style(c) for c in self.certs] or None,
            "icon": self.icon_rel,
        }


def build_apps(rng: random.Random) -> list[App]:
    apps = []
    taken: set[str] = set()
    for app_id, key, names, plats, icon in APPS:
        inst, kws, dev_zh, dev_en, trad, pinyin = INSTITUTIONS[key]
        app = App(app_id, key, inst, names, list(kws), [dev_zh, dev_en], icon, trad=trad, pinyin=pinyin)
        stem = app_id.split("_")[1]
        for p in plats:
            while True:
                if p == "a":
                    pid = package_id(rng, key, stem)
                elif p == "i":
                    pid = bundle_id(rng, key, stem)
                elif p == "h":
                    pid = harmony_id(rng, key, stem)
                elif p == "w":
                    pid = wx_appid(rng)
                elif p == "l":
                    pid = alipay_appid(rng)
                else:
                    pid = gh_id(rng)
                if pid not in taken:
                    break
            taken.add(pid)
            app.platforms[p] = pid
        if "a" in plats:
            app.certs.append(cert_hex(rng))
            if rng.random() < 0.3:  # a rotated signing key: both are official
                app.certs.append(cert_hex(rng))
        if "h" in plats:
            app.harmony_cert = cert_hex(rng)
            app.certs.append(app.harmony_cert)
        apps.append(app)
    return apps
