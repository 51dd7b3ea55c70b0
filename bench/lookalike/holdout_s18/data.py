"""Static data for holdout_s18: institutions, protected apps, negatives, word lists.

Institution, app and developer names are real public names; every package id, bundle id,
mini-program AppID, official-account id, certificate, URL and icon is invented by this script.
"""

# ---------------------------------------------------------------------------------------------
# Protected institutions.  Each entry:
#   inst, code (used to invent package ids), keywords (brand keywords), dev (official developer),
#   apps: list of (app_key, names, flags)   flags: "mini" (wechat+alipay mini-program + official
#   account ids), "share" (reuses the icon file of the institution's first app)
# ---------------------------------------------------------------------------------------------
INSTITUTIONS = [
    dict(inst="招商银行", code="zsyh", keywords=["招商银行", "招行"], dev="招商银行股份有限公司",
         apps=[("main", ["招商银行", "招商银行App"], ["mini"]),
               ("life", ["掌上生活", "招商银行掌上生活"], [])]),
    dict(inst="中国工商银行", code="gsyh", keywords=["工商银行", "中国工商银行", "工行", "ICBC"],
         dev="中国工商银行股份有限公司",
         apps=[("main", ["中国工商银行", "工商银行", "工银手机银行"], ["mini"]),
               ("elife", ["工银e生活"], []),
               ("corp", ["工银企业手机银行"], ["share"])]),
    dict(inst="中国建设银行", code="jsyh", keywords=["建设银行", "中国建设银行", "建行"],
         dev="中国建设银行股份有限公司",
         apps=[("main", ["中国建设银行", "建设银行"], ["mini"]),
               ("life", ["建行生活"], [])]),
    dict(inst="中国农业银行", code="nyyh", keywords=["农业银行", "中国农业银行", "农行"],
         dev="中国农业银行股份有限公司",
         apps=[("main", ["中国农业银行", "农行掌银"], ["mini"]),
               ("corp", ["农行企业掌银"], ["share"])]),
    dict(inst="中国银行", code="zgyh", keywords=["中国银行", "中行"], dev="中国银行股份有限公司",
         apps=[("main", ["中国银行", "中国银行手机银行"], ["mini"]),
               ("life", ["缤纷生活", "中银缤纷生活"], [])]),
    dict(inst="交通银行", code="jtyh", keywords=["交通银行", "交行"], dev="交通银行股份有限公司",
         apps=[("main", ["交通银行", "交通银行手机银行"], []),
               ("card", ["买单吧", "交通银行买单吧"], [])]),
    dict(inst="中国邮政储蓄银行", code="ycyh", keywords=["邮储银行", "邮政储蓄银行", "中国邮政储蓄银行"],
         dev="中国邮政储蓄银行股份有限公司",
         apps=[("main", ["中国邮政储蓄银行", "邮储银行"], []),
               ("card", ["邮储信用卡"], [])]),
    dict(inst="上海浦东发展银行", code="pfyh", keywords=["浦发银行", "浦发"], dev="上海浦东发展银行股份有限公司",
         apps=[("main", ["浦发手机银行", "浦发银行"], ["mini"]),
               ("card", ["浦大喜奔"], [])]),
    dict(inst="中信银行", code="zxyh", keywords=["中信银行"], dev="中信银行股份有限公司",
         apps=[("main", ["中信银行", "中信银行手机银行"], []),
               ("card", ["动卡空间"], [])]),
    dict(inst="中国光大银行", code="gdyh", keywords=["光大银行", "中国光大银行"], dev="中国光大银行股份有限公司",
         apps=[("main", ["光大银行", "中国光大银行"], []),
               ("card", ["阳光惠生活"], [])]),
    dict(inst="华夏银行", code="hxyh", keywords=["华夏银行"], dev="华夏银行股份有限公司",
         apps=[("main", ["华夏银行", "华夏手机银行"], [])]),
    dict(inst="中国民生银行", code="msyh", keywords=["民生银行", "中国民生银行"], dev="中国民生银行股份有限公司",
         apps=[("main", ["民生银行", "中国民生银行"], ["mini"]),
               ("card", ["全民生活"], [])]),
    dict(inst="广发银行", code="gfyh", keywords=["广发银行"], dev="广发银行股份有限公司",
         apps=[("main", ["广发手机银行", "广发银行"], []),
               ("card", ["发现精彩"], [])]),
    dict(inst="兴业银行", code="xyyh", keywords=["兴业银行"], dev="兴业银行股份有限公司",
         apps=[("main", ["兴业银行", "兴业银行手机银行"], []),
               ("life", ["兴业生活"], [])]),
    dict(inst="中国平安", code="pazg", keywords=["中国平安", "平安银行", "平安保险"],
         dev="中国平安保险(集团)股份有限公司",
         apps=[("main", ["平安口袋银行", "平安银行"], ["mini"]),
               ("jgj", ["平安金管家"], []),
               ("car", ["平安好车主"], [])]),
    dict(inst="北京银行", code="bjyh", keywords=["北京银行"], dev="北京银行股份有限公司",
         apps=[("main", ["北京银行", "北京银行手机银行"], [])]),
    dict(inst="上海银行", code="shyh", keywords=["上海银行"], dev="上海银行股份有限公司",
         apps=[("main", ["上海银行", "上海银行手机银行"], [])]),
    dict(inst="宁波银行", code="nbyh", keywords=["宁波银行"], dev="宁波银行股份有限公司",
         apps=[("main", ["宁波银行", "宁波银行手机银行"], [])]),
    dict(inst="江苏银行", code="jsuyh", keywords=["江苏银行"], dev="江苏银行股份有限公司",
         apps=[("main", ["江苏银行", "江苏银行手机银行"], [])]),
    dict(inst="南京银行", code="njyh", keywords=["南京银行"], dev="南京银行股份有限公司",
         apps=[("main", ["南京银行", "南京银行手机银行"], [])]),
    dict(inst="杭州银行", code="hzyh", keywords=["杭州银行"], dev="杭州银行股份有限公司",
         apps=[("main", ["杭州银行", "杭州银行手机银行"], [])]),
    dict(inst="浙商银行", code="zsbank", keywords=["浙商银行"], dev="浙商银行股份有限公司",
         apps=[("main", ["浙商银行", "浙商银行手机银行"], [])]),
    dict(inst="渤海银行", code="bhyh", keywords=["渤海银行"], dev="渤海银行股份有限公司",
         apps=[("main", ["渤海银行", "渤海银行手机银行"], [])]),
    dict(inst="恒丰银行", code="hfyh", keywords=["恒丰银行"], dev="恒丰银行股份有限公司",
         apps=[("main", ["恒丰银行", "恒丰银行手机银行"], [])]),
    dict(inst="徽商银行", code="hsyh", keywords=["徽商银行"], dev="徽商银行股份有限公司",
         apps=[("main", ["徽商银行", "徽商银行手机银行"], [])]),
    dict(inst="重庆农村商业银行", code="ynsh", keywords=["渝农商行", "重庆农商行", "重庆农村商业银行"],
         dev="重庆农村商业银行股份有限公司",
         apps=[("main", ["渝农商行", "重庆农村商业银行"], [])]),
    dict(inst="微众银行", code="wzyh", keywords=["微众银行", "WeBank"], dev="深圳前海微众银行股份有限公司",
         apps=[("main", ["微众银行", "微众银行App"], [])]),
    dict(inst="网商银行", code="wsyh", keywords=["网商银行"], dev="浙江网商银行股份有限公司",
         apps=[("main", ["网商银行", "网商银行App"], [])]),
    dict(inst="中国人民保险", code="rbjt", keywords=["中国人保", "人保", "PICC"], dev="中国人民保险集团股份有限公司",
         apps=[("main", ["中国人保", "中国人保App"], ["mini"]),
               ("cx", ["人保财险"], ["share"])]),
    dict(inst="中国人寿", code="zgrs", keywords=["中国人寿", "国寿"], dev="中国人寿保险股份有限公司",
         apps=[("main", ["中国人寿寿险", "中国人寿"], ["mini"]),
               ("cx", ["中国人寿财险"], [])]),
    dict(inst="中国太平洋保险", code="tpyb", keywords=["太平洋保险", "中国太保", "太保"],
         dev="中国太平洋保险(集团)股份有限公司",
         apps=[("main", ["中国太保", "太平洋保险"], []),
               ("sx", ["神行太保"], [])]),
    dict(inst="新华保险", code="xhbx", keywords=["新华保险"], dev="新华人寿保险股份有限公司",
         apps=[("main", ["新华保险", "新华保险App"], [])]),
    dict(inst="泰康保险集团", code="tkbx", keywords=["泰康保险", "泰康人寿"], dev="泰康保险集团股份有限公司",
         apps=[("main", ["泰康保险", "泰生活"], [])]),
    dict(inst="中国太平保险集团", code="tpbx", keywords=["太平人寿", "中国太平保险"], dev="中国太平保险集团有限责任公司",
         apps=[("main", ["太平通", "太平人寿"], [])]),
    dict(inst="阳光保险集团", code="ygbx", keywords=["阳光保险"], dev="阳光保险集团股份有限公司",
         apps=[("main", ["阳光保险", "阳光保险App"], [])]),
    dict(inst="众安在线财产保险", code="zabx", keywords=["众安保险"], dev="众安在线财产保险股份有限公司",
         apps=[("main", ["众安保险", "众安保险App"], [])]),
    dict(inst="中信证券", code="zxzq", keywords=["中信证券"], dev="中信证券股份有限公司",
         apps=[("main", ["中信证券信e投", "中信证券"], [])]),
    dict(inst="华泰证券", code="htzq", keywords=["华泰证券"], dev="华泰证券股份有限公司",
         apps=[("main", ["涨乐财富通", "华泰证券涨乐财富通"], [])]),
    dict(inst="国泰君安证券", code="gtja", keywords=["国泰君安"], dev="国泰君安证券股份有限公司",
         apps=[("main", ["君弘", "国泰君安君弘"], [])]),
]

# store-title descriptors used by official listings (e.g. "招商银行-信用卡 理财 贷款")
TITLE_DESCRIPTORS = {
    "bank": ["信用卡 理财 贷款", "手机银行 转账 理财", "转账汇款 理财 缴费", "存款 理财 转账"],
    "card": ["信用卡 分期 积分", "生活缴费 优惠 信用卡", "信用卡 还款 优惠"],
    "insurer": ["保险 理赔 保单", "投保 理赔 服务", "保单查询 理赔 健康"],
    "securities": ["股票 基金 理财", "炒股 开户 基金", "行情 交易 理财"],
    "payment": ["支付 理财 借钱", "扫码支付 优惠"],
}


def title_kind(inst, app_name, key="main"):
    if any(w in inst for w in ("保险", "人寿", "太保", "人保")):
        return "insurer"
    if any(w in inst for w in ("证券", "基金", "财富", "同花顺")):
        return "securities"
    if key in ("card", "life", "elife"):
        return "card"
    if any(w in inst for w in ("金融", "支付", "云闪付", "度小满")):
        return "payment"
    return "bank"

# ---------------------------------------------------------------------------------------------
# Unprotected real financial institutions (genuine apps, expected none).  Some resemble protected
# names (share a city, a syllable or the word 银行) but contain no protected name or keyword.
# ---------------------------------------------------------------------------------------------
UNPROTECTED_FIN = [
    # (institution, app name, kind)
    ("长沙银行", "长沙银行", "bank"), ("成都银行", "成都银行", "bank"), ("郑州银行", "郑州银行", "bank"),
    ("青岛银行", "青岛银行", "bank"), ("苏州银行", "苏州银行", "bank"), ("厦门银行", "厦门银行", "bank"),
    ("贵阳银行", "贵阳银行", "bank"), ("西安银行", "西安银行", "bank"), ("兰州银行", "兰州银行", "bank"),
    ("齐鲁银行", "齐鲁银行", "bank"), ("天津银行", "天津银行", "bank"), ("河北银行", "河北银行", "bank"),
    ("汉口银行", "汉口银行", "bank"), ("广州银行", "广州银行", "bank"), ("东莞银行", "东莞银行", "bank"),
    ("富滇银行", "富滇银行", "bank"), ("哈尔滨银行", "哈尔滨银行", "bank"), ("盛京银行", "盛京银行", "bank"),
    ("九江银行", "九江银行", "bank"), ("晋商银行", "晋商银行", "bank"), ("大连银行", "大连银行", "bank"),
    ("吉林银行", "吉林银行", "bank"), ("中原银行", "中原银行", "bank"), ("甘肃银行", "甘肃银行", "bank"),
    ("桂林银行", "桂林银行", "bank"), ("温州银行", "温州银行", "bank"), ("台州银行", "台州银行", "bank"),
    ("浙江泰隆商业银行", "泰隆银行", "bank"), ("浙江稠州商业银行", "稠州银行", "bank"),
    ("常熟农村商业银行", "常熟农商银行", "bank"),
    # look-alike-ish names (resemble a protected institution, contain no protected name/keyword)
    ("北京农村商业银行", "北京农商银行", "bank_resembling"),
    ("上海农村商业银行", "上海农商银行", "bank_resembling"),
    ("宁波通商银行", "宁波通商银行", "bank_resembling"),
    ("杭州联合农村商业银行", "杭州联合银行", "bank_resembling"),
    ("江苏长江商业银行", "江苏长江银行", "bank_resembling"),
    ("重庆银行", "重庆银行", "bank_resembling"),
    ("南京证券", "南京证券", "bank_resembling"),
    ("华夏人寿保险", "华夏人寿", "bank_resembling"),
    ("华夏基金", "华夏基金管家", "bank_resembling"),
    ("广发证券", "广发证券易淘金", "bank_resembling"),
    ("兴业证券", "兴业证券优理宝", "bank_resembling"),
    ("中信建投证券", "中信建投蜻蜓点金", "bank_resembling"),
    ("招商证券", "招商证券智远一户通", "bank_resembling"),
    ("浙商证券", "浙商证券汇金谷", "bank_resembling"),
    ("民生证券", "民生证券民生财富汇", "bank_resembling"),
    ("太平洋证券", "太平洋证券太牛", "bank_resembling"),
    ("北京中关村银行", "中关村银行", "bank_resembling"),
    ("工商联信息服务", "工商联e家", "bank_resembling"),
    ("交通一卡通服务", "交通运输一卡通助手", "bank_resembling"),
    ("平安喜乐文化", "平安喜乐日历", "bank_resembling"),
    # insurers / securities / payment
    ("富德生命人寿", "富德生命人寿", "insurer"), ("天安人寿", "天安人寿", "insurer"),
    ("国华人寿", "国华人寿", "insurer"), ("合众人寿", "合众人寿", "insurer"),
    ("长城人寿", "长城人寿", "insurer"), ("信泰人寿", "信泰保险", "insurer"),
    ("中华联合保险", "中华保险", "insurer"), ("大地保险", "大地保险", "insurer"),
    ("永安财产保险", "永安保险", "insurer"), ("华安财产保险", "华安保险", "insurer"),
    ("紫金财产保险", "紫金保险", "insurer"), ("锦泰财产保险", "锦泰保险", "insurer"),
    ("东方财富", "东方财富", "securities"), ("同花顺", "同花顺", "securities"),
    ("海通证券", "海通e海通财", "securities"), ("长城证券", "长城炼金术", "securities"),
    ("银河证券", "中国银河证券", "securities"), ("申万宏源", "申万宏源大赢家", "securities"),
    ("东方证券", "东方赢家", "securities"), ("方正证券", "方正证券小方", "securities"),
    ("天天基金", "天天基金", "securities"), ("蚂蚁财富", "蚂蚁财富", "securities"),
    ("京东科技", "京东金融", "payment"), ("度小满科技", "度小满金融", "payment"),
    ("中国银联", "云闪付", "payment"), ("天翼电子商务", "翼支付", "payment"),
]

FINANCE_TOOLS = ["随手记", "鲨鱼记账", "钱迹记账", "房贷计算器", "个税计算器", "汇率换算助手", "银行卡归属地查询",
                 "银行网点查询助手", "信用卡账单日提醒", "基金净值速查", "股票行情看盘宝", "记账本Pro",
                 "存款利率计算", "退休金计算器", "理财收益计算器", "银行卡号识别", "家庭账本", "发票助手",
                 "公积金查询助手", "社保查询通", "外汇牌价", "黄金价格行情", "贷款利率对比", "账单整理助手",
                 "手机银行使用指南", "银行营业时间查询", "ATM地图", "零钱记账", "工资条管家", "消费小账本"]

ORDINARY_APPS = ["天气预报", "手电筒", "指南针", "计步器", "万年历", "闹钟", "扫码助手", "清理大师",
                 "WiFi万能钥匙助手", "相机美颜", "视频剪辑", "音乐播放器", "小说阅读", "消消乐", "斗地主",
                 "象棋大师", "跑酷冲冲冲", "菜谱大全", "健身打卡", "地铁出行", "公交查询", "快递查询",
                 "翻译官", "英语单词", "驾考宝典助手", "壁纸精选", "输入法皮肤", "文件管理", "录音机",
                 "番茄时钟", "天天日历", "备忘录", "体温记录", "喝水提醒", "宝宝相册", "二手好物", "外卖优惠",
                 "旅行攻略", "电子书架", "番茄小说精选", "拼图游戏", "钢琴节奏", "证件照制作", "PDF扫描",
                 "屏幕录制", "手机测速", "星座运势", "垃圾分类", "智能家居控制", "停车助手", "电量管家",
                 "省电助手", "画板涂鸦", "数独", "五子棋", "围棋入门", "健康步数", "空气质量", "潮汐表",
                 "钓鱼天气", "宠物日记", "读书笔记"]

# generic, non-financial names used by icon-only counterfeits and by package/developer kinds
GENERIC_NAMES = ["手电筒Pro", "天气通", "超级清理", "扫一扫", "极速浏览器", "万能计算器", "闪电充电", "手机管家",
                 "日历通", "WiFi助手", "相册保险箱", "壁纸大全", "影视大全", "小游戏合集", "来电秀", "文件快传",
                 "流量监控", "步数宝", "省钱购", "优惠券助手", "趣看点", "刷刷乐", "开心消消", "记事本",
                 "极简时钟", "多开分身", "录屏大师", "语音助手", "翻译宝", "测速大师", "放大镜", "指纹锁屏",
                 "彩票助手", "福利中心", "签到有礼", "天天领红包", "极速版助手", "安全中心", "手机加速器",
                 "个人助手", "生活助手", "卡包", "钱包助手", "借钱应急", "快速借款", "备用金", "额度查询",
                 "信用分查询", "账户服务", "积分商城"]

# names for package-/developer-signal counterfeits (finance-flavoured but no protected name/keyword)
PKG_DEV_NAMES = ["手机银行", "移动银行", "掌上银行助手", "信用卡管家", "银行客户端", "网银助手", "理财通道",
                 "贷款服务", "信用卡中心", "账户安全中心", "银行E服务", "金融服务", "分期商城", "积分兑换"]

# invented third-party developers (companies), for counterfeits and ordinary apps
DEV_PREFIX = ["深圳市", "广州市", "杭州", "北京", "上海", "成都", "武汉", "厦门", "南京", "合肥", "长沙", "西安",
              "郑州", "福州", "东莞市", "佛山市"]
DEV_MID = ["星辰", "云帆", "蓝鲸", "极光", "晨曦", "瑞丰", "乐游", "掌趣", "易达", "睿思", "飞鱼", "青禾", "方舟",
           "远航", "凌云", "快乐", "优品", "智汇", "微米", "橙子", "酷点", "灵犀", "海豚", "松果"]
DEV_SUFFIX = ["网络科技有限公司", "信息技术有限公司", "科技有限公司", "软件有限公司", "网络技术有限公司",
              "数码科技有限公司", "互动娱乐有限公司"]

PKG_WORDS = ["flash", "light", "weather", "clean", "scan", "boost", "wallet", "tools", "calc", "video", "music",
             "game", "puzzle", "note", "calendar", "reader", "photo", "camera", "wifi", "speed", "helper",
             "master", "pro", "lite", "box", "cloud", "fast", "smart", "daily", "happy", "star", "sky", "fun",
             "loan", "cash", "card", "pay", "money", "coin", "bonus"]
PKG_ORGS = ["xingchen", "yunfan", "lanjing", "jiguang", "chenxi", "ruifeng", "leyou", "zhangqu", "yida", "ruisi",
            "feiyu", "qinghe", "fangzhou", "yuanhang", "lingyun", "kuaile", "youpin", "zhihui", "weimi",
            "chengzi", "kudian", "lingxi", "haitun", "songguo", "appstudio", "mobi", "droidsoft", "funapps"]

# ---------------------------------------------------------------------------------------------
# Name disguises
# ---------------------------------------------------------------------------------------------
SUFFIXES = ["官方版", "极速版", "贷款", "福利", "最新版", "官方正版", "借款", "2025新版", "Pro", "福利版", "助手"]
EMOJIS = ["💰", "🏦", "✨", "🔥", "💳", "🎁", "⭐", "🧧", "✅", "💎"]
LOAN_WORDS = ["贷", "e贷", "快贷", "借款", "分期", "速贷", "备用金", "白条", "闪借", "信用贷"]
MINI_SUFFIX = ["", "服务", "信用卡服务", "福利社", "优惠", "客服", "积分商城", "便民服务", "官方服务号"]

HOMOPHONES = {
    "银": "垠", "行": "杭", "商": "尚", "招": "昭", "工": "公", "建": "健", "设": "社", "农": "浓", "业": "叶",
    "中": "忠", "交": "郊", "通": "同", "民": "敏", "生": "升", "光": "广", "大": "达", "华": "画", "夏": "厦",
    "兴": "星", "信": "芯", "平": "苹", "安": "鞍", "保": "宝", "险": "显", "人": "仁", "寿": "受", "邮": "油",
    "储": "楚", "发": "法", "浦": "普", "宁": "柠", "江": "姜", "苏": "酥", "京": "晶", "海": "嗨", "州": "舟",
    "杭": "航", "泰": "太", "康": "糠", "众": "重", "网": "往", "微": "薇", "掌": "长", "活": "伙", "单": "丹",
    "吧": "巴", "动": "冻", "卡": "咔", "空": "控", "阳": "杨", "惠": "慧", "金": "津", "管": "馆", "家": "佳",
    "主": "住", "袋": "带", "财": "材", "富": "付", "证": "正", "券": "劵", "渤": "博", "恒": "衡", "丰": "风",
    "徽": "辉", "渝": "余", "南": "楠", "北": "贝", "国": "囯", "君": "军", "弘": "宏", "喜": "禧", "缤": "滨",
    "彩": "采", "精": "晶", "新": "欣", "太": "泰", "乐": "勒", "涨": "胀",
}

TRAD = {
    "银": "銀", "国": "國", "农": "農", "设": "設", "业": "業", "华": "華", "兴": "興", "发": "發", "邮": "郵",
    "储": "儲", "险": "險", "寿": "壽", "众": "眾", "网": "網", "动": "動", "间": "間", "买": "買", "单": "單",
    "阳": "陽", "宁": "寧", "苏": "蘇", "广": "廣", "庆": "慶", "证": "證", "财": "財", "乐": "樂", "涨": "漲",
    "车": "車", "长": "長", "丰": "豐", "贷": "貸", "现": "現", "缤": "繽", "纷": "紛", "机": "機", "东": "東",
    "宝": "寶", "门": "門", "齐": "齊", "汇": "匯", "贵": "貴", "宾": "賓", "杂": "雜", "泽": "澤", "渔": "漁",
    "时": "時", "产": "產", "卫": "衛", "亲": "親",
}

PINYIN = {
    "招": "zhao", "商": "shang", "银": "yin", "行": "hang", "中": "zhong", "国": "guo", "工": "gong", "建": "jian",
    "设": "she", "农": "nong", "业": "ye", "交": "jiao", "通": "tong", "邮": "you", "政": "zheng", "储": "chu",
    "蓄": "xu", "浦": "pu", "发": "fa", "信": "xin", "光": "guang", "大": "da", "华": "hua", "夏": "xia",
    "民": "min", "生": "sheng", "广": "guang", "兴": "xing", "平": "ping", "安": "an", "北": "bei", "京": "jing",
    "上": "shang", "海": "hai", "宁": "ning", "波": "bo", "江": "jiang", "苏": "su", "南": "nan", "杭": "hang",
    "州": "zhou", "浙": "zhe", "渤": "bo", "恒": "heng", "丰": "feng", "徽": "hui", "重": "chong", "庆": "qing",
    "村": "cun", "渝": "yu", "微": "wei", "众": "zhong", "网": "wang", "人": "ren", "保": "bao", "寿": "shou",
    "太": "tai", "洋": "yang", "险": "xian", "新": "xin", "泰": "tai", "康": "kang", "阳": "yang", "证": "zheng",
    "券": "quan", "涨": "zhang", "乐": "le", "财": "cai", "富": "fu", "君": "jun", "弘": "hong", "手": "shou",
    "机": "ji", "掌": "zhang", "活": "huo", "金": "jin", "管": "guan", "家": "jia", "好": "hao", "车": "che",
    "主": "zhu", "口": "kou", "袋": "dai", "动": "dong", "卡": "ka", "空": "kong", "间": "jian", "惠": "hui",
    "精": "jing", "彩": "cai", "现": "xian", "买": "mai", "单": "dan", "吧": "ba", "缤": "bin", "纷": "fen",
    "喜": "xi", "奔": "ben", "全": "quan", "用": "yong", "产": "chan", "司": "si",
}

# festive words for official festive editions / ribbons
FESTIVE = ["新春", "福", "周年", "国庆"]
BADGE_WORDS = ["官方", "正版", "认证", "新版", "VIP", "HOT", "新", "荐", "贷", "福利"]
STAMP_WORDS = ["官方", "正版", "认证"]
BAND_WORDS = ["极速版", "官方版", "贷款", "福利版", "借款", "领红包", "新版", "安全版", "国际版", "理财版"]
OVER_WORDS = ["贷款", "领红包", "借钱", "提现", "分期", "秒到账", "免费领", "补贴"]
REBRAND_WORDS = ["钱包", "快贷", "速借", "Pay", "借呗宝", "金服", "优选", "理财宝", "e钱包", "惠付"]
