"""The extraction's general rules, each on sentences written for the rule (not taken from a labelled set):
how far a denial reaches, a permission list is not data, system biometrics, SDKs named by brand and function,
SDK tables."""

import pytest

from appgov.engines import privacy
from appgov.engines.privacy import vocabulary


def pi(text: str) -> set[str]:
    return set(privacy.extract(text)["pi_types"])


def permissions(text: str) -> set[str]:
    return set(privacy.extract(text)["permissions"])


def sdk_ids(text: str) -> list:
    return [s["id"] or s["name"] for s in privacy.extract(text)["sdks"]]


def test_a_denial_reaches_every_item_of_its_list_and_stops_at_the_comma():
    text = "我们不会收集、保存或向任何人提供您的通讯录、通话记录及短信内容，但会收集您的设备型号。"
    assert pi(text) == {"device_info"}


def test_a_denial_after_the_items_it_denies():
    assert pi("您的日历、照片我们一律不读取。") == set()
    # a collection before the denial keeps it: the data is collected, only not uploaded
    assert pi("我们读取的位置信息不会上传至服务器。") == {"location"}


def test_the_childrens_boilerplate_about_a_mistaken_collection_declares_nothing():
    text = "如果我们发现在未事先获得监护人同意的情况下收集了不满十四周岁未成年人的个人信息，会设法尽快删除。"
    assert pi(text) == set()


def test_a_device_named_in_a_permission_list_is_a_permission_not_data():
    text = "App可能申请以下权限：麦克风、日历、蓝牙等权限，您可以随时关闭。"
    assert pi(text) == set()
    assert permissions(text) == {"microphone", "calendar", "bluetooth"}
    # reading the data under that permission is collecting it
    assert pi("我们将申请读取日历的权限，用于添加还款提醒。") == {"calendar"}


def test_permission_names_with_asides_quotes_and_de():
    assert permissions("我们会申请存储（文件）权限，用于保存电子回单。") == {"storage"}
    assert permissions("我们会申请“读取应用列表”权限，用于识别风险应用。") == {"installed_apps"}
    assert permissions("我们需要访问日历的权限，用于添加提醒。") == {"calendar"}


def test_system_biometric_login_gives_only_a_result():
    assert pi("您可以开通面容ID登录，为此我们需要调用设备的生物识别能力。") == set()
    assert pi("开通刷脸支付时，我们会采集您的人脸图像。") == {"biometric_face"}


def test_an_sms_code_is_sms_data_only_where_the_app_reads_it():
    assert pi("我们会向您的手机号码发送短信验证码。") == {"phone_number"}
    assert "sms" in pi("经您授权，我们会自动填写您收到的短信验证码。")


def test_gbt35273_appendix_words():
    assert pi("理赔时需要提供您的住院志、检验报告及用药记录。") == {"health"}
    assert pi("我们会收集您的住址和工作单位地址。") == {"address"}
    assert pi("为评估授信额度，我们会收集您的房产信息和公积金缴存信息。") == {"payment_info"}


@pytest.mark.parametrize(
    ("name", "sdk"),
    [
        ("个推消息推送服务SDK", "getui"),
        ("友盟+ U-App移动统计SDK", "umeng_analytics"),
        ("华为 HMS Push Kit", "huawei_push"),
        ("高德定位SDK", "amap_location"),
        ("百度地图开放平台SDK", "baidu_map"),
    ],
)
def test_an_sdk_named_by_brand_and_function_is_the_catalogues(name, sdk):
    assert sdk_ids(f"本App集成了{name}，用于提供相应功能。") == [sdk]


def test_a_brand_with_several_sdks_of_that_function_is_not_guessed():
    # Tencent makes two analytics SDKs in the catalogue (MTA, Beacon): "腾讯统计SDK" is neither
    assert vocabulary.resolve_sdk("腾讯统计SDK") is None
    assert vocabulary.resolve_sdk("某某科技推送SDK") is None


def test_an_sdk_the_policy_says_it_does_not_embed_is_not_declared():
    assert sdk_ids("本App未集成极光推送SDK及任何第三方统计SDK。") == []


def test_an_sdk_table_from_html():
    html = (
        "<html><body><h2>第三方SDK目录</h2><table>"
        "<tr><th>SDK名称</th><th>提供方</th><th>使用目的</th><th>收集的个人信息</th></tr>"
        "<tr><td>小米推送</td><td>北京小米移动软件有限公司</td><td>消息推送</td><td>设备标识符</td></tr>"
        "<tr><td>某某风控组件</td><td>某某科技有限公司</td><td>交易反欺诈</td><td>设备信息、网络信息</td></tr>"
        "</table></body></html>"
    )
    declared = privacy.extract(privacy.read_text(html.encode("utf-8")))
    names = [s["id"] or s["name"] for s in declared["sdks"]]
    assert names == ["xiaomi_push", "某某风控组件"]
    assert declared["third_party_list"]
    assert {"device_identifiers", "device_info", "network_info"} <= set(declared["pi_types"])
