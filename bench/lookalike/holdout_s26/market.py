"""The synthetic Chinese financial app market: protected institutions and apps, look-alike legitimate
entities, name/package/developer vocabularies.  Names of real companies are used as a realistic
backdrop; every package id, certificate, AppID and icon here is synthetic."""

import hashlib

W = (255, 255, 255)
RED = (199, 22, 28)
RED2 = (177, 25, 40)
RED3 = (214, 0, 15)
ORANGE = (242, 106, 0)
BLUE = (0, 62, 150)
BLUE2 = (18, 56, 128)
BLUE3 = (0, 96, 190)
NAVY = (16, 42, 104)
GREEN = (0, 132, 96)
GREEN2 = (0, 121, 64)
TEAL = (0, 118, 136)
PURPLE = (99, 32, 130)


def sha(name):
    return hashlib.sha256(f"holdout_s26/2626/{name}".encode()).hexdigest()


def cert_hex(key):
    return sha(f"cert/{key}")


def colon_upper(h):
    return ":".join(h[i:i + 2] for i in range(0, 64, 2)).upper()


def wx_appid(key):
    return "wx" + sha(f"wxappid/{key}")[:16]


def alipay_appid(key):
    return "2021" + str(int(sha(f"aliappid/{key}")[:15], 16) % 10 ** 12).zfill(12)


def gh_id(key):
    return "gh_" + sha(f"ghid/{key}")[:12]


def S(layout, motif, fg=W, bg=W, **kw):
    d = {"layout": layout, "motif": motif, "fg": list(fg), "bg": list(bg)}
    p = kw.pop("p", None)
    if p:
        d["p"] = {k: list(v) if isinstance(v, tuple) else v for k, v in p.items()}
    for k, v in kw.items():
        d[k] = list(v) if isinstance(v, tuple) else v
    return d


def app(app_id, names, pkgs=(), spec=None, kind="app", devs=None, cert=None, ios=None):
    return {"app_id": app_id, "names": list(names), "pkgs": list(pkgs), "spec": spec, "kind": kind, "devs": devs,
            "cert": cert, "ios": ios}


# kind: app | wx_mini | ali_mini | wx_oa
INSTITUTIONS = [
    dict(key="icbc", inst="中国工商银行股份有限公司", kw=["工商银行", "工行", "ICBC", "工银"], short="工商银行", abbr="工行",
         en="ICBC", py="GongShang YinHang", devs=["中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited"],
         cert_fmt="colon",
         apps=[app("icbc-mbank", ["中国工商银行", "工商银行", "工行手机银行"], ["com.icbc"], S("solid", "coin", W, RED, p={"glyph": "工"}),
                   ios="com.icbc.iphoneclient"),
               app("icbc-elife", ["工银e生活"], ["com.icbc.elife"], S("logo_word", "e_letter", W, (222, 40, 30), word="e生活")),
               app("icbc-oa", ["中国工商银行", "工商银行微信银行"], [], S("avatar", "coin", W, RED, p={"glyph": "工"}), kind="wx_oa")],
         unreg=[("工银兴农通", "com.icbc.xnt"), ("工银融e联", "com.icbc.im"), ("工商银行企业手机银行", "com.icbc.corp.mbank")]),
    dict(key="ccb", inst="中国建设银行股份有限公司", kw=["建设银行", "建行", "CCB", "中国建设银行"], short="建设银行", abbr="建行",
         en="CCB", py="JianShe YinHang", devs=["中国建设银行股份有限公司", "China Construction Bank Corporation"],
         apps=[app("ccb-mbank", ["中国建设银行", "建设银行", "建行手机银行"], ["com.chinamworld.main"],
                   S("solid", "coin", W, BLUE, p={"gap": True, "square_rot": 45}), ios="com.ccb.mbs"),
               app("ccb-life", ["建行生活"], ["com.ccb.life"], S("band", "coin", W, BLUE, word="建行生活", p={"gap": True, "square_rot": 45})),
               app("ccb-mini", ["中国建设银行", "建设银行"], [], S("avatar", "coin", W, BLUE, p={"gap": True, "square_rot": 45}),
                   kind="wx_mini")],
         unreg=[("建行惠懂你", "com.ccb.hdn"), ("建融家园", "com.ccb.jrjy")]),
    dict(key="abc", inst="中国农业银行股份有限公司", kw=["农业银行", "农行", "中国农业银行"], short="农业银行", abbr="农行",
         en="ABC", py="NongYe YinHang", devs=["中国农业银行股份有限公司", "Agricultural Bank of China Limited"],
         apps=[app("abc-mbank", ["中国农业银行", "农业银行", "农行掌银"], ["com.android.bankabc"], S("white", "wheat", (0, 142, 120)),
                   ios="com.abchina.mbank"),
               app("abc-oa", ["中国农业银行"], [], S("avatar", "wheat", W, (0, 142, 120)), kind="wx_oa")],
         unreg=[("农行小豆", "com.abchina.xiaodou"), ("农银企业", "com.abchina.corp")]),
    dict(key="boc", inst="中国银行股份有限公司", kw=["中国银行", "中行", "中银"], short="中国银行", abbr="中行", en="BOC",
         py="ZhongGuo YinHang", devs=["中国银行股份有限公司", "Bank of China Limited"], cert_fmt="colon",
         apps=[app("boc-mbank", ["中国银行", "中国银行手机银行"], ["com.chinamworld.bocmbci"], S("solid", "coin", W, RED2, p={"bar": True}),
                   ios="com.boc.BOCMBCI"),
               app("boc-life", ["缤纷生活"], ["com.boc.bocsoft.bocmbovsa"], S("band", "coin", W, RED2, word="缤纷生活", p={"bar": True}))],
         unreg=[("中银跨境GO", "com.boc.kjgo"), ("中银企业银行", "com.boc.corp")]),
    dict(key="bocom", inst="交通银行股份有限公司", kw=["交通银行", "交行", "交银"], short="交通银行", abbr="交行", en="BOCOM",
         py="JiaoTong YinHang", devs=["交通银行股份有限公司", "Bank of Communications Co., Ltd."],
         apps=[app("bocom-mbank", ["交通银行", "交通银行手机银行"], ["com.bankcomm.Bankcomm"], S("solid", "frame_glyph", W, BLUE2, p={"glyph": "交"})),
               app("bocom-mdb", ["买单吧"], ["com.bankcomm.maidanba"], S("gradient", "word", W, (30, 80, 200), bg2=(90, 40, 170), p={"glyph": "买单吧"}))],
         unreg=[("交银企业", "com.bankcomm.corp")]),
    dict(key="psbc", inst="中国邮政储蓄银行股份有限公司", kw=["邮储银行", "邮政储蓄银行", "PSBC", "邮储"], short="邮储银行", abbr="邮储",
         en="PSBC", py="YouChu YinHang", devs=["中国邮政储蓄银行股份有限公司", "Postal Savings Bank of China Co., Ltd."],
         apps=[app("psbc-mbank", ["邮储银行", "中国邮政储蓄银行"], ["com.yitong.mbank.psbc"], S("white", "wings", GREEN2)),
               app("psbc-mini", ["邮储银行"], [], S("avatar", "wings", W, GREEN2), kind="wx_mini")],
         unreg=[("邮储信用卡", "com.psbc.ccard")]),
    dict(key="cmb", inst="招商银行股份有限公司", kw=["招商银行", "招行", "CMB", "招银"], short="招商银行", abbr="招行", en="CMB",
         py="ZhaoShang YinHang", devs=["招商银行股份有限公司", "China Merchants Bank Co., Ltd."], cert_fmt="colon",
         apps=[app("cmb-mbank", ["招商银行", "招商银行手机银行"], ["cmb.pb"], S("white", "mwave", (200, 21, 45)), ios="cmb.pb.iphone"),
               app("cmb-life", ["掌上生活"], ["com.cmbchina.ccd.pluto.cmbActivity"], S("solid", "wallet", W, (220, 30, 50)),
                   devs=["招商银行股份有限公司信用卡中心"], cert="cmb-cc"),
               app("cmb-ccmini", ["招商银行信用卡"], [], S("avatar", "mwave", W, (200, 21, 45)), kind="wx_mini"),
               app("cmb-oa", ["招商银行"], [], S("tile", "mwave", W, (200, 21, 45)), kind="wx_oa")],
         unreg=[("招商银行企业APP", "com.cmbchina.firmbank"), ("招商银行 UAT", "cmb.pb.uat"), ("招贝", "com.cmbchina.zhaobei")]),
    dict(key="citic", inst="中信银行股份有限公司", kw=["中信银行", "CNCB"], short="中信银行", abbr="中信", en="CITIC Bank",
         py="ZhongXin YinHang", devs=["中信银行股份有限公司", "China CITIC Bank Corporation Limited"],
         apps=[app("citic-mbank", ["中信银行", "中信银行手机银行"], ["com.ecitic.bank.mobile"], S("white", "diamond", (210, 20, 30))),
               app("citic-dk", ["动卡空间"], ["com.citiccard.mobilebank"], S("logo_word", "diamond", W, (210, 20, 30), word="动卡空间"),
                   devs=["中信银行股份有限公司信用卡中心"])],
         unreg=[("中信银行企业银行", "com.ecitic.bank.corp")]),
    dict(key="ceb", inst="中国光大银行股份有限公司", kw=["光大银行", "CEB", "中国光大银行"], short="光大银行", abbr="光大", en="CEB",
         py="GuangDa YinHang", devs=["中国光大银行股份有限公司", "China Everbright Bank Co., Ltd."],
         apps=[app("ceb-mbank", ["光大银行", "中国光大银行"], ["com.cebbank.mobile.cemb"], S("solid", "sun", W, PURPLE)),
               app("ceb-ygh", ["阳光惠生活"], ["com.cebbank.ygh"], S("gradient", "sun", W, PURPLE, bg2=(240, 130, 40), p={"glyph": "惠", "rays": 8}))],
         unreg=[("光大云缴费", "com.cebbank.yjf")]),
    dict(key="hxb", inst="华夏银行股份有限公司", kw=["华夏银行", "HXB"], short="华夏银行", abbr="华夏", en="HXB", py="HuaXia YinHang",
         devs=["华夏银行股份有限公司", "Hua Xia Bank Co., Limited"],
         apps=[app("hxb-mbank", ["华夏银行", "华夏银行手机银行"], ["com.hxb.mobile.client"], S("white", "arcs", RED3))], unreg=[]),
    dict(key="cmbc", inst="中国民生银行股份有限公司", kw=["民生银行", "CMBC", "中国民生银行"], short="民生银行", abbr="民生", en="CMBC",
         py="MinSheng YinHang", devs=["中国民生银行股份有限公司", "China Minsheng Banking Corp., Ltd."],
         apps=[app("cmbc-mbank", ["民生银行", "中国民生银行"], ["cn.com.cmbc.newmbank"], S("solid", "sail", W, TEAL))],
         unreg=[("民生小微", "com.cmbc.xw"), ("全民生活", "com.cmbc.cc.mbank")]),
    dict(key="cgb", inst="广发银行股份有限公司", kw=["广发银行", "CGB"], short="广发银行", abbr="广发", en="CGB", py="GuangFa YinHang",
         devs=["广发银行股份有限公司", "China Guangfa Bank Co., Ltd."],
         apps=[app("cgb-mbank", ["广发银行", "广发手机银行"], ["com.cgbchina.xpt"], S("solid", "ring_glyph", W, (225, 30, 40), p={"glyph": "广发"}))],
         unreg=[("发现精彩", "com.cgbchina.fxjc")]),
    dict(key="pab", inst="平安银行股份有限公司", kw=["平安银行", "平安口袋银行"], short="平安银行", abbr="平安", en="Ping An Bank",
         py="PingAn YinHang", devs=["平安银行股份有限公司", "Ping An Bank Co., Ltd."],
         apps=[app("pab-pocket", ["平安口袋银行", "平安银行"], ["com.pingan.paces.ccms"], S("solid", "word", W, ORANGE, p={"glyph": "平安", "sub": "PING AN"}))],
         unreg=[("平安数字口袋", "com.pingan.dpocket")]),
    dict(key="spdb", inst="上海浦东发展银行股份有限公司", kw=["浦发银行", "浦发", "SPDB"], short="浦发银行", abbr="浦发", en="SPDB",
         py="PuFa YinHang", devs=["上海浦东发展银行股份有限公司", "Shanghai Pudong Development Bank Co., Ltd."],
         apps=[app("spdb-mbank", ["浦发手机银行", "浦发银行"], ["cn.com.spdb.mobilebank.per"], S("white", "petals", NAVY, p={"n": 4})),
               app("spdb-pdxb", ["浦大喜奔"], ["com.spdbccc.app"], S("gradient", "glyph", W, NAVY, bg2=(220, 40, 60), p={"glyph": "喜"}))],
         unreg=[("浦发企业银行", "cn.com.spdb.corp")]),
    dict(key="cib", inst="兴业银行股份有限公司", kw=["兴业银行", "CIB"], short="兴业银行", abbr="兴业", en="CIB", py="XingYe YinHang",
         devs=["兴业银行股份有限公司", "Industrial Bank Co., Ltd."],
         apps=[app("cib-mbank", ["兴业银行", "兴业银行手机银行"], ["com.cib.cibmb"], S("solid", "arcs", W, (0, 52, 120), p={"a0": 200, "a1": 350, "n": 2}))],
         unreg=[("兴业管家", "com.cib.gj")]),
    dict(key="bob", inst="北京银行股份有限公司", kw=["北京银行"], short="北京银行", abbr="北京银行", en="Bank of Beijing",
         py="BeiJing YinHang", devs=["北京银行股份有限公司"],
         apps=[app("bob-mbank", ["北京银行", "北京银行手机银行"], ["com.bankofbeijing.mobilebanking"], S("solid", "disc_glyph", W, (210, 30, 40), p={"glyph": "京"}))],
         unreg=[]),
    dict(key="bosc", inst="上海银行股份有限公司", kw=["上海银行", "BOSC"], short="上海银行", abbr="上海银行", en="Bank of Shanghai",
         py="ShangHai YinHang", devs=["上海银行股份有限公司"],
         apps=[app("bosc-mbank", ["上海银行", "上海银行手机银行"], ["cn.com.shbank.mper"], S("solid", "disc_glyph", W, (205, 35, 45), p={"glyph": "上"}))],
         unreg=[]),
    dict(key="jsb", inst="江苏银行股份有限公司", kw=["江苏银行"], short="江苏银行", abbr="江苏银行", en="Bank of Jiangsu",
         py="JiangSu YinHang", devs=["江苏银行股份有限公司"],
         apps=[app("jsb-mbank", ["江苏银行", "江苏银行手机银行"], ["com.jsbc.mbank"], S("solid", "disc_glyph", W, BLUE3, p={"glyph": "苏"}))],
         unreg=[]),
    dict(key="nbcb", inst="宁波银行股份有限公司", kw=["宁波银行"], short="宁波银行", abbr="宁波银行", en="Bank of Ningbo",
         py="NingBo YinHang", devs=["宁波银行股份有限公司"],
         apps=[app("nbcb-mbank", ["宁波银行", "宁波银行手机银行"], ["com.nbbank"], S("white", "coin", (235, 90, 20), p={"glyph": "宁"}))],
         unreg=[]),
    dict(key="czb", inst="浙商银行股份有限公司", kw=["浙商银行", "CZB"], short="浙商银行", abbr="浙商银行", en="CZBank",
         py="ZheShang YinHang", devs=["浙商银行股份有限公司"],
         apps=[app("czb-mbank", ["浙商银行", "浙商银行手机银行"], ["com.czbank.mbank"], S("logo_word", "latin", W, (190, 20, 30), word="浙商银行", p={"glyph": "CZB"}))],
         unreg=[]),
    dict(key="cbhb", inst="渤海银行股份有限公司", kw=["渤海银行", "CBHB"], short="渤海银行", abbr="渤海银行", en="CBHB",
         py="BoHai YinHang", devs=["渤海银行股份有限公司"],
         apps=[app("cbhb-mbank", ["渤海银行", "渤海银行手机银行"], ["com.cbhb.mbank"], S("solid", "waves", W, (0, 80, 160)))], unreg=[]),
    dict(key="webank", inst="深圳前海微众银行股份有限公司", kw=["微众银行", "WeBank", "微粒贷"], short="微众银行", abbr="微众", en="WeBank",
         py="WeiZhong YinHang", devs=["深圳前海微众银行股份有限公司", "WeBank Co., Ltd."],
         apps=[app("webank-app", ["微众银行"], ["com.webank.wemoney"], S("solid", "latin", W, (40, 110, 240), p={"glyph": "W"}))],
         unreg=[("微粒贷借钱", "com.webank.weilidai")]),
    dict(key="mybank", inst="浙江网商银行股份有限公司", kw=["网商银行", "MYbank"], short="网商银行", abbr="网商", en="MYbank",
         py="WangShang YinHang", devs=["浙江网商银行股份有限公司"],
         apps=[app("mybank-app", ["网商银行"], ["com.mybank.android.phone"], S("white", "leaf3", (0, 160, 150))),
               app("mybank-alimini", ["网商银行"], [], S("avatar", "leaf3", W, (0, 160, 150)), kind="ali_mini")],
         unreg=[]),
    dict(key="pingan", inst="中国平安保险(集团)股份有限公司", kw=["中国平安", "平安金管家", "平安好车主", "平安保险"], short="中国平安", abbr="平安",
         en="PING AN", py="ZhongGuo PingAn", devs=["中国平安人寿保险股份有限公司", "Ping An Insurance (Group) Company of China, Ltd."],
         apps=[app("pingan-jgj", ["平安金管家"], ["com.pingan.lifeinsurance"], S("band", "word", W, ORANGE, word="金管家", p={"glyph": "平安"}),
                   cert="pingan-life"),
               app("pingan-car", ["平安好车主"], ["com.pingan.carowner"], S("gradient", "car", W, ORANGE, bg2=(230, 60, 30)),
                   devs=["中国平安财产保险股份有限公司"], cert="pingan-pc"),
               app("pingan-mini", ["平安保险"], [], S("avatar", "word", W, ORANGE, p={"glyph": "平安"}), kind="wx_mini")],
         unreg=[("平安e行销", "com.pingan.exs"), ("平安口袋E行销", "com.pingan.kdexs")]),
    dict(key="chinalife", inst="中国人寿保险(集团)公司", kw=["中国人寿", "国寿"], short="中国人寿", abbr="国寿", en="China Life",
         py="ZhongGuo RenShou", devs=["中国人寿保险股份有限公司", "China Life Insurance Company Limited"],
         apps=[app("chinalife-app", ["中国人寿寿险", "中国人寿"], ["com.chinalife.ebz"], S("white", "ring_glyph", (0, 110, 70), p={"glyph": "寿"})),
               app("chinalife-oa", ["中国人寿"], [], S("avatar", "ring_glyph", W, (0, 110, 70), p={"glyph": "寿"}), kind="wx_oa")],
         unreg=[("国寿e店", "com.chinalife.ed")]),
    dict(key="picc", inst="中国人民保险集团股份有限公司", kw=["中国人保", "人保", "PICC", "人保财险"], short="中国人保", abbr="人保", en="PICC",
         py="ZhongGuo RenBao", devs=["中国人民财产保险股份有限公司", "PICC Property and Casualty Company Limited"],
         apps=[app("picc-app", ["中国人保"], ["com.picc.mpicc"], S("solid", "latin", W, (200, 10, 20), p={"glyph": "PICC"})),
               app("picc-mini", ["中国人保车险"], [], S("avatar", "latin", W, (200, 10, 20), p={"glyph": "PICC"}), kind="wx_mini")],
         unreg=[("人保e通", "com.picc.et")]),
    dict(key="cpic", inst="中国太平洋保险(集团)股份有限公司", kw=["太平洋保险", "太保", "CPIC"], short="太平洋保险", abbr="太保", en="CPIC",
         py="TaiPingYang BaoXian", devs=["中国太平洋保险(集团)股份有限公司"],
         apps=[app("cpic-app", ["太平洋保险", "中国太保"], ["com.cpic.taibao"], S("white", "globe", (0, 80, 160)))], unreg=[]),
    dict(key="nci", inst="新华人寿保险股份有限公司", kw=["新华保险", "新华人寿"], short="新华保险", abbr="新华保险", en="NCI",
         py="XinHua BaoXian", devs=["新华人寿保险股份有限公司"],
         apps=[app("nci-app", ["新华保险"], ["com.newchinalife.app"], S("solid", "bird", W, (200, 20, 40)))], unreg=[]),
    dict(key="taikang", inst="泰康保险集团股份有限公司", kw=["泰康", "泰康人寿", "泰生活"], short="泰康保险", abbr="泰康", en="Taikang",
         py="TaiKang BaoXian", devs=["泰康人寿保险有限责任公司"],
         apps=[app("taikang-app", ["泰康泰生活", "泰生活"], ["com.taikang.tklife"], S("white", "bird", (0, 90, 170), p={"flip": True}))],
         unreg=[]),
    dict(key="cntp", inst="中国太平保险集团有限责任公司", kw=["中国太平", "太平人寿", "太平通"], short="中国太平", abbr="太平", en="China Taiping",
         py="ZhongGuo TaiPing", devs=["太平人寿保险有限公司"],
         apps=[app("cntp-app", ["太平通"], ["com.cntaiping.tpapp"], S("solid", "ring_glyph", W, (190, 20, 30), p={"glyph": "太平"}))],
         unreg=[]),
    dict(key="citics", inst="中信证券股份有限公司", kw=["中信证券", "信e投", "CITICS"], short="中信证券", abbr="中信证券", en="CITICS",
         py="ZhongXin ZhengQuan", devs=["中信证券股份有限公司"],
         apps=[app("citics-app", ["中信证券信e投", "信e投"], ["com.citics.xey"], S("logo_word", "diamond", (210, 20, 30), W, word="中信证券"))],
         unreg=[]),
    dict(key="htsc", inst="华泰证券股份有限公司", kw=["华泰证券", "涨乐财富通", "涨乐"], short="华泰证券", abbr="华泰", en="HTSC",
         py="HuaTai ZhengQuan", devs=["华泰证券股份有限公司"],
         apps=[app("htsc-app", ["涨乐财富通"], ["com.lphtsccft"], S("solid", "glyph", W, (240, 120, 0), p={"glyph": "涨"}))],
         unreg=[("华泰证券专业版", "com.lphtsccft.pro")]),
    dict(key="gtja", inst="国泰君安证券股份有限公司", kw=["国泰君安", "君弘"], short="国泰君安", abbr="国泰君安", en="GTJA",
         py="GuoTai JunAn", devs=["国泰君安证券股份有限公司"],
         apps=[app("gtja-app", ["国泰君安君弘", "君弘"], ["com.gtja.junhong"], S("solid", "chevrons", W, (20, 50, 120)))], unreg=[]),
    dict(key="cmbs", inst="招商证券股份有限公司", kw=["招商证券", "智远一户通"], short="招商证券", abbr="招商证券", en="CMS",
         py="ZhaoShang ZhengQuan", devs=["招商证券股份有限公司"],
         apps=[app("cmbs-app", ["招商证券智远一户通", "招商证券"], ["com.cmschina.zyyht"], S("logo_word", "ring_glyph", W, (220, 30, 40), word="智远一户通", p={"glyph": "招"}))],
         unreg=[]),
    dict(key="gfsec", inst="广发证券股份有限公司", kw=["广发证券", "易淘金"], short="广发证券", abbr="广发证券", en="GF Securities",
         py="GuangFa ZhengQuan", devs=["广发证券股份有限公司"],
         apps=[app("gfsec-app", ["广发易淘金", "易淘金"], ["com.gf.client"], S("white", "latin", (0, 90, 180), p={"glyph": "GF"}))], unreg=[]),
    dict(key="htsec", inst="海通证券股份有限公司", kw=["海通证券", "e海通财"], short="海通证券", abbr="海通", en="Haitong",
         py="HaiTong ZhengQuan", devs=["海通证券股份有限公司"],
         apps=[app("htsec-app", ["e海通财"], ["com.htsec.ehaitong"], S("solid", "e_letter", W, (0, 100, 190)))], unreg=[]),
    dict(key="eastmoney", inst="东方财富信息股份有限公司", kw=["东方财富", "东财"], short="东方财富", abbr="东财", en="Eastmoney",
         py="DongFang CaiFu", devs=["东方财富信息股份有限公司"],
         apps=[app("eastmoney-app", ["东方财富"], ["com.eastmoney.android.berlin"], S("solid", "chart", W, (230, 60, 30)))],
         unreg=[("东方财富期货", "com.eastmoney.futures")]),
    dict(key="chinastock", inst="中国银河证券股份有限公司", kw=["银河证券", "中国银河"], short="银河证券", abbr="银河证券", en="China Galaxy",
         py="YinHe ZhengQuan", devs=["中国银河证券股份有限公司"],
         apps=[app("chinastock-app", ["中国银河证券"], ["com.chinastock.mobile"], S("white", "star_ring", (0, 70, 150)))], unreg=[]),
    dict(key="cicc", inst="中国国际金融股份有限公司", kw=["中金公司", "中金财富", "CICC"], short="中金公司", abbr="中金", en="CICC",
         py="ZhongJin GongSi", devs=["中国中金财富证券有限公司"],
         apps=[app("cicc-app", ["中金财富"], ["com.cicc.wealth"], S("solid", "latin", W, (10, 40, 80), p={"glyph": "CICC"}))], unreg=[]),
    dict(key="swhy", inst="申万宏源集团股份有限公司", kw=["申万宏源", "大赢家"], short="申万宏源", abbr="申万宏源", en="SWHY",
         py="ShenWan HongYuan", devs=["申万宏源证券有限公司"],
         apps=[app("swhy-app", ["申万宏源大赢家", "申万宏源证券"], ["com.swhy.dyj"], S("solid", "word", W, (190, 20, 40), p={"glyph": "申万", "sub": "SWHY"}))],
         unreg=[]),
    dict(key="csc", inst="中信建投证券股份有限公司", kw=["中信建投", "蜻蜓点金"], short="中信建投", abbr="中信建投", en="CSC",
         py="ZhongXin JianTou", devs=["中信建投证券股份有限公司"],
         apps=[app("csc-app", ["中信建投蜻蜓点金", "蜻蜓点金"], ["com.csc.qingting"], S("white", "dragonfly", (200, 30, 30)))], unreg=[]),
    dict(key="ant", inst="蚂蚁科技集团股份有限公司", kw=["支付宝", "Alipay"], short="支付宝", abbr="支付宝", en="Alipay",
         py="ZhiFuBao", devs=["支付宝(中国)网络技术有限公司", "Alipay.com Co., Ltd."],
         apps=[app("ant-alipay", ["支付宝"], ["com.eg.android.AlipayGphone"], S("solid", "glyph", W, (22, 119, 255), p={"glyph": "支", "weight": 0.02}),
                   ios="com.alipay.iphoneclient")],
         unreg=[("支付宝香港", "hk.alipay.wallet"), ("蚂蚁财富", "com.antfortune.wealth")]),
    dict(key="unionpay", inst="中国银联股份有限公司", kw=["云闪付", "银联", "UnionPay"], short="云闪付", abbr="银联", en="UnionPay",
         py="YunShanFu", devs=["中国银联股份有限公司", "China UnionPay Co., Ltd."],
         apps=[app("unionpay-app", ["云闪付"], ["com.unionpay"], S("white", "bars3", W, p={"glyph": "UnionPay"}))],
         unreg=[("云闪付商户版", "com.unionpay.merchant")]),
    dict(key="jdt", inst="京东科技控股股份有限公司", kw=["京东金融", "京东科技"], short="京东金融", abbr="京东金融", en="JD Finance",
         py="JingDong JinRong", devs=["京东科技控股股份有限公司"],
         apps=[app("jdt-app", ["京东金融"], ["com.jd.jrapp"], S("solid", "disc_glyph", W, (230, 30, 40), p={"glyph": "金"}))],
         unreg=[("京东金融企业版", "com.jd.jrapp.corp")]),
    dict(key="dxm", inst="度小满科技(北京)有限公司", kw=["度小满", "有钱花"], short="度小满", abbr="度小满", en="Du Xiaoman",
         py="DuXiaoMan", devs=["度小满科技(北京)有限公司"],
         apps=[app("dxm-app", ["度小满金融", "度小满"], ["com.duxiaoman.finance"], S("solid", "glyph", W, (30, 100, 220), p={"glyph": "满"}))],
         unreg=[]),
    dict(key="lufax", inst="陆金所控股有限公司", kw=["陆金所", "Lufax"], short="陆金所", abbr="陆金所", en="Lufax", py="LuJinSuo",
         devs=["上海陆金所信息科技股份有限公司"],
         apps=[app("lufax-app", ["陆金所"], ["com.lufax.android"], S("white", "latin", (255, 120, 30), p={"glyph": "LU"}))], unreg=[]),
]

BY_KEY = {i["key"]: i for i in INSTITUTIONS}

TRAD = dict(zip("银国农业设邮储兴发华广东财险寿证宁苏汇动众网闪宝乐涨买单车陆满伞云达贷宽费权务运问", "銀國農業設郵儲興發華廣東財險壽證寧蘇匯動眾網閃寶樂漲買單車陸滿傘雲達貸寬費權務運問",
                strict=True))
HOMOGLYPH_CJK = {"银": ["很", "锒", "艮"], "国": ["囯", "圀"], "设": ["没"], "农": ["衣"], "工": ["エ"], "华": ["毕"],
                 "平": ["乎"], "民": ["氏"], "付": ["忖"], "财": ["材"], "泰": ["秦"], "太": ["犬"], "商": ["啇"], "京": ["亰"],
                 "金": ["全"], "建": ["健"], "行": ["衍"], "宝": ["室"], "安": ["按"], "光": ["兴"], "招": ["沼"], "信": ["倍"],
                 "通": ["诵"], "发": ["友"], "保": ["堡"], "浦": ["埔"], "邮": ["郎"]}
HOMOGLYPH_LATIN = {"I": ["l", "1"], "O": ["0"], "C": ["\u0421", "\u03f9"], "B": ["\u0392", "8"], "M": ["\u039c", "rn"],
                   "A": ["\u0391", "\u0410"], "P": ["\u0420", "\u03a1"], "E": ["\u0415"], "S": ["\u0405", "5"],
                   "H": ["\u041d", "\u0397"], "K": ["\u041a"], "T": ["\u0422"], "N": ["\u039d"], "J": ["\u0408"],
                   "a": ["\u0430"], "e": ["\u0435"], "o": ["\u043e", "0"], "i": ["\u0456", "l"], "c": ["\u0441"],
                   "p": ["\u0440"], "n": ["\u0578"], "u": ["\u057d"]}


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


# ----------------------------------------------------------------------------- vocabularies

CITIES = ["深圳市", "广州市", "杭州市", "成都市", "武汉市", "南京市", "厦门市", "长沙市", "合肥市", "郑州市", "济南市", "西安市",
          "苏州市", "东莞市", "佛山市", "昆明市", "南宁市", "福州市", "重庆", "天津", "珠海市", "温州市"]
FIRM_WORDS = ["鑫源", "恒泰", "启航", "云途", "易达", "瑞丰", "星河", "蓝海", "聚合", "百川", "乐享", "众联", "和润", "锦程",
              "宏图", "合众", "优品", "天宇", "汇通", "智远", "晨曦", "青禾", "金鼎", "顺达", "博纳", "驰骋", "凯越", "思创",
              "诺亚", "嘉禾", "捷讯", "酷点", "米乐", "拓扑", "微光", "奇点"]
FIRM_KIND = ["网络科技有限公司", "信息技术有限公司", "科技有限公司", "软件开发有限公司", "电子商务有限公司", "互联网科技有限公司",
             "数字科技有限公司", "文化传媒有限公司"]
PKG_WORDS = ["fast", "easy", "money", "cash", "wallet", "loan", "helper", "tool", "pro", "lite", "app", "mobile", "quick",
             "smart", "finance", "pay", "bao", "qian", "jie", "dai", "jinrong", "licai", "kuai", "yi", "le", "xin", "hui",
             "tong", "da", "jia", "you", "mei"]
PKG_ROOTS = ["com", "com", "com", "cn", "net", "io", "top", "vip"]

GENERIC_FIN_NAMES = ["安心借", "随心花", "极速借", "钱包助手", "理财宝盒", "省钱助手", "积分兑换中心", "福利社", "快易借", "云端钱包",
                     "财富管家", "e钱包", "金融服务", "信用卡助手", "账单管家", "额度查询", "理财小站", "借款助手", "小额周转",
                     "现金速递", "分期商城", "还款提醒", "余额宝盒", "掌上钱庄", "口袋理财", "钱多多", "月月盈", "闪电借",
                     "好借好还", "金豆商城", "积分宝", "收款助手", "安全中心", "掌上营业厅", "手机银行助手", "银行卡管家",
                     "贷款计算器", "理财通道", "福利中心", "领券中心", "生活缴费", "信用分查询", "数字钱包", "零钱通道",
                     "客服中心", "账户安全", "网点查询", "工资卡助手"]
GENERIC_MINI_NAMES = ["福利领取", "积分商城", "账单查询", "额度测评", "理财课堂", "客服助手", "生活缴费", "信用卡办理"]

ORD_PREFIX = ["小鹿", "橙子", "蓝鲸", "星火", "青柠", "云朵", "极光", "番茄", "熊猫", "飞鱼", "麦田", "白鹭", "柚子", "海豚", "松果",
              "米粒", "火山", "北极", "彩虹", "竹子", "咕噜", "萌宠", "趣玩", "轻松", "每日", "快乐", "指尖", "酷狗", "叮当",
              "布丁", "豆芽", "芒果", "椰子", "雪梨", "可乐"]
ORD_SUFFIX = [("天气", "cloud"), ("记事本", "book"), ("相机", "camera"), ("阅读", "book"), ("健身", "heart"), ("菜谱", "house"),
              ("单词", "book"), ("地图", "pin"), ("音乐", "note"), ("视频", "play"), ("打车", "pin"), ("外卖", "cart"),
              ("日历", "grid"), ("翻译", "bubble"), ("清理", "bolt"), ("输入法", "grid"), ("壁纸", "star_ring"), ("日记", "book"),
              ("计步", "heart"), ("K歌", "note"), ("消消乐", "gamepad"), ("跑酷", "gamepad"), ("商城", "cart"), ("聊天", "bubble"),
              ("闹钟", "bell"), ("扫描", "grid"), ("计算器", "calc"), ("医生", "cross"), ("租房", "house"), ("旅行", "pin"),
              ("直播", "play"), ("小说", "book"), ("漫画", "book"), ("学堂", "book"), ("充电", "bolt"), ("相册", "camera"),
              ("待办", "check"), ("花园", "petals"), ("农场", "leaf3"), ("球赛", "star_ring")]
ORD_PKG_PREFIX = ["xiaolu", "orange", "bluewhale", "xinghuo", "qingning", "yunduo", "aurora", "tomato", "panda", "feiyu",
                  "maitian", "bailu", "youzi", "dolphin", "songguo", "mili", "huoshan", "beiji", "rainbow", "zhuzi",
                  "gulu", "mengchong", "quwan", "qingsong", "daily", "happy", "zhijian", "kugou", "dingdang", "pudding",
                  "douya", "mango", "coco", "xueli", "cola"]
ORD_PKG_SUFFIX = ["weather", "note", "camera", "reader", "fit", "recipe", "words", "map", "music", "video", "taxi", "food",
                  "calendar", "translate", "cleaner", "input", "wallpaper", "diary", "steps", "ktv", "match3", "runner",
                  "mall", "chat", "alarm", "scanner", "calc", "doctor", "rent", "travel", "live", "novel", "comic",
                  "school", "charge", "album", "todo", "garden", "farm", "ball"]
ORD_DEV_KIND = ["网络科技有限公司", "信息技术有限公司", "科技有限公司", "互动娱乐有限公司", "文化传播有限公司"]

# legitimate look-alikes: (case, name, developer, package, spec)
SHARED_CHARS = [
    ("华夏基金", "华夏基金管理有限公司", "com.chinaamc.mobile", S("solid", "sun", W, (200, 30, 40), p={"rays": 12})),
    ("华夏航空", "华夏航空股份有限公司", "com.chinaexpressair.app", S("gradient", "star_ring", W, (200, 20, 40), bg2=(240, 100, 60))),
    ("民生证券", "民生证券股份有限公司", "com.mszq.app", S("solid", "latin", W, (0, 90, 160), p={"glyph": "MS"})),
    ("民生保险", "民生人寿保险股份有限公司", "com.minshenglife.app", S("white", "shield", (0, 110, 140), p={"glyph": "民"})),
    ("民生山西", "山西省民政厅", "gov.shanxi.minsheng", S("solid", "disc_glyph", W, (200, 30, 30), p={"glyph": "晋"})),
    ("兴业证券优理宝", "兴业证券股份有限公司", "com.xyzq.ylb", S("solid", "arcs", W, (0, 70, 150), p={"n": 3})),
    ("浙商证券汇金谷", "浙商证券股份有限公司", "com.stocke.hjg", S("solid", "latin", W, (190, 30, 30), p={"glyph": "ZS"})),
    ("华泰保险", "华泰保险集团股份有限公司", "com.ehuatai.app", S("white", "shield", (0, 90, 170), p={"glyph": "华"})),
    ("国泰基金", "国泰基金管理有限公司", "com.gtfund.app", S("solid", "chevrons", W, (0, 80, 150), p={"n": 2})),
    ("国泰航空", "国泰航空有限公司", "com.cathaypacific.app", S("white", "arcs", (0, 100, 90), p={"n": 1, "a0": 190, "a1": 340})),
    ("太平鸟", "宁波太平鸟时尚服饰股份有限公司", "com.peacebird.mall", S("white", "latin", (20, 20, 20), p={"glyph": "PB"})),
    ("太平洋知科技", "太平洋网络有限公司", "cn.com.pconline.android", S("solid", "latin", W, (0, 90, 200), p={"glyph": "PC"})),
    ("新华社", "新华通讯社", "net.xinhuamm.mainclient", S("solid", "word", W, (200, 20, 30), p={"glyph": "新华"})),
    ("新华网", "新华网股份有限公司", "net.xinhuanet.app", S("white", "word", (200, 20, 30), p={"glyph": "新华网"})),
    ("新华书店", "新华文轩出版传媒股份有限公司", "com.xhsd.app", S("logo_word", "book", W, (200, 30, 30), word="新华书店")),
    ("人民日报", "人民日报社", "com.peopledailychina.hd", S("solid", "word", W, (200, 10, 20), p={"glyph": "人民"})),
    ("人民网", "人民网股份有限公司", "com.people.app", S("white", "word", (200, 10, 20), p={"glyph": "人民网"})),
    ("东方证券", "东方证券股份有限公司", "com.dfzq.winner", S("solid", "flame", W, (200, 30, 40))),
    ("东方航空", "中国东方航空股份有限公司", "com.ceair.app", S("solid", "latin", W, (10, 60, 140), p={"glyph": "MU"})),
    ("中金在线", "中金在线网络科技有限公司", "com.cnfol.app", S("tile", "chart", W, (200, 40, 40), p={"bars": [0.4, 0.3, 0.6, 0.8]})),
    ("京东", "北京京东叁佰陆拾度电子商务有限公司", "com.jingdong.app.mall", S("solid", "latin", W, (225, 25, 30), p={"glyph": "JD"})),
    ("京东到家", "达达网络科技有限公司", "com.jingdong.pdj", S("solid", "cart", W, (20, 160, 80))),
    ("招商蛇口", "招商局蛇口工业区控股股份有限公司", "com.cmsk.app", S("white", "waves", (200, 30, 40))),
    ("招商局物业", "招商局积余产业运营服务股份有限公司", "com.cmpo.wuye", S("solid", "house", W, (200, 30, 40))),
    ("中信书院", "中信出版集团股份有限公司", "com.citicpub.app", S("white", "book", (210, 20, 30))),
    ("光大证券金阳光", "光大证券股份有限公司", "com.ebscn.jyg", S("solid", "sun", W, (110, 40, 140), p={"rays": 14, "glyph": "证", "ko": (110, 40, 140)})),
    ("平安好医生", "平安健康互联网股份有限公司", "com.pingan.papd", S("solid", "cross", W, (240, 110, 0))),
    ("平安天津", "天津市公安局", "gov.tj.gaj.paj", S("solid", "badge", W, (20, 50, 120), p={"accent": (220, 30, 30)})),
    ("平安校园", "北京校安信息技术有限公司", "com.xiaoan.campus", S("white", "shield", ORANGE, p={"glyph": "安"})),
    ("交管12123", "公安部交通管理科学研究所", "com.tmri.app.main", S("solid", "latin", W, (0, 90, 170), p={"glyph": "12123"})),
    ("中国邮政", "中国邮政集团有限公司", "com.chinapost.app", S("solid", "wings", W, GREEN2)),
    ("邮政EMS", "中国邮政速递物流股份有限公司", "com.ems.app", S("solid", "latin", W, (0, 100, 60), p={"glyph": "EMS"})),
    ("银河奇异果", "银河互联网电视有限公司", "com.gitv.tv", S("solid", "play", W, (20, 160, 60))),
    ("网商园", "杭州网商园电子商务有限公司", "com.wsy.app", S("solid", "cart", W, (0, 150, 140))),
    ("申万菱信基金", "申万菱信基金管理有限公司", "com.swsmu.app", S("logo_word", "ring_glyph", W, (180, 30, 40), word="申万菱信", p={"glyph": "菱"})),
    ("上海农商银行", "上海农村商业银行股份有限公司", "com.srcb.mbank", S("solid", "disc_glyph", W, (0, 110, 60), p={"glyph": "沪"})),
    ("北京农商银行", "北京农村商业银行股份有限公司", "com.bjrcb.mbank", S("solid", "ring_glyph", W, (0, 120, 80), p={"glyph": "农商"})),
    ("宁波通商银行", "宁波通商银行股份有限公司", "com.ncbank.mbank", S("white", "coin", (0, 90, 160), p={"glyph": "通"})),
    ("渤海证券", "渤海证券股份有限公司", "com.bhzq.app", S("solid", "latin", W, (0, 110, 170), p={"glyph": "BHZQ"})),
    ("中国银行保险报", "中国银行保险报社", "cn.cbimc.news", S("solid", "word", W, (180, 20, 30), p={"glyph": "银保"})),
    ("广发基金", "广发基金管理有限公司", "com.gffunds.app", S("solid", "word", W, (0, 80, 160), p={"glyph": "广发基金"})),
    ("江苏农信", "江苏省农村信用社联合社", "com.jsnx.mbank", S("solid", "disc_glyph", W, (0, 120, 80), p={"glyph": "信"})),
]
SAME_TEMPLATE = [
    ("长沙银行", "长沙银行股份有限公司", "com.csbank.mbank", S("solid", "disc_glyph", W, (205, 30, 40), p={"glyph": "长"})),
    ("重庆银行", "重庆银行股份有限公司", "com.cqcbank.mbank", S("solid", "disc_glyph", W, (0, 80, 160), p={"glyph": "渝"})),
    ("青岛银行", "青岛银行股份有限公司", "com.qdccb.mbank", S("white", "coin", (0, 90, 170), p={"glyph": "青"})),
    ("郑州银行", "郑州银行股份有限公司", "com.zzbank.mbank", S("solid", "ring_glyph", W, (200, 30, 40), p={"glyph": "郑"})),
    ("徽商银行", "徽商银行股份有限公司", "com.hsbank.mbank", S("solid", "coin", W, (190, 20, 30), p={"glyph": "徽", "spokes": True})),
    ("杭州银行", "杭州银行股份有限公司", "com.hzbank.mbank", S("solid", "coin", W, (0, 120, 140), p={"glyph": "杭"})),
    ("南京银行", "南京银行股份有限公司", "com.njcb.mbank", S("solid", "latin", W, (200, 20, 30), p={"glyph": "BNJ"})),
    ("成都银行", "成都银行股份有限公司", "com.bocd.mbank", S("solid", "disc_glyph", W, (200, 20, 30), p={"glyph": "成"})),
    ("天津银行", "天津银行股份有限公司", "com.bankoftianjin.mbank", S("solid", "sun", W, (0, 90, 170), p={"rays": 16, "glyph": "津", "ko": (0, 90, 170)})),
    ("哈尔滨银行", "哈尔滨银行股份有限公司", "com.hrbb.mbank", S("solid", "petals", W, (190, 20, 30), p={"n": 6, "ko": (190, 20, 30)})),
    ("恒丰银行", "恒丰银行股份有限公司", "com.hfbank.mbank", S("white", "petals", (230, 100, 20), p={"n": 5})),
    ("苏州银行", "苏州银行股份有限公司", "com.suzhoubank.mbank", S("white", "ring_glyph", (0, 130, 90), p={"glyph": "吴"})),
    ("阳光保险", "阳光保险集团股份有限公司", "com.sinosig.app", S("solid", "sun", W, (240, 120, 0), p={"rays": 8})),
    ("大地保险", "中国大地财产保险股份有限公司", "com.ccic.app", S("solid", "shield", W, (0, 120, 70), p={"glyph": "地", "ko": (0, 120, 70)})),
    ("华安保险", "华安财产保险股份有限公司", "com.sinosafe.app", S("white", "shield", (0, 80, 160), p={"glyph": "安"})),
    ("东吴证券", "东吴证券股份有限公司", "com.dwzq.app", S("solid", "ring_glyph", W, (200, 30, 30), p={"glyph": "东吴"})),
    ("长江证券", "长江证券股份有限公司", "com.cjsc.app", S("white", "waves", (0, 90, 170), p={"n": 2})),
    ("国信证券金太阳", "国信证券股份有限公司", "com.guosen.jty", S("solid", "glyph", W, (220, 40, 30), p={"glyph": "金"})),
    ("方正证券小方", "方正证券股份有限公司", "com.foundersc.xf", S("white", "chevrons", (200, 20, 30), p={"n": 2})),
    ("厦门国际银行", "厦门国际银行股份有限公司", "com.xib.mbank", S("white", "frame_glyph", (0, 90, 160), p={"glyph": "厦"})),
    ("广州农商银行", "广州农村商业银行股份有限公司", "com.grcb.mbank", S("solid", "disc_glyph", W, (0, 110, 160), p={"glyph": "穗"})),
    ("富滇银行", "富滇银行股份有限公司", "com.fudian.mbank", S("solid", "ring_glyph", W, (150, 20, 30), p={"glyph": "滇"})),
]
GENERIC_FIN = [
    ("随手记", "com.mymoney", S("solid", "piggy", W, (240, 140, 30))),
    ("股票行情", "com.hq.stock", S("white", "chart", (210, 40, 40), p={"bars": [0.6, 0.4, 0.7, 0.5]})),
    ("汇率换算", "com.exrate.calc", S("white", "yuan", (20, 140, 90))),
    ("房贷计算器", "com.fdjsq.app", S("solid", "calc", W, (0, 110, 200))),
    ("个税计算器", "com.gsjsq.app", S("white", "calc", (200, 50, 40))),
    ("基金行情", "com.fund.hq", S("split", "chart", W, (20, 90, 180), bg2=(0, 150, 200), p={"bars": [0.5, 0.35, 0.6, 0.7]})),
    ("信用卡管家", "com.creditcard.gj", S("solid", "card", W, (30, 90, 200))),
    ("记账本", "com.jzb.app", S("white", "wallet", (0, 150, 110))),
    ("存钱罐", "com.cqg.app", S("solid", "piggy", W, (230, 80, 120))),
    ("金价助手", "com.gold.price", S("solid", "yuan", W, (220, 160, 20))),
    ("理财计算器", "com.lc.calc", S("gradient", "calc", W, (20, 90, 180), bg2=(0, 160, 200))),
    ("保单管家", "com.policy.box", S("solid", "shield", W, (0, 120, 180), p={"star": True})),
    ("发票助手", "com.fapiao.tool", S("white", "card", (200, 40, 40))),
    ("钱币收藏", "com.coin.collect", S("solid", "coin", W, (150, 110, 40), p={"glyph": "钱"})),
    ("银行网点地图", "com.bankmap.app", S("solid", "pin", W, (200, 30, 40))),
]
GOV_NEWS = [
    ("neg_gov_police", "国家反诈中心", "公安部刑事侦查局", "com.hicorenational.antifraud", S("solid", "shield", W, (20, 60, 160), p={"glyph": "反诈"})),
    ("neg_gov_police", "个人所得税", "国家税务总局", "cn.gov.tax.its", S("solid", "disc_glyph", W, (200, 30, 30), p={"glyph": "税"})),
    ("neg_gov_police", "国家政务服务平台", "国务院办公厅", "cn.gov.zwfw", S("white", "ring_glyph", (200, 20, 20), p={"glyph": "政"})),
    ("neg_gov_police", "学习强国", "中共中央宣传部", "cn.xuexi.android", S("solid", "glyph", W, (220, 30, 30), p={"glyph": "学"})),
    ("neg_gov_police", "电子社保卡", "人力资源和社会保障部", "cn.gov.mohrss.essc", S("solid", "card", W, (0, 100, 200))),
    ("neg_gov_police", "国家医保服务平台", "国家医疗保障局", "cn.hsa.app", S("white", "cross", (0, 110, 200))),
    ("neg_gov_police", "平安北京", "北京市公安局", "gov.bj.gaj.pabj", S("solid", "badge", W, (10, 50, 130), p={"accent": (230, 40, 40)})),
    ("neg_gov_police", "铁路12306", "中国铁道科学研究院", "com.MobileTicket", S("solid", "latin", W, (0, 110, 200), p={"glyph": "12306"})),
    ("neg_gov_police", "征信查询", "中国人民银行征信中心", "cn.pbccrc.app", S("white", "shield", (180, 20, 30), p={"glyph": "信"})),
    ("neg_newspaper", "经济日报", "经济日报社", "cn.ce.app", S("solid", "word", W, (190, 20, 30), p={"glyph": "经济"})),
    ("neg_newspaper", "金融时报", "金融时报社", "cn.financialnews.app", S("white", "word", (20, 40, 120), p={"glyph": "金融"})),
    ("neg_newspaper", "中国证券报", "中国证券报有限责任公司", "cn.cs.app", S("solid", "word", W, (200, 30, 30), p={"glyph": "中证"})),
    ("neg_newspaper", "证券时报", "证券时报社", "com.stcn.app", S("solid", "latin", W, (200, 30, 40), p={"glyph": "STCN"})),
    ("neg_newspaper", "上海证券报", "上海证券报社", "cn.cnstock.app", S("solid", "word", W, (10, 60, 140), p={"glyph": "上证"})),
    ("neg_newspaper", "第一财经", "第一财经传媒有限公司", "com.yicai.news", S("solid", "latin", W, (20, 20, 20), p={"glyph": "CBN"})),
    ("neg_newspaper", "21世纪经济报道", "广州二十一世纪环球经济报社", "com.twentyfirst.news", S("solid", "latin", W, (200, 20, 40), p={"glyph": "21"})),
]
SOURCES_STORE = ["huawei_appgallery", "xiaomi_getapps", "oppo_software_store", "vivo_app_store", "tencent_myapp",
                 "honor_app_market", "apple_app_store_cn", "baidu_mobile_assistant", "360_mobile_assistant"]
SOURCES_THIRD = ["wandoujia", "apk_mirror_site", "sms_link_download", "web_download_page", "forum_attachment"]
