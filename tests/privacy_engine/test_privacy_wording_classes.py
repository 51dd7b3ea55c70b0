"""Wording classes of Chinese privacy policies where a word of the vocabulary is, or is not, a declaration: the
object of an operation (a rights clause, a business such as 修改绑定手机号), data an authority holds, a test of what
something is, writing to the album, a blanket denial, a verification whose result alone the app receives, a
permission used to capture, a list that ends in 这些权限, a permission in an aside, a permission's own gloss, the
system's authorisation prompt, an SDK named in quotes. Each case is written from the rule (the usual wording of
such clauses), each with its counterpart that stays a declaration."""

import pytest

from appgov.engines import privacy


def declared(text: str) -> dict:
    return privacy.extract(text)


def pi(text: str) -> set[str]:
    return set(declared(text)["pi_types"])


def permissions(text: str) -> set[str]:
    return set(declared(text)["permissions"])


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a rights clause names the data the user may act on, it does not declare collecting it
        ("您有权访问、更正、删除您的手机号码、电子邮箱。", {"phone_number", "email"}),
        ("您可以查阅您的通信地址和姓名。", {"address", "name"}),
        # a business that changes or recovers an item is not the item being collected
        ("当您办理解绑银行卡、重置支付密码业务时，需要进行身份核验。", {"payment_info", "account_info"}),
        ("在您修改预留手机号时，请确认短信通知已开启。", {"phone_number"}),
        # data an authority holds, compared with
        ("我们会将您的人脸图像与公安部门登记的证件照片进行比对。", {"identity_document", "photos_media"}),
        # a test of what a text is
        ("我们会在本地判断您输入的内容是否为手机号码。", {"phone_number"}),
        # writing to the album is not reading it
        ("您可以将交易凭证保存到相册。", {"photos_media"}),
        # a blanket denial of a sentence
        ("该插件仅用于在您输入登录密码时防止截屏，不收集任何个人信息。", {"account_info"}),
        # a verification done elsewhere: the app gets the result only
        ("人脸识别由合作机构完成，我们只接收核验结果。", {"biometric_face"}),
        # a denial with 仅 inside it
        ("我们不会仅为了广告推送而读取您的通讯录。", {"contacts"}),
        # the names of a list that ends in 这些权限
        ("相机、麦克风、日历这些权限您都可以在系统设置中关闭。", {"camera", "microphone", "calendar"}),
        # a quantifier before 机型 (in some phone models) and the memory's use are not the user's data
        ("在个别机型上，推送可能会延迟。", {"device_info"}),
        ("我们会记录应用的CPU使用情况以优化性能。", {"usage_behavior"}),
    ],
)
def test_not_declared(text, absent):
    assert not pi(text) & absent


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # the counterparts: collecting the same data stays a declaration
        ("在您修改预留手机号时，我们会收集您的新手机号码。", {"phone_number"}),
        ("您注册时需要提供手机号码并设置登录密码。", {"phone_number", "account_info"}),
        ("我们会收集您上传的身份证件照片。", {"identity_document"}),
        ("我们会读取您相册中的照片。", {"photos_media"}),
        ("我们仅收集设备型号，不收集任何其他个人信息。", {"device_info"}),
        ("我们会采集您的人脸图像进行比对。", {"biometric_face"}),
        ("我们会读取您的通讯录，仅用于选择收款人。", {"contacts"}),
        # vocabulary a policy uses
        ("办理信用卡时，我们会收集您的住宅地址。", {"address"}),
        ("我们会采集您的公网IP和内网IP。", {"network_info"}),
        ("我们会收集崩溃堆栈和卡顿日志。", {"crash_logs"}),
        ("智能客服支持语音输入。", {"voice"}),
        # a voiceprint is biometric only (FRESH_SET_BRIEF.md, 2026-12-05): 声音 beside 声纹 is in test_privacy_fresh4_classes
        ("开通语音登录时，我们会采集您的声音。", {"voice"}),
        ("我们会为您查找附近网点。", {"location"}),
        # a permission used as the means of a capture is the capture too
        ("我们会调用您设备的相机权限以采集证件影像。", {"camera"}),
        ("我们会通过麦克风权限录制您的语音。", {"microphone"}),
    ],
)
def test_declared(text, present):
    assert pi(text) >= present


def test_a_video_taken_with_the_camera_is_the_camera():
    found = pi("开户时，我们会通过摄像头录制见证视频。")
    assert "camera" in found and "photos_media" not in found
    assert "photos_media" in pi("请上传您的视频。")


def test_a_list_ending_in_these_permissions_declares_them():
    assert permissions("位置、通讯录、相机这些权限，只有在您使用相关功能时才会申请。") >= {
        "location",
        "contacts",
        "camera",
    }


def test_a_permission_in_an_aside():
    assert permissions("您可以拍照（需开启相机权限）或从相册选择（需开启存储权限）。") >= {
        "camera",
        "storage",
    }


def test_the_authorisation_prompt_authorises():
    assert "location" in permissions("小程序读取您的位置信息前，会先显示授权弹框。")
    assert "location" not in permissions("我们会根据您填写的地址推荐网点。")


def test_a_permission_gloss_is_not_data():
    text = "我们会申请以下权限：\n1. 电话（读取设备信息）：用于获取IMSI以绑定设备；"
    found = pi(text)
    assert "device_info" not in found and "device_identifiers" in found
    assert "device_info" in pi("我们会读取您的设备信息。")


def test_a_quoted_sdk_the_catalogue_does_not_know():
    sdks = declared("我们接入了某某公司提供的“安心签电子签名SDK”，用于合同签署。")["sdks"]
    assert [s["name"] for s in sdks if s["id"] is None] == ["安心签电子签名SDK"]
    # not without a word of embedding, and not when denied
    assert not declared("“安心签电子签名SDK”的说明见附件。")["sdks"]
    assert not declared("我们未集成“安心签电子签名SDK”。")["sdks"]


def test_wechat_opensdk_by_its_mixed_name():
    ids = {s["id"] for s in declared("分享时，我们集成的微信OpenSDK会获取您的网络类型。")["sdks"]}
    assert "wechat_opensdk" in ids


def test_the_customer_service_word_does_not_hide_a_voice_input():
    assert "voice" in pi("您可以通过智能客服语音输入问题。")


@pytest.mark.parametrize(
    ("text", "absent", "group"),
    [
        ("为保存凭证，我们会申请存储（相册）权限。", {"photos_media"}, "storage"),
        ("我们会申请电话（设备信息）权限。", {"device_info"}, "phone"),
        ("登录时可申请生物识别（指纹、面容）权限。", {"biometric", "biometric_face"}, "biometric"),
    ],
)
def test_the_aside_after_a_permissions_name_is_its_gloss(text, absent, group):
    assert not pi(text) & absent
    assert group in permissions(text)


def test_an_aside_elsewhere_still_declares():
    assert "device_info" in pi("我们会收集设备信息（设备型号、系统版本），并申请电话权限。")
    assert "photos_media" in pi("您可以选择相册（本地图片）中的照片上传。")


def test_recording_a_video_is_the_camera():
    assert "camera" in pi("开户时我们会录制视频。")


def test_writing_into_the_calendar_is_not_reading_it():
    assert "calendar" not in pi("我们会在您的日历中添加还款提醒。")
    assert "calendar" not in pi("App只往系统日历写入账单日提醒。")
    assert "calendar" in pi("我们会读取您的日历，以避免重复添加提醒。")


def test_speech_is_voice_only_where_it_is_recorded():
    assert "voice" in pi("使用语音客服时，我们会采集您的语音。")
    assert "voice" not in pi("App支持语音播报到账金额。")


def test_number_authentication_alone_is_not_aliyuns():
    ids = {s["id"] for s in declared("我们接入了中国电信的号码认证服务，用于一键登录。")["sdks"]}
    assert "aliyun_number_auth" not in ids and "ctcc_auth" in ids
    ids = {s["id"] for s in declared("我们接入了阿里云号码认证服务，用于一键登录。")["sdks"]}
    assert "aliyun_number_auth" in ids


def test_withdrawing_an_authorisation_names_permissions_not_data():
    assert not pi("您可以随时在系统设置中撤回对通讯录、日历的授权。") & {"contacts", "calendar"}
    assert "contacts" in pi("经您授权后，我们会读取您的通讯录。")


def test_a_feature_named_after_nearby_branches_is_not_location():
    assert "location" not in pi("关闭后将无法使用附近网点功能。")
    assert "location" in pi("我们会根据您的定位为您查找附近网点。")


def test_a_location_read_by_the_app_without_the_word_information():
    assert "location" in pi("我们会获取您的定位，用于推荐活动。")
    assert "location" in pi("我们会根据您的位置推荐网点。")
    assert "location" in pi("开启定位服务后，我们会获取您所在的城市。")
    assert "location" not in pi("您可以在地图上查看网点位置。")
    assert "location" not in pi("我们会获取您的位置权限。")


def test_advice_to_the_user_is_not_collecting():
    assert "account_info" not in pi("请勿向任何人透露您的交易密码。")
    assert "phone_number" not in pi("您可以使用手机号转账功能。")


def test_a_platform_prefixing_a_kit_is_the_kit():
    def ids(text):
        return {s["id"] for s in declared(text)["sdks"]}

    assert ids("我们使用HMS Core推送服务（Push Kit）向您发送通知。") == {"huawei_push"}
    assert ids("我们集成了HMS Core SDK和华为推送服务。") == {"huawei_hms_core", "huawei_push"}
    assert ids("我们集成了HMS Core。") == {"huawei_hms_core"}


def test_a_location_product_is_not_the_location_permission():
    assert "location" not in permissions("我们集成了高德定位服务，用于展示网点。")
    assert "location" in permissions("使用网点查询前，您需要开启定位服务。")


def test_a_quoted_permission_name_is_not_data():
    assert "calendar" not in pi("App会申请“读写日历”权限。")
    assert "calendar" in permissions("App会申请“读写日历”权限。")


def test_the_users_messages_read_are_sms():
    assert "sms" in pi("我们会读取您的短信，以识别银行通知。")
    assert "sms" not in pi("我们会通过短信通知您交易结果。")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("第三方登录时，我们会获取您的OpenID。", "account_info"),
        ("我们会获取您的UnionID以关联账户。", "account_info"),
        ("我们会展示您的基金持仓。", "payment_info"),
        ("申请贷款时需提供收入证明。", "payment_info"),
        ("我们会读取粘贴板中的口令。", "clipboard"),
        ("我们会统计页面停留时长。", "usage_behavior"),
    ],
)
def test_vocabulary_of_the_schema(text, code):
    assert code in pi(text)


def test_a_list_as_topic_with_its_denial_as_comment():
    assert not pi("通讯录和日历，我们一概不读取。") & {"contacts", "calendar"}
    assert not permissions("短信、通话记录权限，我们都不会申请。") & {"sms", "call_log"}
    # the counterparts: a positive verb before the list keeps it
    assert "contacts" in pi("我们会读取您的通讯录，不会上传。")
    assert "camera" in permissions("我们会申请相机权限，不会申请麦克风权限。")
    assert "microphone" not in permissions("我们会申请相机权限，不会申请麦克风权限。")


def test_a_denial_of_sharing_declares_nothing():
    assert "phone_number" not in pi("我们不对外提供您的手机号码。")
    assert "phone_number" in pi("我们会收集您的手机号码，不对外提供。")


def test_a_glossary_term_defines_nothing():
    assert pi("本政策中的“网络信息”是指IP地址、网络类型等。") == set()
    assert "network_info" in pi("本政策中的“网络信息”是指IP地址，我们会收集您的IP地址。")


def test_a_face_captured_by_the_app_stays_with_a_result_only_clause():
    assert "biometric_face" in pi("我们会采集您的人脸图像，仅获取比对结果。")


def test_a_tables_purpose_column_is_not_its_data_column():
    table = (
        "SDK名称 | 提供方 | 使用目的 | 收集个人信息类型\n某统计SDK | 某公司 | 分析浏览记录 | 设备型号、IP地址"
    )
    found = pi(table)
    assert "usage_behavior" not in found and {"device_info", "network_info"} <= found
    # without a data column, the purpose is all the table says
    assert "usage_behavior" in pi("SDK名称 | 提供方 | 使用目的\n某统计SDK | 某公司 | 收集浏览记录")


def test_a_permission_list_opened_on_the_line_of_its_first_item():
    text = "App权限使用说明：\n• 麦克风：语音客服\n• 日历：还款提醒\n• 通知：到账提醒"
    assert permissions(text) >= {"microphone", "calendar", "notifications"}


def test_features_with_their_permissions_in_asides():
    text = "使用以下功能时需开启对应权限：扫一扫（相机）、语音转账（麦克风）、查找网点（位置）。"
    assert permissions(text) >= {"camera", "microphone", "location"}


def test_a_purpose_aside_is_not_a_gloss():
    assert "camera" in pi("权限：相机（用于扫码）；")
    assert "device_info" not in pi("权限：电话（设备信息）；")


def test_colloquial_denials():
    assert not pi("我们不看你的通讯录，也不翻你的相册。") & {"contacts", "photos_media"}
    assert "crash_logs" in pi("App崩溃时会自动上传崩溃报告。")
