"""Error classes of the fourth held-out set (fresh4, now a development set) and of the brief's conventions added on
2026-12-05 (avatar/nickname, voiceprint, speech features, host-platform payment), each with sentences written for
this file (none copied from a labelled set). Every case failed on the engine before the fix of its class (main at
45a2d6b)."""

import pytest
from privacy_class_cases import check_case

# class: (text, field index 0 pi / 1 permissions / 2 sdks, present, absent)
CASES = {
    # SDK precision: a table whose name column is captioned SDK名称 and whose maker column is a company's legal name
    # names the SDK once, by its catalogue id, not the company as well
    "maker column beside the SDK name column": (
        "SDK名称 | 目的 | 个人信息字段 | 合作机构\n"
        "个推推送SDK | 向您发送理财到期提醒 | 设备标识符 | 每日互动股份有限公司\n"
        "腾讯Bugly | 闪退上报 | 机型、崩溃堆栈 | 深圳市腾讯计算机系统有限公司",
        2,
        {"getui", "tencent_bugly"},
        {"每日互动股份有限公司", "深圳市腾讯计算机系统有限公司"},
    ),
    # a maker's name before a device word is the phone's brand, not an SDK maker
    "device brand is not an SDK maker": (
        "我们可能申请以下权限：ohos.permission.LOCATION（查找附近的自助设备）、ohos.permission.DISTRIBUTED_DATASYNC"
        "（在您的华为平板与手机间接续办理业务）。",
        2,
        set(),
        {"huawei_location", "huawei_hms_core"},
    ),
    # host-platform payment and login in a mini-program are not SDKs of the mini-program
    "host payment in a mini-program": (
        "在本微信小程序内缴纳保费时，将跳转微信支付完成付款，我们仅接收支付结果。",
        2,
        set(),
        {"wechat_pay"},
    ),
    "host login in an Alipay mini-program": (
        "支付宝小程序“XX理财”经您授权获取您的支付宝会员手机号。",
        2,
        set(),
        {"alipay_sdk"},
    ),
    # PI recall: payee bank details and fund accounts are financial information
    "payee's bank branch and account": (
        "跨行汇款时，请填写对方户名、账号及开户行。",
        0,
        {"payment_info"},
        set(),
    ),
    "fund account": ("开通融资融券前，我们会核验您的资金账号与证券账户。", 0, {"payment_info"}, set()),
    "orders and fills": (
        "为满足监管留痕要求，我们会保存您每笔委托的数量、价格以及成交情况。",
        0,
        {"payment_info"},
        set(),
    ),
    # device identifiers: advertising id, push token, disk serial
    "advertising id": ("我们会读取您设备的广告标识，用于统计活动效果。", 0, {"device_identifiers"}, set()),
    "push token": (
        "为向您推送到账提醒，我们会上传推送标识（device token）。",
        0,
        {"device_identifiers"},
        set(),
    ),
    # location: a location SDK used for a purpose on the user's whereabouts reads the location
    "location SDK for nearby places": (
        "我们使用百度定位SDK为您推荐周边的特约商户。",
        0,
        {"location"},
        set(),
    ),
    "location permission refused": (
        "如您不同意定位授权，我们将无法为您展示所在城市的活动。",
        1,
        {"location"},
        set(),
    ),
    # microphone / voice: a recording of audio is the microphone's capture; speech asked by the user is voice
    "audio and video recorded": (
        "办理保险回访时，我们会对您的音频和视频进行录制并留存备查。",
        0,
        {"microphone", "camera"},
        set(),
    ),
    "speech question purpose": (
        "scope.record：用于您以语音提问方式咨询理财经理。",
        0,
        {"voice", "microphone"},
        set(),
    ),
    "voice message uploaded through an SDK": (
        "如您在对话里发送语音，我们会通过客服SDK传输相应内容。",
        0,
        {"voice"},
        set(),
    ),
    # new convention: a feature named after speech does not label voice/microphone data
    "speech-named feature in a permission table": (
        "权限 | 用途\n麦克风 | 智能语音助手唤醒",
        0,
        set(),
        {"voice", "microphone"},
    ),
    # new convention: a voiceprint is biometric only
    "voiceprint is not voice": (
        "开通声纹验证后，我们会通过麦克风录下您念出的一串数字，从中提取声纹特征。",
        0,
        {"biometric"},
        {"voice"},
    ),
    # health words read through a sensor permission
    "blood oxygen": (
        "android.permission.BODY_SENSORS | 读取手表测得的血氧饱和度 | 健康评估",
        0,
        {"health"},
        set(),
    ),
    # carrier type read by a one-click login SDK is network information
    "carrier type": ("本机号码校验 | 某某认证SDK | 手机号码、运营商类型", 0, {"network_info"}, set()),
    # what the user copied is read (识别您复制的…): copying is the user's act, not an operation on the data
    "copied text read from the clipboard": (
        "ohos.permission.READ_PASTEBOARD（读取剪贴板）—— 用于一键识别您复制的对方姓名、账号及开户行。",
        0,
        {"payment_info"},
        set(),
    ),
    # a permission named by what it does (获取应用列表) is not the data wording 获取您的应用列表
    "data wording is not the permission's name": (
        "为识别仿冒App，我们需要获取您的应用列表信息。",
        1,
        set(),
        {"installed_apps"},
    ),
    "English notification permission": (
        "您可在系统设置中关闭本App的Notification权限。",
        1,
        {"notifications"},
        set(),
    ),
    # a call-log permission with a purpose on the calls (标记骚扰来电) reads the call log
    "call log read for incoming calls": (
        "READ_CALL_LOG | 用于标记骚扰来电 | 可关闭",
        0,
        {"call_log"},
        set(),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_fresh4_class(name):
    check_case(*CASES[name])
