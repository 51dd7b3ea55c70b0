"""Error classes of the fifth held-out set (fresh5, now a development set), each with sentences written for this file
(none copied from a labelled set). Every case failed on the engine before the fix of its class (main at 89c902c)."""

import pytest
from privacy_class_cases import check_case

# class: (text, field index 0 pi / 1 permissions / 2 sdks, present, absent)
CASES = {
    # SDK tables whose cells are Java packages: a package resolves through the catalogue's package prefixes, and a
    # package (whole or cut short) is never an SDK name
    "package cells resolve to catalogue ids": (
        "com.igexin.push.core | 消息推送 | 设备标识符\ncom.tencent.bugly.crashreport | 崩溃上报 | 设备型号、崩溃堆栈",
        2,
        {"getui", "tencent_bugly"},
        {"com.igexin.push.core", "com.tencent.bugly.crashreport"},
    ),
    "unknown or truncated package cell is not a name": (
        "SDK名称 | 使用目的 | 收集的个人信息\ncom.tencent.bugly | 崩溃分析 | 设备型号\norg.example.toolkit. | 图表绘制 | 无",
        2,
        {"tencent_bugly"},
        {"org.example.toolkit.", "org.example.toolkit", "com.tencent.bugly"},
    ),
    # a maker column (第三方名称) beside an SDK-name column: the row is its SDK, not the maker's legal name
    "maker column captioned 第三方名称 beside SDK名称": (
        "第三方名称 | SDK名称 | 用途 | 收集的信息\n"
        "维沃移动通信有限公司 | vivo推送SDK | vivo手机推送 | 设备标识符\n"
        "上海某某信息技术有限公司 | 某某客服SDK | 在线客服 | 设备型号",
        2,
        {"vivo_push", "某某客服SDK"},
        {"维沃移动通信有限公司", "上海某某信息技术有限公司"},
    ),
    # a company named with 提供的SDK and no function: the name as written, not the function of another maker's SDK
    "maker's SDK without function borrows no other maker's function": (
        "本产品接入了腾讯公司提供的SDK，以及阿里云计算有限公司提供的推送服务SDK。",
        2,
        {"腾讯公司", "aliyun_push"},
        {"tencent_tpns"},
    ),
    "maker's SDK without function after another maker's": (
        "本App集成了北京百度网讯科技有限公司提供的定位SDK以及腾讯公司提供的SDK。",
        2,
        {"baidu_location", "腾讯公司"},
        {"tencent_location"},
    ),
    # makers listed as the providers of the SDKs: each as written where it makes several SDKs
    "makers listed as SDK providers": (
        "本应用所使用SDK的提供方包括：北京字节跳动科技有限公司、深圳市腾讯计算机系统有限公司、杭州某某数据有限公司。",
        2,
        {"北京字节跳动科技有限公司", "深圳市腾讯计算机系统有限公司", "杭州某某数据有限公司"},
        set(),
    ),
    # a mini-program saying it embeds no SDK does not name its host's payment as an SDK
    "denied SDK wording keeps the host platform's feature out": (
        "本微信小程序的付款通过微信支付完成，本小程序未接入任何第三方SDK。",
        2,
        set(),
        {"wechat_pay"},
    ),
    # data the policy only protects is not declared by that
    "protected only": (
        "我们对您的证件号码、支付密码进行加密处理，并在展示时脱敏。",
        0,
        set(),
        {"identity_document", "account_info"},
    ),
    # writing into the user's calendar is not reading it
    "written into the user's calendar": (
        "开启还款提醒后，我们将申请日历权限，把还款日程添加到您的手机日历。",
        0,
        set(),
        {"calendar"},
    ),
    # a word in the quoted name of a feature names the feature
    "quoted feature name": (
        "您可在“我的日历”页面查看产品到期日。",
        0,
        set(),
        {"calendar"},
    ),
    # a permission asked for with a purpose that reads its data labels the data too
    "contacts purpose choosing a payee": (
        "“XX钱包”想访问您的通讯录，用于转账时选择收款人。",
        0,
        {"contacts"},
        set(),
    ),
    "location purpose recording the accident place": (
        "报案时我们会申请位置权限，用于记录事故地点。",
        0,
        {"location"},
        set(),
    ),
    "microphone purpose speech search": (
        "本小程序可能申请scope.record授权（用于语音搜索理财产品）。",
        0,
        {"microphone"},
        set(),
    ),
    # the purpose after a request is not what is requested (请求相机授权以拍摄…照片: no album permission)
    "purpose after a request is not a requested permission": (
        "理赔时我们会申请摄像头授权以拍下受损车辆的照片。",
        1,
        {"camera"},
        {"storage"},
    ),
    # a forgotten account name is not collected (忘记用户名时…找回)
    "forgotten account name": (
        "如您忘记用户名，可以凭注册时绑定的手机号码找回。",
        0,
        {"phone_number"},
        {"account_info"},
    ),
    # a word inside a catalogue SDK's name (华为统一扫码) is what the SDK does, not data
    "word inside an SDK's name": (
        "我们集成了华为统一扫码服务，用于识别付款二维码。",
        0,
        set(),
        {"camera"},
    ),
    # trading account numbers and orders are financial information
    "trading account number": (
        "开立证券账户后，您需要填写您的证券账号以完成三方存管绑定。",
        0,
        {"payment_info"},
        set(),
    ),
    "order information": (
        "支付SDK会获取您的订单信息以完成付款。",
        0,
        {"payment_info"},
        set(),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fresh5_class(name):
    check_case(*CASES[name])
