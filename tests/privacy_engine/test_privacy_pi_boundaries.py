"""Where a personal-information word in a policy is not a declaration, each case written from GB/T 35273-2020's
wording (its definition of sensitive personal information, Appendix A/B), the contact clause the 2019 identification
method asks for, and the usual wording of account and children's clauses; and what stays a declaration."""

import pytest

from appgov.engines import privacy


def pi(text: str) -> set[str]:
    return set(privacy.extract(text)["pi_types"])


@pytest.mark.parametrize(
    "text",
    [
        # the controller's own contact, not the user's
        "我们的注册地址为：北京市西城区金融大街1号，联系电话：010-12345678。",
        "个人信息保护负责人邮箱：dpo@bank.example。",
        "如有疑问，请拨打本行客服热线95588。",
        # the definitions of GB/T 35273-2020 3.1 / 3.2 and of the PIPL, article 28
        "个人敏感信息是指一旦泄露、非法提供或滥用可能危害人身和财产安全的个人信息，包括身份证件号码、银行卡号、行踪轨迹等。",
        "敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害的个人信息，包括生物识别、金融账户、行踪轨迹等信息。",
        "以下信息属于敏感个人信息：身份证件号码、银行卡号、生物识别信息。",
        # the account as such, the app's own videos, a carrier that checks a number, a risk-control fingerprint
        "您可以在“我的-设置-注销账号”中申请注销。",
        "如发现异常，您的账号将被临时冻结，请妥善保管您的密码。",
        "您可以在App内观看理财视频，或使用视频客服。",
        "为办理贷款，您需要提供紧急联系人的称谓。",
        # denials in other words
        "我们没有收集您的通讯录和通话记录。",
        "我们的产品不面向不满十四周岁的儿童。",
        # a permission named with an aside or a mode (相册（存储）权限, 日历读写权限), system biometric login
        "我们会申请相册（存储）权限。",
        "为提示还款日，我们会申请日历读写权限。",
        "开启指纹/面容登录需要您授权生物识别权限。",
    ],
)
def test_not_a_declaration(text):
    assert pi(text) == set()


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("我们收集的身份证件号码、人脸信息属于敏感个人信息。", {"identity_document", "biometric_face"}),
        ("注册时您需要设置账号和登录密码。", {"account_info"}),
        ("客服会话中会处理您发送的图片及语音消息。", {"photos_media", "voice", "microphone"}),
        ("数美设备指纹SDK会收集设备指纹信息用于反欺诈。", {"device_identifiers"}),
        ("一键登录时，我们会收集您的手机号码和运营商信息。", {"phone_number", "network_info"}),
        ("一键登录时，我们会将您的手机号码发送至运营商进行校验。", {"phone_number"}),
        ("我们会记录您的登录日志和操作日志。", {"usage_behavior"}),
        ("经授权后我们会获取您的大致位置。", {"location"}),
        ("若您未满十四周岁，请在监护人陪同下阅读本政策。", {"minor"}),
    ],
)
def test_still_a_declaration(text, types):
    assert pi(text) == types


def test_a_denial_on_one_line_does_not_reach_the_next():
    assert pi("我们不会收集您的通讯录\n我们会收集您的位置信息\n") == {"location"}
