"""Protected institutions (synthetic data with real-looking names) and their apps.

Each institution: key, institution string, brand keywords, English name, pinyin of the short name,
short name, developer, emblem (motif, glyph, latin, colours, background style) and apps. Each app: id,
names, Android / iOS / HarmonyOS ids, which mini-program / official-account ids it carries, and for a
sibling the label that distinguishes its icon. Mini-program ids are drawn in make_set.py.
"""

from __future__ import annotations

RED = (200, 22, 36)
DRED = (150, 12, 24)
BLUE = (18, 78, 170)
DBLUE = (10, 44, 110)
GREEN = (0, 130, 90)
DGREEN = (0, 90, 60)
GOLD = (236, 172, 20)
ORANGE = (240, 110, 20)
PURPLE = (110, 40, 140)
TEAL = (0, 140, 150)
NAVY = (20, 40, 80)
WHITE = (255, 255, 255)
YEL = (255, 210, 60)


def _app(app_id, names, android=None, ios=None, harmony=None, wx=False, ali=False, gh=False, label=None,
         glyph=None, mini=False, icon_style="square"):
    return {"id": app_id, "names": names, "android": android, "ios": ios, "harmony": harmony, "wx": wx,
            "ali": ali, "gh": gh, "label": label, "glyph": glyph, "mini": mini, "icon_style": icon_style}


def _inst(key, inst, kw, en, py, short, dev, motif, glyph, brand, accent, bg, apps, latin=None, dev_en=None,
          kind="bank"):
    return {"key": key, "institution": inst, "kw": kw, "en": en, "py": py, "short": short, "dev": dev,
            "dev_en": dev_en, "motif": motif, "glyph": glyph, "latin": latin, "brand": brand,
            "accent": accent, "bg": bg, "apps": apps, "kind": kind}


INSTITUTIONS = [
    _inst("icbc", "中国工商银行", ["工商银行", "工行", "ICBC"], "ICBC Mobile Banking", "GongShang YinHang", "工行",
          "中国工商银行股份有限公司", "coin", "工", RED, GOLD, "solid", [
              _app("icbc_mbank", ["中国工商银行", "工商银行手机银行"], "com.icbc", "com.icbc.iphoneclient",
                   "com.icbc.harmony", wx=True),
              _app("icbc_elife", ["工银e生活"], "com.icbc.elife", "com.icbc.elife.ios", label="e生活"),
              _app("icbc_rongelian", ["工银融e联"], "com.icbc.im", label="融e联"),
          ], dev_en="Industrial and Commercial Bank of China Limited"),
    _inst("ccb", "中国建设银行", ["建设银行", "建行", "CCB"], "China Construction Bank", "JianShe YinHang", "建行",
          "中国建设银行股份有限公司", "nested_squares", "建", BLUE, GOLD, "white", [
              _app("ccb_mbank", ["中国建设银行", "建设银行"], "com.chinamworld.main", "com.ccb.ccbmobile", gh=True),
              _app("ccb_life", ["建行生活"], "com.ccb.life", "com.ccb.life.ios", label="生活"),
              _app("ccb_hdn", ["建行惠懂你"], "com.ccb.hdn", label="惠懂你"),
          ], dev_en="China Construction Bank Corporation"),
    _inst("abc", "中国农业银行", ["农业银行", "农行", "ABC"], "Agricultural Bank of China", "NongYe YinHang", "农行",
          "中国农业银行股份有限公司", "petals", "农", GREEN, GOLD, "solid", [
              _app("abc_mbank", ["中国农业银行", "农行掌上银行"], "com.android.bankabc", "com.abchina.mbank",
                   "com.abchina.harmony"),
              _app("abc_eguanjia", ["农银e管家"], "com.abc.eguanjia", label="e管家"),
          ]),
    _inst("boc", "中国银行", ["中国银行", "中行", "BOC"], "Bank of China Mobile", "ZhongGuo YinHang", "中行",
          "中国银行股份有限公司", "octagon", "中", RED, DRED, "white", [
              _app("boc_mbank", ["中国银行", "中国银行手机银行"], "com.chinamworld.bocmbci", "com.boc.mbank",
                   wx=True),
              _app("boc_bfsh", ["缤纷生活"], "com.forms.bocbfsh", label="缤纷"),
          ], dev_en="Bank of China Limited"),
    _inst("bocom", "交通银行", ["交通银行", "交行", "BOCOM"], "Bank of Communications", "JiaoTong YinHang", "交行",
          "交通银行股份有限公司", "arch", "交", DBLUE, GOLD, "vgrad", [
              _app("bocom_mbank", ["交通银行"], "com.bankcomm.Bankcomm", "com.bankcomm.mbank"),
              _app("bocom_maidanba", ["买单吧"], "com.bankcomm.maidanba", label="买单吧"),
          ]),
    _inst("cmb", "招商银行", ["招商银行", "招行", "CMB"], "China Merchants Bank", "ZhaoShang YinHang", "招行",
          "招商银行股份有限公司", "chevrons", "招", RED, GOLD, "solid", [
              _app("cmb_mbank", ["招商银行", "招行手机银行"], "cmb.pb", "com.cmbchina.mbank", "com.cmbchina.harmony",
                   ali=True, gh=True),
              _app("cmb_pluto", ["掌上生活"], "com.cmbchina.ccd.pluto.cmbActivity", "com.cmbchina.pluto",
                   label="掌上生活"),
              _app("cmb_pluto_mini", ["掌上生活+", "掌上生活小程序"], wx=True, label="掌上生活", mini=True,
                   icon_style="round"),
          ], dev_en="China Merchants Bank Co., Ltd."),
    _inst("psbc", "中国邮政储蓄银行", ["邮储银行", "邮政储蓄", "PSBC"], "Postal Savings Bank of China",
          "YouChu YinHang", "邮储", "中国邮政储蓄银行股份有限公司", "wings", "邮", GREEN, YEL, "vgrad", [
              _app("psbc_mbank", ["邮储银行", "中国邮政储蓄银行"], "com.yitong.mbank.psbc", "com.psbc.mbank"),
              _app("psbc_card", ["邮储信用卡"], "com.psbc.creditcard", label="信用卡"),
          ]),
    _inst("cib", "兴业银行", ["兴业银行", "CIB"], "Industrial Bank", "XingYe YinHang", "兴业",
          "兴业银行股份有限公司", "waves", "兴", DBLUE, RED, "white", [
              _app("cib_mbank", ["兴业银行"], "com.cib.cibmb", "com.cib.mbank", wx=True),
              _app("cib_life", ["兴业生活"], "com.cib.xyk", label="兴业生活"),
          ]),
    _inst("spdb", "上海浦东发展银行", ["浦发银行", "浦发", "SPDB"], "SPD Bank", "PuFa YinHang", "浦发",
          "上海浦东发展银行股份有限公司", "pinwheel", "浦", DBLUE, RED, "white", [
              _app("spdb_mbank", ["浦发手机银行", "浦发银行"], "cn.com.spdb.mobilebank.per", "com.spdb.mbank"),
              _app("spdb_dxb", ["浦大喜奔"], "com.spdbccc.app", label="喜奔"),
          ]),
    _inst("citicbank", "中信银行", ["中信银行", "CITIC"], "China CITIC Bank", "ZhongXin YinHang", "中信",
          "中信银行股份有限公司", "diamond", "信", RED, WHITE, "solid", [
              _app("citic_mbank", ["中信银行"], "com.ecitic.bank.mobile", "com.citicbank.mbank"),
              _app("citic_dongka", ["动卡空间"], "com.citiccard.mobilebank", label="动卡空间"),
          ]),
    _inst("cmbc", "中国民生银行", ["民生银行", "CMBC"], "China Minsheng Bank", "MinSheng YinHang", "民生",
          "中国民生银行股份有限公司", "mountains", "民", TEAL, GOLD, "dgrad", [
              _app("cmbc_mbank", ["民生银行", "中国民生银行"], "cn.com.cmbc.newmbank", "com.cmbc.mbank", gh=True),
              _app("cmbc_qmsh", ["全民生活"], "com.cmbc.cc.mbank", label="全民生活"),
          ]),
    _inst("ceb", "中国光大银行", ["光大银行", "CEB"], "China Everbright Bank", "GuangDa YinHang", "光大",
          "中国光大银行股份有限公司", "sun_rays", "光", PURPLE, GOLD, "solid", [
              _app("ceb_mbank", ["光大银行", "光大手机银行"], "com.cebbank.mobile.cemb", "com.cebbank.mbank"),
              _app("ceb_yghsh", ["阳光惠生活"], "com.cebbank.creditcard", label="惠生活"),
          ]),
    _inst("hxb", "华夏银行", ["华夏银行", "HXB"], "Hua Xia Bank", "HuaXia YinHang", "华夏",
          "华夏银行股份有限公司", "temple", "华", RED, GOLD, "white", [
              _app("hxb_mbank", ["华夏银行", "华夏手机银行"], "com.hxb.mobile.client", "com.hxb.mbank"),
          ]),
    _inst("pab", "平安银行", ["平安银行", "平安口袋银行"], "Ping An Bank", "PingAn YinHang", "平安银行",
          "平安银行股份有限公司", "dot_grid", "平", ORANGE, RED, "solid", [
              _app("pab_pocket", ["平安口袋银行", "平安银行"], "com.pingan.paces.ccms", "com.pingan.pocketbank",
                   wx=True),
          ]),
    _inst("cgb", "广发银行", ["广发银行", "CGB"], "China Guangfa Bank", "GuangFa YinHang", "广发银行",
          "广发银行股份有限公司", "star", "广", RED, GOLD, "vgrad", [
              _app("cgb_mbank", ["广发银行", "广发手机银行"], "com.cgbchina.xpt", "com.cgbchina.mbank"),
              _app("cgb_fxjc", ["发现精彩"], "com.cs_credit_bank", label="发现精彩"),
          ]),
    _inst("bob", "北京银行", ["北京银行", "BOB"], "Bank of Beijing", "BeiJing YinHang", "北京银行",
          "北京银行股份有限公司", "seal", "京", RED, GOLD, "white", [
              _app("bob_mbank", ["北京银行", "京彩生活"], "com.bankofbeijing.mobilebanking", "com.bob.mbank"),
          ]),
    _inst("bosc", "上海银行", ["上海银行", "BOSC"], "Bank of Shanghai", "ShangHai YinHang", "上海银行",
          "上海银行股份有限公司", "hexagon", "沪", BLUE, YEL, "solid", [
              _app("bosc_mbank", ["上海银行"], "cn.com.shbank.mper", "com.bosc.mbank"),
          ]),
    _inst("jsb", "江苏银行", ["江苏银行"], "Bank of Jiangsu", "JiangSu YinHang", "江苏银行",
          "江苏银行股份有限公司", "infinity", "苏", BLUE, RED, "white", [
              _app("jsb_mbank", ["江苏银行", "江苏银行手机银行"], "com.jsbc.mobilebank", "com.jsbchina.mbank"),
          ]),
    _inst("nbcb", "宁波银行", ["宁波银行"], "Bank of Ningbo", "NingBo YinHang", "宁波银行",
          "宁波银行股份有限公司", "drop", "宁", ORANGE, WHITE, "vgrad", [
              _app("nbcb_mbank", ["宁波银行"], "com.nbbank", "com.nbcb.mbank"),
          ]),
    _inst("czb", "浙商银行", ["浙商银行", "CZB"], "China Zheshang Bank", "ZheShang YinHang", "浙商银行",
          "浙商银行股份有限公司", "stairs", "浙", DRED, GOLD, "white", [
              _app("czb_mbank", ["浙商银行"], "com.czbank.mbank", "com.czbank.ios"),
          ]),
    _inst("cbhb", "渤海银行", ["渤海银行"], "China Bohai Bank", "BoHai YinHang", "渤海银行",
          "渤海银行股份有限公司", "cross", "渤", DBLUE, TEAL, "white", [
              _app("cbhb_mbank", ["渤海银行"], "com.cbhb.bank", "com.cbhb.mbank"),
          ]),
    _inst("egb", "恒丰银行", ["恒丰银行"], "Evergrowing Bank", "HengFeng YinHang", "恒丰银行",
          "恒丰银行股份有限公司", "gear", "恒", BLUE, GOLD, "dgrad", [
              _app("egb_mbank", ["恒丰银行"], "com.hfbank.mobile", "com.egbank.mbank"),
          ]),
    _inst("webank", "深圳前海微众银行", ["微众银行", "WeBank", "微粒贷"], "WeBank", "WeiZhong YinHang", "微众",
          "深圳前海微众银行股份有限公司", "venn", "微", PURPLE, TEAL, "white", [
              _app("webank_app", ["微众银行"], "com.webank.wemoney", "com.webank.ios"),
              _app("webank_wld", ["微粒贷", "微粒贷借钱"], gh=True, label="微粒贷", mini=True, icon_style="round"),
          ]),
    _inst("mybank", "浙江网商银行", ["网商银行", "MYbank"], "MYbank", "WangShang YinHang", "网商",
          "浙江网商银行股份有限公司", "leaf", "网", TEAL, GOLD, "solid", [
              _app("mybank_app", ["网商银行"], "com.mybank.android.phone", "com.mybank.ios", ali=True),
          ]),
    _inst("chinalife", "中国人寿保险", ["中国人寿", "国寿"], "China Life", "ZhongGuo RenShou", "国寿",
          "中国人寿保险股份有限公司", "taichi", "寿", DGREEN, GOLD, "white", [
              _app("chinalife_app", ["中国人寿寿险", "中国人寿"], "com.chinalife.ebz", "com.chinalife.ios", gh=True),
              _app("chinalife_ejia", ["国寿e家"], "com.chinalife.ejia", label="e家"),
          ], kind="insurer"),
    _inst("pingan", "中国平安保险", ["中国平安", "平安保险", "平安金管家", "平安好车主"], "Ping An Insurance",
          "PingAn BaoXian", "平安", "中国平安人寿保险股份有限公司", "shield", "安", ORANGE, WHITE, "solid", [
              _app("pingan_jgj", ["平安金管家"], "com.pingan.lifeinsurance", "com.pingan.jgj", wx=True),
              _app("pingan_hcz", ["平安好车主"], "com.pingan.carowner", "com.pingan.carowner.ios", label="好车主"),
          ], kind="insurer", dev_en="Ping An Life Insurance Company of China, Ltd."),
    _inst("cpic", "中国太平洋保险", ["太平洋保险", "太保", "CPIC"], "CPIC", "TaiPingYang BaoXian", "太保",
          "中国太平洋保险（集团）股份有限公司", "umbrella", "太", BLUE, ORANGE, "white", [
              _app("cpic_app", ["太平洋保险", "中国太保"], "com.cpic.cxbx", "com.cpic.ios"),
              _app("cpic_prop", ["太平洋产险"], "com.cpic.property", label="产险"),
          ], kind="insurer"),
    _inst("picc", "中国人民保险", ["中国人保", "人保", "PICC"], "PICC", "ZhongGuo RenBao", "人保",
          "中国人民财产保险股份有限公司", "globe", "人", RED, GOLD, "white", [
              _app("picc_app", ["中国人保", "人保财险"], "com.picc.ipicc", "com.picc.ios", gh=True),
              _app("picc_life", ["人保寿险"], "com.picclife.app", label="寿险"),
          ], kind="insurer"),
    _inst("nci", "新华人寿保险", ["新华保险"], "New China Life", "XinHua BaoXian", "新华保险",
          "新华人寿保险股份有限公司", "bars", "新", RED, GOLD, "solid", [
              _app("nci_app", ["新华保险"], "com.newchinalife.mobile", "com.ncl.ios"),
          ], kind="insurer"),
    _inst("taikang", "泰康保险集团", ["泰康", "泰生活", "泰康保险"], "Taikang", "TaiKang BaoXian", "泰康",
          "泰康保险集团股份有限公司", "heart", "泰", RED, WHITE, "vgrad", [
              _app("taikang_app", ["泰生活", "泰康泰生活"], "com.taikang.tailife", "com.taikang.ios"),
          ], kind="insurer"),
    _inst("cntaiping", "中国太平保险", ["中国太平", "太平人寿"], "China Taiping", "ZhongGuo TaiPing", "中国太平",
          "中国太平保险集团有限责任公司", "bamboo", "平", DRED, GOLD, "white", [
              _app("cntaiping_app", ["中国太平"], "com.cntaiping.app", "com.cntaiping.ios"),
          ], kind="insurer"),
    _inst("sinosig", "阳光保险", ["阳光保险"], "Sunshine Insurance", "YangGuang BaoXian", "阳光保险",
          "阳光保险集团股份有限公司", "tri_ring", "阳", ORANGE, RED, "white", [
              _app("sinosig_app", ["阳光保险"], "com.sinosig.mobile", "com.sinosig.ios"),
          ], kind="insurer"),
    _inst("citics", "中信证券", ["中信证券", "信e投"], "CITIC Securities", "ZhongXin ZhengQuan", "中信证券",
          "中信证券股份有限公司", "candles", "信", RED, GOLD, "vgrad", [
              _app("citics_app", ["中信证券信e投", "信e投"], "com.citics.xinyitou", "com.citics.ios"),
          ], kind="broker"),
    _inst("htsc", "华泰证券", ["华泰证券", "涨乐财富通"], "Huatai Securities", "HuaTai ZhengQuan", "华泰",
          "华泰证券股份有限公司", "arrow_circle", "涨", BLUE, GOLD, "white", [
              _app("htsc_zlcft", ["涨乐财富通"], "com.lphtsccft", "com.htsc.zlcft"),
          ], kind="broker"),
    _inst("gtja", "国泰君安证券", ["国泰君安", "君弘"], "Guotai Junan", "GuoTai JunAn", "国泰君安",
          "国泰君安证券股份有限公司", "pagoda", "君", DBLUE, GOLD, "solid", [
              _app("gtja_junhong", ["国泰君安君弘", "君弘"], "com.gtja.junhong", "com.gtja.ios"),
          ], kind="broker"),
    _inst("cmschina", "招商证券", ["招商证券", "智远一户通"], "China Merchants Securities", "ZhaoShang ZhengQuan",
          "招商证券", "招商证券股份有限公司", "quadrants", "招", RED, NAVY, "white", [
              _app("cms_zhiyuan", ["招商证券智远一户通", "智远一户通"], "com.cmschina.zhiyuan", "com.cmschina.ios"),
          ], kind="broker"),
    _inst("gf", "广发证券", ["广发证券", "易淘金"], "GF Securities", "GuangFa ZhengQuan", "广发证券",
          "广发证券股份有限公司", "keyhole", "发", DBLUE, RED, "white", [
              _app("gf_ytj", ["广发易淘金", "易淘金"], "com.gf.client", "com.gf.ytj"),
          ], kind="broker"),
    _inst("eastmoney", "东方财富", ["东方财富", "东财"], "East Money", "DongFang CaiFu", "东财",
          "东方财富信息股份有限公司", "diag_split", "东", RED, GOLD, "white", [
              _app("em_app", ["东方财富"], "com.eastmoney.android.berlin", "com.eastmoney.iphone"),
              _app("em_sec", ["东方财富证券", "东财证券"], "com.eastmoney.android.securities", label="证券"),
          ], kind="broker"),
    _inst("haitong", "海通证券", ["海通证券", "e海通财"], "Haitong Securities", "HaiTong ZhengQuan", "海通",
          "海通证券股份有限公司", "anchor", "海", BLUE, RED, "white", [
              _app("haitong_app", ["e海通财"], "com.htsec.ehaitong", "com.htsec.ios"),
          ], kind="broker"),
    _inst("unionpay", "中国银联", ["云闪付", "银联", "UnionPay"], "UnionPay QuickPass", "YunShanFu", "云闪付",
          "中国银联股份有限公司", "cloud", "云", RED, GOLD, "dgrad", [
              _app("unionpay_ysf", ["云闪付"], "com.unionpay", "com.unionpay.chsp", "com.unionpay.harmony", wx=True,
                   ali=True),
          ], kind="payment", dev_en="China UnionPay Co., Ltd."),
    _inst("lakala", "拉卡拉", ["拉卡拉", "Lakala"], "Lakala", "LaKaLa", "拉卡拉",
          "拉卡拉支付股份有限公司", "lettermark", "", ORANGE, NAVY, "white", [
              _app("lakala_app", ["拉卡拉"], "com.lakala.app", "com.lakala.ios"),
          ], latin="LKL", kind="payment"),
    _inst("msxf", "马上消费金融", ["马上消费", "安逸花", "马上金融"], "Mashang Consumer Finance", "AnYiHua", "马上消费",
          "马上消费金融股份有限公司", "big_glyph", "花", PURPLE, ORANGE, "white", [
              _app("msxf_ayh", ["安逸花"], "com.msxf.ayh", "com.msxf.ayh.ios"),
              _app("msxf_app", ["马上金融"], "com.msxf.mashang", label="马上金融"),
          ], kind="consumer_finance"),
    _inst("zhaolian", "招联消费金融", ["招联金融", "招联好期贷"], "Zhaolian Finance", "ZhaoLian JinRong", "招联",
          "招联消费金融股份有限公司", "card", "联", BLUE, GOLD, "vgrad", [
              _app("zhaolian_app", ["招联金融", "招联好期贷"], "com.zl.fqbao", "com.zhaolian.ios"),
          ], kind="consumer_finance"),
    _inst("duxiaoman", "度小满", ["度小满", "有钱花"], "Du Xiaoman Financial", "DuXiaoMan", "度小满",
          "度小满科技（北京）有限公司", "ring_glyph", "满", BLUE, ORANGE, "white", [
              _app("dxm_app", ["度小满金融", "度小满"], "com.duxiaoman.finance", "com.duxiaoman.ios"),
              _app("dxm_yqh", ["有钱花"], "com.duxiaoman.youqianhua", label="有钱花"),
          ], kind="consumer_finance"),
    _inst("bestpay", "天翼电子商务", ["翼支付", "Bestpay"], "Bestpay", "YiZhiFu", "翼支付",
          "天翼电子商务有限公司", "spark", "翼", BLUE, ORANGE, "dgrad", [
              _app("bestpay_app", ["翼支付"], "com.chinatelecom.bestpayclient", "com.bestpay.ios"),
          ], kind="payment"),
    _inst("bocfc", "中银消费金融", ["中银消费", "新易贷"], "BOC Consumer Finance", "ZhongYin XiaoFei", "中银消费",
          "中银消费金融有限公司", "bowtie", "银", RED, NAVY, "white", [
              _app("bocfc_app", ["中银消费金融", "新易贷"], "com.bocfc.app", "com.bocfc.ios"),
          ], kind="consumer_finance"),
]

# not protected: finance firms with similar marks (motif shared with a protected emblem, other glyph,
# colour and layout) and apps that share a word with a protected brand but are legitimately different
OTHER_FINANCE = [
    # name, developer, package, motif, glyph, latin, colour, accent, bg, label
    ("齐鲁银行", "齐鲁银行股份有限公司", "com.qlbchina.mbank", "coin", "齐", None, BLUE, YEL, "white", "齐鲁银行"),
    ("长沙银行", "长沙银行股份有限公司", "com.bankofchangsha.mobile", "ring_glyph", "长", None, RED, GOLD, "solid", None),
    ("成都银行", "成都银行股份有限公司", "com.bocd.mbank", "seal", "蓉", None, BLUE, GOLD, "solid", None),
    ("哈尔滨银行", "哈尔滨银行股份有限公司", "com.hrbb.mbank", "octagon", "哈", None, DGREEN, GOLD, "solid", None),
    ("贵州银行", "贵州银行股份有限公司", "com.bgzchina.mbank", "temple", "黔", None, DGREEN, GOLD, "solid", "贵州银行"),
    ("台州银行", "台州银行股份有限公司", "com.tzbank.mbank", "hexagon", "台", None, GREEN, WHITE, "white", "台州银行"),
    ("泰隆银行", "浙江泰隆商业银行股份有限公司", "com.zjtlcb.mbank", "shield", "隆", None, BLUE, GOLD, "solid", None),
    ("重庆农商行", "重庆农村商业银行股份有限公司", "com.cqrcb.mbank", "petals", "渝", None, RED, GREEN, "white", None),
    ("广州农商银行", "广州农村商业银行股份有限公司", "com.grcbank.mbank", "diamond", "穗", None, GREEN, GOLD, "solid",
     "农商银行"),
    ("厦门国际银行", "厦门国际银行股份有限公司", "com.xib.mbank", "globe", "厦", None, BLUE, RED, "solid", None),
    ("众安保险", "众安在线财产保险股份有限公司", "com.zhongan.insurance", "umbrella", "众", None, TEAL, WHITE, "solid",
     "众安"),
    ("大地保险", "中国大地财产保险股份有限公司", "com.ccic.mobile", "star", "地", None, DGREEN, GOLD, "white", None),
    ("富德生命人寿", "富德生命人寿保险股份有限公司", "com.sinolife.app", "taichi", "富", None, BLUE, RED, "white",
     None),
    ("东方证券", "东方证券股份有限公司", "com.dfzq.winner", "diag_split", "方", None, BLUE, RED, "white", None),
    ("长江证券", "长江证券股份有限公司", "com.cjsc.mobile", "waves", "江", None, GREEN, WHITE, "white", None),
    ("方正证券", "方正证券股份有限公司", "com.foundersc.app", "nested_squares", "方", None, RED, NAVY, "solid", None),
    ("国信证券", "国信证券股份有限公司", "com.guosen.goldsun", "candles", "国", None, BLUE, RED, "white", None),
    ("兴业证券", "兴业证券股份有限公司", "com.xyzq.ufo", "pinwheel", "兴", None, RED, BLUE, "white", "兴业证券"),
    ("中信建投", "中信建投证券股份有限公司", "com.csc108.mobile", "stairs", "投", None, RED, GOLD, "solid", None),
    ("华夏基金", "华夏基金管理有限公司", "com.chinaamc.app", "sun_rays", "基", None, RED, GOLD, "white", "华夏基金"),
    ("申万宏源", "申万宏源证券有限公司", "com.swhysc.app", "arrow_circle", "申", None, RED, GOLD, "white", None),
    ("苏宁金融", "南京苏宁易付宝网络科技有限公司", "com.suning.mobile.epa", "card", "苏", None, ORANGE, BLUE, "white",
     None),
    ("京东金融", "京东科技控股股份有限公司", "com.jd.jrapp", "lettermark", "", "JD", RED, GOLD, "white", None),
    ("快钱", "快钱支付清算信息有限公司", "com.bill99.kuaiqian", "spark", "快", None, TEAL, ORANGE, "solid", None),
    ("宜人贷", "宜人恒业科技发展（北京）有限公司", "com.yirendai", "big_glyph", "宜", None, ORANGE, BLUE, "white", None),
    ("中原消费金融", "河南中原消费金融股份有限公司", "com.hnzycfc.app", "bowtie", "原", None, BLUE, GOLD, "white",
     None),
    ("海尔消费金融", "海尔消费金融有限公司", "com.haiercash.app", "cloud", "海", None, BLUE, GOLD, "solid", None),
    ("北部湾银行", "广西北部湾银行股份有限公司", "com.bankofbbg.mbank", "anchor", "湾", None, DBLUE, RED, "white",
     "北部湾银行"),
    ("南洋商业银行", "南洋商业银行（中国）有限公司", "com.ncbchina.mbank", "mountains", "南", None, RED, GOLD, "white",
     None),
    ("恒生银行", "恒生银行（中国）有限公司", "com.hangseng.china", "gear", "生", None, GREEN, WHITE, "solid", None),
    ("浙江农商联合银行", "浙江农商联合银行", "com.zjrcu.mbank", "leaf", "浙", None, GREEN, GOLD, "white", "浙江农商"),
    ("江西银行", "江西银行股份有限公司", "com.jxbank.mbank", "infinity", "赣", None, RED, BLUE, "solid", None),
    ("上海农商银行", "上海农村商业银行股份有限公司", "com.srcb.mbank", "chevrons", "沪", None, BLUE, GREEN, "white",
     None),
    ("中华保险", "中华联合财产保险股份有限公司", "com.cic.mobile", "tri_ring", "华", None, RED, BLUE, "white", None),
]

# apps that share a word with a protected brand (银行 保险 钱包 平安 太平 京 华夏 工商 招商 交通 民生 邮政 …)
SHARED_WORD = [
    ("银行卡归属地查询", "成都易查科技有限公司", "com.yicha.bankcard", "card"),
    ("银行家理财课堂", "北京知本教育科技有限公司", "com.zhiben.bankerclass", "book"),
    ("私密保险箱", "深圳安隐科技有限公司", "com.anyin.safebox", "lock"),
    ("保险计算器", "杭州算盘网络科技有限公司", "com.suanpan.inscalc", "calculator"),
    ("华为钱包", "华为终端有限公司", "com.huawei.wallet", "wallet"),
    ("小米钱包", "小米科技有限责任公司", "com.mipay.wallet", "wallet"),
    ("平安出行", "广州平安出行科技有限公司", "com.pinganchuxing.app", "map_pin"),
    ("平安中国", "中央政法委长安网", "cn.pinganchina.news", "text"),
    ("太平洋汽车", "广州太平洋电脑信息咨询有限公司", "com.pcauto.android", "car"),
    ("太平鸟", "宁波太平鸟时尚服饰股份有限公司", "com.peacebird.mall", "cart"),
    ("京东", "北京京东叁佰陆拾度电子商务有限公司", "com.jingdong.app.mall", "cart"),
    ("北京一卡通", "北京市政交通一卡通有限公司", "com.bmac.yikatong", "card"),
    ("京东到家", "达达集团", "com.jingdong.pdj", "cart"),
    ("华夏历史", "西安古今文化传播有限公司", "com.gujin.huaxia", "book"),
    ("华夏名画鉴赏", "苏州画境网络科技有限公司", "com.huajing.mingua", "photo"),
    ("工商登记助手", "上海企服网络科技有限公司", "com.qifu.gsdj", "text"),
    ("招商加盟网", "深圳招商宝网络科技有限公司", "com.zsjmw.app", "text"),
    ("交管12123", "公安部交通管理科学研究所", "com.tmri.app.main", "car"),
    ("民生山西", "山西省民政信息服务中心", "com.sxmz.minsheng", "text"),
    ("中国邮政", "中国邮政集团有限公司", "com.chinapost.app", "mail"),
    ("邮政快递查询", "广州快查网络科技有限公司", "com.kuaicha.ems", "mail"),
    ("光大环境", "光大环境科技（中国）有限公司", "com.ebenv.app", "leafpic"),
    ("人寿健康计步", "北京步数网络科技有限公司", "com.bushu.health", "fitness"),
    ("建设工程质量", "住房和城乡建设信息中心", "com.jszl.app", "text"),
    ("农业天气通", "中国农业气象服务中心", "com.nyqx.weather", "weather"),
    ("中国银行业协会", "中国银行业协会", "org.chinacba.app", "text"),
    ("云闪电清理", "深圳闪电网络科技有限公司", "com.sdwl.cleaner", "bolt"),
    ("度假民宿", "三亚度假网络科技有限公司", "com.dujia.minsu", "photo"),
    ("翼课网", "北京翼课科技有限公司", "com.yikewang.edu", "book"),
    ("东方甄选", "北京东方甄选科技有限公司", "com.dfzx.shop", "cart"),
]
