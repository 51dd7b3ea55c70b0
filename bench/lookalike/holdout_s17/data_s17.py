"""Static tables for holdout_s17: protected institutions/apps, unprotected genuine apps,
generic names, and the character tables used to build counterfeit names.

Institution, app and developer names are the real public ones; package ids, certificates,
AppIDs and icons are stand-ins invented by make_set.py (nothing here is copied from a store).
"""

# Each institution: key, legal name (institution), kind, brand colour (stand-in), pinyin of
# its short name (for pinyin counterfeits), latin acronym (or None), package stub, apps.
# Each app: id suffix, official name, aliases, brand keywords, developers, package tail,
# distinctive (app-specific name strong enough to impersonate on its own),
# icon: "own" (own design), "same" (identical file as the institution's first app),
# "family" (same emblem, other layout/colour); optional mini (list of mini-program kinds).
INSTITUTIONS = [
    # ---- state-owned banks
    dict(key="icbc", inst="中国工商银行股份有限公司", kind="state_bank", colour="#c8161d",
         short="工商银行", py="gongshang yinhang", acr="ICBC", stub="icbc", apps=[
             dict(sfx="mbank", name="中国工商银行", aliases=["工商银行", "工行手机银行"],
                  kw=["工商银行", "工行", "ICBC"], dev=["中国工商银行股份有限公司",
                  "Industrial and Commercial Bank of China Limited"], tail="mbank", distinctive=True,
                  icon="own"),
             dict(sfx="elife", name="工银e生活", aliases=["工银e生活信用卡"],
                  kw=["工银e生活", "工商银行", "工行", "ICBC"], dev=["中国工商银行股份有限公司"],
                  tail="elife", distinctive=True, icon="family"),
             dict(sfx="rongelian", name="工银融e联", aliases=["融e联"],
                  kw=["工银融e联", "融e联", "工商银行", "工行"], dev=["中国工商银行股份有限公司"],
                  tail="imessenger", distinctive=True, icon="own"),
         ]),
    dict(key="abc", inst="中国农业银行股份有限公司", kind="state_bank", colour="#009a7a",
         short="农业银行", py="nongye yinhang", acr=None, stub="abchina", apps=[
             dict(sfx="mbank", name="中国农业银行", aliases=["农业银行", "农行掌上银行"],
                  kw=["农业银行", "农行"], dev=["中国农业银行股份有限公司",
                  "Agricultural Bank of China Limited"], tail="mobilebank", distinctive=True, icon="own"),
             dict(sfx="eguanjia", name="农银e管家", aliases=["农行e管家"],
                  kw=["农银e管家", "农业银行", "农行"], dev=["中国农业银行股份有限公司"],
                  tail="emanager", distinctive=True, icon="same"),
         ]),
    dict(key="boc", inst="中国银行股份有限公司", kind="state_bank", colour="#b5121b",
         short="中国银行", py="zhongguo yinhang", acr="BOC", stub="boc", apps=[
             dict(sfx="mbank", name="中国银行", aliases=["中国银行手机银行", "中行手机银行"],
                  kw=["中国银行", "中行", "BOC"], dev=["中国银行股份有限公司", "Bank of China Limited"],
                  tail="bocmbci", distinctive=True, icon="own"),
             dict(sfx="binfen", name="缤纷生活", aliases=["中银缤纷生活"],
                  kw=["缤纷生活", "中国银行", "中行"], dev=["中国银行股份有限公司"],
                  tail="creditcard", distinctive=False, icon="own"),
         ]),
    dict(key="ccb", inst="中国建设银行股份有限公司", kind="state_bank", colour="#0a5cad",
         short="建设银行", py="jianshe yinhang", acr="CCB", stub="ccb", apps=[
             dict(sfx="mbank", name="中国建设银行", aliases=["建设银行", "建行手机银行"],
                  kw=["建设银行", "建行", "CCB"], dev=["中国建设银行股份有限公司",
                  "China Construction Bank Corporation"], tail="mbank", distinctive=True, icon="own"),
             dict(sfx="life", name="建行生活", aliases=["CCB建行生活"],
                  kw=["建行生活", "建设银行", "建行"], dev=["中国建设银行股份有限公司"],
                  tail="life", distinctive=True, icon="family", mini=["wx", "alipay"]),
         ]),
    dict(key="bocom", inst="交通银行股份有限公司", kind="state_bank", colour="#1b3f8f",
         short="交通银行", py="jiaotong yinhang", acr="BOCOM", stub="bankcomm", apps=[
             dict(sfx="mbank", name="交通银行", aliases=["交通银行手机银行", "交行手机银行"],
                  kw=["交通银行", "交行", "BOCOM"], dev=["交通银行股份有限公司"],
                  tail="mbank", distinctive=True, icon="own", mini=["gh"]),
             dict(sfx="maidanba", name="买单吧", aliases=["交通银行买单吧"],
                  kw=["买单吧", "交通银行", "交行"], dev=["交通银行股份有限公司"],
                  tail="maidanba", distinctive=False, icon="own"),
         ]),
    dict(key="psbc", inst="中国邮政储蓄银行股份有限公司", kind="state_bank", colour="#0b7a3e",
         short="邮储银行", py="youchu yinhang", acr="PSBC", stub="psbc", apps=[
             dict(sfx="mbank", name="中国邮政储蓄银行", aliases=["邮储银行", "邮储手机银行"],
                  kw=["邮储银行", "邮储", "PSBC"], dev=["中国邮政储蓄银行股份有限公司"],
                  tail="mbank", distinctive=True, icon="own"),
             dict(sfx="card", name="邮储信用卡", aliases=["邮储银行信用卡"],
                  kw=["邮储信用卡", "邮储银行", "邮储"], dev=["中国邮政储蓄银行股份有限公司"],
                  tail="creditcard", distinctive=True, icon="same"),
         ]),
    # ---- joint-stock banks
    dict(key="cmb", inst="招商银行股份有限公司", kind="joint_stock_bank", colour="#d0101b",
         short="招商银行", py="zhaoshang yinhang", acr="CMB", stub="cmbchina", apps=[
             dict(sfx="mbank", name="招商银行", aliases=["招商银行手机银行", "招行"],
                  kw=["招商银行", "招行", "CMB"], dev=["招商银行股份有限公司",
                  "China Merchants Bank Co., Ltd."], tail="cmbapp", distinctive=True, icon="own",
                  mini=["wx"]),
             dict(sfx="zsh", name="掌上生活", aliases=["招商银行掌上生活"],
                  kw=["掌上生活", "招商银行", "招行"], dev=["招商银行股份有限公司"],
                  tail="pocketlife", distinctive=False, icon="own"),
         ]),
    dict(key="citic", inst="中信银行股份有限公司", kind="joint_stock_bank", colour="#e0121a",
         short="中信银行", py="zhongxin yinhang", acr=None, stub="citicbank", apps=[
             dict(sfx="mbank", name="中信银行", aliases=["中信银行手机银行"],
                  kw=["中信银行"], dev=["中信银行股份有限公司"], tail="mbank", distinctive=True,
                  icon="own"),
             dict(sfx="dkkj", name="动卡空间", aliases=["中信银行动卡空间"],
                  kw=["动卡空间", "中信银行"], dev=["中信银行股份有限公司"], tail="dkkj",
                  distinctive=True, icon="family"),
         ]),
    dict(key="ceb", inst="中国光大银行股份有限公司", kind="joint_stock_bank", colour="#6b2a8f",
         short="光大银行", py="guangda yinhang", acr=None, stub="cebbank", apps=[
             dict(sfx="mbank", name="光大银行", aliases=["中国光大银行", "光大手机银行"],
                  kw=["光大银行"], dev=["中国光大银行股份有限公司"], tail="mbank",
                  distinctive=True, icon="own"),
             dict(sfx="yghsh", name="阳光惠生活", aliases=["光大阳光惠生活"],
                  kw=["阳光惠生活", "光大银行"], dev=["中国光大银行股份有限公司"], tail="sunlife",
                  distinctive=True, icon="own"),
         ]),
    dict(key="hxb", inst="华夏银行股份有限公司", kind="joint_stock_bank", colour="#c9202d",
         short="华夏银行", py="huaxia yinhang", acr=None, stub="hxb", apps=[
             dict(sfx="mbank", name="华夏银行", aliases=["华夏银行手机银行"], kw=["华夏银行"],
                  dev=["华夏银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="cmbc", inst="中国民生银行股份有限公司", kind="joint_stock_bank", colour="#0a8fbf",
         short="民生银行", py="minsheng yinhang", acr="CMBC", stub="cmbc", apps=[
             dict(sfx="mbank", name="民生银行", aliases=["中国民生银行", "民生手机银行"],
                  kw=["民生银行", "CMBC"], dev=["中国民生银行股份有限公司"], tail="mbank",
                  distinctive=True, icon="own"),
             dict(sfx="qmsh", name="全民生活", aliases=["民生信用卡全民生活"],
                  kw=["全民生活", "民生银行"], dev=["中国民生银行股份有限公司"], tail="creditlife",
                  distinctive=False, icon="family"),
         ]),
    dict(key="cgb", inst="广发银行股份有限公司", kind="joint_stock_bank", colour="#c4122f",
         short="广发银行", py="guangfa yinhang", acr="CGB", stub="cgbchina", apps=[
             dict(sfx="mbank", name="广发银行", aliases=["广发手机银行"], kw=["广发银行", "CGB"],
                  dev=["广发银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
             dict(sfx="fxjc", name="发现精彩", aliases=["广发信用卡发现精彩"],
                  kw=["发现精彩", "广发银行"], dev=["广发银行股份有限公司"], tail="creditcard",
                  distinctive=False, icon="own"),
         ]),
    dict(key="pab", inst="平安银行股份有限公司", kind="joint_stock_bank", colour="#f26a1b",
         short="平安银行", py="pingan yinhang", acr=None, stub="pingan.bank", apps=[
             dict(sfx="pocket", name="平安口袋银行", aliases=["平安银行", "口袋银行"],
                  kw=["平安银行", "口袋银行"], dev=["平安银行股份有限公司"], tail="pocketbank",
                  distinctive=True, icon="own"),
         ]),
    dict(key="cib", inst="兴业银行股份有限公司", kind="joint_stock_bank", colour="#004b9b",
         short="兴业银行", py="xingye yinhang", acr="CIB", stub="cib", apps=[
             dict(sfx="mbank", name="兴业银行", aliases=["兴业银行手机银行"], kw=["兴业银行", "CIB"],
                  dev=["兴业银行股份有限公司"], tail="mobile", distinctive=True, icon="own"),
         ]),
    dict(key="spdb", inst="上海浦东发展银行股份有限公司", kind="joint_stock_bank", colour="#0d3a82",
         short="浦发银行", py="pufa yinhang", acr="SPDB", stub="spdb", apps=[
             dict(sfx="mbank", name="浦发银行", aliases=["浦发手机银行", "上海浦东发展银行"],
                  kw=["浦发银行", "浦发", "SPDB"], dev=["上海浦东发展银行股份有限公司"], tail="mspdb",
                  distinctive=True, icon="own"),
             dict(sfx="pdxb", name="浦大喜奔", aliases=["浦发信用卡浦大喜奔"],
                  kw=["浦大喜奔", "浦发银行", "浦发"], dev=["上海浦东发展银行股份有限公司"],
                  tail="xiben", distinctive=True, icon="family"),
         ]),
    dict(key="czb", inst="浙商银行股份有限公司", kind="joint_stock_bank", colour="#a3162b",
         short="浙商银行", py="zheshang yinhang", acr=None, stub="czbank", apps=[
             dict(sfx="mbank", name="浙商银行", aliases=["浙商银行手机银行"], kw=["浙商银行"],
                  dev=["浙商银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="cbhb", inst="渤海银行股份有限公司", kind="joint_stock_bank", colour="#0059a8",
         short="渤海银行", py="bohai yinhang", acr=None, stub="cbhb", apps=[
             dict(sfx="mbank", name="渤海银行", aliases=["渤海银行手机银行"], kw=["渤海银行"],
                  dev=["渤海银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    # ---- city commercial banks
    dict(key="bob", inst="北京银行股份有限公司", kind="city_bank", colour="#e2231a",
         short="北京银行", py="beijing yinhang", acr=None, stub="bankofbeijing", apps=[
             dict(sfx="mbank", name="北京银行", aliases=["北京银行手机银行"], kw=["北京银行"],
                  dev=["北京银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="bosc", inst="上海银行股份有限公司", kind="city_bank", colour="#d9a21b",
         short="上海银行", py="shanghai yinhang", acr=None, stub="bosc", apps=[
             dict(sfx="mbank", name="上海银行", aliases=["上海银行手机银行"], kw=["上海银行"],
                  dev=["上海银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="jsb", inst="江苏银行股份有限公司", kind="city_bank", colour="#1266b4",
         short="江苏银行", py="jiangsu yinhang", acr=None, stub="jsbchina", apps=[
             dict(sfx="mbank", name="江苏银行", aliases=["江苏银行手机银行"], kw=["江苏银行"],
                  dev=["江苏银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="nbcb", inst="宁波银行股份有限公司", kind="city_bank", colour="#f08c00",
         short="宁波银行", py="ningbo yinhang", acr=None, stub="nbcb", apps=[
             dict(sfx="mbank", name="宁波银行", aliases=["宁波银行手机银行"], kw=["宁波银行"],
                  dev=["宁波银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="njcb", inst="南京银行股份有限公司", kind="city_bank", colour="#be0f2d",
         short="南京银行", py="nanjing yinhang", acr=None, stub="njcb", apps=[
             dict(sfx="mbank", name="南京银行", aliases=["你好南京银行"], kw=["南京银行"],
                  dev=["南京银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="hzb", inst="杭州银行股份有限公司", kind="city_bank", colour="#00539f",
         short="杭州银行", py="hangzhou yinhang", acr=None, stub="hzbank", apps=[
             dict(sfx="mbank", name="杭州银行", aliases=["杭州银行手机银行"], kw=["杭州银行"],
                  dev=["杭州银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="bocd", inst="成都银行股份有限公司", kind="city_bank", colour="#d12c2c",
         short="成都银行", py="chengdu yinhang", acr=None, stub="bocd", apps=[
             dict(sfx="mbank", name="成都银行", aliases=["成都银行手机银行"], kw=["成都银行"],
                  dev=["成都银行股份有限公司"], tail="mbank", distinctive=True, icon="own"),
         ]),
    # ---- rural commercial banks
    dict(key="bjrcb", inst="北京农村商业银行股份有限公司", kind="rural_bank", colour="#169b46",
         short="北京农商银行", py="beijing nongshang yinhang", acr=None, stub="bjrcb", apps=[
             dict(sfx="mbank", name="北京农商银行", aliases=["北京农商银行手机银行"],
                  kw=["北京农商银行", "北京农商行"], dev=["北京农村商业银行股份有限公司"],
                  tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="cqrcb", inst="重庆农村商业银行股份有限公司", kind="rural_bank", colour="#1f9a5a",
         short="渝农商行", py="yu nongshang hang", acr=None, stub="cqrcb", apps=[
             dict(sfx="mbank", name="重庆农村商业银行", aliases=["渝农商行", "重庆农商行"],
                  kw=["重庆农商行", "渝农商行", "重庆农村商业银行"], dev=["重庆农村商业银行股份有限公司"],
                  tail="mbank", distinctive=True, icon="own"),
         ]),
    dict(key="srcb", inst="上海农村商业银行股份有限公司", kind="rural_bank", colour="#0e4da4",
         short="上海农商银行", py="shanghai nongshang yinhang", acr=None, stub="srcb", apps=[
             dict(sfx="mbank", name="上海农商银行", aliases=["上海农商银行手机银行"],
                  kw=["上海农商银行", "上海农商行"], dev=["上海农村商业银行股份有限公司"],
                  tail="mbank", distinctive=True, icon="own"),
         ]),
    # ---- insurers
    dict(key="chinalife", inst="中国人寿保险股份有限公司", kind="insurer", colour="#00694e",
         short="中国人寿", py="zhongguo renshou", acr=None, stub="chinalife", apps=[
             dict(sfx="app", name="中国人寿寿险", aliases=["中国人寿"], kw=["中国人寿", "国寿"],
                  dev=["中国人寿保险股份有限公司"], tail="lifeapp", distinctive=True, icon="own",
                  mini=["gh"]),
         ]),
    dict(key="pingan", inst="中国平安保险(集团)股份有限公司", kind="insurer", colour="#f05a22",
         short="中国平安", py="zhongguo pingan", acr=None, stub="pingan.ins", apps=[
             dict(sfx="jgj", name="平安金管家", aliases=["中国平安金管家"],
                  kw=["平安金管家", "中国平安"], dev=["中国平安人寿保险股份有限公司"], tail="jinguanjia",
                  distinctive=True, icon="own"),
             dict(sfx="hcz", name="平安好车主", aliases=["平安车险好车主"],
                  kw=["平安好车主", "中国平安"], dev=["中国平安财产保险股份有限公司"], tail="haochezhu",
                  distinctive=True, icon="own", mini=["wx"]),
         ]),
    dict(key="cpic", inst="中国太平洋保险(集团)股份有限公司", kind="insurer", colour="#0b5aa6",
         short="太平洋保险", py="taipingyang baoxian", acr="CPIC", stub="cpic", apps=[
             dict(sfx="app", name="太平洋保险", aliases=["中国太保", "太保"],
                  kw=["太平洋保险", "中国太保", "CPIC"], dev=["中国太平洋保险(集团)股份有限公司"],
                  tail="cpicapp", distinctive=True, icon="own"),
         ]),
    dict(key="picc", inst="中国人民保险集团股份有限公司", kind="insurer", colour="#d8151e",
         short="中国人保", py="zhongguo renbao", acr="PICC", stub="picc", apps=[
             dict(sfx="app", name="中国人保", aliases=["人保APP"], kw=["中国人保", "人保", "PICC"],
                  dev=["中国人民财产保险股份有限公司"], tail="piccapp", distinctive=True, icon="own"),
         ]),
    dict(key="ncl", inst="新华人寿保险股份有限公司", kind="insurer", colour="#e2372a",
         short="新华保险", py="xinhua baoxian", acr=None, stub="newchinalife", apps=[
             dict(sfx="app", name="新华保险", aliases=["新华人寿"], kw=["新华保险", "新华人寿"],
                  dev=["新华人寿保险股份有限公司"], tail="app", distinctive=True, icon="own"),
         ]),
    # ---- securities brokers
    dict(key="citics", inst="中信证券股份有限公司", kind="broker", colour="#b80f0f",
         short="中信证券", py="zhongxin zhengquan", acr=None, stub="citics", apps=[
             dict(sfx="xet", name="中信证券信e投", aliases=["信e投", "中信证券"],
                  kw=["中信证券", "信e投"], dev=["中信证券股份有限公司"], tail="xinetou",
                  distinctive=True, icon="own"),
         ]),
    dict(key="htsc", inst="华泰证券股份有限公司", kind="broker", colour="#ff6a13",
         short="华泰证券", py="huatai zhengquan", acr=None, stub="htsc", apps=[
             dict(sfx="zlcft", name="涨乐财富通", aliases=["华泰证券涨乐财富通"],
                  kw=["涨乐财富通", "华泰证券"], dev=["华泰证券股份有限公司"], tail="zhangle",
                  distinctive=True, icon="own"),
         ]),
    dict(key="gtja", inst="国泰君安证券股份有限公司", kind="broker", colour="#003f7f",
         short="国泰君安", py="guotai junan", acr=None, stub="gtja", apps=[
             dict(sfx="jh", name="国泰君安君弘", aliases=["君弘", "国泰君安"],
                  kw=["国泰君安", "君弘"], dev=["国泰君安证券股份有限公司"], tail="junhong",
                  distinctive=True, icon="own"),
         ]),
    dict(key="chinastock", inst="中国银河证券股份有限公司", kind="broker", colour="#1b3d8a",
         short="银河证券", py="yinhe zhengquan", acr=None, stub="chinastock", apps=[
             dict(sfx="app", name="中国银河证券", aliases=["银河证券", "银河玖乐"],
                  kw=["银河证券", "中国银河证券"], dev=["中国银河证券股份有限公司"], tail="app",
                  distinctive=True, icon="own"),
         ]),
    # ---- consumer finance
    dict(key="mucfc", inst="招联消费金融股份有限公司", kind="consumer_finance", colour="#1673d1",
         short="招联金融", py="zhaolian jinrong", acr=None, stub="mucfc", apps=[
             dict(sfx="app", name="招联金融", aliases=["招联好期贷"], kw=["招联金融", "招联"],
                  dev=["招联消费金融股份有限公司"], tail="app", distinctive=True, icon="own",
                  mini=["alipay"]),
         ]),
    dict(key="msxf", inst="马上消费金融股份有限公司", kind="consumer_finance", colour="#00b0a0",
         short="安逸花", py="anyihua", acr=None, stub="msxf", apps=[
             dict(sfx="ayh", name="安逸花", aliases=["马上消费安逸花"], kw=["安逸花", "马上消费金融"],
                  dev=["马上消费金融股份有限公司"], tail="anyihua", distinctive=True, icon="own"),
         ]),
    dict(key="boccfc", inst="中银消费金融有限公司", kind="consumer_finance", colour="#a8152a",
         short="中银消费", py="zhongyin xiaofei", acr=None, stub="boccfc", apps=[
             dict(sfx="app", name="中银消费金融", aliases=["中银消费"], kw=["中银消费金融", "中银消费"],
                  dev=["中银消费金融有限公司"], tail="app", distinctive=True, icon="own"),
         ]),
    # ---- payment
    dict(key="unionpay", inst="中国银联股份有限公司", kind="payment", colour="#d6181f",
         short="云闪付", py="yunshanfu", acr=None, stub="unionpay", apps=[
             dict(sfx="ysf", name="云闪付", aliases=["银联云闪付"], kw=["云闪付", "中国银联", "银联"],
                  dev=["中国银联股份有限公司"], tail="quickpass", distinctive=True, icon="own",
                  mini=["alipay", "wx"]),
         ]),
    dict(key="lakala", inst="拉卡拉支付股份有限公司", kind="payment", colour="#e50f1a",
         short="拉卡拉", py="lakala", acr=None, stub="lakala", apps=[
             dict(sfx="app", name="拉卡拉", aliases=["拉卡拉钱包"], kw=["拉卡拉"],
                  dev=["拉卡拉支付股份有限公司"], tail="wallet", distinctive=True, icon="own"),
         ]),
    dict(key="bestpay", inst="天翼电子商务有限公司", kind="payment", colour="#1a9fe0",
         short="翼支付", py="yizhifu", acr=None, stub="bestpay", apps=[
             dict(sfx="app", name="翼支付", aliases=["中国电信翼支付"], kw=["翼支付"],
                  dev=["天翼电子商务有限公司"], tail="wallet", distinctive=True, icon="own"),
         ]),
]

# Genuine apps of financial institutions that are NOT protected. `like` names the protected
# institution key whose name the app resembles (hard negative), or None.
UNPROTECTED = [
    ("兴业证券优理宝", "兴业证券股份有限公司", "cib"),
    ("光大证券金阳光", "光大证券股份有限公司", "ceb"),
    ("中信建投蜻蜓点金", "中信建投证券股份有限公司", "citic"),
    ("广发证券易淘金", "广发证券股份有限公司", "cgb"),
    ("华夏基金管家", "华夏基金管理有限公司", "hxb"),
    ("浙商证券", "浙商证券股份有限公司", "czb"),
    ("渤海证券", "渤海证券股份有限公司", "cbhb"),
    ("南京证券", "南京证券股份有限公司", "njcb"),
    ("重庆银行", "重庆银行股份有限公司", "cqrcb"),
    ("宁波通商银行", "宁波通商银行股份有限公司", "nbcb"),
    ("成都农商银行", "成都农村商业银行股份有限公司", "bocd"),
    ("杭州联合银行", "杭州联合农村商业银行股份有限公司", "hzb"),
    ("工银瑞信", "工银瑞信基金管理有限公司", "icbc"),
    ("交银施罗德基金", "交银施罗德基金管理有限公司", "bocom"),
    ("建信基金", "建信基金管理有限责任公司", "ccb"),
    ("招商证券", "招商证券股份有限公司", "cmb"),
    ("民生证券", "民生证券股份有限公司", "cmbc"),
    ("中国邮政", "中国邮政集团有限公司", "psbc"),
    ("太平通", "中国太平保险集团有限责任公司", "cpic"),
    ("上海证券", "上海证券有限责任公司", "bosc"),
    ("紫金农商银行", "江苏紫金农村商业银行股份有限公司", "jsb"),
    ("华泰保险", "华泰保险集团股份有限公司", "htsc"),
    ("国泰产险", "国泰财产保险有限责任公司", "gtja"),
    ("中银证券", "中银国际证券股份有限公司", "boc"),
    ("阳光保险", "阳光保险集团股份有限公司", "ceb"),
    ("北京农商基金通", None, None),  # placeholder removed below
    ("厦门银行", "厦门银行股份有限公司", None),
    ("青岛银行", "青岛银行股份有限公司", None),
    ("长沙银行", "长沙银行股份有限公司", None),
    ("郑州银行", "郑州银行股份有限公司", None),
    ("苏州银行", "苏州银行股份有限公司", None),
    ("齐鲁银行", "齐鲁银行股份有限公司", None),
    ("贵阳银行", "贵阳银行股份有限公司", None),
    ("西安银行", "西安银行股份有限公司", None),
    ("天津银行", "天津银行股份有限公司", None),
    ("哈尔滨银行", "哈尔滨银行股份有限公司", None),
    ("微众银行", "深圳前海微众银行股份有限公司", None),
    ("网商银行", "浙江网商银行股份有限公司", None),
    ("百信银行", "中信百信银行股份有限公司", None),
    ("新网银行", "四川新网银行股份有限公司", None),
    ("泰康泰生活", "泰康保险集团股份有限公司", None),
    ("众安保险", "众安在线财产保险股份有限公司", None),
    ("东方财富", "东方财富信息股份有限公司", None),
    ("同花顺", "浙江核新同花顺网络信息股份有限公司", None),
    ("天天基金", "上海天天基金销售有限公司", None),
    ("易方达基金", "易方达基金管理有限公司", None),
    ("度小满金融", "度小满科技(北京)有限公司", None),
    ("京东金融", "京东科技控股股份有限公司", None),
    ("支付宝", "支付宝(中国)网络技术有限公司", None),
    ("国信金太阳", "国信证券股份有限公司", None),
    ("e海通财", "海通证券股份有限公司", None),
    ("中金财富", "中国中金财富证券有限公司", None),
    ("方正证券小方", "方正证券股份有限公司", None),
    ("长江e号", "长江证券股份有限公司", None),
    ("分期乐", "深圳市分期乐网络科技有限公司", None),
    ("汇丰中国", "汇丰银行(中国)有限公司", None),
    ("渣打银行", "渣打银行(中国)有限公司", None),
]
UNPROTECTED = [u for u in UNPROTECTED if u[1] is not None]

# Finance tools (no institution); developers are invented.
FIN_TOOLS = ["随手记账", "鲨鱼记账本", "口袋记账", "房贷计算器", "个税计算器", "汇率换算",
             "理财计算器", "信用卡管家", "卡包管家", "记账鸭", "存钱罐", "账单助手", "股票行情通",
             "基金收益计算器", "银行网点查询", "存款利率计算器", "发票助手", "收款码助手",
             "公积金查询", "社保查询助手", "车贷计算器", "家庭账本", "黄金价格", "外汇牌价"]

# Ordinary (non-financial) apps: real famous ones with their real developers, and generic
# small apps with invented developers.
ORDINARY_FAMOUS = [
    ("高德地图", "高德软件有限公司"), ("美团", "北京三快在线科技有限公司"),
    ("墨迹天气", "北京墨迹风云科技股份有限公司"), ("WPS Office", "北京金山办公软件股份有限公司"),
    ("网易云音乐", "杭州网易云音乐科技有限公司"), ("哔哩哔哩", "上海宽娱数码科技有限公司"),
    ("小红书", "行吟信息科技(上海)有限公司"), ("滴滴出行", "北京小桔科技有限公司"),
    ("百度网盘", "北京百度网讯科技有限公司"), ("扫描全能王", "上海合合信息科技股份有限公司"),
    ("携程旅行", "携程旅游网络技术(上海)有限公司"), ("饿了么", "上海拉扎斯信息科技有限公司"),
    ("钉钉", "钉钉(中国)信息技术有限公司"), ("腾讯会议", "腾讯科技(深圳)有限公司"),
    ("喜马拉雅", "上海喜马拉雅科技有限公司"), ("知乎", "北京智者天下科技有限公司"),
    ("大众点评", "北京三快在线科技有限公司"), ("得物", "上海识装信息科技有限公司"),
]
GENERIC_NAMES = ["手电筒", "天气预报", "万能清理大师", "扫码识别", "万年历", "记事本", "闹钟",
                 "指南针", "录音机", "美颜相机", "壁纸大全", "文件管理器", "手机加速", "WiFi助手",
                 "视频播放器", "拍照翻译", "健身打卡", "菜谱大全", "免费小说", "像素跳跃", "开心消消乐",
                 "中国象棋", "走路计步", "番茄时钟", "二维码生成器", "测量尺", "备忘录", "省电管家",
                 "语音转文字", "图片压缩", "PDF转换器", "快递查询", "天气通", "桌面时钟", "学英语",
                 "星座运势", "倒数日", "手机清理", "截图工具", "水印相机", "小游戏合集", "天天跑酷"]

CITIES = ["深圳市", "广州市", "杭州市", "上海", "北京", "成都市", "武汉市", "南京市", "厦门市",
          "长沙市", "郑州市", "合肥市", "西安市", "苏州市", "东莞市", "福州市"]
WORDS2 = ["星辰", "云帆", "闪电", "蓝鲸", "乐享", "优品", "极光", "飞鱼", "天启", "青柠", "橙子",
          "易联", "智慧", "科讯", "掌上", "微趣", "创想", "酷玩", "灵动", "易点", "海豚", "鲸鱼",
          "米粒", "火山", "森林", "北斗", "启航", "如意", "金鼎", "博远"]
CO_TAILS = ["科技有限公司", "网络科技有限公司", "信息技术有限公司", "软件有限公司",
            "网络技术有限公司", "互动娱乐有限公司"]
PERSONS = ["张伟", "王芳", "李娜", "刘洋", "陈杰", "杨磊", "赵敏", "黄强", "周静", "吴军",
           "徐丽", "孙鹏", "胡斌", "朱涛", "高峰", "林霞"]
LATIN_WORDS = ["sunny", "flash", "cloud", "lemon", "pixel", "tiger", "river", "apple", "smart",
               "happy", "quick", "super", "magic", "lucky", "green", "panda", "orbit", "nova",
               "zen", "bolt", "wave", "leaf", "spark", "cube", "mint", "echo", "fox", "owl"]

ANDROID_STORES = ["华为应用市场", "小米应用商店", "OPPO软件商店", "vivo应用商店", "应用宝",
                  "360手机助手", "百度手机助手", "豌豆荚", "酷安"]
SIDELOAD = ["APK下载站", "网页下载"]
IOS = "App Store"
HARMONY = "华为应用市场(HarmonyOS)"
WX_MINI, ALIPAY_MINI, WX_OA = "微信小程序", "支付宝小程序", "微信公众号"

# Counterfeit name material.
SUFFIXES = ["官方版", "极速版", "贷款", "福利版", "官方正版", "手机版", "最新版", "2025新版",
            "助手", "福利", "贷款官方", "e贷", "借款", "额度提升", "-官方版", "(官方)", "Lite",
            "专业版", "惠民版", "福利社", "快贷", "官方APP"]
EMOJI = ["💰", "🏦", "🔥", "✅", "💳", "🎁", "⭐", "🧧", "💴", "👍"]
ABBREV_TAILS = ["e贷", "借呗", "信用贷", "随借", "贷款", "快借", "分期", "钱包", "金卡", "福利",
                "速贷", "白条"]
MINI_TAILS = ["信用卡服务", "积分兑换", "福利中心", "+", "小程序", "额度查询", "在线客服", "贷款申请",
              "生活服务", "信用卡还款"]
OA_TAILS = ["福利社", "服务号", "客服中心", "信用卡中心", "贷款专员", "官方服务", "积分商城"]
PKG_EXTRA = ["official", "pro", "plus", "lite", "hd", "new", "v2", "app", "release", "mobile"]

HOMOPHONE = {
    "银": "垠", "行": "航", "商": "尚", "工": "公", "建": "健", "设": "社", "农": "浓",
    "业": "叶", "交": "娇", "通": "同", "招": "昭", "中": "忠", "国": "果", "光": "广",
    "大": "达", "华": "花", "夏": "厦", "民": "敏", "生": "升", "兴": "星", "浦": "普",
    "发": "法", "邮": "由", "储": "楚", "平": "苹", "安": "按", "信": "芯", "人": "仁",
    "寿": "授", "保": "宝", "险": "显", "证": "正", "券": "劝", "金": "今", "融": "荣",
    "付": "府", "支": "之", "云": "芸", "闪": "陕", "京": "晶", "海": "嗨", "江": "姜",
    "苏": "酥", "宁": "柠", "波": "播", "南": "男", "杭": "航", "州": "洲", "都": "嘟",
    "渤": "勃", "浙": "折", "北": "贝", "庆": "青", "太": "泰", "洋": "阳", "联": "连",
    "消": "销", "费": "废", "马": "码", "上": "尚", "逸": "易", "花": "华", "拉": "啦",
    "卡": "咔", "翼": "亿", "泰": "太", "涨": "掌", "乐": "勒", "财": "才", "富": "付",
    "君": "军", "弘": "宏", "河": "合", "新": "欣", "成": "诚", "渝": "愉", "家": "佳",
    "管": "馆", "车": "彻", "主": "住", "活": "获", "空": "控", "间": "坚", "喜": "洗",
    "奔": "犇", "吧": "巴", "买": "卖", "单": "丹", "缤": "彬", "纷": "芬", "惠": "慧",
    "阳": "洋", "现": "县", "精": "晶", "彩": "采", "口": "扣", "袋": "代",
}
TRAD = {
    "银": "銀", "国": "國", "设": "設", "农": "農", "业": "業", "邮": "郵", "储": "儲",
    "兴": "興", "发": "發", "华": "華", "广": "廣", "险": "險", "寿": "壽", "证": "證",
    "联": "聯", "费": "費", "马": "馬", "乐": "樂", "财": "財", "宁": "寧", "苏": "蘇",
    "东": "東", "庆": "慶", "阳": "陽", "动": "動", "间": "間", "买": "買", "单": "單",
    "缤": "繽", "纷": "紛", "现": "現", "车": "車", "云": "雲", "闪": "閃", "涨": "漲",
    "贷": "貸", "长": "長", "网": "網", "开": "開", "门": "門", "汇": "匯",
    "行": "行", "亿": "億", "钱": "錢", "惠": "惠", "杭": "杭", "浙": "浙", "渤": "渤",
    "泰": "泰", "君": "君", "弘": "弘", "宝": "寶", "安": "安", "逸": "逸", "翼": "翼",
    "消": "消", "极": "極", "速": "速", "版": "版", "官": "官", "方": "方", "南": "南",
    "京": "京", "都": "都", "平": "平", "统": "統", "计": "計", "义": "義", "报": "報",
    "户": "戶", "帐": "帳", "账": "賬", "卡": "卡", "优": "優", "喜": "喜", "奔": "奔",
    "务": "務", "福": "福", "利": "利", "机": "機", "个": "個", "线": "線", "时": "時",
    "运": "運", "万": "萬", "书": "書", "体": "體", "众": "眾", "贝": "貝", "应": "應",
}
