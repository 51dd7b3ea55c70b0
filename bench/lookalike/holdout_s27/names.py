"""Names, packages and developers for the holdout_s27 set (all synthetic; the institutions are real-looking).

INSTITUTIONS: the 45 protected institutions and their official apps.
OTHER_ORGS: non-protected companies for hard negatives (other banks, brokers, insurance brokers, wallets,
apps sharing a word with a protected brand).
Plus pools of ordinary app names and helpers that decorate a name the way counterfeiters do.
"""

from __future__ import annotations

import random


def _inst(key, institution, short, developers, keywords, pinyin, english, apps, extra=None):
    return {"key": key, "institution": institution, "short": short, "developers": developers,
            "keywords": keywords, "pinyin": pinyin, "english": english, "apps": apps, "extra": extra or []}


def _app(sub, names, pkgs, variant=None):
    return {"sub": sub, "names": names, "pkgs": pkgs, "variant": variant}


INSTITUTIONS = [
    _inst("icbc", "中国工商银行", "工行", ["中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited"],
          ["工商银行", "工行", "ICBC", "工银"], "Zhongguo Gongshang Yinhang", "ICBC Mobile Banking",
          [_app("main", ["中国工商银行", "工商银行", "工行手机银行"], ["com.icbc", "com.icbc.iphoneclient"]),
           _app("rongelian", ["工银融e联"], ["com.icbc.im"], {"inv": True, "word": "融e联"})],
          [("工银e生活", "com.icbc.elife"), ("工行企业手机银行", "com.icbc.corp")]),
    _inst("ccb", "中国建设银行", "建行", ["中国建设银行股份有限公司"], ["建设银行", "建行", "CCB"],
          "Zhongguo Jianshe Yinhang", "China Construction Bank",
          [_app("main", ["中国建设银行", "建设银行", "建行手机银行"], ["com.chinamworld.main", "com.ccb.mbank.ios"]),
           _app("life", ["建行生活"], ["com.ccb.longjiLife"], {"alt": (236, 110, 40), "word": "生活"})],
          [("建行惠懂你", "com.ccb.inclusive"), ("建行员工", "com.chinamworld.staff")]),
    _inst("abc", "中国农业银行", "农行", ["中国农业银行股份有限公司"], ["农业银行", "农行", "ABC", "中国农行"],
          "Zhongguo Nongye Yinhang", "Agricultural Bank of China",
          [_app("main", ["中国农业银行", "农业银行", "农行掌上银行"], ["com.android.bankabc", "com.abchina.ebank"]),
           _app("corp", ["农行企业掌银"], ["com.abchina.corp"], {"inv": True, "word": "企业"})],
          [("农银e管家", "com.abchina.eguanjia")]),
    _inst("boc", "中国银行", "中行", ["中国银行股份有限公司"], ["中国银行", "中行", "BOC", "中银"],
          "Zhongguo Yinhang", "Bank of China Mobile",
          [_app("main", ["中国银行", "中国银行手机银行", "中银手机银行"], ["com.chinamworld.bocmbci"]),
           _app("life", ["缤纷生活"], ["com.bocsoft.bfl"], {"alt": (236, 60, 90), "word": "缤纷"})],
          [("中银企业银行", "com.chinamworld.bocmbci.corp")]),
    _inst("bocom", "交通银行", "交行", ["交通银行股份有限公司"], ["交通银行", "交行", "BOCOM", "交银"],
          "Jiaotong Yinhang", "Bank of Communications",
          [_app("main", ["交通银行", "交通银行手机银行"], ["com.bankcomm.Bankcomm"]),
           _app("maidan", ["买单吧"], ["com.bankcomm.maidanba"], {"alt": (0, 130, 200), "word": "买单吧"})],
          [("交银企业银行", "com.bankcomm.corp")]),
    _inst("cmb", "招商银行", "招行", ["招商银行股份有限公司"], ["招商银行", "招行", "CMB", "China Merchants Bank"],
          "Zhaoshang Yinhang", "China Merchants Bank",
          [_app("main", ["招商银行", "招商银行手机银行"], ["cmb.pb", "cmb.pb.ios"]),
           _app("life", ["掌上生活"], ["com.cmbchina.ccd.pluto.cmbActivity"], {"inv": True, "word": "生活"})],
          [("招商银行企业APP", "cmb.corp.app"), ("招行员工通", "cmb.staff")]),
    _inst("psbc", "中国邮政储蓄银行", "邮储", ["中国邮政储蓄银行股份有限公司"], ["邮储银行", "邮政储蓄", "PSBC", "邮储"],
          "Youzheng Chuxu Yinhang", "PSBC Mobile Bank",
          [_app("main", ["中国邮政储蓄银行", "邮储银行", "邮储手机银行"], ["com.yitong.mbank.psbc"])],
          [("邮储信用卡", "com.psbc.creditcard")]),
    _inst("spdb", "上海浦东发展银行", "浦发", ["上海浦东发展银行股份有限公司"], ["浦发银行", "浦发", "SPDB"],
          "Pufa Yinhang", "SPD Bank",
          [_app("main", ["浦发银行", "浦发手机银行"], ["cn.com.spdb.mobilebank.per"]),
           _app("card", ["浦大喜奔"], ["com.spdbccc.app"], {"inv": True, "word": "喜奔"})],
          [("浦发企业银行", "cn.com.spdb.mobilebank.corp")]),
    _inst("citic", "中信银行", "中信", ["中信银行股份有限公司"], ["中信银行", "CITIC Bank"],
          "Zhongxin Yinhang", "China CITIC Bank",
          [_app("main", ["中信银行", "中信银行手机银行"], ["com.ecitic.bank.mobile"]),
           _app("card", ["动卡空间"], ["com.citiccard.mobilebank"], {"alt": (40, 40, 40), "word": "动卡"})],
          [("中信银行企业版", "com.ecitic.bank.corp")]),
    _inst("ceb", "中国光大银行", "光大", ["中国光大银行股份有限公司"], ["光大银行", "CEB", "中国光大银行"],
          "Guangda Yinhang", "China Everbright Bank",
          [_app("main", ["光大银行", "中国光大银行"], ["com.cebbank.mobile.cemb"]),
           _app("pay", ["光大云缴费"], ["com.ceb.ydf"], {"alt": (0, 120, 190), "word": "缴费"})],
          [("光大企业银行", "com.cebbank.corp")]),
    _inst("hxb", "华夏银行", "华夏", ["华夏银行股份有限公司"], ["华夏银行", "HXB"], "Huaxia Yinhang", "Hua Xia Bank",
          [_app("main", ["华夏银行", "华夏手机银行"], ["com.hxb.mobile.client"]),
           _app("card", ["华彩生活"], ["com.hxb.huacai"], {"inv": True, "word": "华彩"})]),
    _inst("cmbc", "中国民生银行", "民生", ["中国民生银行股份有限公司"], ["民生银行", "CMBC", "中国民生银行"],
          "Minsheng Yinhang", "China Minsheng Bank",
          [_app("main", ["民生银行", "中国民生银行"], ["cn.com.cmbc.newmbank"]),
           _app("card", ["全民生活"], ["com.cmbc.cc.mbank"], {"alt": (230, 90, 40), "word": "全民"})],
          [("民生小微", "cn.com.cmbc.xiaowei")]),
    _inst("cgb", "广发银行", "广发", ["广发银行股份有限公司"], ["广发银行", "CGB", "广发卡"], "Guangfa Yinhang", "China Guangfa Bank",
          [_app("main", ["广发银行", "广发手机银行"], ["com.cgbchina.xpt"]),
           _app("card", ["发现精彩"], ["com.cgbchina.xfb"], {"inv": True, "word": "精彩"})],
          [("广发企业银行", "com.cgbchina.corp")]),
    _inst("cib", "兴业银行", "兴业", ["兴业银行股份有限公司"], ["兴业银行", "CIB"], "Xingye Yinhang", "Industrial Bank",
          [_app("main", ["兴业银行", "兴业手机银行"], ["com.cib.cibmb"]),
           _app("card", ["兴业生活"], ["com.cib.xyk"], {"inv": True, "word": "生活"})],
          [("兴业管家", "com.cib.guanjia")]),
    _inst("bob", "北京银行", "北京银行", ["北京银行股份有限公司"], ["北京银行", "BOB"], "Beijing Yinhang", "Bank of Beijing",
          [_app("main", ["北京银行", "北京银行手机银行"], ["com.bankofbeijing.mobilebanking"])],
          [("京彩生活", "com.bankofbeijing.jclife")]),
    _inst("bosc", "上海银行", "上海银行", ["上海银行股份有限公司"], ["上海银行", "BOSC"], "Shanghai Yinhang", "Bank of Shanghai",
          [_app("main", ["上海银行", "上海银行手机银行"], ["cn.com.shbank.mper"])],
          [("上银美好生活", "cn.com.shbank.life")]),
    _inst("jsb", "江苏银行", "江苏银行", ["江苏银行股份有限公司"], ["江苏银行"], "Jiangsu Yinhang", "Bank of Jiangsu",
          [_app("main", ["江苏银行", "江苏银行手机银行"], ["com.jsbc.mobilebank"])]),
    _inst("nbcb", "宁波银行", "宁波银行", ["宁波银行股份有限公司"], ["宁波银行", "NBCB"], "Ningbo Yinhang", "Bank of Ningbo",
          [_app("main", ["宁波银行"], ["com.nbbank.mobile"])], [("宁波银行企业版", "com.nbbank.corp")]),
    _inst("njcb", "南京银行", "南京银行", ["南京银行股份有限公司"], ["南京银行", "你好南京银行"], "Nanjing Yinhang",
          "Bank of Nanjing", [_app("main", ["南京银行", "你好南京银行"], ["com.njcb.mbank"])]),
    _inst("hzb", "杭州银行", "杭州银行", ["杭州银行股份有限公司"], ["杭州银行"], "Hangzhou Yinhang", "Bank of Hangzhou",
          [_app("main", ["杭州银行"], ["com.hzbank.mobile"])]),
    _inst("cbhb", "渤海银行", "渤海银行", ["渤海银行股份有限公司"], ["渤海银行", "CBHB"], "Bohai Yinhang", "China Bohai Bank",
          [_app("main", ["渤海银行"], ["com.cbhb.bank"])]),
    _inst("czb", "浙商银行", "浙商银行", ["浙商银行股份有限公司"], ["浙商银行", "CZB"], "Zheshang Yinhang", "China Zheshang Bank",
          [_app("main", ["浙商银行"], ["com.czbank.mbank"])]),
    _inst("webank", "深圳前海微众银行", "微众", ["深圳前海微众银行股份有限公司"], ["微众银行", "WeBank", "微粒贷"],
          "Weizhong Yinhang", "WeBank", [_app("main", ["微众银行"], ["com.webank.wemoney"])],
          [("微众企业爱普", "com.webank.corp")]),
    _inst("mybank", "浙江网商银行", "网商", ["浙江网商银行股份有限公司"], ["网商银行", "MYbank"], "Wangshang Yinhang", "MYbank",
          [_app("main", ["网商银行"], ["com.mybank.android.phone"])]),
    _inst("chinalife", "中国人寿保险", "国寿", ["中国人寿保险股份有限公司"], ["中国人寿", "国寿", "China Life"],
          "Zhongguo Renshou", "China Life Insurance",
          [_app("main", ["中国人寿寿险", "中国人寿"], ["com.chinalife.ebz"]),
           _app("ebao", ["国寿e宝"], ["com.chinalife.ebao"], {"alt": (0, 150, 110), "word": "e宝"})],
          [("国寿e店", "com.chinalife.edian")]),
    _inst("pingan", "中国平安保险（集团）", "平安", ["中国平安保险（集团）股份有限公司", "中国平安人寿保险股份有限公司"],
          ["中国平安", "平安保险", "平安金管家", "平安好车主", "平安口袋银行", "Ping An"], "Zhongguo Ping An", "Ping An",
          [_app("main", ["平安金管家", "中国平安"], ["com.pingan.lifeinsurance"]),
           _app("car", ["平安好车主"], ["com.pingan.carowner"], {"alt": (0, 110, 200), "word": "车主"}),
           _app("bank", ["平安口袋银行"], ["com.pingan.paces.ccms"], {"inv": True, "word": "银行"})],
          [("平安知鸟", "com.pingan.zhiniao"), ("平安健康", "com.pingan.health")]),
    _inst("cpic", "中国太平洋保险", "太保", ["中国太平洋保险（集团）股份有限公司"], ["太平洋保险", "中国太保", "CPIC", "太保"],
          "Taipingyang Baoxian", "CPIC",
          [_app("main", ["中国太保", "太平洋保险"], ["com.cpic.cxb"]),
           _app("prop", ["太平洋产险"], ["com.cpic.property"], {"alt": (0, 150, 200), "word": "产险"})],
          [("太保e服务", "com.cpic.eservice")]),
    _inst("picc", "中国人民保险", "人保", ["中国人民保险集团股份有限公司"], ["中国人保", "PICC", "人保"], "Zhongguo Renbao", "PICC",
          [_app("main", ["中国人保"], ["com.picc.ehome"]),
           _app("life", ["人保寿险管家"], ["com.picclife.app"], {"inv": True, "word": "寿险"})],
          [("人保V盟", "com.picc.vmeng")]),
    _inst("nci", "新华人寿保险", "新华保险", ["新华人寿保险股份有限公司"], ["新华保险", "新华人寿", "NCI"], "Xinhua Baoxian",
          "New China Life", [_app("main", ["新华保险"], ["com.newchinalife.app"])]),
    _inst("taikang", "泰康保险集团", "泰康", ["泰康保险集团股份有限公司"], ["泰康保险", "泰康人寿", "泰生活"], "Taikang Baoxian",
          "Taikang Insurance", [_app("main", ["泰康泰生活", "泰康保险"], ["com.taikanglife.tkapp"])],
          [("泰康在线", "com.taikang.online")]),
    _inst("cntaiping", "中国太平保险", "太平", ["中国太平保险集团有限责任公司"], ["中国太平", "太平人寿", "太平保险", "太平通"],
          "Zhongguo Taiping", "China Taiping", [_app("main", ["太平通"], ["com.cntaiping.tpapp"])]),
    _inst("sinosig", "阳光保险集团", "阳光保险", ["阳光保险集团股份有限公司"], ["阳光保险", "阳光人寿"], "Yangguang Baoxian",
          "Sunshine Insurance", [_app("main", ["阳光保险"], ["com.sinosig.app"])]),
    _inst("zhongan", "众安在线财产保险", "众安", ["众安在线财产保险股份有限公司"], ["众安保险", "众安", "ZhongAn"], "Zhongan Baoxian",
          "ZhongAn Insurance", [_app("main", ["众安保险"], ["com.zhongan.insurance"])]),
    _inst("htsc", "华泰证券", "华泰证券", ["华泰证券股份有限公司"], ["华泰证券", "涨乐财富通", "HTSC"], "Zhangle Caifutong",
          "Zhangle Wealth", [_app("main", ["涨乐财富通", "华泰证券"], ["com.lphtsccft"])]),
    _inst("gtja", "国泰君安证券", "国泰君安", ["国泰君安证券股份有限公司"], ["国泰君安", "君弘", "GTJA"], "Guotai Junan Junhong",
          "GTJA Junhong", [_app("main", ["君弘", "国泰君安君弘"], ["com.gtja.junhong"])]),
    _inst("htsec", "海通证券", "海通证券", ["海通证券股份有限公司"], ["海通证券", "e海通财"], "Haitong Zhengquan",
          "Haitong Securities", [_app("main", ["e海通财", "海通证券"], ["com.htsec.etrade"])]),
    _inst("eastmoney", "东方财富", "东方财富", ["东方财富信息股份有限公司"], ["东方财富", "东方财富网", "天天基金"],
          "Dongfang Caifu", "East Money",
          [_app("main", ["东方财富"], ["com.eastmoney.android.berlin"]),
           _app("fund", ["天天基金"], ["com.eastmoney.android.fund"], {"alt": (245, 130, 20), "word": "基金"})],
          [("东方财富期货", "com.eastmoney.futures")]),
    _inst("cicc", "中金财富证券", "中金财富", ["中国中金财富证券有限公司"], ["中金财富", "中金公司", "CICC"], "Zhongjin Caifu",
          "CICC Wealth", [_app("main", ["中金财富"], ["com.ciccwm.app"])]),
    _inst("chinastock", "中国银河证券", "银河证券", ["中国银河证券股份有限公司"], ["银河证券", "中国银河证券", "银河玖乐"],
          "Yinhe Zhengquan", "China Galaxy Securities", [_app("main", ["中国银河证券", "银河玖乐"], ["com.chinastock.app"])]),
    _inst("swhy", "申万宏源证券", "申万宏源", ["申万宏源证券有限公司"], ["申万宏源"], "Shenwan Hongyuan", "Shenwan Hongyuan",
          [_app("main", ["申万宏源", "申万宏源证券"], ["com.swhysc.app"])]),
    _inst("alipay", "支付宝（蚂蚁集团）", "支付宝", ["支付宝（中国）网络技术有限公司"], ["支付宝", "Alipay", "蚂蚁财富"],
          "Zhifubao", "Alipay",
          [_app("main", ["支付宝"], ["com.eg.android.AlipayGphone", "com.alipay.iphoneclient"]),
           _app("fortune", ["蚂蚁财富"], ["com.antfortune.wealth"], {"alt": (0, 60, 160), "word": "财富"})],
          [("支付宝商家版", "com.alipay.merchant")]),
    _inst("unionpay", "中国银联", "银联", ["中国银联股份有限公司"], ["云闪付", "中国银联", "UnionPay"], "Yunshanfu",
          "UnionPay QuickPass", [_app("main", ["云闪付"], ["com.unionpay"])], [("银联商务", "com.unionpay.merchant")]),
    _inst("lakala", "拉卡拉支付", "拉卡拉", ["拉卡拉支付股份有限公司"], ["拉卡拉", "Lakala"], "Lakala", "Lakala",
          [_app("main", ["拉卡拉"], ["com.lakala.android"])]),
    _inst("jdjr", "京东科技（京东金融）", "京东金融", ["京东科技控股股份有限公司"], ["京东金融", "京东白条"], "Jingdong Jinrong",
          "JD Finance", [_app("main", ["京东金融"], ["com.jd.jrapp"])]),
    _inst("duxiaoman", "度小满", "度小满", ["度小满科技（北京）有限公司"], ["度小满", "度小满金融", "有钱花"], "Du Xiaoman",
          "Du Xiaoman Finance",
          [_app("main", ["度小满金融", "度小满"], ["com.baidu.finance"]),
           _app("loan", ["有钱花"], ["com.duxiaoman.umoney"], {"alt": (255, 120, 0), "word": "有钱花"})]),
]

# --------------------------------------------------------------------------------------------------
# Non-protected organisations (hard negatives).  (name, developer, package, lookalike emblem key or None)
# --------------------------------------------------------------------------------------------------
OTHER_BANKS = [
    ("长沙银行", "长沙银行股份有限公司", "com.bankofchangsha.mbank", "csbank"),
    ("成都银行", "成都银行股份有限公司", "com.bocd.mobilebank", "bocd"),
    ("重庆农村商业银行", "重庆农村商业银行股份有限公司", "com.cqrcb.mbank", "cqrcb"),
    ("青岛银行", "青岛银行股份有限公司", "com.qdccb.mobile", "qdccb"),
    ("徽商银行", "徽商银行股份有限公司", "com.hsbank.mobile", "hsbank"),
    ("郑州银行", "郑州银行股份有限公司", "com.zzbank.mbank", "zzbank"),
    ("苏州银行", "苏州银行股份有限公司", "com.suzhoubank.mobile", "suzhou"),
    ("贵阳银行", "贵阳银行股份有限公司", "com.gyccb.mbank", "gyccb"),
    ("厦门国际银行", "厦门国际银行股份有限公司", "com.xib.mobile", "xib"),
    ("恒丰银行", "恒丰银行股份有限公司", "com.hfbank.mbank", "hfbank"),
    ("天津银行", "天津银行股份有限公司", "com.bankoftianjin.mbank", "tjbank"),
    ("齐鲁银行", "齐鲁银行股份有限公司", "com.qlbchina.mobile", "qlbank"),
    ("东莞银行", "东莞银行股份有限公司", "com.dongguanbank.mbank", "dgbank"),
    ("汉口银行", "汉口银行股份有限公司", "com.hkbchina.mobile", "hkbank"),
    ("上海农商银行", "上海农村商业银行股份有限公司", "com.srcb.mobilebank", "shrcb"),
    ("北京农商银行", "北京农村商业银行股份有限公司", "com.bjrcb.mbank", "bjrcb"),
    ("江苏农村信用社", "江苏省农村信用社联合社", "com.jsnx.mbank", "ruralcc"),
    ("广州农商银行", "广州农村商业银行股份有限公司", "com.grcbank.mobile", None),
    ("宁波通商银行", "宁波通商银行股份有限公司", "com.nbcb2.tongshang", None),
    ("杭州联合银行", "浙江杭州余杭农村商业银行股份有限公司", "com.urcb.hz.mbank", None),
    ("哈尔滨银行", "哈尔滨银行股份有限公司", "com.hrbb.mobile", None),
    ("盛京银行", "盛京银行股份有限公司", "com.shengjingbank.mb", None),
    ("富滇银行", "富滇银行股份有限公司", "com.fudian.mbank", None),
    ("九江银行", "九江银行股份有限公司", "com.jjccb.mobile", None),
]

OTHER_BROKERS = [
    ("中信证券", "中信证券股份有限公司", "com.citics.xinyi", "citics"),
    ("招商证券", "招商证券股份有限公司", "com.cmschina.zhiyuan", "cmschina"),
    ("光大证券金阳光", "光大证券股份有限公司", "com.ebscn.jinyangguang", "ebscn"),
    ("广发证券易淘金", "广发证券股份有限公司", "com.gf.yitaojin", "gfsec"),
    ("兴业证券优理宝", "兴业证券股份有限公司", "com.xyzq.youlibao", "xyzq"),
    ("浙商证券汇金谷", "浙商证券股份有限公司", "com.stocke.huijingu", "stocke"),
    ("渤海证券", "渤海证券股份有限公司", "com.ewww.bhzq", "ewww"),
    ("民生证券", "民生证券股份有限公司", "com.mszq.mobile", None),
    ("华夏基金管家", "华夏基金管理有限公司", "com.chinaamc.guanjia", None),
    ("南京证券", "南京证券股份有限公司", "com.njzq.mobile", None),
    ("华泰保险", "华泰财产保险有限公司", "com.ehuatai.app", None),
]

INSURANCE_BROKERS = [
    ("慧择保险", "深圳慧择保险经纪有限公司", "com.huize.app"),
    ("小雨伞保险", "小雨伞保险经纪有限公司", "com.xiaoyusan.app"),
    ("深蓝保", "深蓝保保险经纪有限公司", "com.shenlanbao.app"),
    ("多保鱼保险", "多保鱼保险经纪（北京）有限公司", "com.duobaoyu.app"),
    ("沃保保险网", "沃保保险经纪有限公司", "com.wobao.app"),
    ("保险师", "北京保险师科技有限公司", "com.baoxianshi.app"),
    ("蜗牛保险", "蜗牛保险经纪有限公司", "com.woniubaoxian.app"),
    ("大象保险", "大象保险经纪有限公司", "com.daxiangbaoxian.app"),
]

WALLET_TOOLS = [
    ("小米钱包", "小米科技有限责任公司", "com.mipay.wallet"),
    ("华为钱包", "华为终端有限公司", "com.huawei.wallet"),
    ("荣耀钱包", "荣耀终端有限公司", "com.hihonor.wallet"),
    ("卡包管家", "上海卡卡网络科技有限公司", "com.kabao.guanjia"),
    ("钱包记账本", "杭州小圆点软件有限公司", "com.xiaoyuandian.walletbook"),
    ("零钱记账", "成都半糖网络科技有限公司", "com.bantang.lingqian"),
    ("票据夹", "南京青竹软件有限公司", "com.qingzhu.piaojujia"),
    ("OPPO钱包", "OPPO广东移动通信有限公司", "com.finshell.wallet"),
]

# apps whose names share a word with a protected brand but belong to someone else
SHARED_WORD = [
    ("太平鸟", "宁波太平鸟时尚服饰股份有限公司", "com.peacebird.app", "太平"),
    ("新华字典", "商务印书馆有限公司", "com.cp.xinhuazidian", "新华"),
    ("新华社", "新华通讯社", "net.xinhuamm.mainclient", "新华"),
    ("阳光高考", "教育部学生服务与素质发展中心", "cn.chsi.gaokao", "阳光"),
    ("交通违章查询助手", "广州车主帮网络科技有限公司", "com.chezhubang.weizhang", "交通"),
    ("中国邮政", "中国邮政集团有限公司", "com.chinapost.app", "邮政"),
    ("东方航空", "中国东方航空股份有限公司", "com.ceair.android", "东方"),
    ("平安浙江", "浙江省公安厅", "com.zjga.pinganzhejiang", "平安"),
    ("京东", "北京京东叁佰陆拾度电子商务有限公司", "com.jingdong.app.mall", "京东"),
    ("百度地图", "北京百度网讯科技有限公司", "com.baidu.BaiduMap", "百度"),
    ("工商信息查询", "苏州朗动网络科技有限公司", "com.qcc.gongshang", "工商"),
    ("建设工程计价通", "广联达科技股份有限公司", "com.glodon.jijiatong", "建设"),
    ("农业气象通", "中国气象局公共气象服务中心", "cn.cma.nongye", "农业"),
    ("人民日报", "人民日报社", "com.peopledaily.app", "人民"),
    ("国泰航空", "国泰航空有限公司", "com.cathaypacific.app", "国泰"),
    ("浦东发布", "上海市浦东新区人民政府新闻办公室", "com.pudong.fabu", "浦东"),
    ("银河奇异果", "银河互联网电视有限公司", "com.gitv.tv", "银河"),
    ("网商园", "杭州网商园科技有限公司", "com.wsy.app", "网商"),
    ("中金黄金商城", "中金黄金股份有限公司", "com.zjgold.mall", "中金"),
    ("宁波公交", "宁波市公共交通集团有限公司", "com.nbbus.app", "宁波"),
    ("我的南京", "南京市大数据管理局", "com.nanjing.mine", "南京"),
    ("杭州地铁", "杭州市地铁集团有限责任公司", "com.hzmetro.app", "杭州"),
    ("北京一卡通", "北京市政交通一卡通有限公司", "com.bmac.card", "北京"),
    ("东方甄选", "东方甄选（北京）科技有限公司", "com.dfzx.app", "东方"),
]

# --------------------------------------------------------------------------------------------------
# Ordinary apps
# --------------------------------------------------------------------------------------------------
GENERIC_NAMES = [
    "记账助手", "天气", "小说阅读", "万年历", "手电筒", "计算器", "录音机", "全能扫描", "文件管理", "清理大师", "壁纸精选",
    "美颜相机", "音乐播放器", "视频剪辑", "健身打卡", "菜谱大全", "背单词", "驾考题库", "地铁通", "公交查询", "快递查询",
    "记事本", "便签", "日程提醒", "闹钟", "番茄钟", "习惯打卡", "喝水提醒", "睡眠监测", "计步器", "血压记录", "中医养生",
    "中国象棋", "围棋", "五子棋", "消消乐", "斗地主", "数独", "2048", "拼图大师", "钢琴练习", "吉他调音器", "节拍器",
    "翻译官", "英汉词典", "成语词典", "诗词大全", "儿歌", "宝宝识字", "口算练习", "错题本", "课程表", "考研题库",
    "会计题库", "团购优惠", "比价助手", "二手交易", "租房", "找工作", "宠物日记", "植物识别", "花草养护", "钓鱼助手",
    "观星", "指南针", "水平仪", "测距仪", "分贝仪", "二维码扫描", "WiFi助手", "流量监控", "省电管家", "手机克隆",
    "相册管家", "证件照", "PDF阅读器", "文档编辑", "思维导图", "笔记", "日记本", "手帐", "头像制作", "表情包",
    "字体美化", "输入法皮肤", "铃声大全", "收音机", "播客", "有声书", "漫画", "短剧", "直播助手", "K歌", "跑步",
    "骑行记录", "登山", "瑜伽", "冥想", "减肥食谱", "卡路里", "孕期助手", "宝宝辅食", "育儿日记", "老人桌面", "放大镜",
    "停车助手", "加油站", "充电桩地图", "导航", "天气雷达", "空气质量", "潮汐表", "黄历", "星座运势", "起名", "手写输入",
    "拍照取字", "录屏大师", "投屏助手", "遥控器", "蓝牙耳机助手", "智能家居", "体温记录", "用药提醒", "读书笔记",
    "单词卡片", "绘画板", "像素画", "填色本", "乐高搭建", "魔方教程", "跳绳计数", "羽毛球", "乒乓球", "篮球教学",
    "足球比分", "赛车游戏", "飞机大战", "塔防", "俄罗斯方块", "贪吃蛇", "钓鱼游戏", "农场物语", "餐厅模拟", "小镇建造",
]
ENGLISH_NAMES = [
    "Weather Pro", "Note Lite", "Photo Editor", "Fit Tracker", "Sudoku Master", "Flashlight", "QR Scanner", "Sleep Sounds",
    "Daily Planner", "Habit Goal", "Music Box", "Word Cards", "Voice Recorder", "PDF Tools", "Step Counter", "Tide Chart",
]

CITIES = ["北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京", "西安", "厦门", "长沙", "苏州", "合肥", "重庆", "天津",
          "济南", "福州", "郑州", "东莞", "珠海"]
FIRM_WORDS = ["星河", "云帆", "青柠", "蓝鲸", "千寻", "木子", "一点", "小象", "橙光", "极光", "飞鱼", "白杨", "北斗", "灵犀",
              "麦田", "海豚", "火山", "微光", "奇点", "米粒", "拾光", "晨曦", "方块", "七彩", "乐途", "青木", "远山", "听风"]
FIRM_KINDS = ["网络科技有限公司", "信息技术有限公司", "软件有限公司", "科技有限公司", "互动娱乐有限公司", "数字科技有限公司"]
PERSON_DEVS = ["张伟", "王芳", "李娜", "刘洋", "陈杰", "杨帆", "赵磊", "黄丽", "周勇", "吴静", "Li Ming", "Wang Lei",
               "Chen Studio", "Bright Apps Studio", "Pixel Forge", "Lucky Cat Apps"]
PKG_WORDS = ["star", "cloud", "lemon", "whale", "mint", "tiger", "panda", "bamboo", "river", "maple", "pixel", "sunny",
             "orbit", "nova", "kite", "pebble", "lotus", "falcon", "comet", "koala", "mango", "tofu", "ginkgo", "yuzu",
             "jiayou", "xiaoxiang", "qingning", "feiyu", "baiyang", "maitian", "haitun", "weiguang", "shiguang"]
PKG_APPS = ["notes", "weather", "reader", "calendar", "flashlight", "calc", "recorder", "scanner", "files", "cleaner",
            "wallpaper", "camera", "music", "video", "fitness", "recipes", "words", "metro", "bus", "express", "todo",
            "clock", "timer", "habit", "water", "sleep", "steps", "chess", "go", "puzzle", "piano", "tuner", "translate",
            "dict", "poems", "kids", "math", "course", "exam", "coupon", "compare", "rent", "jobs", "pets", "plants",
            "fishing", "stars", "compass", "level", "qr", "wifi", "battery", "clone", "album", "idphoto", "pdf", "mindmap",
            "diary", "avatar", "stickers", "fonts", "ringtone", "radio", "podcast", "audiobook", "comic", "drama", "live",
            "karaoke", "run", "bike", "yoga", "meditate", "diet", "baby", "launcher", "magnifier", "parking", "fuel",
            "charger", "navi", "radar", "air", "tide", "almanac", "horoscope"]

STORES = ["huawei-appgallery", "xiaomi-getapps", "oppo-store", "vivo-store", "tencent-myapp", "honor-store", "360-mobile",
          "baidu-mobile", "wandoujia", "apple-appstore-cn", "web-apk-site", "coolapk", "meizu-store", "lenovo-le"]
THIRD_PARTY = ["web-apk-site", "apk-mirror-cn", "forum-download", "sms-link", "qr-download-page", "cloud-drive-share",
               "wandoujia", "360-mobile", "coolapk"]

# --------------------------------------------------------------------------------------------------
# Name decorations
# --------------------------------------------------------------------------------------------------
TRAD = dict(zip(
    "国银业设农邮储发东广兴华众网寿险阳证财乐涨万宝云闪联满钱蚂蚁缤纷买单动间车产长门贷亿资头汇号苏宁乐储",
    "國銀業設農郵儲發東廣興華眾網壽險陽證財樂漲萬寶雲閃聯滿錢螞蟻繽紛買單動間車產長門貸億資頭匯號蘇寧樂儲", strict=True))

HOMOGLYPH = {
    "工": "エ", "人": "入", "大": "太", "太": "大", "国": "囯", "商": "啇", "设": "没", "农": "衣", "中": "申", "交": "文",
    "招": "沼", "发": "友", "光": "先", "华": "毕", "民": "氏", "广": "厂", "京": "亰", "海": "诲", "江": "汪", "宁": "宇",
    "网": "冈", "安": "案", "保": "堡", "平": "乎", "泰": "秦", "阳": "阴", "证": "征", "券": "卷", "财": "材",
    "银": "锒", "宝": "室", "付": "讨", "金": "全", "满": "瞒", "拉": "垃", "生": "牛", "活": "话", "弘": "引",
    "涨": "张", "河": "何", "建": "健", "信": "倍", "邮": "鄙", "夏": "厦", "兴": "兰", "众": "仌", "康": "唐", "申": "甲",
    "云": "去", "度": "席", "I": "l", "O": "0", "o": "ο", "a": "а", "e": "е", "p": "р", "c": "с", "C": "С", "B": "В",
    "M": "М", "H": "Н", "P": "Р", "A": "А",
}

EMOJI = ["🔥", "💰", "✅", "🎁", "⭐", "🧧", "💳", "👍", "🏦", "💯", "⚡", "🆕"]
SUFFIXES = ["官方版", "极速版", "贷款", "福利版", "小程序", "正版", "2025新版", "安全版", "Lite", "HD", "专业版", "助手",
            "极速贷", "领红包", "认证版", "VIP", "加强版", "官方", "-手机银行", "PLUS"]
PREFIXES = ["官方", "新版", "正版", "安全", "最新"]
LOAN_WORDS = ["贷款", "快贷", "借款", "信用贷", "额度提升", "分期", "备用金", "还款助手", "提额", "秒批"]


def to_traditional(s: str) -> str:
    return "".join(TRAD.get(c, c) for c in s)


def to_fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def homoglyph_positions(s: str) -> list[int]:
    return [i for i, c in enumerate(s) if c in HOMOGLYPH and HOMOGLYPH[c] != c]


def homoglyph(s: str, r: random.Random) -> tuple[str, list[int]]:
    idx = homoglyph_positions(s)
    if not idx:
        return s, []
    k = 1 if len(idx) < 3 or r.random() < 0.6 else 2
    pick = sorted(r.sample(idx, k))
    out = list(s)
    for i in pick:
        out[i] = HOMOGLYPH[out[i]]
    return "".join(out), pick


def double_char(s: str, r: random.Random) -> tuple[str, int]:
    i = r.randrange(len(s))
    return s[: i + 1] + s[i] + s[i + 1:], i


def insert_spaces(s: str, r: random.Random) -> tuple[str, str]:
    sep = r.choice([" ", " ", "\u3000", "\u200b", "·", "-"])
    if len(s) <= 2 or r.random() < 0.5:
        return sep.join(s), sep
    i = r.randrange(1, len(s))
    return s[:i] + sep + s[i:], sep


def generic_developer(r: random.Random) -> str:
    if r.random() < 0.18:
        return r.choice(PERSON_DEVS)
    return r.choice(CITIES) + r.choice(FIRM_WORDS) + r.choice(FIRM_KINDS)


def generic_package(r: random.Random, used: set) -> str:
    while True:
        tld = r.choice(["com", "com", "com", "cn", "net", "io", "top"])
        pkg = f"{tld}.{r.choice(PKG_WORDS)}{r.choice(['', '', 'soft', 'app', 'studio', str(r.randint(1, 99))])}.{r.choice(PKG_APPS)}"
        if pkg not in used:
            used.add(pkg)
            return pkg


def generic_name(r: random.Random) -> str:
    if r.random() < 0.08:
        return r.choice(ENGLISH_NAMES)
    n = r.choice(GENERIC_NAMES)
    if r.random() < 0.15:
        n += r.choice(["Pro", "大师", "精灵", "plus", "专家", "宝", "全能王"])
    return n
