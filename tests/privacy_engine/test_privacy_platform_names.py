"""Permissions and SDKs as policies name them beyond the catalogue's own words, each case written from a public
reference rather than from a labelled set:

- Android's dangerous (runtime) permissions and their groups as the Chinese system shows them (相机, 位置信息,
  通讯录, 麦克风, 电话, 短信, 日历, 通话记录, 身体传感器, 身体活动, 附近的设备, 照片和视频, 文件和媒体, 通知);
- HarmonyOS's user_grant permissions (开放权限（用户授权）: ohos.permission.CAMERA, APPROXIMATELY_LOCATION,
  READ_CONTACTS, MICROPHONE, READ_CALENDAR, READ_IMAGEVIDEO, ACTIVITY_MOTION, READ_HEALTH_DATA, ACCESS_BLUETOOTH,
  APP_TRACKING_CONSENT …);
- iOS's Info.plist usage-description keys;
- the registered company names of the SDK makers as the SDK lists of policies and the MIIT / TC260 SDK notices
  give them (第三方名称 / SDK提供方).
"""

import pytest

from appgov.engines import privacy
from appgov.engines.privacy import vocabulary


def permissions(text: str) -> set[str]:
    return set(privacy.extract(text)["permissions"])


def sdk_ids(text: str) -> list:
    return [s["id"] or s["name"] for s in privacy.extract(text)["sdks"]]


# every identifier the engine knows maps to one group, and the groups cover the platforms' runtime permissions
ANDROID_DANGEROUS = {
    "android.permission.READ_CALENDAR": "calendar",
    "android.permission.WRITE_CALENDAR": "calendar",
    "android.permission.READ_CALL_LOG": "call_log",
    "android.permission.WRITE_CALL_LOG": "call_log",
    "android.permission.CAMERA": "camera",
    "android.permission.READ_CONTACTS": "contacts",
    "android.permission.WRITE_CONTACTS": "contacts",
    "android.permission.GET_ACCOUNTS": "contacts",
    "android.permission.ACCESS_FINE_LOCATION": "location",
    "android.permission.ACCESS_COARSE_LOCATION": "location",
    "android.permission.ACCESS_BACKGROUND_LOCATION": "location",
    "android.permission.RECORD_AUDIO": "microphone",
    "android.permission.READ_PHONE_STATE": "phone",
    "android.permission.READ_PHONE_NUMBERS": "phone",
    "android.permission.CALL_PHONE": "phone",
    "android.permission.ANSWER_PHONE_CALLS": "phone",
    "android.permission.ADD_VOICEMAIL": "phone",
    "android.permission.USE_SIP": "phone",
    "android.permission.BODY_SENSORS": "sensors",
    "android.permission.ACTIVITY_RECOGNITION": "activity_recognition",
    "android.permission.SEND_SMS": "sms",
    "android.permission.RECEIVE_SMS": "sms",
    "android.permission.READ_SMS": "sms",
    "android.permission.RECEIVE_MMS": "sms",
    "android.permission.RECEIVE_WAP_PUSH": "sms",
    "android.permission.READ_EXTERNAL_STORAGE": "storage",
    "android.permission.WRITE_EXTERNAL_STORAGE": "storage",
    "android.permission.READ_MEDIA_IMAGES": "storage",
    "android.permission.READ_MEDIA_VIDEO": "storage",
    "android.permission.READ_MEDIA_AUDIO": "storage",
    "android.permission.ACCESS_MEDIA_LOCATION": "storage",
    "android.permission.POST_NOTIFICATIONS": "notifications",
    "android.permission.BLUETOOTH_CONNECT": "bluetooth",
    "android.permission.BLUETOOTH_SCAN": "bluetooth",
    "android.permission.BLUETOOTH_ADVERTISE": "bluetooth",
    "android.permission.NEARBY_WIFI_DEVICES": "bluetooth",
    "android.permission.UWB_RANGING": "bluetooth",
}
HARMONY_USER_GRANT = {
    "ohos.permission.ACCESS_BLUETOOTH": "bluetooth",
    "ohos.permission.MEDIA_LOCATION": "storage",
    "ohos.permission.APP_TRACKING_CONSENT": "app_tracking",
    "ohos.permission.ACTIVITY_MOTION": "activity_recognition",
    "ohos.permission.CAMERA": "camera",
    "ohos.permission.DISTRIBUTED_DATASYNC": "distributed_data",
    "ohos.permission.LOCATION_IN_BACKGROUND": "location",
    "ohos.permission.LOCATION": "location",
    "ohos.permission.APPROXIMATELY_LOCATION": "location",
    "ohos.permission.MICROPHONE": "microphone",
    "ohos.permission.READ_CALENDAR": "calendar",
    "ohos.permission.WRITE_CALENDAR": "calendar",
    "ohos.permission.READ_WHOLE_CALENDAR": "calendar",
    "ohos.permission.READ_HEALTH_DATA": "sensors",
    "ohos.permission.READ_CONTACTS": "contacts",
    "ohos.permission.WRITE_CONTACTS": "contacts",
    "ohos.permission.READ_CALL_LOG": "call_log",
    "ohos.permission.READ_MESSAGES": "sms",
    "ohos.permission.RECEIVE_SMS": "sms",
    "ohos.permission.READ_IMAGEVIDEO": "storage",
    "ohos.permission.WRITE_IMAGEVIDEO": "storage",
    "ohos.permission.READ_MEDIA": "storage",
    "ohos.permission.READ_AUDIO": "storage",
    "ohos.permission.READ_DOCUMENT": "storage",
    "ohos.permission.READ_PASTEBOARD": "clipboard",
}


@pytest.mark.parametrize(("identifier", "group"), sorted({**ANDROID_DANGEROUS, **HARMONY_USER_GRANT}.items()))
def test_each_runtime_permission_of_android_and_harmonyos_has_its_group(identifier, group):
    assert vocabulary.permission_to_group()[identifier] == group
    assert permissions(f"本应用申请{identifier}权限，用于提供相应功能。") == {group}


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("权限名称：ohos.permission.APPROXIMATELY_LOCATION；使用目的：查找附近网点。", {"location"}),
        (
            "本应用在module.json5中声明ohos.permission.CAMERA与ohos.permission.MICROPHONE。",
            {"camera", "microphone"},
        ),
        (
            "NSCameraUsageDescription：用于扫描二维码；NSFaceIDUsageDescription：用于面容ID登录。",
            {"camera", "biometric"},
        ),
        ("我们在Android设备上会申请READ_PHONE_STATE和ACCESS_FINE_LOCATION。", {"phone", "location"}),
    ],
)
def test_a_permission_named_by_its_platform_identifier(text, groups):
    assert permissions(text) == groups


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("位置信息权限", "location"),
        ("读取手机状态和身份", "phone"),
        ("读写手机存储", "storage"),
        ("照片和视频", "storage"),
        ("身体传感器", "sensors"),
        ("身体活动", "activity_recognition"),
        ("健身运动", "activity_recognition"),
        ("附近的设备", "bluetooth"),
        ("拍摄照片和录制视频", "camera"),
        ("读取通话记录", "call_log"),
        ("读取日历活动和详情", "calendar"),
        ("获取已安装应用列表", "installed_apps"),
    ],
)
def test_a_permission_named_as_the_chinese_system_shows_it(name, group):
    assert permissions(f"为向您提供服务，我们会申请“{name}”权限。") == {group}


def test_a_bare_name_is_a_permission_only_in_a_permission_list_or_after_a_request():
    assert permissions("我们会请求访问您的相机，用于扫码。") == {"camera"}
    assert permissions("App需要获取以下权限：相机、麦克风、日历。") == {"camera", "microphone", "calendar"}
    # naming the data in a sentence that also speaks of permissions is not asking for them
    assert permissions("我们会收集您的设备信息、位置信息等，并在获取相关权限前征得您的同意。") == set()
    # a longer name holds its place: 信息 of 位置信息权限 is no other permission
    assert permissions("我们会申请位置信息权限。") == {"location"}


def test_the_items_of_an_announced_permission_list():
    text = (
        "三、设备权限的调用\n为向您提供服务，我们可能申请以下权限：\n1. 相机：用于扫码和拍摄证件。\n"
        "2. 位置信息（用于查找附近网点）。\n3. 通讯录：用于选择收款人。\n四、其他\n相机：本段与权限无关。\n"
    )
    assert permissions(text) == {"camera", "location", "contacts"}
    assert permissions(
        "我们可能申请以下权限：相机（用于扫码）；麦克风（用于语音导航）；日历（用于还款提醒）。"
    ) == {
        "camera",
        "microphone",
        "calendar",
    }


def test_a_permission_table():
    text = "权限名称 | 使用目的 | 调用时机\n相机 | 扫码、拍摄证件 | 首次使用时\n存储（相册） | 保存电子回单 | 保存时\n"
    assert permissions(text) == {"camera", "storage"}


def test_data_read_with_the_users_authorisation_declares_its_permission():
    assert permissions("经您授权后，我们会获取您的位置信息，用于推荐附近网点。") == {"location"}
    assert permissions("经您授权，我们会查询您的征信报告。") == set()


@pytest.mark.parametrize(
    "text",
    [
        "我们不会申请相机权限。",
        "本App不会调用ohos.permission.MICROPHONE。",
        "我们不会获取您的位置权限和通讯录权限。",
        "本应用无需申请读取手机状态和身份权限。",
        "位置权限我们不会申请。",
        "经您授权，我们也不会读取您的通讯录。",
    ],
)
def test_a_denied_permission_is_not_declared(text):
    assert permissions(text) == set()


@pytest.mark.parametrize(
    ("text", "sdk"),
    [
        ("我们接入了北京小米移动软件有限公司提供的消息推送服务。", "xiaomi_push"),
        ("SDK提供方：每日互动股份有限公司（个推）；使用目的：消息推送；收集信息：设备标识符。", "getui"),
        ("本App集成了深圳市和讯华谷信息技术有限公司的推送SDK。", "jpush"),
        ("我们接入了北京百度网讯科技有限公司的定位SDK，用于获取网点位置。", "baidu_location"),
        ("我们使用友盟同欣（北京）科技有限公司的统计分析服务SDK。", "umeng_analytics"),
        ("我们接入了华为软件技术有限公司的推送服务。", "huawei_push"),
        ("我们集成了移动安全联盟提供的OAID获取组件。", "msa_oaid"),
        ("本App集成了高德软件有限公司的定位SDK。", "amap_location"),
        ("为防范交易欺诈，我们接入了同盾的风控服务。", "tongdun"),
        ("我们使用腾讯的浏览服务内核加载网页。", "tencent_x5"),
        ("我们集成了网易易盾的行为验证码SDK。", "netease_yidun_risk"),  # 行为验证 alone is no brand
    ],
)
def test_an_sdk_named_only_by_its_maker_and_what_it_does(text, sdk):
    assert sdk_ids(text) == [sdk]


def test_makers_in_an_sdk_table_name_their_sdks():
    text = (
        "第三方名称 | 使用目的 | 收集的个人信息\n"
        "深圳市和讯华谷信息技术有限公司 | 推送消息 | 设备标识符\n"
        "深圳市腾讯计算机系统有限公司 | 崩溃日志上报 | 崩溃日志\n"
        "北京数美时代科技有限公司 | 交易反欺诈 | 设备信息\n"
    )
    assert sorted(sdk_ids(text)) == ["jpush", "shumei", "tencent_bugly"]  # no maker left as an unknown SDK


def test_several_makers_of_one_function():
    text = "我们会通过华为、小米、OPPO、vivo的推送通道向您发送交易通知。"
    assert sorted(sdk_ids(text)) == ["huawei_push", "oppo_push", "vivo_push", "xiaomi_push"]


@pytest.mark.parametrize(
    "text",
    [
        "我们未接入深圳市腾讯计算机系统有限公司的任何SDK。",
        "招商银行股份有限公司为您提供支付服务。",  # a bank is a maker of an SDK only where the record says SDK
        "深圳市腾讯计算机系统有限公司为本行提供云服务器。",  # no function of any of its SDKs
        "我们会将您的信息提供给深圳市和讯华谷信息技术有限公司。",  # a maker of five SDKs, no function named
        "我们使用阿里云的服务器存储您的数据。",
        "腾讯新闻、百度搜索等第三方应用的链接不受本政策约束。",
    ],
)
def test_a_maker_named_without_its_sdk_names_none(text):
    assert sdk_ids(text) == []


def test_every_catalogue_vendor_of_china_has_its_registered_names():
    chinese = {e["vendor"] for e in vocabulary.sdk_catalogue() if e.get("vendor_country") == "CN"}
    named = set(vocabulary._vendor_data()[0])
    assert chinese - named <= {"Bilibili", "Bmob"}, sorted(chinese - named)
    assert named <= {
        e["vendor"] for e in vocabulary.sdk_catalogue()
    }  # no name for a maker the catalogue lacks


def test_a_short_brand_inside_ordinary_words_is_no_sdk():
    # 个推 of 每个推送, 个像 of 每个像素
    assert sdk_ids("我们会对每个推送消息加密，并为每个像素级埋点脱敏。") == []
    assert sdk_ids("我们接入了个推消息推送服务。") == ["getui"]


def test_a_listed_permission_is_not_the_data_it_guards():
    declared = privacy.extract("我们可能申请以下权限：\n麦克风：用于语音导航。\n日历：用于添加还款提醒。\n")
    assert set(declared["permissions"]) == {"microphone", "calendar"}
    assert set(declared["pi_types"]) == set()


def test_a_key_value_sdk_entry_over_several_lines():
    text = (
        "第三方名称：北京小米移动软件有限公司\n使用目的：推送消息\n收集信息：设备标识符\n\n"
        "第三方名称：深圳市腾讯计算机系统有限公司\n使用目的：崩溃日志上报\n"
    )
    assert sdk_ids(text) == ["xiaomi_push", "tencent_bugly"]


def test_a_mini_programs_scopes_are_compared_with_the_policy():
    declared = privacy.extract("我们会申请scope.userLocation授权，用于查找附近网点。")
    observed = {"permissions": ["scope.userLocation", "requiredPrivateInfos:getLocation", "scope.record"]}
    gaps = {(g["kind"], g["subject"]) for g in privacy.compare(declared, observed)}
    assert ("permission_not_declared", "microphone") in gaps
    assert not any(subject == "location" for _kind, subject in gaps)
