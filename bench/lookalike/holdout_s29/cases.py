"""The cases of the set: for every listing its case kind, expected verdict, target institution, the
signals it copies, its metadata and how its icon is to be drawn (the icon is drawn later, in id order)."""

from __future__ import annotations

import deform
import emblems
import names
import stores

# ---- the unprotected institutions and businesses of the hard negatives --------------------------

OTHER_INSTITUTIONS = [  # (name, glyph, developer, package)
    ("长沙银行", "长", "长沙银行股份有限公司", "com.bankofchangsha.mobile"),
    ("成都银行", "蓉", "成都银行股份有限公司", "com.bocd.mbank"),
    ("重庆农商银行", "渝", "重庆农村商业银行股份有限公司", "com.cqrcb.mobile"),
    ("徽商银行", "徽", "徽商银行股份有限公司", "com.hsbank.mbank"),
    ("贵阳银行", "筑", "贵阳银行股份有限公司", "com.bankgy.mobile"),
    ("哈尔滨银行", "哈", "哈尔滨银行股份有限公司", "com.hrbb.mbank"),
    ("青岛银行", "青", "青岛银行股份有限公司", "com.qdccb.mobile"),
    ("郑州银行", "郑", "郑州银行股份有限公司", "com.zzbank.mbank"),
    ("西安银行", "西", "西安银行股份有限公司", "com.xacbank.mobile"),
    ("兰州银行", "兰", "兰州银行股份有限公司", "com.lzbank.mbank"),
    ("富滇银行", "滇", "富滇银行股份有限公司", "com.fudian.mobile"),
    ("泰隆银行", "隆", "浙江泰隆商业银行股份有限公司", "com.zjtlcb.mbank"),
    ("台州银行", "台", "台州银行股份有限公司", "com.tzbank.mobile"),
    ("齐鲁银行", "齐", "齐鲁银行股份有限公司", "com.qlbchina.mbank"),
    ("恒丰银行", "恒", "恒丰银行股份有限公司", "com.hfbank.mobile"),
    ("广州农商银行", "穗", "广州农村商业银行股份有限公司", "com.grcbank.mbank"),
    ("苏州银行", "姑", "苏州银行股份有限公司", "com.suzhoubank.mobile"),
    ("温州银行", "瓯", "温州银行股份有限公司", "com.wzbank.mbank"),
    ("天津银行", "津", "天津银行股份有限公司", "com.bankoftianjin.mobile"),
    ("锦州银行", "锦", "锦州银行股份有限公司", "com.jinzhoubank.mbank"),
    ("友邦保险", "友", "友邦人寿保险有限公司", "com.aia.cn.app"),
    ("大家保险", "家", "大家保险集团有限责任公司", "com.dajia.insurance"),
    ("华安保险", "盾", "华安财产保险股份有限公司", "com.sinosafe.app"),
    ("长城人寿", "城", "长城人寿保险股份有限公司", "com.greatwalllife.app"),
    ("合众人寿", "合", "合众人寿保险股份有限公司", "com.unionlife.app"),
    ("长江证券", "江", "长江证券股份有限公司", "com.cjsc.mobile"),
    ("方正证券", "方", "方正证券股份有限公司", "com.foundersc.app"),
    ("国元证券", "元", "国元证券股份有限公司", "com.gyzq.mobile"),
    ("财通证券", "财", "财通证券股份有限公司", "com.ctsec.app"),
    ("东吴证券", "吴", "东吴证券股份有限公司", "com.dwzq.mobile"),
    ("翼支付", "翼", "天翼电子商务有限公司", "com.chinatelecom.bestpayclient"),
    ("和包支付", "和", "中移电子商务有限公司", "com.cmcc.hebao"),
    ("中原消费金融", "原", "河南中原消费金融股份有限公司", "com.zyxf.app"),
    ("小赢卡贷", "赢", "深圳小赢科技有限公司", "com.xiaoying.kadai"),
    ("洋钱罐", "罐", "北京瓴岳信息技术有限公司", "com.yqg.app"),
    ("分期乐", "乐", "深圳市分期乐网络科技有限公司", "com.fenqile.app"),
]

GENERIC_FINANCE = ["记账本", "汇率换算", "房贷计算器", "个税计算器", "理财记账", "信用卡还款提醒", "股票行情", "基金定投计算器",
                   "存款利率查询", "银行卡号识别", "金价实时行情", "外汇牌价", "记账理财助手", "车贷计算器", "公积金查询",
                   "社保查询", "发票助手", "汇款记录本", "零钱记账", "家庭账本", "保单管理助手", "理财计算器", "分期计算器",
                   "年化利率计算", "数字人民币科普", "比特币行情", "黄金价格", "消费记账"]
SHARED_WORDS = ["中国天气", "中国移动", "中国联通", "中国电信", "中国象棋", "中国地图", "中国人民大学", "中国大学MOOC",
                "中国建筑", "中国农业大学", "中国工商注册查询", "银行卡归属地查询", "银行招聘考试", "银行从业资格题库",
                "保险代理人考试", "证券从业考试题库", "保险计算器", "中国高铁", "支付密码键盘", "金融英语词典"]
GENERIC_BRAND_WORDS = ["平安校园", "平安浙江", "新华书店", "新华社", "华夏历史文化", "阳光高考", "招商加盟网", "交通违章查询",
                       "大地影院", "智慧民生", "银河系探索", "东方航空", "马上到家", "太平洋汽车"]
BRAND_SUBSTRINGS = ["施工行业资讯", "创建行程单", "空中行走", "三农行情通", "华东财经新闻", "民众安全教育", "个人保险箱",
                    "手工银饰", "金银联盟商城", "中国寿司大师", "中国银行业协会资讯"]
LOOKALIKE_STYLE = [  # (name, glyph, template) - emblems built like the protected ones, other glyphs
    ("老工匠面馆", "面", "ring_square"), ("川味小厨", "川", "hexagon"), ("德馨书院", "德", "seal"),
    ("红星社区", "红", "star"), ("金牌家政", "家", "shield"), ("城市书房", "书", "diamond_outline"),
    ("山海健身", None, "mountains"), ("福寿养老服务", "福", "circle_glyph"), ("鹏程驾校", "鹏", "triangle"),
    ("蓝天幼儿园", None, "cloud"), ("乐居物业", "居", "octagon_outline"), ("一品茶舍", "茶", "sun_rays"),
]

PACKAGE_SUBS = {"i": "l", "l": "1", "o": "0", "m": "rn", "n": "m", "b": "d", "c": "e", "g": "q", "u": "v",
                "w": "vv", "a": "o", "e": "c"}
TYPO_KINDS = ["char_sub", "insert", "delete", "transpose", "suffix", "prefix", "segment_dup", "extra_segment"]


class Builder:
    def __init__(self, rr, rng, ledger):
        self.rr, self.rng, self.ledger = rr, rng, ledger
        self.by_inst = {}
        for e in ledger:
            self.by_inst.setdefault(e["inst"]["key"], []).append(e)
        self.insts = [e["inst"] for e in ledger if e["index"] == 0]
        self.ledger_packages = {p for e in ledger for p in e["packages"]}
        self.used_packages: set[str] = set()

    # ---- small pieces -----------------------------------------------------------------------
    def spec(self, case, expected, inst, signals, listing, icon, params, **extra):
        return {"case": case, "expected": expected, "inst": inst, "signals": signals, "listing": listing,
                "icon": icon, "params": params, **extra}

    def fresh_package(self) -> str:
        while True:
            p = names.package(self.rr)
            if p not in self.ledger_packages and p not in self.used_packages:
                self.used_packages.add(p)
                return p

    def listing(self, source, name, package, developer, cert):
        first, changed = stores.dates(self.rr)
        return {"source": source, "name": name, "package_id": package, "developer": developer,
                "cert_sha256": cert, "url": stores.url(source, package, self.rr, self.rng),
                "first_seen": first, "changed_at": changed}

    def foreign(self, name, developer, channel=None, package=None):
        """A listing that is not signed with any official certificate."""
        rr = self.rr
        channel = channel or rr.choices(["android", "third", "ios", "mini", "harmony"], [45, 25, 15, 10, 5])[0]
        if channel == "android":
            src = rr.choice(stores.ANDROID_STORES)
        elif channel == "third":
            src = rr.choice(stores.THIRD_PARTY)
        elif channel == "ios":
            src = stores.IOS
        elif channel == "harmony":
            src = stores.HARMONY
        elif channel == "oa":
            src = stores.OFFICIAL_ACCOUNT
        else:
            src = rr.choice(stores.MINI)
        if src in stores.MINI:
            pkg, cert = package or stores.mini_id(src, self.rng), None
        elif src == stores.OFFICIAL_ACCOUNT:
            pkg, cert = package or stores.gh_id(self.rng), None
        elif src == stores.IOS:
            pkg, cert = package or self.fresh_package(), None
        else:
            pkg = package or self.fresh_package()
            cert = stores.cert_format(stores.cert(self.rng), rr.choice(["plain", "colon_upper", "upper"]))
            if src in ("sms_link", "telegram_channel", "qq_group_file") and rr.random() < 0.4:
                pkg = package  # a bare APK link often shows no package id
        return self.listing(src, name, pkg, developer, cert)

    def cycle(self, items):
        items = list(items)
        while True:
            order = items[:]
            self.rr.shuffle(order)
            yield from order

    # ---- positives --------------------------------------------------------------------------
    def icon_only(self, per_kind=4):
        out = []
        apps = self.cycle(self.ledger)
        for kind in deform.KINDS:
            for _ in range(per_kind):
                e = next(apps)
                r = self.rr.random()
                name = (names.finance_name(self.rr) if r < 0.55 else
                        self.rr.choice(names.SERVICE_NAMES) if r < 0.8 else names.ordinary_name(self.rr))
                lst = self.foreign(name, names.company(self.rr))
                out.append(self.spec(kind, "counterfeit", e["inst"], ["icon"], lst, ("deform", kind, e["app_id"]),
                                     {}, app_id=e["app_id"]))
        return out

    def name_copies(self, per_kind=5):
        out = []
        insts = self.cycle(self.insts)
        for kind in names.NAME_KINDS:
            for _ in range(per_kind):
                while True:
                    inst = next(insts)
                    if kind == "traditional" and not any(c in names.TRAD for b in names.base_names(inst) for c in b):
                        continue
                    if kind == "sibling_product" and len(inst["apps"]) < 2:
                        continue
                    break
                name, p = names.mutate(kind, inst, self.rr)
                channel = {"miniprogram": "mini", "official_account": "oa"}.get(kind)
                if channel is None:
                    channel = self.rr.choices(["android", "third", "ios"], [50, 30, 20])[0]
                lst = self.foreign(name, names.company(self.rr), channel)
                r = self.rr.random()
                e = self.rr.choice(self.by_inst[inst["key"]])
                if r < 0.6:
                    icon, p["icon_source"] = ("finance",), "generic_finance"
                elif r < 0.8:
                    icon, p["icon_source"] = None, "none"
                else:
                    icon, p["icon_source"] = ("official", e["app_id"]), f"official:{e['app_id']}"
                signals = ["name"] + (["icon"] if icon and icon[0] == "official" else [])
                out.append(self.spec("name_" + kind, "counterfeit", inst, signals, lst, icon, p))
        return out

    def typo(self, pkg):
        rr = self.rr
        for _ in range(200):
            kind = rr.choice(TYPO_KINDS)
            segs = pkg.split(".")
            letters = [i for i, c in enumerate(pkg) if c.isalpha()]
            if kind == "char_sub":
                pos = [i for i in letters if pkg[i] in PACKAGE_SUBS]
                if not pos:
                    continue
                i = rr.choice(pos)
                new = pkg[:i] + PACKAGE_SUBS[pkg[i]] + pkg[i + 1:]
            elif kind == "insert":
                i = rr.choice(letters)
                new = pkg[:i] + pkg[i] + pkg[i:]
            elif kind == "delete":
                i = rr.choice(letters)
                new = pkg[:i] + pkg[i + 1:]
            elif kind == "transpose":
                pos = [i for i in letters if i + 1 < len(pkg) and pkg[i + 1].isalpha() and pkg[i] != pkg[i + 1]]
                if not pos:
                    continue
                i = rr.choice(pos)
                new = pkg[:i] + pkg[i + 1] + pkg[i] + pkg[i + 2:]
            elif kind == "suffix":
                new = pkg + rr.choice([".pro", ".vip", ".official", "2", "_new", ".app"])
            elif kind == "prefix":
                new = (rr.choice(["cn.", "com.cn.", "net."]) + pkg[4:]) if pkg.startswith("com.") else "com." + pkg
            elif kind == "segment_dup":
                new = pkg + "." + segs[-1]
            else:
                segs.insert(min(2, len(segs)), rr.choice(["android", "mobile", "bank", "client"]))
                new = ".".join(segs)
            if new == pkg or new in self.ledger_packages or new in self.used_packages or ".." in new:
                continue
            if any(not s for s in new.split(".")):
                continue
            self.used_packages.add(new)
            return new, kind
        raise RuntimeError(f"no typo for {pkg}")

    def typosquats(self, n=20):
        out = []
        apps = self.cycle(self.ledger)
        for _ in range(n):
            e = next(apps)
            pkg, kind = self.typo(e["app"]["android"])
            name = names.finance_name(self.rr) if self.rr.random() < 0.6 else self.rr.choice(names.SERVICE_NAMES)
            lst = self.foreign(name, names.company(self.rr), self.rr.choice(["android", "third"]), package=pkg)
            lst["package_id"] = pkg
            icon = ("finance",) if self.rr.random() < 0.75 else None
            out.append(self.spec("package_typosquat", "counterfeit", e["inst"], ["package"], lst, icon,
                                 {"official_package": e["app"]["android"], "typo": kind, "package": pkg,
                                  "icon_source": "generic_finance" if icon else "none"}))
        return out

    def developer_copies(self, n=20, near=4):
        out = []
        insts = self.cycle(self.insts)
        for k in range(n):
            inst = next(insts)
            dev = inst["dev"]
            variant = "exact"
            if k < near:
                if "股份有限公司" in dev:
                    dev, variant = dev.replace("股份有限公司", "有限公司"), "near:drop_股份"
                elif dev.startswith("中国"):
                    dev, variant = dev[2:], "near:drop_中国"
                else:
                    dev, variant = dev + "客服中心", "near:suffix"
            elif inst["dev_en"] and self.rr.random() < 0.3:
                dev, variant = inst["dev_en"], "exact_english"
            name = names.finance_name(self.rr) if self.rr.random() < 0.6 else self.rr.choice(names.SERVICE_NAMES)
            lst = self.foreign(name, dev, self.rr.choice(["android", "third", "ios"]))
            icon = ("finance",) if self.rr.random() < 0.75 else None
            out.append(self.spec("developer_copy", "counterfeit", inst, ["developer"], lst, icon,
                                 {"developer": dev, "variant": variant,
                                  "icon_source": "generic_finance" if icon else "none"}))
        return out

    def repackaged(self, n=30):
        out = []
        apps = self.cycle(self.ledger)
        for _ in range(n):
            e = next(apps)
            app = e["app"]
            r = self.rr.random()
            name = self.rr.choice(app["names"])
            if r < 0.25:
                name += self.rr.choice(["破解版", "去广告版", "VIP解锁版", "免更新版"])
            elif r < 0.4:
                name += f" v{self.rr.randint(5, 12)}.{self.rr.randint(0, 9)}.{self.rr.randint(0, 9)}"
            r = self.rr.random()
            dev = e["developers"][0] if r < 0.5 else (None if r < 0.75 else names.company(self.rr))
            channel = self.rr.choices(["third", "android"], [75, 25])[0]
            lst = self.foreign(name, dev, channel, package=app["android"])
            lst["package_id"] = app["android"]
            out.append(self.spec("repackaged_official_package", "repackaged", e["inst"], ["package", "name", "icon"],
                                 lst, ("official", e["app_id"]),
                                 {"official_package": app["android"], "developer": "official" if r < 0.5 else
                                  ("none" if r < 0.75 else "other")}))
        return out

    def unregistered(self, n=25):
        out = []
        apps = self.cycle(self.ledger)
        for _ in range(n):
            e = next(apps)
            app, inst = e["app"], e["inst"]
            while True:
                if self.rr.random() < 0.7:
                    pkg = app["android"] + self.rr.choice([".hd", ".pad", ".lite", ".beta", ".intl", ".test", ".staff",
                                                           ".corp"])
                else:
                    head = ".".join(app["android"].split(".")[:2])
                    pkg = head + "." + self.rr.choice(["corpbank", "huimin", "wealth", "elife2", "pay", "care"])
                if pkg not in self.ledger_packages and pkg not in self.used_packages:
                    break
            self.used_packages.add(pkg)
            if self.rr.random() < 0.6:
                name = app["names"][0] + self.rr.choice(["HD", "国际版", "测试版", "员工版", "Lite", "企业版", "Pad版"])
            else:
                name = inst["short"] + self.rr.choice(["企业银行", "惠生活", "财富", "普惠", "关爱版"])
            src = self.rr.choice(stores.ANDROID_STORES + [stores.HARMONY])
            cert_hex = self.rr.choice(e["certs"])
            cert = stores.cert_format(cert_hex, self.rr.choice(["plain", "colon_upper", "colon_lower", "upper"]))
            lst = self.listing(src, name, pkg, self.rr.choice(e["developers"]), cert)
            if self.rr.random() < 0.5:
                icon, how = ("official", e["app_id"]), "official"
            else:
                label = self.rr.choice(["HD", "企业", "惠民", "国际", "关爱"])
                icon, how = ("emblem", e["template"], inst["glyph"], inst["colour"], e["style"], label), "new_label"
            out.append(self.spec("unregistered_official_build", "unregistered", inst, ["cert", "developer"], lst,
                                 icon, {"package": pkg, "app_id": e["app_id"], "icon_source": how}))
        return out

    # ---- negatives --------------------------------------------------------------------------
    def official_siblings(self, n=30):
        out = []
        apps = self.cycle(self.ledger)
        for _ in range(n):
            e = next(apps)
            app = e["app"]
            opts = ["android", "android", "ios"] + (["mini"] if e["mp_id"] else []) + (["harmony"] if e["harmony_id"]
                                                                                      else [])
            ch = self.rr.choice(opts)
            cert = None
            if ch == "android":
                src, pkg = self.rr.choice(stores.ANDROID_STORES), app["android"]
                cert = stores.cert_format(self.rr.choice(e["certs"]), self.rr.choice(["plain", "colon_upper", "upper"]))
            elif ch == "harmony":
                src, pkg = stores.HARMONY, e["harmony_id"]
                cert = stores.cert_format(self.rr.choice(e["certs"]), "plain")
            elif ch == "ios":
                src, pkg = stores.IOS, app["ios"]
            else:
                src, pkg = "wechat_mini_program", e["mp_id"]
            lst = self.listing(src, self.rr.choice(app["names"]), pkg, self.rr.choice(e["developers"]), cert)
            out.append(self.spec("neg_official_sibling", "none", None, [], lst, ("official", e["app_id"]),
                                 {"official_app": e["app_id"], "channel": ch}))
        return out

    def other_institutions(self, n=36):
        out = []
        for k in range(n):
            name, glyph, dev, pkg = OTHER_INSTITUTIONS[k % len(OTHER_INSTITUTIONS)]
            template = emblems.FREE_TEMPLATES[k % len(emblems.FREE_TEMPLATES)]
            colour = self.rr.choice([(200, 20, 40), (0, 90, 170), (0, 130, 90), (230, 120, 0), (120, 40, 150),
                                     (190, 30, 30), (0, 110, 190)])
            style = self.rr.choice(["solid", "white", "gradient"])
            ch = self.rr.choices(["android", "ios"], [80, 20])[0]
            if ch == "ios":
                lst = self.foreign(name, dev, "ios", package=pkg + ".ios")
            else:
                lst = self.foreign(name, dev, "android", package=pkg)
            if self.rr.random() < 0.3:
                lst["name"] = name + self.rr.choice((["手机银行"] if name.endswith("银行") else []) + ["APP", "官方"])
            out.append(self.spec("neg_other_institution", "none", None, [], lst,
                                 ("emblem", template, glyph, colour, style, None),
                                 {"institution": name, "template": template, "glyph": glyph}))
        return out

    def _plain(self, case, pool, n, icon_kind):
        out = []
        for k in range(n):
            name = pool[k % len(pool)]
            lst = self.foreign(name, names.company(self.rr),
                               self.rr.choices(["android", "third", "ios", "mini"], [50, 15, 25, 10])[0])
            icon = ("finance",) if icon_kind == "finance" else ("ordinary", name)
            out.append(self.spec(case, "none", None, [], lst, icon, {"pool_index": k % len(pool)}))
        return out

    def negatives(self):
        out = self.official_siblings(30) + self.other_institutions(35)
        out += self._plain("neg_generic_finance", GENERIC_FINANCE, 28, "finance")
        out += self._plain("neg_shared_words", SHARED_WORDS, 20, "ordinary")
        out += self._plain("neg_generic_brand_word", GENERIC_BRAND_WORDS, 14, "ordinary")
        out += self._plain("neg_brand_substring", BRAND_SUBSTRINGS, 11, "ordinary")
        for name, glyph, template in LOOKALIKE_STYLE:
            colour = self.rr.choice([(200, 20, 40), (0, 90, 170), (0, 130, 90), (230, 120, 0), (160, 30, 30)])
            style = self.rr.choice(["solid", "white"])
            lst = self.foreign(name, names.company(self.rr), self.rr.choice(["android", "ios", "mini"]))
            out.append(self.spec("neg_lookalike_style", "none", None, [], lst,
                                 ("emblem", template, glyph, colour, style, None),
                                 {"template": template, "glyph": glyph}))
        return out

    def unrelated(self, n_apps=150, n_mini=20):
        out = []
        seen: set[str] = set()
        for k in range(n_apps + n_mini):
            while True:
                name = names.ordinary_name(self.rr)
                if name not in seen:
                    seen.add(name)
                    break
            mini = k >= n_apps
            ch = "mini" if mini else self.rr.choices(["android", "third", "ios", "harmony"], [55, 15, 25, 5])[0]
            lst = self.foreign(name, names.company(self.rr), ch)
            icon = ("ordinary", name) if self.rr.random() < 0.95 else None
            out.append(self.spec("unrelated_mini_program" if mini else "unrelated_app", "none", None, [], lst, icon,
                                 {}))
        return out
