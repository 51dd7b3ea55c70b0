"""What a policy declares, clause by clause, each item with the sentence it came from.

Dictionary and rules, no model: a personal-information type is declared where one of its words appears in a
sentence that does not deny collecting it ("我们不会收集您的通讯录"); a permission where its words appear; an SDK
where the SDK catalogue's name of it appears, or where the policy's SDK list names one ("SDK名称：…").
"""

import re

from . import vocabulary
from .policy import split

NEGATION = re.compile(
    r"(不会|不再|不收集|不获取|不读取|不调用|不申请|不涉及|不采集|不存储|不保存|不上传|不访问|无需|不需要|禁止|"
    r"从不|绝不|并未|未曾|未集成|未接入|未使用|未嵌入|没有集成|不集成|不接入|不包含|不包括|从未|不曾|不面向|不针对|"
    r"不要求|不强制|不看|不翻|不碰|不动用|不查看|不窥探|不偷看|不对外|不向第三方|不共享|不转让|不出售|不公开|不用于|请勿|切勿|请不要|不要向|不要将|谨防|没有(?:也不会)?(?:收集|获取|读取|采集|申请|调用|使用|存储|上传|访问|接入|嵌入)|"
    r"没(?:收集|获取|读取|采集|申请|调用)|"
    # what the app (or an SDK) cannot reach, or no longer embeds: 拿不到您的余额, 已移除个推SDK, 已下线 (not 无法获取: "如您
    # 拒绝，我们将无法获取您的位置" is what the app asks for)
    r"拿不到|看不到|碰不到|读不到|接触不到|获取不到|"
    r"已(?:移除|下线|停用|删除|卸载)|移除了|下线了|停止(?:使用|接入|集成)|不再(?:使用|集成|接入)|"
    # only planned (我们计划在后续版本中接入…SDK, 拟接入): not embedded yet (FRESH_SET_BRIEF.md)
    r"(?:计划|拟|准备|打算)(?:在[^，,。；;]{0,12}?)?(?:接入|集成|引入|嵌入|上线|使用))"
)
# "相册、通讯录我们都不碰": a denial after the items it denies, in the same part of the sentence
POST_NEGATION = re.compile(
    r"(?:都|均|也|一律|一概|从|绝)?不(?:会|再)?(?:被)?(?:主动)?(?:碰|收集|获取|读取|采集|访问|上传|存储|保存|调用)"
)
LIST_REST = re.compile(
    r"^(?:(?:[、和及与或/]|以及)[^，,。；;、和及与或]{1,8})*(?:等|这些|这类)?(?:信息|数据|内容)?"
    # the colloquial topic: 相册里有啥，我们不看
    r"(?:(?:里|中|内)(?:有啥|有什么|装了啥|的东西|的内容)?)?$"
)
TOPIC_DENIAL = re.compile(
    r"^[，,]\s*(?:我们|我行|本行|本App|App|本应用)?(?:都|均|也|一律|一概|从|绝|从来)?(?:不|未|从未|没有)(?:会|再|曾)?"
    r"(?:被)?(?:主动)?(?:碰|看|查看|翻|动|收集|获取|读取|采集|访问|上传|存储|保存|调用|申请|涉及)"
)
POSITIVE_VERB = re.compile(r"(收集|获取|读取|采集|使用|访问|调用|提供|填写|上传|需要|申请|处理)")
# where a denial stops: the next part of the sentence (，；) or a turn (但、而是、仅); 仅 right after a denial is
# part of it (我们不会仅为了统计分析而收集您的通讯录)
PART_BREAK = re.compile(r"[，,。；;！？!?]|但是|但|而是|(?<!不会)(?<!不)(?:仅|只)")
# "如我们发现在未获得监护人同意的情况下收集了儿童个人信息，会尽快删除": a promise about a mistake, not a
# declaration (the children's-section boilerplate of GB/T 35273 / the 2019 method)
HYPOTHETICAL = re.compile(r"(?:如|若|如果|倘若|一旦)[^。；;]{0,20}发现[^。；;]*删除")
# a device word naming a permission rather than data (…申请相机、麦克风等权限, 撤回对相机、麦克风的授权): read as a
# permission only
PERMISSION_AFTER = re.compile(
    r"^(?:[、和及与或/][\u4e00-\u9fffA-Za-z]{1,6}){0,8}(?:等|的|这些|这几项|这几个|这几类|这类|此类|几项)?(?:系统)?"
    r"(?:读写|读取|写入|访问|使用|调用)?(?:权限|授权)"
)
SYSTEM_PROMPT_BEFORE = re.compile(r"想(?:要)?(?:访问|使用)(?:您的|你的)?(?:设备|手机)?的?$")
PROMPT_PURPOSE = re.compile(r"^[”\"」』]?\s*[（(](?:仅)?(?:用于|以便|用来|为了?)([^（）()]{1,30})[)）]")
# a purpose that writes or sends (保存图片到相册, 写入日历, 拨打电话, 发送通知) does not read the data (FRESH_SET_BRIEF.md)
WRITING_PURPOSE = re.compile(
    r"^\s*(?:将|把)?[^，,]{0,4}?(?:保存|存储|写入|添加|新增|下载|导出|发送|推送|拨打|提醒|通知)"
)
READING_VERB = re.compile(
    r"(读取|获取|收集|采集|访问|上传)(?:您的|您)?(?:[\u4e00-\u9fffA-Za-z]{1,6}[、和及与或/])*$"
)
# what sensitive personal information is (以下信息属于敏感个人信息：…；个人敏感信息是指…): a definition, not a
# declaration, unless the sentence also says the app collects it
DEFINITION = re.compile(
    r"(?:敏感个人信息|个人敏感信息|个人信息)[”\"」』]?[，,]?(?:是指|系指|指的是|包括但不限于)|(?:敏感个人信息|个人敏感信息)是"
    # the brief's own example: 个人敏感信息包括…
    r"|(?:敏感个人信息|个人敏感信息)[”\"」』]?[，,]?(?:主要|一般|通常)?(?:包括|包含|例如)"
    r"|(?:属于|为|是)(?:个人)?敏感(?:个人)?信息"
    # a term of the policy's glossary: 本政策中的“设备信息”是指…
    r"|[“\"「『][^”\"」』]{1,12}[”\"」』]\s*(?:是指|系指|指的是|指)"
)
COLLECTING = re.compile(
    r"(?:我们|我行|本行|本公司|本App|本APP|本应用|App|APP|SDK|您)[^。；;]{0,12}?(?:收集|获取|采集|读取|提供|填写|上传|申请|调用)"
)
# the controller's contact: a value after the word (联系电话：010-…, 邮箱：dpo@…, 地址：北京市…) or its owner before it
CONTACT_VALUE = re.compile(
    r"^\s*(?:为|是)?\s*[:：]?\s*(?:[\d+（(][\d\-－ ()（）]{4,}|[A-Za-z0-9._%+-]+@|[\u4e00-\u9fff]{2,3}(?:省|市|自治区))"
)
CONTACT_OWNER = re.compile(
    r"(客服|我们的|我行的|本行的?|本公司的?|我司的?|负责人|官方|如下|联系我们的?"
    # a branch's or a shop's contact the app shows (网点详情页点击联系电话, 门店的联系电话)
    r"|(?:网点|营业网点|营业厅|门店|商户|商家|支行|分行|机构)(?:详情页?|页面|信息)?(?:中|上|里|内)?(?:的|点击|拨打)?)$"
)
# the object of an operation on the user's data, not a declaration of collecting it: a rights clause (您可以查阅、
# 更正您的手机号) or a business (修改绑定手机号、找回登录密码、重置登录密码)
OPERATION_BEFORE = re.compile(
    r"(?:修改|找回|重置|更改|变更|更正|查阅|复制|删除|解绑|冻结|挂失|忘记|遗忘)"
    r"(?:[、和或及与/](?:修改|找回|重置|更改|变更|更正|查阅|复制|删除|解绑|冻结|挂失|忘记|遗忘))*"
    # not the user's action in a relative clause (识别您复制的收款人卡号: what the user copied is read)
    r"(?!的)"
    r"(?:您的|你的|个人的?|已?绑定的?|预留的?|登录的?)?"
    r"(?:(?:(?!收集|获取|采集|提供|填写|上传|读取|使用|输入|时|后)[^，,。；;、]){1,8}[、和或及与/])*$"
)
# data an authority holds, compared with (与公安机关留存的身份证照片进行比对): not collected from the user
AUTHORITY_HELD = re.compile(
    r"(?:公安|权威|有权机关|国家机关|政府部门|有关部门|主管部门)[^，,。；;]{0,8}?(?:留存|预留|登记|存档|存储|保存)的"
    r"[^，,。；;]{0,6}$"
)
# what the user looks up in the app (您可以通过它快速查询账户余额): the user's own use, not data the app collects
USER_LOOKUP = re.compile(
    r"(?:您|你)(?:也)?(?:可以|可|能够|能)[^，,。；;]{0,10}?(?:查询|查看|浏览|了解)(?:您的|你的)?(?:[^，,。；;、]{1,8}[、和或及与/])*$"
)
# what the app creates or opens for the user (用于创建您的网络银行账户, 为您开立账户) is its own doing, not data collected
CREATED_BEFORE = re.compile(
    r"(?:创建|开立|开设|新建|建立)(?:您的|你的|一个)?(?:(?!提供|填写|收集|获取|上传|输入|读取|绑定|时|后)[^，,。；;、（）()]){0,6}$"
)
# a test of what something is (识别其是否为银行卡号): no data of that type is declared
WHETHER = re.compile(r"是否(?:为|是|属于)$")
# a purpose the user's own action is (为便于您快速填写收款账号，…), or keeping it safe (为保障您输入密码时的安全，…): a
# word that needs a verb is not declared by it
PURPOSE_PART = re.compile(r"^\s*(?:为了?|以)(?:便于|方便|保障|保护|确保|维护)")
# writing to the album is not reading it (保存电子回单图片至相册)
WRITE_TO = re.compile(
    r"(?:保存|存储|存入|下载|写入|导出|存)[^，,。；;]{0,12}?(?:至|到|进|入)(?:手机|系统|本地|您的)?$"
)
# writing into the user's store (将提醒事项写入您的系统日历, 添加到您的日历) is not reading it, unless the same part reads
# it too (读取和写入您的日历)
WRITE_INTO_DIRECT = re.compile(r"(?:写入|存入|添加到|添加至|同步到|同步至)(?:您的|你的|手机|系统|本地|设备)*$")
# …and what is written there (把还款日程添加到您的手机日历) is the app's entry, not the user's data read
OBJECT_WRITTEN = re.compile(
    r"^[^，,。；;]{0,4}?(?:添加到|添加至|写入|同步到|同步至|存入)(?:您的|你的|手机|系统|本地|设备)*(?:日历|相册|通讯录)"
)
WRITE_AND_READ = re.compile(r"读取|读写|获取|查看|查询|访问")
# data the policy only says it protects (我们对您的银行卡号、交易密码采用加密存储; 加密存储您的卡号) is not declared
# by that (FRESH_SET_BRIEF.md): the words of the protected object
PROTECTED_OBJECT = re.compile(
    r"对(?:您的?|你的?)?([^。；;，,]{1,40}?)(?:均|都|将|会)?(?:采用|采取|进行|做|实施|予以)?(?:了)?(?:严格的?|安全的?|必要的?)?"
    r"(?:加密|脱敏|去标识化|匿名化|掩码|屏蔽)"
    r"|(?:加密|脱敏)(?:存储|保存|传输|处理)(?:您的?|你的?)?([^。；;，,]{1,20})"
    # a masked display (卡号仅显示后四位、姓名仅显示姓氏) or an encrypted input (交易密码的加密输入)
    r"|([^。；;，,、：:]{1,10}?)(?:仅|只)(?:显示|展示)"
    r"|([^。；;，,、：:]{1,12}?)的?加密输入"
)
# the role another datum plays (手机号码作为登录账号): the phone number is declared, not an account of its own
# (FRESH_SET_BRIEF.md: a phone number used as the login account is phone_number only)
ROLE_BEFORE = re.compile(
    r"(?:手机号码?|电话号码|手机号|邮箱地址|电子邮箱|邮箱)(?:将|会|即)?(?:作为|用作|充当|作)(?:您的|你的)?(?:唯一的?)?$"
)
# what the user says to the app (语音识别转账金额, 语音输入收款人姓名) is the user's voice, not the type its words name
SPOKEN_BEFORE = re.compile(
    r"语音(?:识别|输入|录入|转写|播报)(?:您的|你的)?(?:收款人|付款人|对方|联系人)?(?:的)?$"
)
# a word in the quoted name of a feature (您在“理财日历”中设置提醒, “步数换积分”活动) names the feature, not data
QUOTED_FEATURE = re.compile(r"[“「『]([^“”「」『』]{1,10})[”」』](?=中|里|内|功能|活动|页面|服务|模块|栏目|频道|板块|专区)")
# what the app saves or sends out (用于保存电子回单图片, 下载交易凭证图片) is the app's output, not the user's data;
# saving the user's own (保存您的影像) is collecting it
SAVED_OBJECT = re.compile(
    r"(?:保存|下载|导出|生成|写入|(?:寄送|邮寄|寄发)(?!地址)|(?:向|为|给)(?:您|你)(?:发送|推送))(?![您你])[^，,。；;（）()、]{0,8}$"
)
# a word inside the name of an SDK (XX科技活体检测SDK, 人脸识别SDK) names what the SDK does, not data it collects
IN_SDK_NAME = re.compile(
    r"^(?:(?![由其将的被经等会把向给从在为用及和与或、，,。；;：:\s（）()|])\S){0,6}?(?:SDK|sdk|Kit|KIT)(?![A-Za-z])"
)
# near a biometric permission's identifier (ohos.permission.ACCESS_BIOMETRIC（指纹/人脸快捷登录）) a fingerprint or a
# face is the device's own unlock: the app gets a pass or fail (FRESH_SET_BRIEF.md), unless it captures the feature
BIOMETRIC_PERMISSION_BEFORE = re.compile(
    r"(?:ACCESS_BIOMETRIC|USE_BIOMETRIC|USE_FINGERPRINT|NSFaceIDUsageDescription)[^A-Za-z。；;、]{0,10}$"
)
# a word that needs a verb, with the verb after it in the passive (聊天中的图片、语音将被保存)
PASSIVE_AFTER = re.compile(
    r"^[^，,。；;]{0,16}?(?:将|会|均|都)?(?:被|由我们|由本行)(?:保存|收集|上传|记录|存储|采集|读取|获取|留存)"
)
# the app offering a service (以提供视频理财顾问服务): the word names the service, not the user's data
OFFERING_BEFORE = re.compile(
    r"(?:以|以便|为您|向您|为你|向你|用于)(?:提供|展示|显示|推荐)(?:当地|本地|附近|相关|对应)?"
    # the services shown together (展示当地社保卡及公积金服务)
    r"(?:[^，,。；;]{1,6}?(?:及|和|与|、|以及))*$"
)
SERVICE_AFTER = re.compile(r"^[^，,。；;]{0,6}?(?:服务|功能)")
# writing events into the calendar is not reading it (向日历写入还款提醒, 在您的日历中添加提醒)
WRITE_INTO_HEAD = re.compile(r"(?:向|往|在|到)(?:您的|你的|手机|系统|本地)*$")
WRITE_INTO_TAIL = re.compile(r"^(?:中|里|内)?(?:写入|添加|新增|创建|新建)")
# what the app derives (用于生成设备指纹, 形成您的用户画像) is not data collected from the user
DERIVED_BEFORE = re.compile(r"(?:生成|形成|构建)(?:您的|你的|唯一的?|一个)?$")
# data kept on the device only (指纹信息仅保存在您的设备中): not collected
LOCAL_ONLY_AFTER = re.compile(
    r"^[^，,。；;]{0,6}?(?:仅|只)(?:会)?(?:保存|存储|存放|留存|储存|保留)(?:在|于)(?:您的?|你的?)?(?:手机|设备|本地|终端|本机)"
)
# an entry of the user's address book (所选联系人的姓名和手机号码, 通讯录中的姓名、电话) is contacts, not the user's own
# name or number (FRESH_SET_BRIEF.md); an emergency or business contact the user fills in (紧急联系人的姓名, 单位联系人
# 电话) is not the address book
ADDRESS_BOOK_BEFORE = re.compile(
    r"(?:(?<!紧急)(?<!单位)(?<!企业)(?<!公司)(?<!业务)(?<!指定)联系人|通讯录(?:中|里|内)?)的?(?:(?:姓名|名字|名称|手机号码?|电话号码?|号码|电话)(?:[、和及与或/]|以及))*$"
)
ADDRESS_BOOK_TYPES = {"name", "phone_number"}
# a photo the user takes (拍摄事故现场照片) is the camera's, not a file of the album
TAKEN_WITH_CAMERA = re.compile(r"拍摄|拍照|拍下|拍一张|拍张")
ALBUM = re.compile(r"相册|图库|本地图片|选择|选取|上传")
VIDEO_CAPTURED = re.compile(r"采集|录制")
HOLDING_AFTER = re.compile(r"^(?:中|里|内)的")
# the network the app locates the user by (通过GPS及基站信息确定您所在的城市, 借助Wi-Fi进行定位): the location is read,
# the network's data is its means
LOCATING_MEANS = re.compile(r"(?:通过|借助|利用|结合|基于|根据)[^，,。；;]{0,12}$")
LOCATING_AFTER = re.compile(
    r"^[^，,。；;]{0,8}?(?:(?:确定|判断|计算|确认|获取|识别)(?:您|你)?的?(?:所在|当前|大致|实时)?的?(?:位置|城市|地区|区域|所在地)"
    r"|(?:进行|实现|辅助|完成)定位(?!权限))"
)
# the device the app chooses a component by (根据您的机型使用商汤SDK): a choice on the device, not data collected
CHOICE_BY_BEFORE = re.compile(r"(?:根据|依据|按照|视|针对)(?:您的|你的)?(?:手机|设备)?的?$")
CHOICE_BY_AFTER = re.compile(r"^(?:的?不同)?[，,]?(?:而|来)?(?:使用|调用|选用|选择|启用|采用)")
CHOICE_TYPES = {"device_info"}
# a word that needs a verb names a permission, a service or a feature when one of these follows (获取您的位置权限)
WEAK_WORD_NAMES = re.compile(r"^(?:信息)?(?:权限|服务|功能|授权)")
# "该SDK不收集任何个人信息": a sentence that denies collecting any personal information declares none
NO_PI_AT_ALL = re.compile(
    r"(?:不|未|无需)(?:会|再)?(?:收集|获取|采集|处理|读取)(?:您的)?任何(?:个人)?(?:信息|数据)|不涉及(?:收集)?(?:您的)?任何个人信息"
)
# "我们仅获取认证是否通过的结果": a verification done by someone else gives the app its result, not the biometric
POSITIVE_COLLECTING = re.compile(r"收集|获取|采集|读取|上传|提供您的|填写")
RESULT_ONLY = re.compile(r"(?:仅|只)(?:会)?(?:获取|接收|获得|取得|得到|收到|返回)[^。；;，,]{0,12}?结果")
RESULT_ONLY_TYPES = {"biometric_face", "biometric"}
CAPTURING = re.compile(r"采集|收集|拍摄|录制|上传|读取|获取您的|获取你的")
# a permission used to capture (调用您设备的相机权限以采集…, 通过麦克风权限采集…): the capture is data too
CAPTURE_AFTER = re.compile(r"^[^，,。；;]{0,6}?(?:采集|拍摄|录制|扫描|录入|识别|拍照|录音)")
CAPTURE_TYPES = {"camera": "camera", "microphone": "microphone"}
CONTACT_TYPES = {"phone_number", "email", "address", "name"}
QUOTES = re.compile(r"[“”\"「」『』‘’《》]")
SHORT_ASIDE = re.compile(r"[（(][^（）()]{1,8}[)）]")
PERMISSION_ASIDE = re.compile(r"[（(]([^（）()]{0,12}权限)[)）]")
# a record that speaks of SDKs or third parties, where a maker's name stands for its SDK
SDK_CONTEXT = re.compile(
    r"SDK|sdk|Kit|KIT|插件|组件|控件|提供方|服务商|服务提供者|第三方|合作方|接入|集成|嵌入|通道|提供的|提供给|技术服务"
)
SDK_ENTRY_START = re.compile(
    r"(?:SDK|第三方|插件|合作方)\s*(?:名称|名字)|(?:提供方|公司名称|第三方主体)\s*[:：]"
)
PURPOSE_FIELD = re.compile(r"(?:使用|收集|处理|共享)?(?:目的|用途|功能|场景|业务)\s*[:：]")
SDK_WORD = re.compile(r"SDK|sdk|Kit|KIT|插件|组件|控件")
SDK_MENTION = re.compile(r"([A-Za-z0-9\u4e00-\u9fff+·\-. ]{2,16}?)\s*(?:SDK|sdk|Kit|KIT)")
TABLE_CELL = re.compile(r"\s*\|\s*|\t+")
# an SDK the policy names in quotes where it says the app embeds it (我们集成了…提供的“CFCA安全键盘SDK”): listed by
# that name when the catalogue does not know it
QUOTED_SDK = re.compile(r"[“「\"]([^“”「」\"，,。；;]{2,24}?(?:SDK|sdk|Kit|KIT))[”」\"]")
# the words before an SDK's name that are not part of it (…提供的, 集成了, 由…)
NOT_OF_THE_NAME = re.compile(r"的|了|由|及|和|与|、|以及|提供|使用|集成|接入|嵌入|引入|内置")
MAKER_ASIDE = re.compile(r"\s*[（(][^（）()]{2,30}(?:公司|集团|中心|研究院)[)）]")
UNQUOTED_SDK = re.compile(r"([A-Za-z0-9\u4e00-\u9fff+\-. ]{2,30}?)\s*(SDK|sdk)(?![A-Za-z])")
# words of an SDK's name that are no brand: its function, what it is (第三方推送SDK, 人脸识别SDK, 该SDK)
NOT_A_BRAND = re.compile(
    r"^(?:该|此|上述|以下|相关|第三方|这些|其他|其它|各类|多个|本|各|所|其|部分|同类|下列|前述|一个|一款|某)"
)
NO_BRAND_WORDS = ("识别", "安全", "能力", "功能", "服务", "工具", "开发", "软件", "验证", "第三方", "官方")


def _names_a_maker(text: str) -> bool:
    """Whether the text names a catalogue SDK or the maker of one (网易易盾的行为验证码SDK is 易盾's)."""
    norm = _norm(text)
    return any(
        vocabulary.name_fits(norm, m)
        for pattern in (vocabulary.sdk_name_pattern()[0], vocabulary.vendor_pattern()[0])
        for m in pattern.finditer(norm)
    )


def _brand_left(name: str) -> bool:
    """Whether a name before SDK holds a brand once its function and generic words are taken away (CFCA安全键盘 does,
    人脸识别 and 第三方推送 do not)."""
    if len(name) < 2 or NOT_A_BRAND.match(name):
        return False
    rest = _norm(name)
    words = {w.lower() for ws in vocabulary.sdk_functions().values() for w in ws}
    for word in sorted(
        words | set(vocabulary.GENERIC_SDK_WORDS) | set(NO_BRAND_WORDS), key=len, reverse=True
    ):
        rest = rest.replace(word, "")
    return len(rest) >= 2


EMBEDDING = re.compile(r"集成|接入|嵌入|引入|使用了|内置")
PACKAGE_NAME = re.compile(r"(?<![A-Za-z0-9_.])[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+(?![A-Za-z0-9_])")
# a list of the SDKs' makers (第三方SDK提供方：腾讯、OPPO / SDK的提供方包括… / 内嵌的第三方组件包括：百度、极光 / 合作方：百度)
PROVIDER_LIST = re.compile(
    r"(?:(?:SDK|sdk|插件|组件)的?(?:提供方|提供商|服务商|开发者|运营方)|第三方(?:SDK|sdk|插件|组件)|合作方|合作伙伴)"
    r"(?:主要)?(?:(?:包括|包含|有|为|是|如下)\s*[:：]?|\s*[:：])\s*([^。；;\n|]+)"
)
PACKAGE_LIST = re.compile(
    r"(?:SDK|sdk|组件|插件)的?包名(?:列表|清单|如下)?\s*(?:[:：]|包括|有)\s*([^。；;\n|]+)"
)
SDK_LIST_NAME = re.compile(r"(?:第三方)?SDK\s*(?:名称|名字)\s*[:：]\s*([^；;，,|\n。]+)", re.I)
DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
EFFECTIVE = re.compile(r"(?:生效日期|生效时间|施行日期)[ \t]*[:：]?[ \t]*(?:" + DATE + ")")
EFFECTIVE_FROM = re.compile(r"(?:" + DATE + r")[ \t]*(?:起)?[ \t]*(?:正式)?生效")
UPDATED = re.compile(r"(?:更新日期|更新时间|发布日期|版本日期|最近更新)[ \t]*[:：]?[ \t]*(?:" + DATE + ")")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"(?:95\d{3,4}|400[-\s]?\d{3}[-\s]?\d{4}|0\d{2,3}-\d{7,8}|1[3-9]\d{9})")
RIGHTS = {
    "withdraw_consent": ("撤回同意", "撤回授权", "撤回您的授权", "撤回您的同意", "关闭权限", "取消授权"),
    "correct": ("更正", "修改您的个人信息", "补充"),
    "delete": ("删除您的个人信息", "删除个人信息", "请求删除", "要求删除", "删除"),
    "deregister": ("注销账户", "注销账号", "注销您的账户", "注销您的账号", "账户注销", "账号注销", "注销"),
    "copy": ("复制", "获取个人信息副本", "转移"),
}
PERMISSION_CONTEXT = re.compile(
    r"(权限|访问|授权|开启|调用|申请|获取|请求|允许|想(?:要)?(?:使用|(?:给|向)(?:您|你)?发送)"
    r"|同意(?:我们|本应用|本App|App)?(?:用|使用|访问|调用|开启|打开))"
)
# a bare name (相机, 位置) as an item of a list that ends in 权限: 相机、位置信息及通讯录等权限
PERMISSION_LIST_AFTER = re.compile(
    r"^(?:(?:[、和及与或/]|以及)[^、，,。；;：:]{1,10}?)*(?:等|在内)?(?:的)?(?:这些|这几项|这几个|这几类|这类|此类|几项)?"
    # 关闭剪贴板访问权限: the permission named with what it allows
    r"(?:系统|相关|设备|手机|敏感)?(?:访问|使用|读取|读写|调用)?权限"
)
# …or right after a request for it: 申请访问相机, 请求使用麦克风, 授权我们访问通讯录, 允许手机银行使用位置; or the
# system's prompt (“XX银行”想访问您的相机, 想给您发送通知). The app calling the device without 权限/授权 wording (调用
# 摄像头和麦克风) is data, not a permission (FRESH_SET_BRIEF.md); a purpose after the request (请求相机授权以拍摄…照片)
# is not what is requested
PERMISSION_REQUEST_BEFORE = re.compile(
    r"(?:(?:申请|请求|授予|授权|允许)(?:(?!以|用于|用来|为了|便于)[^，,。；;]){0,10}?(?:访问|使用|调用|读取|获取|开启|打开)?|开启"
    r"|想(?:要)?(?:访问|使用|(?:给|向)(?:您|你)?发送)"
    # the user agreeing to the app's use of it (得先同意我们用相机)
    r"|同意(?:我们|本应用|本App|App)?(?:用|使用|访问|调用|开启|打开))(?:设备|手机|系统)?的?$"
)
# a list after a request and a colon: 是否允许使用：摄像头和麦克风（开户视频见证时录制音视频）、相册（上传资产证明）
PERMISSION_REQUEST_LIST = re.compile(
    r"(?:(?:申请|请求|授予|授权|允许|询问)[^，,。；;：:]{0,8}?(?:访问|使用|调用|开启|获取|打开)"
    # …or a bare request and a colon (本应用在HarmonyOS NEXT上可能申请：相机、麦克风、图片和视频)
    r"|(?:可能|将|会|需要|需|或将)(?:向您|向你)?(?:申请|请求)(?:以下|如下|下列)?(?:系统)?(?:权限)?)"
    r"\s*[:：]\s*([^；;。|\n]+)"
)
# 权限名称：相机 / 申请以下权限：相机、麦克风、位置信息 / 所需权限: 存储
# a bare list after a title (XX版本权限清单：位置信息、相机 / 权限说明：… / 系统权限：… / 需要以下权限：…)
PERMISSION_FIELD = re.compile(
    r"(?:权限名称|权限名|权限类型|权限项|权限(?:(?:调用|使用|申请|获取)?(?:清单|列表|说明|明细|一览|汇总))?)\s*[:：]\s*([^；;。|\n]+)"
)
# "我们可能向您申请以下权限：" / "App所需权限如下:" announces a list whose items follow as clauses or sentences
PERMISSION_LIST_OPENER = re.compile(
    r"权限[^。；;，,]{0,12}[:：]\s*$|权限(?:清单|列表|说明)?(?:如下|包括)[:：]?\s*$"
)
OPENER_THEN_ITEM = re.compile(r"权限[^。；;，,:：]{0,12}[:：]\s*(?=[-•·*①-⑳]|\d+[.、．])")
PERMISSION_ITEM_START = re.compile(
    r"^\s*(?:[-•·*]\s*)?([^\s:：（(，,。；;—-]{1,12}?)(?:权限)?\s*(?:[:：（(—-]|用于|以便)"
)
# …or where the system's authorisation prompt asks for it (需您在授权弹窗中同意)
AUTHORISED = re.compile(
    r"(?:经|在|待|获得|取得)?(?:您|你)(?:的)?(?:单独|明确)?(?:授权|同意授权)|授权弹窗|授权弹框|授权提示框|弹窗授权"
)
# the types a permission is named after: a permission list's item 相机 / 位置信息 / 通讯录 names the permission only
PERMISSION_DATA_TYPES = {
    "camera",
    "microphone",
    "photos_media",
    "sensor_data",
    "clipboard",
    "location",
    "contacts",
    "calendar",
    "sms",
    "call_log",
}
PERMISSION_ITEM_SPLIT = re.compile(r"[、，,/和及与或]|以及")
# a denial after the permission: 相机权限我们不会申请
PERMISSION_POST_NEGATION = re.compile(
    r"^[^，,。；;]{0,6}?(?:都|均|也|一律|从)?(?:不会|不|未|无需)(?:再)?(?:申请|获取|调用|开启|使用|请求)"
)
# the platforms' permission identifiers: android.permission.X, ohos.permission.X, a bare constant, NS…UsageDescription
PERMISSION_ID = re.compile(
    r"((?:[a-z]+\.)+permission\.[A-Za-z_.]+|scope\.[A-Za-z]+|(?:wx|my|swan|tt|qq)\.[a-z][A-Za-z]+)"
    r"|(?<![A-Za-z_.])([A-Z][A-Z_]{3,}[A-Z]|NS[A-Za-z]+UsageDescription|NFCReaderUsageDescription)(?![A-Za-z_])"
)
RETENTION = re.compile(r"(保存期限|存储期限|保存期|留存期限|保存时间|存储时间|保留期限)")
SENSITIVE_MARK = re.compile(r"(【[^】]*敏感个人信息[^】]*】|敏感个人信息[^。]*(加粗|以粗体|下划线|黑体))")
COMPLAINT = ("投诉", "举报", "申诉")


_norm = vocabulary.normalise


def _dates(match) -> str | None:
    if not match:
        return None
    parts = [g for g in match.groups() if g]
    if len(parts) < 3:
        return None
    year, month, day = parts[:3]
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _part(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after sentence[start:end] within its part of the sentence (up to ，；。 or 但)."""
    before = sentence[:start]
    breaks = list(PART_BREAK.finditer(before))
    head = before[breaks[-1].end() :] if breaks else before
    after = sentence[end:]
    stop = PART_BREAK.search(after)
    return head, after[: stop.start()] if stop else after


def _denied(sentence: str, start: int, end: int) -> bool:
    """A denial governs the word: 我们不会收集、存储您的指纹信息或面部特征 / 相册、通讯录我们都不碰."""
    head, tail = _part(sentence, start, end)
    if NEGATION.search(head):
        return True
    if POST_NEGATION.search(tail[:16]) and not POSITIVE_VERB.search(head):
        return True
    # a list as the topic, its denial as the comment: 通话记录和短信，我们一概不碰
    rest = sentence[end + len(tail) :]
    return bool(LIST_REST.match(tail)) and not POSITIVE_VERB.search(head) and bool(TOPIC_DENIAL.match(rest))


def _names_a_permission(sentence: str, start: int, end: int) -> bool:
    """相机 in 申请相机、麦克风等权限 names a permission, not data the app collects; 读取通话记录的权限 reads data."""
    # 相册（存储）权限: an aside between the name and 权限
    after = SHORT_ASIDE.sub("", QUOTES.sub("", sentence[end : end + 80]))
    # the system's prompt: “XX银行”想访问您的相机; with a purpose that reads the data (想访问您的通讯录（用于快速填写
    # 联系人）) it is the data as well, with one that writes or sends (用于保存电子回单图片) the permission only
    if SYSTEM_PROMPT_BEFORE.search(sentence[max(0, start - 12) : start]):
        purpose = PROMPT_PURPOSE.match(sentence[end:])
        return not purpose or bool(WRITING_PURPOSE.match(purpose.group(1)))
    reading = READING_VERB.search(sentence[max(0, start - 60) : start])
    # 获取您的日历权限 obtains the permission; 读取通话记录的权限 is the permission to read the data
    if reading and reading.group(1) == "获取" and after.startswith("权限"):
        reading = None
    return bool(PERMISSION_AFTER.match(after)) and not reading


PURPOSE_INSIDE = re.compile(r"[^\s（(]以(?:便|保障|确保|保护|识别|防范|防止|完成|实现)|用于")
PURPOSE_ASIDE = re.compile(r"\s*(?:仅)?(?:用于|以便|用来|供|为了|为|如)")


def _in_permission_gloss(sentence: str, start: int, end: int) -> bool:
    """相机（摄像头）权限 / 电话（设备信息）权限 / 存储（相册）、位置等权限: the aside after a permission's name says
    what the permission is, it is not data the app collects. The aside must follow a permission's name and the
    sentence must speak of permissions."""
    open_at = max(sentence.rfind("（", 0, start), sentence.rfind("(", 0, start))
    if open_at < 0 or start - open_at > 12 or re.search(r"[)）]", sentence[open_at:start]):
        return False
    close = re.search(r"[)）]", sentence[end : end + 16])
    if not close or "权限" not in sentence or PURPOSE_ASIDE.match(sentence[open_at + 1 :]):
        return False
    # an aside that gives what the data is used for (读取电话状态（获取设备标识以保障账户安全）) declares it
    if PURPOSE_INSIDE.search(sentence[open_at + 1 : end + close.start()]):
        return False
    before = sentence[max(0, open_at - 12) : open_at]
    names = [w for w, _c in vocabulary.permission_words() + vocabulary.permission_short_words()]
    return any(before.endswith(w) for w in names)


def _controllers_contact(sentence: str, start: int, end: int) -> bool:
    """联系电话：010-… / 个人信息保护负责人邮箱：dpo@… / 我们的联系地址: the controller's own contact, not the user's."""
    return bool(CONTACT_VALUE.match(sentence[end : end + 40])) or bool(
        CONTACT_OWNER.search(_part(sentence, start, end)[0][-12:])
    )


def _no_pi_at_all(sentence: str) -> bool:
    """该SDK不收集任何个人信息, where the sentence collects nothing else."""
    match = NO_PI_AT_ALL.search(sentence)
    return bool(match) and not POSITIVE_COLLECTING.search(sentence[: match.start()] + sentence[match.end() :])


def _not_declared(sentence: str, start: int, end: int | None = None) -> bool:
    """The word is the object of an operation (修改绑定手机号), data an authority holds, what something is tested
    to be (是否为银行卡号), what the app derives (生成设备指纹), data kept on the device only (指纹信息仅保存在您的设备
    中), or the album data is written to."""
    head = _part(sentence, start, start)[0]
    return bool(
        OPERATION_BEFORE.search(head)
        or AUTHORITY_HELD.search(head)
        or WHETHER.search(head)
        or USER_LOOKUP.search(head)
        or DERIVED_BEFORE.search(head)
        or CREATED_BEFORE.search(head)
        or LOCAL_ONLY_AFTER.match(sentence[end if end is not None else start :])
        or WRITE_TO.search(head)
        or (WRITE_INTO_DIRECT.search(head) and not WRITE_AND_READ.search(head))
        or (end is not None and bool(OBJECT_WRITTEN.match(sentence[end:])) and not WRITE_AND_READ.search(head))
        or SAVED_OBJECT.search(head)
        or _protected_only(sentence, start)
        or any(m.start(1) <= start < m.end(1) for m in QUOTED_FEATURE.finditer(sentence))
        or bool(SPOKEN_BEFORE.search(head))
        or bool(ROLE_BEFORE.search(head))
        or (
            end is not None
            and bool(OFFERING_BEFORE.search(head))
            and bool(SERVICE_AFTER.match(sentence[end:]))
        )
        or (end is not None and bool(IN_SDK_NAME.match(sentence[end:])))
        or (
            end is not None
            and bool(WRITE_INTO_HEAD.search(head))
            and bool(WRITE_INTO_TAIL.match(sentence[end:]))
        )
    )


def _protected_only(sentence: str, start: int) -> bool:
    """The word is the object of a protection (对您的银行卡号加密存储), not of a collection."""
    for match in PROTECTED_OBJECT.finditer(sentence):
        group = next(i for i in range(1, (match.re.groups or 0) + 1) if match.group(i) is not None)
        words = match.group(group)
        if match.start(group) <= start < match.end(group) and not POSITIVE_COLLECTING.search(words):
            return True
    return False


def _pi_in(sentence: str) -> list[tuple[str, str]]:
    if (
        HYPOTHETICAL.search(sentence)
        or _no_pi_at_all(sentence)
        or (DEFINITION.search(sentence) and not COLLECTING.search(sentence))
    ):
        return []
    result_only = bool(RESULT_ONLY.search(sentence))
    found, taken = [], [False] * len(sentence)
    # a word inside a catalogue SDK's name (华为统一扫码服务, 百度人脸识别) names what the SDK does, not data it collects
    sdk_pattern, _entries = vocabulary.sdk_name_pattern()
    low = sentence.lower()
    in_sdk_names = [
        (m.start(), m.end()) for m in sdk_pattern.finditer(low) if vocabulary.name_fits(low, m)
    ]
    identifiers = [(m.start(), m.end()) for m in PERMISSION_ID.finditer(sentence)]
    pattern, types = vocabulary.pi_pattern()
    for match in pattern.finditer(sentence):  # left to right, the longest word at each place
        start, end, code = match.start(), match.end(), types[match.group()]
        taken[start:end] = [True] * (end - start)
        if (
            code is not None
            and not (
                result_only
                and code in RESULT_ONLY_TYPES
                and not CAPTURING.search(_part(sentence, start, end)[0])
            )
            and not _denied(sentence, start, end)
            and not _names_a_permission(sentence, start, end)
            and not _in_permission_gloss(sentence, start, end)
            and not (code in CONTACT_TYPES and _controllers_contact(sentence, start, end))
            and not _not_declared(sentence, start, end)
            and not any(s <= start and end <= e for s, e in in_sdk_names)
        ):
            head = _part(sentence, start, end)[0]
            if (
                code == "photos_media"
                and TAKEN_WITH_CAMERA.search(head)
                and not ALBUM.search(head + match.group())
            ):
                continue
            # a video captured (采集您的视频影像) is the camera's, not a file of the album
            if code == "photos_media" and "视频" in match.group() and VIDEO_CAPTURED.search(head):
                continue
            if (
                code == "network_info"
                and LOCATING_MEANS.search(head)
                and LOCATING_AFTER.match(sentence[end:])
            ):
                code = "location"
            if (
                code in CHOICE_TYPES
                and CHOICE_BY_BEFORE.search(head)
                and CHOICE_BY_AFTER.match(sentence[end:])
            ):
                continue
            # the record that holds other data (聊天记录中的图片) is not declared by holding it
            if code == "usage_behavior" and HOLDING_AFTER.match(sentence[end:]):
                continue
            # a word inside a platform's permission identifier (ACCESS_WIFI_STATE) names the permission
            if any(s <= start and end <= e for s, e in identifiers):
                continue
            if (
                code in RESULT_ONLY_TYPES
                and BIOMETRIC_PERMISSION_BEFORE.search(sentence[max(0, start - 24) : start])
                and not CAPTURING.search(head)
            ):
                continue
            if code in ADDRESS_BOOK_TYPES and ADDRESS_BOOK_BEFORE.search(head):
                code = "contacts"
            found.append((code, match.group()))
    for word, (code, verbs) in vocabulary.pi_words_needing_a_verb().items():
        if word not in sentence:
            continue
        for match in re.finditer(re.escape(word), sentence):
            start, end = match.start(), match.end()
            if any(taken[start:end]):
                continue  # inside a longer word (密码 of 密码键盘, 账号 of 注销账号 or of 收款账号)
            taken[start:end] = [True] * (end - start)
            head, tail = _part(sentence, start, end)
            if (
                (any(v in head for v in verbs) or bool(PASSIVE_AFTER.match(tail)))
                and not WEAK_WORD_NAMES.match(sentence[end:])
                and not OFFERING_BEFORE.search(head)
                and not PURPOSE_PART.match(head)
                and not _not_declared(sentence, start, end)
                and not _denied(sentence, start, end)
                and not _names_a_permission(sentence, start, end)
            ):
                found.append((code, word))
                break
    return found


def _permission_denied(sentence: str, at: int, end: int) -> bool:
    head, tail = _part(sentence, at, end)
    if NEGATION.search(head) or PERMISSION_POST_NEGATION.match(tail):
        return True
    # 相机、麦克风权限，我们都不会申请: the list as the topic, its denial as the comment
    rest = sentence[end + len(tail) :]
    return (
        bool(LIST_REST.match(re.sub(r"(?:等|的)?权限$", "", tail)))
        and not POSITIVE_VERB.search(head)
        and bool(TOPIC_DENIAL.match(rest))
    )


def _permission_items(value: str) -> list[tuple[str, str]]:
    """The groups a list of permission names stands for (相机、位置信息、通讯录 / 存储（相册） / READ_CONTACTS):
    each item begins with one of a group's words or bare names."""
    words = vocabulary.permission_words() + vocabulary.permission_short_words()
    found = []
    # a name that holds a word of the list's joints (图片和视频, 照片和视频) is one item
    joined = {w: re.sub(r"[和及与或/]", "\u2060", w) for w, _c in words if re.search(r"[和及与或/]", w)}
    for word in sorted(joined, key=len, reverse=True):
        value = value.replace(word, joined[word])
    # 扫码（相机）、网点导航（位置）: a feature with its permission in an aside (split keeps the asides whole)
    for item in re.split(r"(?:[、，,/和及与或]|以及)(?![^（(]*[)）])", value):
        item = item.strip().removeprefix("读取").removeprefix("访问").removeprefix("使用").strip()
        for word, glued in joined.items():
            item = item.replace(glued, word)
        if not item:
            continue
        aside = re.fullmatch(r"[^（(]{1,12}[（(]([^（）()]{1,12})[)）]", item)
        for candidate in (item, aside.group(1).strip()) if aside else (item,):
            hit = next(
                (
                    (code, word)
                    for word, code in words
                    if candidate.startswith(word) or (len(word) >= 4 and word in candidate)
                ),
                None,
            )
            if hit:
                found.append(hit)
                break
    return found


def _permissions_in(sentence: str) -> list[tuple[str, str]]:
    # 存储（相册）权限, “读取应用列表”权限, 通讯录的权限: read without asides, quotes and 的
    # and without the possessive (访问您的相册 is 访问相册)
    found, seen = [], set()

    def add(code, word):
        if code not in seen:
            seen.add(code)
            found.append((code, word))

    # the platforms' own names (ohos.permission.CAMERA, android.permission.READ_PHONE_STATE, READ_CONTACTS,
    # NSCameraUsageDescription) name their group wherever they stand
    known = vocabulary.permission_id_to_group()
    for match in PERMISSION_ID.finditer(sentence):
        name = match.group(1) or match.group(2)
        # wx.getLocation of WeChat is my.getLocation of Alipay, swan. of Baidu, tt. of ByteDance
        code = known.get(name) or known.get("wx." + name.split(".", 1)[-1])
        if code and not _permission_denied(sentence, match.start(), match.end()):
            add(code, match.group())
    # 经您授权后，我们会获取您的位置信息: data read with the user's authorisation is read under its permission
    if AUTHORISED.search(sentence):
        for code, word in _pi_in(sentence):
            group = vocabulary.permission_of_data().get(code)
            if group:
                add(group, word)
    # 权限名称：相机 / 申请以下权限：相机、麦克风、位置信息 / 开启相应权限：扫码（相机）、网点导航（位置）
    with_asides = QUOTES.sub("", sentence).replace("您的", "").replace("你的", "")
    for match in [*PERMISSION_FIELD.finditer(with_asides), *PERMISSION_REQUEST_LIST.finditer(with_asides)]:
        if not _permission_denied(with_asides, match.start(1), match.start(1)):
            for code, word in _permission_items(match.group(1)):
                add(code, word)
    # an aside that names a permission is read as a part of the sentence (拍照（需使用相机权限）)
    sentence = PERMISSION_ASIDE.sub(r"，\1，", QUOTES.sub("", sentence))
    sentence = SHORT_ASIDE.sub("", sentence).replace("的权限", "权限")
    # a permission named by what it does (获取应用列表) is written without the user's (获取您的应用列表信息 is data)
    own = sentence
    sentence = sentence.replace("您的", "").replace("你的", "")
    if not PERMISSION_CONTEXT.search(sentence):
        return found
    taken = [False] * len(sentence)  # a longer name holds its place: 信息 of 位置信息权限 is not read again
    for word, code, is_short in vocabulary.permission_names():
        if word not in sentence:
            continue
        for match in re.finditer(re.escape(word), sentence):
            at, end = match.start(), match.end()
            if any(taken[at:end]):
                continue
            if VERB_NAME.match(word) and not word.endswith("权限") and word not in own:
                continue
            if is_short and not (
                PERMISSION_LIST_AFTER.match(sentence[end : end + 80])
                or PERMISSION_REQUEST_BEFORE.search(sentence[max(0, at - 24) : at])
            ):
                continue  # a bare name counts only in a list of permissions (相机、位置等权限) or after a request
            taken[at:end] = [True] * (end - at)
            if not _permission_denied(sentence, at, end):
                add(code, word)
    return found


VERB_NAME = re.compile(r"(?:获取|读取|查询)")


def _is_the_name(sentence: str, word: str, name: str) -> bool:
    """The data word found is the listed permission's name (位置信息：用于…), not data its purpose reads (短信权限：用于
    自动读取短信验证码)."""
    if word in name:
        return True
    if name not in word:
        return False
    # where the name stands as an item of its own (… | 位置信息、WLAN信息 | 位置: the last cell), not inside a longer
    # data word of another cell
    whole = [m.start() for m in re.finditer(NAME_START + re.escape(name) + NAME_END, sentence)]
    if not whole:
        return sentence.find(word) <= sentence.find(name) + len(name)
    return any(
        w.start() <= at < w.end() for at in whole for w in re.finditer(re.escape(word), sentence)
    )


NAME_START = r"(?<![\u4e00-\u9fffA-Za-z])"
NAME_END = r"(?=\s*(?:[|、，,：:；;。（(—-]|权限|$))"


def _purpose_reads(sentence: str, code: str, asked: list[tuple[str, str]]) -> bool:
    """The permission is given with a purpose that reads its data (位置权限：用于展示附近的ATM, 申请通讯录权限以便从通讯录
    中选择收款人): a purpose word of permissions.yaml reads_with after the permission's name, up to the next permission
    named, where the purpose does not write or send (写入日历, 保存到相册) and is not denied."""
    names = vocabulary.permission_words() + vocabulary.permission_short_words()
    places = [(sentence.find(w), w) for c, w in asked if c == code and w in sentence]
    places += [(sentence.find(w), w) for w, c in names if c == code and w in sentence]
    if not places:
        return False
    at, word = min(places)
    after = sentence[at + len(word) :]
    # the purpose runs to the next permission named, past the ones named together with this one (摄像头和麦克风权限，
    # 以便您进行视频通话: the purpose is both permissions')
    others = sorted((after.find(w), w) for c, w in asked if c != code and w and after.find(w) > 0)
    cut, joint = None, 0
    for place, other in others:
        if place < joint:
            continue
        if JOINT_ONLY.fullmatch(after[joint:place]):
            joint = place + len(other)
            continue
        cut = place
        break
    purpose = after[:cut] if cut is not None else after
    for c, w in asked:  # the names of the permissions named together are not their purpose (图片和视频)
        if c != code and w:
            purpose = purpose.replace(w, "　" * len(w))
    start = re.sub(
        r"^[^\u4e00-\u9fffA-Za-z]*(?:权限)?[^\u4e00-\u9fffA-Za-z]*(?:仅)?(?:用于|以便|以|用来|来|为了?)?",
        "",
        purpose,
    )
    if WRITING_PURPOSE.match(start):
        return False
    words = vocabulary.purposes_reading()[code][1]
    # …or a purpose before it (想找附近的ATM，得打开定位权限 / 如需扫码，请开启相机权限)
    before = PURPOSE_BEFORE.search(sentence[:at])
    if before and any(w in before.group(1) for w in words) and not NEGATION.search(before.group(1)):
        return True
    return any(
        w in purpose
        and not _denied(sentence, at + len(word) + purpose.find(w), at + len(word) + purpose.find(w) + len(w))
        and not REFUSAL_CONSEQUENCE.search(purpose[: purpose.find(w)])
        for w in words
    )


PURPOSE_BEFORE = re.compile(
    r"(?:^|[，,；;。])\s*(?:想要?|要想|如想|若想|如需|若需|如要|若要|为了)([^，,。；;]{1,20})[，,]\s*"
    r"(?:就)?(?:得|需|需要|要|请|须|必须)(?:先)?[^，,。；;]{0,12}$"
)
JOINT_ONLY = re.compile(r"\s*(?:权限)?\s*(?:和|及|与|以及|、|/)\s*")
# what the user cannot use if the permission is refused (如您拒绝开启位置权限，您将无法使用“附近网点”功能): a consequence,
# not a purpose the data is read for
REFUSAL_CONSEQUENCE = re.compile(r"(?:无法|不能|不可)(?:正常)?(?:使用|体验|享受|开启)[^。；;]{0,6}$")


def _captures_with(sentence: str, code: str, permissions: list[tuple[str, str]]) -> bool:
    """The permission is named as the means of a capture: 调用您设备的相机权限以采集您的人脸图像, 通过麦克风权限采集…"""
    word = dict(permissions).get(code)
    if not word or word not in sentence:
        return False
    after = sentence[sentence.index(word) + len(word) :]
    after = re.sub(r"^(?:权限)?(?:以|来|用于|进行|以便)?", "", after)
    return bool(CAPTURE_AFTER.match(after))


def _permission_gloss(sentence: str) -> str:
    """The aside after a listed permission's name that says what the permission is (电话（读取设备信息）：…, 存储权限
    （读写文件）)."""
    match = re.match(
        r"^\s*(?:[-•·*]\s*)?(?:\d+[.、．]\s*|[①-⑳]\s*)?[^\s:：（(，,。；;]{1,12}?(?:权限)?\s*([（(][^（）()]{1,16}[)）])",
        sentence,
    )
    return match.group(1) if match and not PURPOSE_ASIDE.match(match.group(1)[1:]) else ""


def _permission_list_item(sentence: str) -> list[tuple[str, str]]:
    """An item of a list of permissions: a sentence that begins with a permission's name and a colon or an aside
    (相机：用于扫码 / 2. 位置信息（用于查找网点）)."""
    match = PERMISSION_ITEM_START.match(QUOTES.sub("", sentence))
    if not match or NEGATION.search(sentence[: match.end() + 8]):
        return []
    return _permission_items(match.group(1))[:1]


def _table_permissions(text: str) -> list[tuple[str, str, str]]:
    """Permissions named in the name column of a permission table (a header cell 权限名称 / 系统权限 / 权限):
    [(row, group, word)]."""
    rows, column = [], None
    for line in text.splitlines():
        cells = [c.strip() for c in TABLE_CELL.split(line.strip().strip("|"))]
        if len(cells) < 2:
            column = None
            continue
        header = [i for i, c in enumerate(cells) if re.fullmatch(r"[^|]{0,6}权限(?:名称|名|类型|项)?", c)]
        if header and not any(_permission_items(c) for c in cells):
            column = header[0]
            continue
        if column is None or column >= len(cells) or not cells[column] or NEGATION.search(line):
            continue
        for code, word in _permission_items(SHORT_ASIDE.sub("", QUOTES.sub("", cells[column]))):
            rows.append((line, code, word))
    return rows


DATA_COLUMN = re.compile(
    r"收集.{0,6}(?:信息|字段|数据)|个人信息|信息类型|数据类型|信息字段|收集内容|收集范围"
)
PURPOSE_COLUMN = re.compile(r"目的|用途|功能|场景|业务")
PERMISSION_NAME_COLUMN = re.compile(r"[^|]{0,6}权限(?:名称|名|类型|项)?")
PERMISSION_DESCRIPTION_COLUMN = re.compile(r"(?:权限)?(?:说明|描述|介绍|含义|作用|释义)")


def _purpose_cells(text: str) -> list[tuple[str, list[str]]]:
    """[(row, the cells that declare no data)] of the tables that give the data in a column of their own (SDK名称 | 用途 |
    收集信息): there the purpose column ("统计App使用情况") says what for, the data column what is collected; of rows
    without a header that list the data in a cell of their own; and the permission's name in a row of a permission
    table (ohos.permission.MICROPHONE | 麦克风 | …)."""
    out, purposes, data_column = [], None, True
    for line in text.splitlines():
        cells = [c.strip() for c in TABLE_CELL.split(line.strip().strip("|"))]
        if len(cells) < 2:
            purposes = None
            continue
        data = [i for i, c in enumerate(cells) if len(c) <= 16 and DATA_COLUMN.search(c)]
        purpose = [
            i for i, c in enumerate(cells) if len(c) <= 12 and PURPOSE_COLUMN.search(c) and i not in data
        ]
        if data and purpose:
            purposes, data_column = purpose, True
            continue
        # a permission table's name and description columns (权限名称 | 权限说明 | 使用场景): what the permission is
        # (拨打电话号码, 调用系统指纹验证), not data; its purpose column may read the data (FRESH_SET_BRIEF.md)
        described = [i for i, c in enumerate(cells) if PERMISSION_DESCRIPTION_COLUMN.fullmatch(c)]
        if described and any(PERMISSION_NAME_COLUMN.fullmatch(c) for c in cells):
            purposes = [i for i, c in enumerate(cells) if PERMISSION_NAME_COLUMN.fullmatch(c)] + described
            data_column = True
            continue
        # an SDK table without a data column (第三方SDK | 公司 | 功能): its function cells (设备指纹) say what the SDK
        # does, unless a cell says what it collects (收集设备标识符用于…)
        if purpose and _header_row(cells) is not None:
            purposes, data_column = purpose, False
            continue
        if purposes:
            out.append(
                (
                    line,
                    [
                        cells[i]
                        for i in purposes
                        if i < len(cells) and cells[i] and (data_column or not CELL_READS.search(cells[i]))
                    ],
                )
            )
            continue
        # a row without a header that gives its data as a list in a cell of its own (天威诚信数字证书SDK | 北京天威…
        # | 电子保单签署 | 姓名、身份证件号码): its other cells name the SDK, its maker and the purpose
        listed = (
            [i for i, c in enumerate(cells) if _data_list(c) or NOTHING_CELL.match(c)]
            if len(cells) >= 3
            else []
        )
        if listed:
            out.append((line, [c for i, c in enumerate(cells) if i not in listed and c]))
            continue
        # the Chinese name of the permission a row's identifier stands for (ohos.permission.MICROPHONE | 麦克风 |
        # 智能语音助手) is the permission, not data
        if PERMISSION_ID.search(line):
            names = {w for w, _c in vocabulary.permission_words() + vocabulary.permission_short_words()}
            named = [c for c in cells if ANY_ASIDE.sub("", QUOTES.sub("", c)).strip() in names]
            if named:
                out.append((line, named))
    return out


# a function cell that reads data (获取位置以查找网点, 识别银行卡号) declares it
CELL_READS = re.compile(r"收集|获取|采集|读取|上传|识别|扫描|提供|填写|记录|拍摄")
ANY_ASIDE = re.compile(r"[（(][^（）()]*[)）]")
# a data cell that says the row collects nothing (CFCA安全键盘SDK | 中金… | 交易密码输入加密 | 无)
NOTHING_CELL = re.compile(r"^(?:无|不收集|未收集|不涉及|不收集个人信息|无个人信息|-|—|/)$")


def _data_list(cell: str) -> bool:
    """A table cell that lists personal information (设备型号、系统版本、IP地址): two items or more, most of them
    holding a word of the taxonomy."""
    items = [i for i in re.split(r"[、，,；;/]", cell) if i.strip()]
    if len(items) < 2:
        return False
    pattern, types = vocabulary.pi_pattern()
    with_pi = [i for i in items if any(types[m.group()] for m in pattern.finditer(i))]
    return len(with_pi) >= 2 and 2 * len(with_pi) >= len(items)


def _entry(entry: dict) -> dict:
    return {"id": entry["id"], "name": entry.get("name_zh") or entry["name"], "vendor": entry["vendor"]}


# a cell or name that is a Java package, whole or cut short (com.igexin.sdk, com.igexin., com.tencent.*)
PACKAGE_TEXT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]*)+(?:\.\*)?$")


def _is_package(name: str) -> bool:
    return bool(PACKAGE_TEXT.match(name.strip())) and "." in name


def _named_sdk(name: str) -> dict | None:
    """The catalogue SDK a name stands for: its Java package (through the catalogue's package prefixes), one of its
    names or aliases, else its brand and function."""
    if _is_package(name):
        entry = vocabulary.sdk_of_package(name.strip().rstrip(".*").rstrip("."))
        return _entry(entry) if entry else None
    norm = _norm(name)
    for key, entry in vocabulary.sdk_names():
        if key in norm:
            return _entry(entry)
    entry = vocabulary.resolve_sdk(name)
    return _entry(entry) if entry else None


# an SDK no longer used (…SDK已下线, 已于2024年停止使用, 已移除): not declared
DISCONTINUED = re.compile(
    r"已(?:于[^，,。；;|]{0,12}?)?(?:经)?(?:下线|下架|停止使用|停用|停止接入|移除|删除|弃用|废弃|不再使用)"
)


def _sdk_denied(sentence: str, at: int) -> bool:
    head, tail = _part(sentence, at, at)
    return bool(NEGATION.search(head) or DISCONTINUED.search(tail))


def _shared_to(text: str, at: int) -> bool:
    """A maker's name after a word of sharing (分享到微信、微博): the place content goes, not an SDK of the app."""
    words = "|".join(re.escape(w) for w in vocabulary.destination_words())
    return bool(words) and bool(
        re.search(rf"(?:{words})(?:[^，,。；;|、和及与或/]{{1,8}}(?:[、和及与或/]|以及))*$", text[max(0, at - 40) : at])
    )


def _sdks_in(sentence: str) -> list[dict]:
    norm = _norm(sentence)
    found, ids = [], set()

    def add(sdk):
        if sdk["id"] is None or sdk["id"] not in ids:
            ids.add(sdk["id"])
            found.append(sdk)

    pattern, entries = vocabulary.sdk_name_pattern()
    for match in pattern.finditer(norm):
        if not vocabulary.name_fits(norm, match):
            continue
        entry = entries[match.group()]
        # the place in the normalised sentence is near enough for the denial test (only spaces are removed)
        if entry["id"] not in ids and not _sdk_denied(sentence, min(match.start(), len(sentence))):
            add(_entry(entry))
    # an SDK given by its Java package (com.igexin.sdk, cn.jpush.android)
    for match in PACKAGE_NAME.finditer(sentence):
        # a permission's identifier (com.google.android.gms.permission.AD_ID) is not the package of an SDK
        if ".permission" in match.group() or PERMISSION_ID.match(sentence, match.start()):
            continue
        entry = vocabulary.sdk_of_package(match.group())
        if entry and entry["id"] not in ids and not _sdk_denied(sentence, match.start()):
            add(_entry(entry))
    # a package the catalogue does not know, in a list of the SDKs' packages (集成SDK包名：com.a.b、…): as written
    for match in PACKAGE_LIST.finditer(sentence):
        if _sdk_denied(sentence, match.start()):
            continue
        for item in re.split(r"[、，,\s]+|以及|和|及", match.group(1)):
            item = item.strip().rstrip(".*").rstrip(".")
            if _is_package(item) and vocabulary.sdk_of_package(item) is None:
                if not any(_norm(item) == _norm(f["name"]) for f in found):
                    found.append({"id": None, "name": item, "vendor": None})
    for match in SDK_MENTION.finditer(sentence):
        entry = vocabulary.resolve_sdk(match.group(1))
        if entry and entry["id"] not in ids and not _sdk_denied(sentence, match.end(1)):
            add(_entry(entry))
    if EMBEDDING.search(sentence):
        for match in QUOTED_SDK.finditer(sentence):
            quoted = match.group(1).strip()
            if (
                _named_sdk(quoted) is None
                and not _sdk_denied(sentence, match.start())
                and not any(
                    _norm(quoted) in _norm(f["name"]) or _norm(f["name"]) in _norm(quoted) for f in found
                )
            ):
                found.append({"id": None, "name": quoted, "vendor": None})
        # …or without quotes (我们集成了中国金融认证中心提供的CFCA安全键盘SDK): the name after the last word that is not
        # part of it, where the app embeds it in the same part of the sentence
    # …or an SDK's name with its maker in an aside (e签宝电子签名SDK（杭州天谷信息科技有限公司）：用于…)
    for match in UNQUOTED_SDK.finditer(sentence):
        if EMBEDDING.search(sentence) or not MAKER_ASIDE.match(sentence[match.end() :]):
            continue
        name = NOT_OF_THE_NAME.split(match.group(1))[-1].strip()
        at = match.start(1) + match.group(1).rfind(name)
        if (
            _brand_left(name)
            and _named_sdk(name + "SDK") is None
            and not _sdk_denied(sentence, at)
            and not any(_norm(name) in _norm(f["name"]) or _norm(f["name"]) in _norm(name) for f in found)
        ):
            found.append({"id": None, "name": name + match.group(2), "vendor": None})
    if EMBEDDING.search(sentence):
        for match in UNQUOTED_SDK.finditer(sentence):
            name = NOT_OF_THE_NAME.split(match.group(1))[-1].strip()
            at = match.start(1) + match.group(1).rfind(name)
            head = _part(sentence, at, match.end())[0]
            embedding = list(EMBEDDING.finditer(head))
            if (
                _brand_left(name)
                and embedding
                and not _names_a_maker(head[embedding[-1].end() :])
                and _named_sdk(name + "SDK") is None
                and not _sdk_denied(sentence, at)
                and not any(_norm(name) in _norm(f["name"]) or _norm(f["name"]) in _norm(name) for f in found)
            ):
                found.append({"id": None, "name": name + match.group(2), "vendor": None})
    # the makers of the SDKs listed as such (第三方SDK提供方包括：北京字节跳动科技有限公司、…): a maker named alone, with
    # no function, is its name as written (FRESH_SET_BRIEF.md), even where the catalogue lists one SDK of it
    for match in PROVIDER_LIST.finditer(sentence):
        if _sdk_denied(sentence, match.start()):
            continue
        # 合作方 / 合作伙伴 are often partners data is shared with (我们会与合作伙伴：…共享): a list of SDK makers only in a
        # record that speaks of SDKs, or as a line of its own (合作方：百度)
        if match.group().startswith("合作") and not (
            SDK_WORD.search(sentence) or not sentence[: match.start()].strip()
        ):
            continue
        for item in re.split(r"[、，,]|以及|和|及|与", match.group(1)):
            item = item.strip()
            if not item or not (MAKER_CELL.search(item) or _maker_only(item)):
                continue
            if not any(_norm(item) == _norm(f["name"]) for f in found):
                found.append({"id": None, "name": item, "vendor": None})
    for match in SDK_LIST_NAME.finditer(sentence):
        listed = match.group(1).strip()
        sdk = _named_sdk(listed)
        if sdk:
            add(sdk)
        elif not any(_norm(listed) in _norm(f["name"]) or _norm(f["name"]) in _norm(listed) for f in found):
            found.append({"id": None, "name": listed, "vendor": None})
    return found


def _table_sdks(text: str) -> list[tuple[str, dict]]:
    """SDKs named in the name column of a table (HTML <table> rows come as "a | b | c" lines, text tables with
    | or tabs): [(row, sdk)]. The header row names the column (SDK名称, 第三方名称, 名称 in a table about SDKs); a table
    without a header is about SDKs where a row's first cell is an SDK (天威诚信数字证书SDK | 北京天威… | 电子保单签署 |
    姓名、…), and then the first cell of each of its rows names one (an SDK by its maker only: 中金金融认证中心有限公司
    | 数字证书签发 | 姓名)."""
    rows, column = [], None
    lines = text.splitlines()
    headerless = _headerless_sdk_rows(lines)
    for index, line in enumerate(lines):
        cells = [c.strip() for c in TABLE_CELL.split(line.strip().strip("|"))]
        if len(cells) < 2:
            column = None
            continue
        caption = _header_row(cells)
        if caption is not None:
            column = caption
            continue
        if column is None and index in headerless:
            sdk = _row_sdk(cells, headerless[index])
            if sdk and not NEGATION.search(line) and not DISCONTINUED.search(line):
                rows.append((line, sdk))
            continue
        header = [i for i, c in enumerate(cells) if SDK_HEADER.search(c.strip())]
        if header and any("提供方" in c or "目的" in c or "个人信息" in c or "公司" in c for c in cells):
            column = _sdk_caption_first(cells, header)
            continue
        if column is None or column >= len(cells) or not cells[column]:
            continue
        name = cells[column]
        if len(name) > 40 or NEGATION.search(line) or DISCONTINUED.search(line):
            continue
        sdk = _row_sdk(cells, column)
        if sdk:
            rows.append((line, sdk))
    return rows


LIST_JOINT = re.compile(r"^(?:[、，,/]|和|及|与|以及)?$")
MAKER_CELL = re.compile(r"(?:公司|集团|有限责任公司|股份有限公司)$")


def _row_sdk(cells: list[str], column: int) -> dict | None:
    """The one SDK a table row names in its name column: the catalogue SDK of the cell (a Java package cell only
    through the catalogue's package prefixes, never as written); where the cell is the maker's legal name and
    another cell of the row names the SDK (第三方名称 | SDK名称), that SDK; else the cell as written."""
    name = cells[column]
    sdk = _named_sdk(name)
    if sdk:
        return sdk
    if _is_package(name):
        return None
    if MAKER_CELL.search(name) or _maker_only(name):
        for i, other in enumerate(cells):
            if i == column or not other or len(other) > 40:
                continue
            named = _named_sdk(other) if SDK_CELL.search(other) or _is_package(other) else None
            if named:
                return named
            if SDK_CELL.search(other) and not _is_package(other):
                return {"id": None, "name": other, "vendor": None}
    return {"id": None, "name": name, "vendor": None}


def _maker_only(name: str) -> bool:
    """Whether a cell is nothing but a maker's name (北京小米移动软件有限公司, 个推)."""
    pattern, _vendors = vocabulary.vendor_pattern()
    norm = _norm(name)
    return any(m.start() == 0 and m.end() == len(norm) for m in pattern.finditer(norm))


# a name column captioned by what it holds: SDK名称, 第三方, 合作方, 包名 (a Java package column)
SDK_HEADER = re.compile(
    r"(SDK|第三方|插件|合作方).{0,4}名称|^(?:第三方)?SDK$|^名称$|^(?:第三方|合作方|SDK包名|包名)$"
)
# the other cells of a header row whose name column is captioned by its kind (支付SDK | 提供方 | 收集的个人信息)
HEADER_CELL = re.compile(
    r"^(?:SDK|第三方|合作方)?(?:名称|提供方|提供商|提供者|服务商|公司名称|第三方公司|开发者|(?:使用)?目的|用途|使用场景"
    r"|(?:(?:收集|共享|提供|获取)的?)?(?:个人)?(?:信息|字段|数据)(?:类型|字段|范围)?|申请权限|所需权限"
    r"|第三方|合作方|SDK包名|包名|合作方式|(?:第三方)?SDK|公司|企业|主体|(?:使用|主要)?功能)$"
)


def _header_row(cells: list[str]) -> int | None:
    """The name column of a header row captioned by the SDKs' kind (支付SDK | 提供方 | 收集的个人信息): the first cell
    that is not a header word, where at least two are."""
    words = [i for i, c in enumerate(cells) if HEADER_CELL.match(c)]
    if len(words) < 2:
        return None
    # a name column captioned as such (SDK名称 | 使用目的 | 个人信息类型 | 第三方机构): that column, not the maker's
    named = [i for i in words if SDK_HEADER.search(cells[i])]
    if named:
        return _sdk_caption_first(cells, named)
    rest = next((i for i in range(len(cells)) if i not in words), None)
    if rest is None:
        # every cell a header word (SDK提供方 | 功能 | 收集的个人信息): the column captioned by who provides the SDK
        return next((i for i in words if NAME_CAPTION.search(cells[i])), None)
    return rest


NAME_CAPTION = re.compile(r"名称|提供方|提供商|提供者|服务商|开发者|第三方|合作方|公司|企业|主体|^SDK$")
SDK_CELL = re.compile(r"(?:SDK|sdk|Kit|KIT)$")
SDK_CAPTION = re.compile(r"SDK|sdk|插件|组件")


def _sdk_caption_first(cells: list[str], columns: list[int]) -> int:
    """Of the name columns of a header row, the one captioned as the SDK's (SDK名称), not the maker's (第三方名称)."""
    return next((i for i in columns if SDK_CAPTION.search(cells[i])), columns[0])


def _sdk_column(cells: list[str]) -> int:
    """The cell of a row without a header that names its SDK: the first, else a later one that ends in SDK/Kit and
    holds a brand (风险控制 | 星盾风控SDK | 杭州星盾… | 设备标识符) where the row gives its maker or its data."""
    first = cells[0]
    if SDK_CELL.search(first) or _named_sdk(first):
        return 0
    later = [
        i
        for i, c in enumerate(cells[1:], 1)
        if 0 < len(c) <= 40 and SDK_CELL.search(c) and _brand_left(SDK_CELL.sub("", c))
    ]
    if later and any(MAKER_CELL.search(c) or _data_list(c) for c in cells):
        return later[0]
    return 0


def _headerless_sdk_rows(lines: list[str]) -> dict[int, int]:
    """{index: the column of its SDK's name} of the rows of the tables without a header whose rows (three cells or
    more) name an SDK (_sdk_column): a table is such where one of its rows' name cell ends in SDK/Kit or is a
    catalogue SDK's name."""
    out: dict[int, int] = {}
    block: list[int] = []
    for index, line in enumerate([*lines, ""]):
        cells = [c.strip() for c in TABLE_CELL.split(line.strip().strip("|"))]
        if len(cells) >= 2:
            block.append(index)
            continue
        if any(
            SDK_HEADER.search(c) for i in block for c in TABLE_CELL.split(lines[i].strip().strip("|"))
        ) or any(
            _header_row([c.strip() for c in TABLE_CELL.split(lines[i].strip().strip("|"))]) is not None
            for i in block
        ):
            block = []
            continue  # a table with a header: _table_sdks reads its name column
        wide = [i for i in block if len(TABLE_CELL.split(lines[i].strip().strip("|"))) >= 3]
        rows = {i: [c.strip() for c in TABLE_CELL.split(lines[i].strip().strip("|"))] for i in wide}
        columns = {i: _sdk_column(cells) for i, cells in rows.items()}
        firsts = {i: rows[i][columns[i]] for i in wide}
        if any(
            0 < len(first) <= 40
            and not PERMISSION_ID.search(lines[i])
            and not re.search(r"名称|提供方|目的|类型", first)
            and (SDK_CELL.search(first) or _named_sdk(first))
            for i, first in firsts.items()
        ):
            out.update((i, columns[i]) for i, first in firsts.items() if 0 < len(first) <= 40)
        block = []
    return out


def _purpose_below(lines: list[str], index: int) -> set[str]:
    """The functions a key-value SDK entry gives on its next lines (第三方名称：…\n使用目的：消息推送), up to a blank
    line or the next entry."""
    wanted: set[str] = set()
    for line in lines[index + 1 : index + 5]:
        if not line.strip() or SDK_ENTRY_START.search(line):
            break
        if PURPOSE_FIELD.search(line):
            wanted |= vocabulary.functions_in(line)
    return wanted


MAKER_SUFFIX = re.compile(r"(?:股份有限公司|有限公司|公司|集团)?")
MAKER_OF_AN_SDK = re.compile(
    r"^(?:(?:和|及|与|、|以及)[^，,。；;|]{1,12}?)?(?:所)?(?:提供|开发)?的(?:第三方)?sdk"
)


def _vendor_sdks(text: str) -> list[tuple[str, dict, list[str], str]]:
    """SDKs a policy names only by their maker, with the function the same record speaks of: "我们接入了北京小米
    移动软件有限公司提供的消息推送服务", "每日互动股份有限公司（个推） | 消息推送 | 设备标识符": [(record, sdk, names of
    the record's SDKs that are not in the catalogue, which the maker's SDK stands for, the maker's name)]. A
    record is a line up to its full stop (and the purpose lines of a key-value entry below it); it must speak of
    SDKs or third parties (or be a table row), and a maker whose SDK the record already names is not read again."""
    pattern, vendors_of = vocabulary.vendor_pattern()
    out = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        row = len([c for c in TABLE_CELL.split(line.strip().strip("|")) if c.strip()]) >= 2
        for record in re.split(r"(?<=[。！？!?])", line):
            norm = _norm(record)
            if not norm or not any(vocabulary.name_fits(norm, m) for m in pattern.finditer(norm)):
                continue
            context = row or bool(SDK_CONTEXT.search(record))
            sdk_word = bool(SDK_WORD.search(record))
            named = _sdks_in(record)
            if row:
                named += [sdk for _line, sdk in _table_sdks(record)]
            named_vendors = {
                e["vendor"]
                for sdk in named
                if sdk["id"]
                for e in vocabulary.sdk_catalogue()
                if e["id"] == sdk["id"]
            }
            # what the SDKs the record names already do: 友盟+SDK提供的统计分析和消息推送服务 names the maker's analytics
            # SDK, its push SDK only by the function
            named_functions = {
                f for sdk in named if sdk["id"] for f in vocabulary.sdk_functions_of(sdk["id"])
            }
            unknown = [sdk["name"] for sdk in named if sdk["id"] is None]
            for match in pattern.finditer(norm):
                if not vocabulary.name_fits(norm, match):
                    continue
                vendors = vendors_of[match.group()]
                if _sdk_denied(norm, match.start()):
                    continue
                # a part of an identifier (com.google.android.gms.permission.AD_ID), not a maker named
                if "." in (norm[match.start() - 1 : match.start()], norm[match.end() : match.end() + 1]):
                    continue
                # the brand of the user's device (华为手表, 小米手机), not an SDK's maker
                if norm[match.end() :].startswith(vocabulary.device_words()):
                    continue
                # where content is shared (分享到微信、微博), not an SDK's maker
                if _shared_to(norm, match.start()):
                    continue
                rest = norm[: match.start()] + "　" + norm[match.end() :]
                at = match.start()
                head = rest[:at]
                part_start = max((m.end() for m in re.finditer(r"[，,；;。|]", head)), default=0)
                stop = re.search(r"[，,；;。|]", rest[at + 1 :])
                part = rest[part_start : at + 1 + stop.start()] if stop else rest[part_start:]
                if vendors & vocabulary.strict_vendors() and not sdk_word:
                    continue
                # outside a record about SDKs, only a function in the maker's own part of the sentence counts
                # (我们使用友盟进行统计分析)
                # where the part names several makers, each with its function (腾讯提供的人脸核身服务以及百度提供的OCR
                # 服务), the function between this maker and the next
                later = [
                    m.start()
                    for m in pattern.finditer(norm, match.end())
                    if vocabulary.name_fits(norm, m) and not vendors_of[m.group()] & vendors
                ]
                own = norm[match.end() : later[0] if later else None]
                stop = re.search(r"[，,；;。|]", own)
                own = own[: stop.start()] if stop else own
                # a maker written as the maker of an SDK (腾讯公司提供的SDK，以及百度…提供的定位服务SDK): the functions of
                # the sentence outside the other makers' own parts only
                after = norm[match.end() :]
                suffix = MAKER_SUFFIX.match(after)
                if MAKER_OF_AN_SDK.match(after[suffix.end() :]):
                    earlier = [
                        m.end()
                        for m in pattern.finditer(norm[: match.start()])
                        if vocabulary.name_fits(norm, m) and not vendors_of[m.group()] & vendors
                    ]
                    start = max(earlier, default=0)
                    if earlier:
                        # from the word joining this maker to the one before (百度提供的定位SDK以及腾讯公司提供的SDK)
                        joins = list(re.finditer(r"以及|及|和|与|、|[，,；;]", norm[start : match.start()]))
                        start += joins[-1].end() if joins else match.start() - start
                    rest = part = norm[start : later[0] if later else None]
                wanted = (
                    vocabulary.functions_in(own)
                    or vocabulary.functions_in(part)
                    or (vocabulary.functions_in(rest) or _purpose_below(lines, index) if context else set())
                )
                # a list whose makers carry their functions in asides (百度（地图展示）、腾讯、华为（消息推送）): a maker
                # without one has no function; it is its name as written (FRESH_SET_BRIEF.md)
                raw_at = record.find(match.group())
                if (
                    not row
                    and LIST_JOINT.match(own)
                    and raw_at >= 0
                    and not _aside_after(record, match.group())
                    and not _inside_aside(record, raw_at)
                    and any(
                        _aside_after(record, m.group())
                        for m in pattern.finditer(norm)
                        if vocabulary.name_fits(norm, m) and not vendors_of[m.group()] & vendors
                    )
                ):
                    wanted = set()
                if vendors & named_vendors:
                    # only where the SDK is named by the maker alone (友盟+SDK), not by its product (网易云信IM SDK)
                    if not norm[match.end() :].startswith("sdk"):
                        continue
                    wanted -= named_functions
                    if not wanted:
                        continue
                if not wanted and not context:
                    continue
                entries = vocabulary.resolve_vendor(vendors, wanted)
                # another maker written as itself (合作方：…、腾讯、华为（消息推送）) is not this maker's SDK
                theirs = [
                    n for n in unknown if not (_norm(n) in vendors_of and not vendors_of[_norm(n)] & vendors)
                ]
                for entry in entries:
                    out.append((record.strip(), _entry(entry), theirs, match.group()))
                # a maker of several SDKs named alone as the maker of an SDK (集成了腾讯公司和百度公司提供的SDK): the
                # name as written (FRESH_SET_BRIEF.md)
                after = norm[match.end() :]
                suffix = MAKER_SUFFIX.match(after)
                if (
                    not entries
                    and not wanted
                    and not vendors & named_vendors
                    and MAKER_OF_AN_SDK.match(after[suffix.end() :])
                ):
                    written = match.group() + suffix.group()
                    out.append((record.strip(), {"id": None, "name": written, "vendor": None}, [], written))
    return out


def _inside_aside(record: str, at: int) -> bool:
    """The place is inside brackets (推送通道（华为、荣耀、小米）)."""
    return len(re.findall(r"[（(]", record[:at])) > len(re.findall(r"[)）]", record[:at]))


def _aside_after(record: str, name: str) -> bool:
    """The maker's name in the record is followed by an aside (百度（地图展示）)."""
    at = record.find(name)
    return at >= 0 and bool(re.match(r"\s*[（(][^（）()]+[)）]", record[at + len(name) :]))


def _blank_cell(row: str, cell: str) -> str:
    """The row with the cell blanked where it stands as a whole cell (… | 位置信息、WLAN信息 | 位置 blanks the last
    cell, not 位置 of 位置信息); where it is not a whole cell of the row, every occurrence."""
    whole = re.compile(r"(^|\||\t)(\s*)" + re.escape(cell) + r"(?=\s*(?:\||\t|$))")
    if whole.search(row):
        return whole.sub(lambda m: m.group(1) + m.group(2) + "　" * len(cell), row)
    return row.replace(cell, "　" * len(cell))


def extract(text: str) -> dict:
    """Everything the policy declares, by clause: {"clauses": [...], "pi_types": {type: [where]}, "permissions":
    {group: [where]}, "sdks": [...], "effective_on", "updated_on", "rights": {right: where}, "contact": {...},
    "retention": where|None, "sensitive_highlighted": bool, "third_party_list": bool}."""
    clauses = split(text)
    result = {
        "clauses": [c.as_dict() for c in clauses],
        "pi_types": {},
        "permissions": {},
        "sdks": [],
        "effective_on": _dates(EFFECTIVE.search(text) or EFFECTIVE_FROM.search(text)),
        "updated_on": _dates(UPDATED.search(text)),
        "rights": {},
        "contact": {"emails": sorted(set(EMAIL.findall(text))), "phones": sorted(set(PHONE.findall(text)))},
        "complaint_channel": None,
        "retention": None,
        "sensitive_highlighted": bool(SENSITIVE_MARK.search(text)),
        "third_party_list": False,
    }
    sdk_ids, sdk_names = set(), set()
    purpose_cells = _purpose_cells(text)
    # the rows of permission tables: their name cell names the permission, the purpose beside it may read the data
    table_rows: dict[str, list[tuple[str, str]]] = {}
    for row, code, word in _table_permissions(text):
        table_rows.setdefault(row.strip(), []).append((code, word))
    # within a list of permissions announced by "…以下权限：" or a 权限 heading
    listing, section = False, None
    for clause in clauses:
        if clause.section != section:
            section, listing = clause.section, False
        for sentence in clause.sentences():
            where = {"clause": clause.index, "sentence": sentence}
            permissions = _permissions_in(sentence)
            item = _permission_list_item(sentence) if listing or "权限" in (section or "") else []
            # an opener and the list's first item on one line ("App权限说明：• 相机：扫码"): the item opens the list
            opener = OPENER_THEN_ITEM.search(sentence)
            if not item and opener:
                item = _permission_list_item(sentence[opener.end() :])
            if not item:
                item = table_rows.get(sentence.strip(), [])
            # the name of a listed permission (相机：用于扫码 / 以下权限：麦克风、日历) is the permission, not data
            field_items = [
                pair
                for m in [*PERMISSION_FIELD.finditer(sentence), *PERMISSION_REQUEST_LIST.finditer(sentence)]
                for pair in _permission_items(m.group(1))
            ]
            fields = [w for _c, w in field_items]
            named = [w for _c, w in item] + fields
            gloss = _permission_gloss(sentence) if item else ""
            read = sentence
            for row, cells in purpose_cells:
                if sentence in row:
                    for cell in cells:
                        read = _blank_cell(read, cell)
            kinds = set()
            for code, word in _pi_in(read):
                if code in PERMISSION_DATA_TYPES and any(_is_the_name(sentence, word, n) for n in named):
                    continue
                if gloss and word in gloss and word not in sentence.replace(gloss, ""):
                    continue  # 电话（读取设备信息）: the permission's description, not data
                kinds.add(code)
                result["pi_types"].setdefault(code, []).append({**where, "word": word})
            listing = (
                bool(PERMISSION_LIST_OPENER.search(sentence))
                or (
                    bool(fields)
                    and (sentence.endswith(("；", ";")) or "以下" in sentence or "如下" in sentence)
                )
                or (listing and bool(item))
                or bool(opener and item)
            )
            for code, word in permissions + item:
                result["permissions"].setdefault(code, []).append({**where, "word": word})
            for code, data in CAPTURE_TYPES.items():
                if data not in result["pi_types"] and _captures_with(sentence, code, permissions):
                    result["pi_types"][data] = [{**where, "word": dict(permissions)[code]}]
            # a device's permission asked for where the sentence collects what the device captures (申请麦克风权限，
            # 对销售过程进行录音): the purpose reads the device's data (FRESH_SET_BRIEF.md; taxonomy.yaml captures)
            asked = dict(permissions + item)
            for device, (data, _words) in vocabulary.purposes_reading().items():
                if (
                    device in asked
                    and data not in kinds
                    and _purpose_reads(sentence, device, permissions + item + field_items)
                ):
                    kinds.add(data)
                    result["pi_types"].setdefault(data, []).append({**where, "word": asked[device]})
            for device, captured in vocabulary.captures().items():
                if device in asked and device not in result["pi_types"] and kinds & set(captured):
                    result["pi_types"][device] = [{**where, "word": asked[device]}]
            sentence_sdks = _sdks_in(sentence)
            # an SDK that reads a permission's data, used for a purpose that reads it (百度定位SDK为您推荐周边商户):
            # the data too, as for the permission (data/sdk_aliases.yaml reading_functions)
            for function, group in vocabulary.reading_functions().items():
                data, words = vocabulary.purposes_reading()[group]
                if (
                    data not in result["pi_types"]
                    and any(
                        s["id"] and function in vocabulary.sdk_functions_of(s["id"]) for s in sentence_sdks
                    )
                    and any(
                        w in sentence and not _denied(sentence, sentence.find(w), sentence.find(w))
                        for w in words
                    )
                ):
                    result["pi_types"][data] = [{**where, "word": next(w for w in words if w in sentence)}]
            for sdk in sentence_sdks:
                key = sdk["id"] or _norm(sdk["name"])
                if key not in sdk_ids and _norm(sdk["name"]) not in sdk_names:
                    sdk_ids.add(key)
                    sdk_names.add(_norm(sdk["name"]))
                    result["sdks"].append({**sdk, **where})
            for right, words in RIGHTS.items():
                if right not in result["rights"] and any(w in sentence for w in words):
                    result["rights"][right] = where
            if result["retention"] is None and RETENTION.search(sentence):
                result["retention"] = where
            if (
                result["complaint_channel"] is None
                and any(w in sentence for w in COMPLAINT)
                and (EMAIL.search(sentence) or PHONE.search(sentence) or "客服" in sentence)
            ):
                result["complaint_channel"] = where
            if ("第三方" in sentence and ("清单" in sentence or "列表" in sentence)) or SDK_LIST_NAME.search(
                sentence
            ):
                result["third_party_list"] = True
    # a live capture declares its device (智能客服语音输入: microphone), what the device captures its data (the
    # microphone's is the user's voice): taxonomy.yaml captured_with, captures
    for places in list(result["pi_types"].values()):
        for place in places:
            device = vocabulary.captured_with().get(place["word"])
            if device and device not in result["pi_types"]:
                result["pi_types"][device] = [{**place}]
    for device, kinds in vocabulary.captures().items():
        for kind in kinds:
            places = [p for p in result["pi_types"].get(device, []) if not _live_only(p["sentence"])]
            if places and kind not in result["pi_types"]:
                result["pi_types"][kind] = [{**places[0]}]
    # a voiceprint is biometric only: no voice in the part of the sentence that speaks of one (not denied)
    if "voice" in result["pi_types"]:
        kept = [p for p in result["pi_types"]["voice"] if not _beside_voiceprint(p["sentence"], p["word"])]
        if kept:
            result["pi_types"]["voice"] = kept
        else:
            del result["pi_types"]["voice"]
    # the user's speech recorded or collected is the microphone's capture too (FRESH_SET_BRIEF.md)
    for kind, device in vocabulary.captured_by().items():
        if kind in result["pi_types"] and device not in result["pi_types"]:
            result["pi_types"][device] = [{**result["pi_types"][kind][0]}]
    for row, code, word in _table_permissions(text):
        if code not in result["permissions"]:
            clause = next((c.index for c in clauses if row.split("|")[0].strip() in c.text), None)
            result["permissions"][code] = [{"clause": clause, "sentence": row, "word": word}]
    vendor_found = _vendor_sdks(text)
    for row, sdk in _table_sdks(text):
        key = sdk["id"] or _norm(sdk["name"])
        if key in sdk_ids or _norm(sdk["name"]) in sdk_names:
            continue
        # a name cell without a brand (风控SDK) in a row whose maker names a catalogue SDK: the kind, not a name
        if sdk["id"] is None and not _brand_left(re.sub(r"(?:SDK|sdk)$", "", sdk["name"])):
            if any(s["id"] and s.get("sentence") == row for s in result["sdks"]) or any(
                r.strip() == row.strip() and v["id"] for r, v, _u, _m in vendor_found
            ):
                continue
        sdk_ids.add(key)
        sdk_names.add(_norm(sdk["name"]))
        clause = next((c.index for c in clauses if row.split("|")[0].strip() in c.text), None)
        result["sdks"].append({**sdk, "clause": clause, "sentence": row})
        result["third_party_list"] = True
    for record, sdk, unknown, maker in vendor_found:
        # the maker's SDK stands for the record's names that are not in the catalogue (its name column held the
        # maker, or the policy's own name for it)
        drop = {_norm(n) for n in unknown}
        result["sdks"] = [
            s
            for s in result["sdks"]
            if s["id"] is not None or (_norm(s["name"]) not in drop and maker not in _norm(s["name"]))
        ]
        key = sdk["id"] or _norm(sdk["name"])
        if key in sdk_ids:
            continue
        sdk_ids.add(key)
        clause = next((c.index for c in clauses if record[:20] in c.text), None)
        result["sdks"].append({**sdk, "clause": clause, "sentence": record})
    result["sdks"] = [
        s for s in result["sdks"] if not _kit_prefix(s, result["sdks"]) and not _host_feature(s, clauses)
    ]
    return result


def _live_only(sentence: str) -> bool:
    """The sentence speaks of a live call (实时音视频通话, 视频见证) and not of recording it (taxonomy.yaml live_only)."""
    words, unless = vocabulary.live_only()
    return any(w in sentence for w in words) and not any(w in sentence for w in unless)


def _beside_voiceprint(sentence: str, word: str) -> bool:
    """The part of the sentence (up to ；/。) holding the word speaks of a voiceprint it does not deny."""
    at = sentence.find(word)
    if at < 0:
        return False
    start = max((m.end() for m in re.finditer(r"[；;。]", sentence[:at])), default=0)
    stop = re.search(r"[；;。]", sentence[at:])
    part = sentence[start : at + stop.start() if stop else len(sentence)]
    return any(
        not NEGATION.search(part[: m.start()])
        for w in vocabulary.not_voice_beside()
        for m in re.finditer(re.escape(w), part)
    )


def _host_feature(sdk: dict, clauses) -> bool:
    """A host platform's payment or login in a mini-program (在本微信小程序内通过微信支付付款): the platform's feature,
    not an SDK (data/sdk_aliases.yaml host_platform), where its record does not name it as an SDK."""
    sentence = sdk.get("sentence") or ""
    clause = next((c.text for c in clauses if c.index == sdk.get("clause")), "")
    # "本小程序未集成任何第三方SDK" denies SDKs: it does not name the feature as one; the clause may name it as an SDK
    # after the sentence it was found in (本元服务支持华为帐号一键登录。…通过华为帐号服务SDK获取…)
    # the part that names an SDK must be about this one (本小程序嵌入了神策分析小程序SDK…；支付使用微信支付能力: the
    # analytics SDK is named, the payment is the host's)
    pattern, entries = vocabulary.sdk_name_pattern()
    if any(
        SDK_WORD.search(part)
        and not NEGATION.search(part)
        and any(entries[m.group()]["id"] == sdk["id"] for m in pattern.finditer(_norm(part)))
        for part in re.split(r"[，,。；;]", sentence + "。" + clause)
    ):
        return False
    context = sentence + clause
    return any(word in context and sdk["id"] in ids for word, ids in vocabulary.host_platform_sdks().items())


def _kit_prefix(sdk: dict, sdks: list[dict]) -> bool:
    """HMS Core of "HMS Core定位服务": a platform (`umbrella` in data/sdk_aliases.yaml) named in the same sentence as
    another SDK of its maker, not written as an SDK of its own (HMS Core SDK, HMS Core基础SDK)."""
    if sdk["id"] not in vocabulary.umbrella_sdks():
        return False
    sentence = _norm(sdk.get("sentence") or "")
    if re.search(r"hmscore(?:基础)?(?:sdk|apk)", sentence):
        return False
    return any(
        other["id"] not in (None, sdk["id"])
        and other["vendor"] == sdk["vendor"]
        and _norm(other.get("sentence") or "") == sentence
        for other in sdks
    )
