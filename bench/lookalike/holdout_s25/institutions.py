"""The protected institutions: real Chinese banks, insurers, securities firms and payment/fintech firms.

Names, brand keywords, developer names are the real ones (to the best of the author's knowledge); package
ids are realistic but may differ from the live apps; certificates and icons are synthetic.
Each app: (suffix, names, package_ids, word under the emblem or None, developer override or None).
An institution's first app uses its emblem in its main scheme, a second app the inverse scheme + a word.
"""

from __future__ import annotations

RED, DRED, BLUE, DBLUE, GREEN = (200, 22, 29), (170, 20, 40), (0, 82, 164), (10, 45, 120), (0, 128, 96)
ORANGE, PURPLE, TEAL, GOLD = (240, 110, 20), (100, 40, 140), (0, 130, 150), (200, 150, 30)


def _i(key, inst, kind, kw, dev, colour, family, scheme, apps, p=None, accent=None, extra_cert=False):
    return {"key": key, "institution": inst, "kind": kind, "keywords": kw, "developer": dev, "colour": colour,
            "family": family, "p": p or {}, "scheme": scheme, "accent": accent, "apps": apps,
            "extra_cert": extra_cert}


INSTITUTIONS = [
    _i("icbc", "中国工商银行", "bank", ["工商银行", "工行", "ICBC", "工银"], "中国工商银行股份有限公司", RED,
       "coin_gong", "light", [
           ("mobile", ["中国工商银行", "工商银行", "工行手机银行"], ["com.icbc", "com.icbc.iphoneclient", "wx:icbc"],
            None, None),
           ("elife", ["工银e生活"], ["com.icbc.elife", "com.icbc.elife.ios"], "e生活", None)], extra_cert=True),
    _i("ccb", "中国建设银行", "bank", ["建设银行", "建行", "CCB"], "中国建设银行股份有限公司", BLUE, "square_knot",
       "light", [
           ("mobile", ["中国建设银行", "建设银行", "建行手机银行"], ["com.chinamworld.main", "com.ccb.ccbphone",
                                                          "wx:ccb"], None, None),
           ("life", ["建行生活"], ["com.ccb.life", "com.ccb.life.ios"], "生活", None)]),
    _i("abc", "中国农业银行", "bank", ["农业银行", "农行", "ABChina"], "中国农业银行股份有限公司", GREEN,
       "wheat_coin", "light", [
           ("mobile", ["中国农业银行", "农业银行", "农行掌上银行"], ["com.android.bankabc", "com.abchina.ebank"],
            None, None)], accent=GOLD),
    _i("boc", "中国银行", "bank", ["中国银行", "中行", "BOC", "中银"], "中国银行股份有限公司", DRED, "coin_zhong",
       "dark", [
           ("mobile", ["中国银行", "中国银行手机银行"], ["com.chinamworld.bocmbci", "com.boc.mbank.ios", "wx:boc"],
            None, None),
           ("card", ["缤纷生活"], ["com.forms.bocmbci.bfsh"], "缤纷", None)], extra_cert=True),
    _i("bocom", "交通银行", "bank", ["交通银行", "交行", "BOCOM", "买单吧"], "交通银行股份有限公司", DBLUE,
       "hexagon_mark", "light", [
           ("mobile", ["交通银行", "交通银行手机银行"], ["com.bankcomm.Bankcomm", "com.bankcomm.ios"], None, None),
           ("card", ["买单吧"], ["com.bankcomm.maidanba"], "买单吧", None)], accent=GOLD),
    _i("psbc", "中国邮政储蓄银行", "bank", ["邮储银行", "邮政储蓄", "PSBC"], "中国邮政储蓄银行股份有限公司",
       GREEN, "wings", "dark", [
           ("mobile", ["邮储银行", "中国邮政储蓄银行"], ["com.yitong.mbank.psbc", "com.psbc.mbank.ios"], None, None),
           ("card", ["邮储信用卡"], ["com.psbc.creditcard"], "信用卡", None)]),
    _i("cmb", "招商银行", "bank", ["招商银行", "招行", "CMB", "掌上生活"], "招商银行股份有限公司", RED, "mark_m",
       "light", [
           ("mobile", ["招商银行", "招行手机银行"], ["cmb.pb", "com.cmbchina.pb.ios", "wx:cmb"], None, None),
           ("life", ["掌上生活"], ["com.cmbchina.ccd.pluto.cmbActivity"], "掌上生活",
            "招商银行股份有限公司信用卡中心")]),
    _i("spdb", "上海浦东发展银行", "bank", ["浦发银行", "浦发", "SPDB", "浦大喜奔"], "上海浦东发展银行股份有限公司",
       DBLUE, "swirl", "light", [
           ("mobile", ["浦发银行", "浦发手机银行"], ["cn.com.spdb.mobilebank.per"], None, None),
           ("card", ["浦大喜奔"], ["com.spdbccc.app"], "喜奔", None)], accent=RED),
    _i("citic", "中信银行", "bank", ["中信银行", "动卡空间"], "中信银行股份有限公司", RED, "tadpoles", "light", [
        ("mobile", ["中信银行", "中信银行手机银行"], ["com.ecitic.bank.mobile"], None, None),
        ("card", ["动卡空间"], ["com.citiccard.mobilebank"], "动卡", None)]),
    _i("ceb", "中国光大银行", "bank", ["光大银行", "阳光惠生活", "CEB"], "中国光大银行股份有限公司", PURPLE,
       "sunburst", "light", [
           ("mobile", ["光大银行", "中国光大银行"], ["com.cebbank.mobile.cemb"], None, None),
           ("card", ["阳光惠生活"], ["com.cebbank.creditcard"], "惠生活", None)], accent=GOLD),
    _i("cmbc", "中国民生银行", "bank", ["民生银行", "全民生活", "CMBC"], "中国民生银行股份有限公司", TEAL,
       "swallow", "light", [
           ("mobile", ["民生银行", "中国民生银行"], ["cn.com.cmbc.newmbank"], None, None),
           ("card", ["全民生活"], ["com.cmbc.cc.mbank"], "全民生活", None)], accent=GREEN),
    _i("cib", "兴业银行", "bank", ["兴业银行", "兴业生活", "CIB"], "兴业银行股份有限公司", BLUE, "waves_circle",
       "light", [
           ("mobile", ["兴业银行"], ["com.cib.cibmb", "wx:cib"], None, None),
           ("card", ["兴业生活"], ["com.cib.xyk"], "兴业生活", None)]),
    _i("hxb", "华夏银行", "bank", ["华夏银行", "华彩生活"], "华夏银行股份有限公司", RED, "ding", "dark", [
        ("mobile", ["华夏银行"], ["com.hxb.mobile.client"], None, None),
        ("card", ["华彩生活"], ["com.hxb.creditcard"], "华彩", None)]),
    _i("cgb", "广发银行", "bank", ["广发银行", "发现精彩", "CGB"], "广发银行股份有限公司", RED, "flower", "light", [
        ("mobile", ["广发银行", "广发手机银行"], ["com.cgbchina.xpt"], None, None),
        ("card", ["发现精彩"], ["com.cs_credit_bank"], "发现精彩", None)], accent=ORANGE),
    _i("bob", "北京银行", "bank", ["北京银行", "京彩生活"], "北京银行股份有限公司", RED, "pillars", "dark", [
        ("mobile", ["北京银行"], ["com.bankofbeijing.mobilebanking"], None, None),
        ("card", ["京彩生活"], ["com.bankofbeijing.jcsh"], "京彩", None)]),
    _i("bosc", "上海银行", "bank", ["上海银行"], "上海银行股份有限公司", DBLUE, "concentric_squares", "light", [
        ("mobile", ["上海银行"], ["com.bosc.mobile.bank"], None, None)], accent=RED),
    _i("jsb", "江苏银行", "bank", ["江苏银行"], "江苏银行股份有限公司", BLUE, "globe", "dark", [
        ("mobile", ["江苏银行"], ["com.jsbc.mbank"], None, None)]),
    _i("nbcb", "宁波银行", "bank", ["宁波银行"], "宁波银行股份有限公司", ORANGE, "chevrons", "light", [
        ("mobile", ["宁波银行"], ["com.nbbank.mobilebank"], None, None)]),
    _i("czb", "浙商银行", "bank", ["浙商银行"], "浙商银行股份有限公司", DRED, "mountains", "light", [
        ("mobile", ["浙商银行"], ["com.czbank.mbank"], None, None)], accent=GOLD),
    _i("njcb", "南京银行", "bank", ["南京银行"], "南京银行股份有限公司", RED, "star_ring", "dark", [
        ("mobile", ["南京银行"], ["com.njcb.mobilebank"], None, None)]),
    _i("webank", "微众银行", "bank", ["微众银行", "WeBank"], "深圳前海微众银行股份有限公司", PURPLE,
       "shield_letter", "light", [
           ("mobile", ["微众银行"], ["com.webank.wemoney"], None, None)], p={"letter": "W"}),
    _i("mybank", "网商银行", "bank", ["网商银行", "MYbank"], "浙江网商银行股份有限公司", TEAL, "infinity", "dark", [
        ("mobile", ["网商银行"], ["com.mybank.android.phone"], None, None)]),
    _i("pingan", "中国平安", "insurer", ["中国平安", "平安金管家", "平安口袋银行", "口袋银行", "平安银行"],
       "中国平安人寿保险股份有限公司", ORANGE, "pinwheel", "light", [
           ("jgj", ["平安金管家"], ["com.pingan.lifeinsurance", "wx:pingan"], None, None),
           ("pocket", ["平安口袋银行", "平安银行"], ["com.pingan.paces.ccms"], "口袋银行", "平安银行股份有限公司")],
       accent=RED),
    _i("chinalife", "中国人寿", "insurer", ["中国人寿", "国寿", "China Life"], "中国人寿保险股份有限公司", GREEN,
       "char_seal", "light", [
           ("life", ["中国人寿寿险", "中国人寿"], ["com.chinalife.ebz"], None, None)], p={"char": "寿"}),
    _i("picc", "中国人民保险", "insurer", ["中国人保", "人保", "PICC"], "中国人民保险集团股份有限公司", RED,
       "umbrella", "light", [
           ("app", ["中国人保"], ["com.picc.aasipods", "alipay:picc"], None, None)]),
    _i("cpic", "中国太平洋保险", "insurer", ["太平洋保险", "中国太保", "太保", "CPIC", "神行太保"],
       "中国太平洋保险（集团）股份有限公司", BLUE, "drop", "dark", [
           ("app", ["太平洋保险", "中国太保"], ["com.cpic.cxapp"], None, None),
           ("agent", ["神行太保"], ["com.cpic.sxtb"], "神行", None)]),
    _i("nci", "新华保险", "insurer", ["新华保险", "新华人寿"], "新华人寿保险股份有限公司", RED, "leaf", "light", [
        ("app", ["新华保险"], ["com.newchinalife.ncl"], None, None)]),
    _i("taikang", "泰康保险", "insurer", ["泰康", "泰生活", "泰康人寿"], "泰康人寿保险有限责任公司", BLUE, "tree",
       "light", [
           ("app", ["泰生活", "泰康泰生活"], ["com.taikang.tailife"], None, None)], accent=GREEN),
    _i("cntaiping", "中国太平", "insurer", ["中国太平", "太平人寿", "太平通"], "中国太平保险集团有限责任公司",
       DRED, "shield_check", "dark", [
           ("app", ["太平通", "中国太平"], ["com.cntaiping.tpapp"], None, None)], accent=GOLD),
    _i("citics", "中信证券", "securities", ["中信证券", "信e投"], "中信证券股份有限公司", RED, "sierpinski",
       "light", [
           ("app", ["中信证券信e投", "信e投"], ["com.citics.xinyt"], None, None)]),
    _i("htsc", "华泰证券", "securities", ["华泰证券", "涨乐财富通"], "华泰证券股份有限公司", BLUE,
       "diamond_lattice", "light", [
           ("app", ["涨乐财富通", "华泰证券涨乐财富通"], ["com.lphtsccft", "com.htsc.zlcft.ios"], None, None)],
       accent=ORANGE),
    _i("gtja", "国泰君安", "securities", ["国泰君安", "君弘"], "国泰君安证券股份有限公司", DBLUE, "bars", "dark", [
        ("app", ["国泰君安君弘", "君弘"], ["com.gtja.junhong"], None, None)], accent=GOLD),
    _i("gf", "广发证券", "securities", ["广发证券", "易淘金"], "广发证券股份有限公司", BLUE, "candles", "light", [
        ("app", ["广发易淘金", "易淘金"], ["com.gf.client"], None, None)], accent=RED),
    _i("cmsc", "招商证券", "securities", ["招商证券", "智远一户通"], "招商证券股份有限公司", DRED, "compass_star",
       "light", [
           ("app", ["招商证券智远一户通", "智远一户通"], ["com.cmschina.stock"], None, None)], accent=GOLD),
    _i("eastmoney", "东方财富", "securities", ["东方财富", "天天基金"], "东方财富信息股份有限公司", ORANGE,
       "dots_ring", "light", [
           ("app", ["东方财富"], ["com.eastmoney.android.berlin", "com.eastmoney.iphone"], None, None),
           ("fund", ["天天基金"], ["com.eastmoney.android.fund"], "基金", "上海天天基金销售有限公司")], accent=RED),
    _i("chinastock", "中国银河证券", "securities", ["银河证券", "中国银河"], "中国银河证券股份有限公司", DBLUE,
       "orbit", "dark", [
           ("app", ["中国银河证券", "银河玖乐"], ["com.chinastock.app"], None, None)], accent=GOLD),
    _i("htsec", "海通证券", "securities", ["海通证券", "e海通财"], "海通证券股份有限公司", BLUE, "sail", "light", [
        ("app", ["e海通财", "海通证券e海通财"], ["com.htsec.eht"], None, None)], accent=TEAL),
    _i("ths", "同花顺", "securities", ["同花顺", "爱基金"], "浙江核新同花顺网络信息股份有限公司", RED, "flame",
       "light", [
           ("app", ["同花顺"], ["com.hexin.plat.android", "com.hexin.plat.iphone"], None, None),
           ("fund", ["同花顺爱基金"], ["com.hexin.ifund"], "爱基金", None)], accent=ORANGE),
    _i("alipay", "支付宝", "payment", ["支付宝", "Alipay"], "支付宝（杭州）信息技术有限公司", (22, 119, 255),
       "char_glyph", "dark", [
           ("app", ["支付宝"], ["com.eg.android.AlipayGphone", "com.alipay.iphoneclient"], None, None)],
       p={"char": "支", "frame": False}),
    _i("unionpay", "中国银联", "payment", ["云闪付", "银联", "UnionPay"], "中国银联股份有限公司", RED,
       "cloud_bolt", "light", [
           ("app", ["云闪付"], ["com.unionpay", "com.unionpay.chsp", "wx:unionpay"], None, None)], accent=BLUE),
    _i("jdjr", "京东金融", "payment", ["京东金融"], "京东科技控股股份有限公司", RED, "gem", "dark", [
        ("app", ["京东金融"], ["com.jd.jrapp", "com.jd.jrapp.ios"], None, None)]),
    _i("dxm", "度小满", "payment", ["度小满", "度小满金融"], "度小满科技（北京）有限公司", BLUE, "arc_segments",
       "light", [
           ("app", ["度小满金融", "度小满"], ["com.duxiaoman.finance"], None, None)], accent=ORANGE),
    _i("lakala", "拉卡拉", "payment", ["拉卡拉"], "拉卡拉支付股份有限公司", (230, 60, 40), "keyhole", "light", [
        ("app", ["拉卡拉"], ["com.lakala.android"], None, None)]),
    _i("bestpay", "翼支付", "payment", ["翼支付"], "天翼电子商务有限公司", (0, 110, 200), "feather", "dark", [
        ("app", ["翼支付"], ["com.chinatelecom.bestpayclient"], None, None)]),
    _i("lufax", "陆金所", "payment", ["陆金所", "Lufax"], "上海陆金所信息科技股份有限公司", ORANGE, "stairs",
       "light", [
           ("app", ["陆金所"], ["com.lufax.android"], None, None)], accent=DBLUE),
]
