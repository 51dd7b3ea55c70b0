"""Word lists for the independent generated set: how fake financial apps are named and published in
China (stores, download sites, SMS links, mini-programs), and the legitimate look-alikes they are
confused with. Written from scratch for this set."""

ANDROID_SOURCES = (
    "huawei-appgallery", "xiaomi-getapps", "oppo-software-store", "vivo-app-store", "honor-app-market",
    "tencent-myapp", "360-mobile-assistant", "baidu-mobile-assistant", "wandoujia", "apkpure",
    "download-site", "sms-link-apk",
)
OFFICIAL_STORES = ("huawei-appgallery", "xiaomi-getapps", "oppo-software-store", "vivo-app-store",
                   "honor-app-market", "tencent-myapp", "apple-app-store")
DOWNLOAD_HOSTS = ("www.pc6.com", "www.xiazaiba.com", "www.downxia.com", "www.9553.com", "www.cr173.com",
                  "m.222apk.cn", "www.ddooo.com", "apk.hiapk.com")

# Added words, as they appear in fake loan / points / "security update" apps.
SUFFIXES = (
    "官方版", "极速版", "贷款", "福利", "最新版", "手机版", "安卓版", "2024新版", "客户端", "APP", "app下载",
    "积分兑换", "额度提升", "快贷", "借款", "安全中心", "认证中心", "专业版", "福利版", "领红包", "补贴领取",
    "信用卡提额", "分期", "e贷", "现金贷", "秒批", "官方正版", "掌上营业厅", "v6.2.1", "助手", "极速借款",
    "数字人民币", "社保卡激活", "养老金认证", "ETC办理", "证书更新", "安全控件", "网银助手", "贷款平台",
)
PREFIXES = ("官方", "新版", "正版", "极速", "安全", "手机", "掌上", "我的", "你好", "最新", "爱", "e路")
INSURANCE_SUFFIXES = ("理赔", "退保", "分红领取", "保单查询", "保费贷", "车险报价", "续保优惠", "养老金领取", "健康福利")
EMOJI = ("✅", "🔥", "⭐", "💰", "🧧", "🎁", "👍", "💯", "📱", "🏦", "💳", "⚡", "🆕", "㊙️", "♨️")
SPACERS = (" ", "  ", "·", "_", "-", "\u3000", "\u200b", ".", "•")

# Visual look-alikes (single characters that read like the original at icon-label size).
VISUAL = {
    "国": "囯圀", "银": "锒鋃垠", "行": "衎", "商": "啇", "设": "没投", "工": "エ", "农": "衣", "业": "亚",
    "建": "健踺", "招": "拓", "民": "氏艮", "信": "伩", "光": "尣", "华": "毕", "平": "乎坪", "安": "按",
    "浦": "蒲埔", "发": "友犮", "恒": "桓", "丰": "半", "北": "比", "京": "亰凉", "南": "喃楠", "江": "汪",
    "苏": "芬", "宁": "守", "波": "坡", "上": "止", "海": "侮悔", "网": "冈罔", "微": "徽", "众": "仌",
    "人": "入", "寿": "涛筹", "太": "大犬", "保": "堡", "险": "俭脸", "泰": "秦奉", "康": "唐", "新": "亲",
    "阳": "旧阴", "邮": "郎", "储": "诸楮", "通": "诵", "交": "文", "中": "申", "夏": "厦",
    "生": "牛", "活": "话", "明": "朋", "大": "太", "庆": "厌", "农商": "农啇",
}
# Same pinyin (or the sloppy southern reading), as in names chosen to pass keyword filters.
SOUND = {
    "工": "公功攻", "商": "尚伤", "建": "健见", "设": "社摄", "农": "浓侬", "业": "叶页", "交": "郊娇",
    "通": "同桶", "招": "昭", "民": "敏闽", "生": "升声", "信": "心新", "光": "广", "华": "化滑",
    "夏": "厦下", "平": "萍苹", "安": "岸", "浦": "普谱", "发": "法", "兴": "星幸", "恒": "衡横",
    "丰": "峰风", "北": "贝", "京": "经晶", "南": "男难", "江": "将姜", "苏": "酥素", "宁": "柠凝",
    "波": "拨播", "海": "嗨", "网": "往旺", "微": "薇威", "众": "重仲", "人": "仁", "寿": "受授",
    "太": "泰态", "保": "宝饱", "险": "显线", "泰": "太", "康": "慷糠", "新": "心欣", "阳": "洋杨",
    "邮": "游由", "储": "楚础", "银": "寅吟", "行": "航杭", "中": "忠钟", "国": "果", "储蓄": "楚旭",
}

# Names counterfeiters hide behind when they copy only the icon.
GENERIC_BANK_NAMES = (
    "手机银行", "掌上银行", "银行助手", "网银", "网上银行", "个人网银", "银行卡管家", "信用卡管家",
    "理财", "借款", "贷款", "极速贷", "安全认证", "证书更新", "数字钱包", "积分商城", "客户服务", "银行服务",
    "移动银行", "金融服务", "我的账户", "保险服务", "保单服务", "理赔助手", "车险", "养老金查询", "额度查询",
)

# Counterfeit publishers as a store or platform shows them.
DEV_CITIES = ("深圳市", "广州市", "杭州", "上海", "北京", "厦门", "成都", "武汉", "长沙", "合肥", "南宁", "郑州", "香港")
DEV_WORDS = ("鑫源", "汇通", "金盛", "众鑫", "恒达", "瑞丰", "华信", "优贷", "融易", "闪借", "万家", "乐享", "安盈",
             "天盛", "聚宝", "益达", "金桥", "易融", "宏图", "博远", "银信", "国泰", "新元", "创联")
DEV_TAILS = ("网络科技有限公司", "信息技术有限公司", "科技有限公司", "软件开发有限公司", "金融信息服务有限公司",
             "电子商务有限公司", "网络有限公司")
DEV_OTHER = ("个人开发者", "个人", "张伟", "李娜", "王磊", "Fast Loan Studio", "Smart Money Ltd", "Mobile Dev Team",
             "未知", "官方", "银行官方", "客服中心", "FinTech Apps Inc.", "LUCKY WALLET LIMITED")

# Legitimate apps that are not protected here, with the words counterfeiters also use.
OTHER_BANK_APPS = (
    ("北京农商银行", "com.bjrcb.mbank", "北京农村商业银行股份有限公司", "bjrcb"),
    ("上海农商银行", "com.srcb.mobile", "上海农村商业银行股份有限公司", "srcb"),
    ("广州银行", "com.gzcb.mbank", "广州银行股份有限公司", "gzcb"),
    ("中原银行", "com.zybank.mbank", "中原银行股份有限公司", "zybank"),
    ("长沙银行", "com.cscb.mbank", "长沙银行股份有限公司", "cscb"),
    ("成都银行", "com.cdcb.mobile", "成都银行股份有限公司", "cdcb"),
    ("贵阳银行", "com.gyb.mbank", "贵阳银行股份有限公司", "gyb"),
    ("汇丰中国", "cn.com.hsbc.hsbcchina", "汇丰银行（中国）有限公司", "hsbc"),
    ("渣打中国", "com.sc.cn.mobilebanking", "渣打银行（中国）有限公司", "sc"),
    ("东亚银行中国", "com.hkbea.cn.mbank", "东亚银行（中国）有限公司", "bea"),
    ("云闪付", "com.unionpay", "中国银联股份有限公司", "unionpay"),
    ("中国银联", "com.unionpay.portal", "中国银联股份有限公司", "unionpay"),
    ("中国邮政", "com.chinapost.app", "中国邮政集团有限公司", "cnpost"),
    ("涨乐财富通", "com.lphtsccft", "华泰证券股份有限公司", "htsc"),
    ("光大证券金阳光", "com.ebscn.jyg", "光大证券股份有限公司", "ebscn"),
    ("中国移动", "com.greenpoint.android.mc10086.activity", "中国移动通信集团有限公司", "chinamobile"),
    ("中国石化加油", "com.sinopec.oilcard", "中国石油化工集团有限公司", "sinopec"),
    ("华夏基金管家", "com.chinaamc.fund", "华夏基金管理有限公司", "hxfund"),
    ("平安好医生", "com.pingan.papd", "平安健康互联网股份有限公司", "pingan_doctor"),
    ("太平洋汽车", "cn.com.pcauto.android.browser", "广州市动易网络科技有限公司", "pcauto"),
    ("新华社", "net.xinhuamm.mainclient", "新华通讯社", "xinhua"),
    ("阳光高考", "cn.chsi.gaokao", "全国高等学校学生信息咨询与就业指导中心", "gaokao"),
    ("中金财富", "com.cicc.wealth", "中国国际金融股份有限公司", "cicc"),
)
# Other genuine apps with a common word of a protected name (工商, 建设, 农业, 交通, 招商, 民生, 光大, 平安 ...).
COMMON_WORD_APPS = (
    "工商注册查询", "工商执照办理", "企业工商信息查询", "工商联", "建设工程计价", "智慧建设",
    "农业气象", "中国农业信息网", "农业农村", "交通违章查询", "北京交通", "招商加盟网", "招商引资平台",
    "民生热线", "民生山西", "光大环境", "光大证券", "平安北京", "平安校园", "平安好医生", "兴业证券优理宝",
    "中信证券信e投", "中信建投蜻蜓点金", "招商证券智远一户通", "民生证券", "华夏基金", "华夏航空", "浦发大厦停车",
    "恒丰纸业", "北京地铁", "南京地铁", "江苏政务服务", "宁波地铁", "上海发布", "网商园", "人民日报",
    "人寿百科", "太平洋汽车", "太平洋电脑网", "阳光高考", "阳光宝宝", "新华网", "新华字典", "众安科技招聘", "渤海证券", "杭州公交", "重庆农业", "中国人民大学", "邮政EMS", "中国邮政",
    "中国银联", "中国移动", "中国电信", "中国石化", "中国国航", "中国天气", "中国大学MOOC",
)
FINANCE_TOOLS = (
    "房贷计算器", "随手记", "鲨鱼记账", "汇率换算", "个税计算器", "公积金查询", "社保查询", "信用卡管家", "卡牛信用卡管家",
    "股票行情", "同花顺", "东方财富", "基金助手", "理财计算器", "存款利率对比", "记账本", "银行卡归属地查询", "银行网点查询",
    "ATM地图", "数字钱包助手", "保险计算器", "车险比价", "养老金计算器", "贷款计算器", "个人征信查询指南", "支付宝",
    "微信", "京东金融", "度小满金融", "美团", "翼支付", "拉卡拉", "银行利率", "银行卡余额管家",
)
ORDINARY_APPS = (
    "抖音", "快手", "小红书", "高德地图", "百度地图", "美团外卖", "饿了么", "滴滴出行", "携程旅行", "铁路12306",
    "今日头条", "腾讯视频", "爱奇艺", "网易云音乐", "QQ音乐", "哔哩哔哩", "知乎", "微博", "淘宝", "拼多多", "闲鱼",
    "钉钉", "企业微信", "WPS Office", "夸克", "UC浏览器", "作业帮", "学习强国", "个人所得税", "国家反诈中心",
    "交管12123", "掌上公交", "墨迹天气", "Keep", "大众点评", "贝壳找房", "安居客", "58同城", "BOSS直聘", "智联招聘",
)
