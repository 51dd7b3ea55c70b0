"""Protected institutions and their official apps (the ledger of the holdout_s30 set).

Institution names, app names and developer names are those of real Chinese financial institutions;
package ids are plausible (some real, some made up for this test set); certificates, mini-program
AppIDs and official-account ids are drawn from the seeded generator in make_set.py.

Each app has a style used to draw its icon (emblems.py): (mark, layout, glyph, bg, fg, acc).
No two institutions share a (mark, layout) pair; the glyphs differ as well.
"""

from __future__ import annotations

# kind of institution, used for the composition table only
BANK_JS = "joint-stock/state bank"
BANK_CITY = "city commercial bank"
BANK_RURAL = "rural commercial bank"
BANK_DIGITAL = "digital bank"
INSURER = "insurer"
BROKER = "broker"
PAYMENT = "payment company"
CONSUMER = "consumer-finance company"


def _app(key, names, keywords, android=None, ios=None, style=None, cert=0, dev=0, mini=None):
    """One official app. mini is None, 'wx' (WeChat mini-program), 'gh' (official account)."""
    return {"key": key, "names": names, "keywords": keywords, "android": android, "ios": ios,
            "style": style, "cert": cert, "dev": dev, "mini": mini}


def _inst(code, institution, kind, developers, keywords, en, abbr, apps, certs=1):
    return {"code": code, "institution": institution, "kind": kind, "developers": developers,
            "keywords": keywords, "en": en, "abbr": abbr, "apps": apps, "certs": certs}


W = "#FFFFFF"

INSTITUTIONS = [
    _inst("cmb", "招商银行", BANK_JS, ["招商银行股份有限公司"], ["招商银行", "招行", "CMB"],
          "China Merchants Bank", "招行", [
              _app("main", ["招商银行", "招商银行APP"], [], "cmb.pb", "com.cmbchina.MPBBank",
                   ("swirl", "field", None, "#C8102E", W, "#F7C8CF")),
              _app("card", ["掌上生活", "招商银行掌上生活"], ["掌上生活"],
                   "com.cmbchina.ccd.pluto.cmbActivity", "com.cmbchina.ccd.pluto",
                   ("card", "white", "招", W, "#C8102E", "#F2B705"), cert=1),
              _app("oa", ["招商银行微信银行"], [], style=("swirl", "round", None, "#C8102E", W, "#F7C8CF"),
                   mini="gh"),
          ], certs=2),
    _inst("spdb", "浦发银行", BANK_JS, ["上海浦东发展银行股份有限公司"], ["浦发银行", "浦发", "SPDB"],
          "Shanghai Pudong Development Bank", "浦发", [
              _app("main", ["浦发银行", "浦发手机银行"], [], "cn.com.spdb.mobilebank.per",
                   "com.spdb.mobilebank.per", ("knot", "white", None, W, "#0A2D6E", "#C79A3A")),
              _app("card", ["浦大喜奔"], ["浦大喜奔"], "com.spdbccc.app", "com.spdbccc.pudaxibeng",
                   ("knot", "split", None, "#0A2D6E", W, "#E0B04A"), cert=1),
          ], certs=2),
    _inst("citic", "中信银行", BANK_JS, ["中信银行股份有限公司"], ["中信银行"],
          "China CITIC Bank", "中信银行", [
              _app("main", ["中信银行", "中信银行手机银行"], [], "com.ecitic.bank.mobile",
                   "com.citicbank.mobilebank", ("ring_glyph", "field", "信", "#D7000F", W, W)),
              _app("card", ["动卡空间"], ["动卡空间"], "com.citiccard.mobilebank", "com.citiccard.dongka",
                   ("ring_glyph", "word", "信", "#B5000C", W, W)),
          ]),
    _inst("ceb", "光大银行", BANK_JS, ["中国光大银行股份有限公司"], ["光大银行", "CEB"],
          "China Everbright Bank", "光大银行", [
              _app("main", ["光大银行", "中国光大银行"], [], "com.cebbank.mobile.cemb",
                   "com.cebbank.mobilebank", ("sunburst", "field", None, "#5B2C83", "#F5C400", W)),
              _app("card", ["阳光惠生活"], ["阳光惠生活"], "com.cebbank.ygh", "com.cebbank.sunshinelife",
                   ("sunburst", "white", None, W, "#5B2C83", "#F5C400")),
          ]),
    _inst("cmbc", "民生银行", BANK_JS, ["中国民生银行股份有限公司"], ["民生银行"],
          "China Minsheng Bank", "民生银行", [
              _app("main", ["民生银行", "中国民生银行"], [], "cn.com.cmbc.newmbank", "com.cmbc.mbank",
                   ("leaf", "white", None, W, "#00857C", "#2C5AA0")),
              _app("card", ["全民生活"], ["全民生活"], "com.cmbc.cc.mbank", "com.cmbc.creditcard",
                   ("leaf", "field", None, "#00857C", W, "#9FE0D8")),
          ]),
    _inst("cgb", "广发银行", BANK_JS, ["广发银行股份有限公司"], ["广发银行", "广发卡"],
          "China Guangfa Bank", "广发银行", [
              _app("main", ["广发银行", "广发手机银行"], [], "com.cgbchina.xpt", "com.cgbchina.mbank",
                   ("letters", "field", "CGB", "#D6001C", W, "#FFD0D5")),
              _app("card", ["发现精彩"], ["发现精彩"], "com.cs_credit_bank", "com.cgbchina.faxianjingcai",
                   ("letters", "tile", "CGB", "#D6001C", W, "#FFD0D5")),
          ]),
    _inst("cib", "兴业银行", BANK_JS, ["兴业银行股份有限公司"], ["兴业银行"],
          "Industrial Bank", "兴业银行", [
              _app("main", ["兴业银行", "兴业银行手机银行"], [], "com.cib.cibmb", "com.cib.mobilebank",
                   ("waves", "white", None, W, "#004B9B", "#E60012")),
              _app("card", ["兴业生活"], ["兴业生活"], "com.cib.xyk.life", "com.cib.creditcard",
                   ("waves", "tile", None, "#004B9B", W, "#FF8A8A")),
          ]),
    _inst("pab", "平安银行", BANK_JS, ["平安银行股份有限公司"], ["平安银行", "口袋银行"],
          "Ping An Bank", "平安银行", [
              _app("main", ["平安口袋银行", "平安银行"], [], "com.pingan.paces.ccms", "com.pingan.pocketbank",
                   ("petals", "field", None, "#FF6600", W, "#FFD1B0")),
          ]),
    _inst("hxb", "华夏银行", BANK_JS, ["华夏银行股份有限公司"], ["华夏银行"],
          "Hua Xia Bank", "华夏银行", [
              _app("main", ["华夏银行", "华夏银行手机银行"], [], "com.hxb.mobile.client", "com.hxb.mbank",
                   ("shield_glyph", "field", "华", "#A6192E", W, W)),
              _app("card", ["华彩生活"], ["华彩生活"], "com.hxb.huacai", "com.hxb.huacailife",
                   ("shield_glyph", "tile", "华", "#A6192E", "#F5D08A", W)),
          ]),
    _inst("czb", "浙商银行", BANK_JS, ["浙商银行股份有限公司"], ["浙商银行"],
          "China Zheshang Bank", "浙商银行", [
              _app("main", ["浙商银行", "浙商银行手机银行"], [], "com.czbank.mbank", "com.czbank.mobilebank",
                   ("diamond_glyph", "white", "浙", W, "#C4161C", "#D4A33B")),
          ]),
    _inst("bocom", "交通银行", BANK_JS, ["交通银行股份有限公司"], ["交通银行", "交行", "BOCOM"],
          "Bank of Communications", "交行", [
              _app("main", ["交通银行", "交通银行手机银行"], [], "com.bankcomm.Bankcomm", "com.bankcomm.mbank",
                   ("squares", "field", None, "#0A3F8A", W, "#8FB8F0")),
              _app("card", ["买单吧"], ["买单吧"], "com.bankcomm.maidanba", "com.bankcomm.maidanba.ios",
                   ("squares", "split", None, "#0A3F8A", W, "#F2B33D")),
          ]),
    _inst("psbc", "邮储银行", BANK_JS, ["中国邮政储蓄银行股份有限公司"], ["邮储银行", "邮政储蓄银行", "PSBC"],
          "Postal Savings Bank of China", "邮储", [
              _app("main", ["邮储银行", "中国邮政储蓄银行"], [], "com.yitong.mbank.psbc", "com.psbc.mbank",
                   ("dots_grid", "white", None, W, "#007A3D", "#FFC20E")),
              _app("card", ["邮储信用卡"], ["邮储信用卡"], "com.psbc.creditcard", "com.psbc.ccard",
                   ("dots_grid", "field", None, "#007A3D", W, "#FFC20E")),
          ]),
    _inst("ccb", "中国建设银行", BANK_JS, ["中国建设银行股份有限公司"], ["建设银行", "建行", "CCB"],
          "China Construction Bank", "建行", [
              _app("main", ["中国建设银行", "建设银行"], [], "com.chinamworld.main", "com.ccb.mbank",
                   ("coin", "field", None, "#0066B3", W, "#A9D3F5")),
              _app("life", ["建行生活"], ["建行生活"], "com.ccb.life", "com.ccb.jianhanglife",
                   ("coin", "white", None, W, "#0066B3", "#F39800")),
              _app("wx", ["建设银行微信小程序"], [], style=("coin", "round", None, "#0066B3", W, "#A9D3F5"),
                   mini="wx"),
          ]),
    _inst("bob", "北京银行", BANK_CITY, ["北京银行股份有限公司"], ["北京银行"],
          "Bank of Beijing", "北京银行", [
              _app("main", ["北京银行", "北京银行手机银行"], [], "com.bankofbeijing.mobilebanking",
                   "com.bob.mbank", ("twin_rings", "field", None, "#E60012", W, "#FFC1C6")),
              _app("card", ["京彩生活"], ["京彩生活"], "com.bob.jingcai", "com.bob.jclife",
                   ("twin_rings", "white", None, W, "#E60012", "#1A1A1A")),
              _app("oa", ["北京银行微银行"], [], style=("twin_rings", "round", None, "#E60012", W, "#FFC1C6"),
                   mini="gh"),
          ]),
    _inst("bosc", "上海银行", BANK_CITY, ["上海银行股份有限公司"], ["上海银行"],
          "Bank of Shanghai", "上海银行", [
              _app("main", ["上海银行", "上海银行手机银行"], [], "cn.com.shbank.mper", "cn.com.shbank.mbank",
                   ("hexagon_glyph", "white", "沪", W, "#003A8C", "#C9A227")),
          ]),
    _inst("jsb", "江苏银行", BANK_CITY, ["江苏银行股份有限公司"], ["江苏银行"],
          "Bank of Jiangsu", "江苏银行", [
              _app("main", ["江苏银行", "江苏银行手机银行"], [], "com.jsbc.mobilebank", "com.jsbc.mbank",
                   ("mountain", "field", None, "#0072BC", W, "#7FD3F7")),
          ]),
    _inst("nbcb", "宁波银行", BANK_CITY, ["宁波银行股份有限公司"], ["宁波银行"],
          "Bank of Ningbo", "宁波银行", [
              _app("main", ["宁波银行", "宁波银行手机银行"], [], "com.nbcb.mbank", "com.nbcb.mobilebank",
                   ("segments", "white", None, W, "#F39800", "#004EA2")),
          ]),
    _inst("hzb", "杭州银行", BANK_CITY, ["杭州银行股份有限公司"], ["杭州银行"],
          "Bank of Hangzhou", "杭州银行", [
              _app("main", ["杭州银行", "杭州银行手机银行"], [], "com.hzbank.mbank", "com.hzbank.mobilebank",
                   ("lattice", "white", None, W, "#0053A0", "#E4007F")),
          ]),
    _inst("cscb", "长沙银行", BANK_CITY, ["长沙银行股份有限公司"], ["长沙银行"],
          "Bank of Changsha", "长沙银行", [
              _app("main", ["长沙银行", "长沙银行手机银行"], [], "com.bankofchangsha.mbank", "com.cscb.mbank",
                   ("star_swoosh", "split", None, "#D9001B", W, "#FFD100")),
              _app("oa", ["长沙银行微银行"], [], style=("star_swoosh", "round", None, "#D9001B", W, "#FFD100"),
                   mini="gh"),
          ]),
    _inst("bocd", "成都银行", BANK_CITY, ["成都银行股份有限公司"], ["成都银行"],
          "Bank of Chengdu", "成都银行", [
              _app("main", ["成都银行", "成都银行手机银行"], [], "com.bocd.mbank", "com.bocd.mobilebank",
                   ("glyph_pair", "field", "成都", "#008C44", W, "#C8F0D8")),
          ]),
    _inst("hsb", "徽商银行", BANK_CITY, ["徽商银行股份有限公司"], ["徽商银行"],
          "Huishang Bank", "徽商银行", [
              _app("main", ["徽商银行", "徽商银行手机银行"], [], "com.hsbank.mbank", "com.hsbank.mobilebank",
                   ("delta", "white", None, W, "#C30D23", "#1D2088")),
          ]),
    _inst("cqrcb", "重庆农村商业银行", BANK_RURAL, ["重庆农村商业银行股份有限公司"],
          ["重庆农商行", "重庆农村商业银行", "渝农商行"], "Chongqing Rural Commercial Bank", "渝农商行", [
              _app("main", ["重庆农商行", "重庆农村商业银行"], [], "com.cqrcb.mbank", "com.cqrcb.mobilebank",
                   ("sunrise", "field", None, "#00843D", "#FFD200", W)),
              _app("oa", ["重庆农商行微银行"], [], style=("sunrise", "round", None, "#00843D", "#FFD200", W),
                   mini="gh"),
          ]),
    _inst("grcb", "广州农村商业银行", BANK_RURAL, ["广州农村商业银行股份有限公司"],
          ["广州农商银行", "广州农村商业银行"], "Guangzhou Rural Commercial Bank", "广州农商行", [
              _app("main", ["广州农商银行", "广州农商银行手机银行"], [], "com.grcbank.mbank",
                   "com.grcbank.mobilebank", ("keyhole", "white", None, W, "#C8161D", "#F0A30A")),
          ]),
    _inst("srcb", "上海农村商业银行", BANK_RURAL, ["上海农村商业银行股份有限公司"],
          ["上海农商银行", "上海农村商业银行"], "Shanghai Rural Commercial Bank", "上农商行", [
              _app("main", ["上海农商银行", "上海农商银行手机银行"], [], "com.srcb.mbank", "com.srcb.mobilebank",
                   ("big_glyph", "tile", "农", "#00479D", W, W)),
          ]),
    _inst("zjrcu", "浙江农商联合银行", BANK_RURAL, ["浙江农商联合银行"], ["丰收互联", "浙江农商联合银行", "浙江农信"],
          "Zhejiang Rural Commercial United Bank", "浙江农信", [
              _app("main", ["丰收互联", "浙江农信丰收互联"], [], "com.zjrcu.fshl", "com.zjrcu.fengshou",
                   ("bars", "field", None, "#009944", W, "#FFE100")),
          ]),
    _inst("webank", "微众银行", BANK_DIGITAL, ["深圳前海微众银行股份有限公司"], ["微众银行", "WeBank"],
          "WeBank", "微众", [
              _app("main", ["微众银行"], [], "com.webank.wemoney", "com.webank.wemoney.ios",
                   ("letters", "white", "We", W, "#5A4FCF", "#00B7EE")),
              _app("wx", ["微众银行小程序"], [], style=("letters", "round", "We", "#5A4FCF", W, "#00B7EE"),
                   mini="wx"),
          ]),
    _inst("mybank", "网商银行", BANK_DIGITAL, ["浙江网商银行股份有限公司"], ["网商银行", "MYbank"],
          "MYbank", "网商银行", [
              _app("main", ["网商银行", "网商银行APP"], [], "com.mybank.android.phone", "com.mybank.mobile",
                   ("chevrons", "field", None, "#1677FF", W, "#8FD3FF")),
          ]),
    _inst("pingan", "中国平安", INSURER, ["中国平安人寿保险股份有限公司", "中国平安财产保险股份有限公司"],
          ["中国平安"], "Ping An Insurance", "平安", [
              _app("main", ["平安金管家", "中国平安金管家"], ["平安金管家", "金管家"], "com.pingan.lifeinsurance",
                   "com.pingan.jinguanjia", ("arrow_circle", "field", None, "#F05A22", W, "#FFD5C2")),
              _app("car", ["平安好车主"], ["平安好车主"], "com.pingan.carowner", "com.pingan.haochezhu",
                   ("arrow_circle", "white", None, W, "#F05A22", "#3A3A3A"), cert=1, dev=1),
              _app("wx", ["平安好车主小程序"], [], style=("arrow_circle", "tile", None, "#F05A22", W, "#FFD5C2"),
                   mini="wx", dev=1),
          ], certs=2),
    _inst("chinalife", "中国人寿", INSURER, ["中国人寿保险股份有限公司", "中国人寿财产保险股份有限公司"],
          ["中国人寿", "国寿"], "China Life Insurance", "国寿", [
              _app("main", ["中国人寿寿险", "中国人寿"], [], "com.chinalife.ebz", "com.chinalife.shouxian",
                   ("seal_glyph", "white", "寿", W, "#00693C", "#B8860B")),
              _app("pnc", ["中国人寿财险"], ["人寿财险"], "com.chinalife.property", "com.chinalife.caixian",
                   ("seal_glyph", "split", "寿", "#00693C", W, "#B8860B"), cert=1, dev=1),
              _app("oa", ["中国人寿客户服务"], [], style=("seal_glyph", "round", "寿", "#00693C", W, "#E8D08A"),
                   mini="gh"),
          ], certs=2),
    _inst("cpic", "中国太保", INSURER, ["中国太平洋人寿保险股份有限公司", "中国太平洋财产保险股份有限公司"],
          ["中国太保", "太平洋保险", "CPIC"], "China Pacific Insurance", "太保", [
              _app("main", ["太平洋保险", "中国太保"], [], "com.cpic.taibao", "com.cpic.taibaoapp",
                   ("waves", "field", None, "#0057A8", W, "#66B2FF")),
              _app("pnc", ["太平洋产险"], ["太平洋产险"], "com.cpic.chanxian", "com.cpic.propertyins",
                   ("waves", "word", None, "#0057A8", W, "#66B2FF"), cert=1, dev=1),
              _app("wx", ["太平洋保险小程序"], [], style=("waves", "round", None, "#0057A8", W, "#66B2FF"),
                   mini="wx"),
          ], certs=2),
    _inst("picc", "中国人保", INSURER, ["中国人民保险集团股份有限公司"], ["中国人保", "人保", "PICC"],
          "PICC", "人保", [
              _app("main", ["中国人保", "人保APP"], [], "com.picc.aasipods", "com.picc.renbao",
                   ("shield_glyph", "white", "人", W, "#E60012", "#C9A227")),
          ]),
    _inst("taikang", "泰康保险", INSURER, ["泰康保险集团股份有限公司"], ["泰康保险", "泰康人寿"],
          "Taikang Insurance", "泰康", [
              _app("main", ["泰生活", "泰康泰生活"], ["泰生活"], "com.taikang.tklife", "com.taikang.taishenghuo",
                   ("arch", "field", None, "#1F4E9E", W, "#7EC8E3")),
          ]),
    _inst("zhongan", "众安保险", INSURER, ["众安在线财产保险股份有限公司"], ["众安保险", "众安"],
          "ZhongAn Insurance", "众安", [
              _app("main", ["众安保险", "众安保险APP"], [], "com.zhongan.insurance", "com.zhongan.app",
                   ("letters", "split", "ZA", "#00B388", W, "#007A5C")),
          ]),
    _inst("sinosig", "阳光保险", INSURER, ["阳光保险集团股份有限公司"], ["阳光保险"],
          "Sunshine Insurance", "阳光保险", [
              _app("main", ["阳光保险", "阳光保险APP"], [], "com.sinosig.yangguang", "com.sinosig.app",
                   ("spark", "field", None, "#F7A600", W, "#E85A00")),
          ]),
    _inst("htsc", "华泰证券", BROKER, ["华泰证券股份有限公司"], ["华泰证券", "涨乐"],
          "Huatai Securities", "华泰证券", [
              _app("main", ["涨乐财富通", "华泰证券涨乐财富通"], ["涨乐财富通"], "com.lphtsccft", "com.htsc.zhangle",
                   ("stairs", "white", None, W, "#0068B7", "#E60012")),
          ]),
    _inst("citics", "中信证券", BROKER, ["中信证券股份有限公司"], ["中信证券", "信e投"],
          "CITIC Securities", "中信证券", [
              _app("main", ["信e投", "中信证券信e投"], [], "com.citics.xinetou", "com.citics.xet",
                   ("gem", "field", None, "#D0021B", W, "#FFB3B3")),
          ]),
    _inst("gtja", "国泰君安", BROKER, ["国泰君安证券股份有限公司"], ["国泰君安", "君弘", "GTJA"],
          "Guotai Junan Securities", "国泰君安", [
              _app("main", ["君弘", "国泰君安君弘"], [], "com.gtja.junhong", "com.gtja.jh",
                   ("crown", "white", None, W, "#003C71", "#D4AF37")),
          ]),
    _inst("gfsec", "广发证券", BROKER, ["广发证券股份有限公司"], ["广发证券", "易淘金"],
          "GF Securities", "广发证券", [
              _app("main", ["广发易淘金", "易淘金"], [], "com.gf.client", "com.gf.yitaojin",
                   ("tri_stripes", "field", None, "#004C97", W, "#56B4E9")),
          ]),
    _inst("cmsc", "招商证券", BROKER, ["招商证券股份有限公司"], ["招商证券", "智远一户通"],
          "China Merchants Securities", "招商证券", [
              _app("main", ["招商证券智远一户通", "智远一户通"], [], "com.cmschina.zyyht", "com.cmschina.zhiyuan",
                   ("globe", "white", None, W, "#D71920", "#333333")),
          ]),
    _inst("eastmoney", "东方财富", BROKER, ["东方财富信息股份有限公司"], ["东方财富"],
          "East Money", "东方财富", [
              _app("main", ["东方财富", "东方财富APP"], [], "com.eastmoney.android.berlin", "com.eastmoney.iphone",
                   ("infinity", "field", None, "#D6241F", W, "#FFD9D6")),
          ]),
    _inst("unionpay", "中国银联", PAYMENT, ["中国银联股份有限公司"], ["云闪付", "中国银联", "银联", "UnionPay"],
          "China UnionPay", "银联", [
              _app("main", ["云闪付", "银联云闪付"], [], "com.unionpay", "com.unionpay.chsp",
                   ("parallelograms", "white", None, W, "#E21836", "#00508E")),
              _app("wx", ["云闪付小程序"], [], style=("parallelograms", "round", None, "#00508E", W, "#FF9AA8"),
                   mini="wx"),
          ]),
    _inst("lakala", "拉卡拉", PAYMENT, ["拉卡拉支付股份有限公司"], ["拉卡拉", "Lakala"],
          "Lakala", "拉卡拉", [
              _app("main", ["拉卡拉", "拉卡拉APP"], [], "com.lakala.android", "com.lakala.app",
                   ("crescent", "field", None, "#FF7A00", W, "#FFE0B2")),
          ]),
    _inst("bestpay", "天翼电子商务", PAYMENT, ["天翼电子商务有限公司"], ["翼支付", "Bestpay"],
          "China Telecom Bestpay", "翼支付", [
              _app("main", ["翼支付", "翼支付APP"], [], "com.chinatelecom.bestpayclient", "com.bestpay.app",
                   ("wings", "field", None, "#0099E5", W, "#B3E5FC")),
          ]),
    _inst("msxf", "马上消费金融", CONSUMER, ["马上消费金融股份有限公司"], ["马上消费", "安逸花"],
          "Mashang Consumer Finance", "马上消费", [
              _app("main", ["安逸花", "马上消费安逸花"], [], "com.msxf.ayh", "com.msxf.anyihua",
                   ("lotus", "white", None, W, "#7B3FA0", "#F06292")),
          ]),
    _inst("zlxf", "招联消费金融", CONSUMER, ["招联消费金融股份有限公司"], ["招联金融", "招联"],
          "Merchants Union Consumer Finance", "招联", [
              _app("main", ["招联金融", "招联"], [], "com.mucfc.zhaolian", "com.mucfc.app",
                   ("ring_glyph", "tile", "联", "#0E5EA8", W, W)),
          ]),
]


def app_id(inst, app):
    return "s30p-" + inst["code"] + "-" + app["key"]


def iter_apps():
    """(institution, app) pairs in ledger order."""
    for inst in INSTITUTIONS:
        for app in inst["apps"]:
            yield inst, app


def app_keywords(inst, app):
    out = []
    for k in list(inst["keywords"]) + list(app["keywords"]):
        if k not in out:
            out.append(k)
    return out
