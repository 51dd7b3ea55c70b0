"""Classes of error found on the first two fresh labelled sets (issue 20), each written here as new sentences (none
copied from a labelled set) from the rule behind it, with counterparts that stay declarations: address-book entries,
derived and device-only data, photos taken with the camera, the clipboard, safety purposes, definitions, denials in
other words, the microphone's capture, the app calling a device, the system's prompt, request lists, table rows that
list their data or name a permission, SDKs named without quotes, tables without a header."""

import pytest

from appgov.engines import privacy


def declared(text: str) -> dict:
    return privacy.extract(text)


def pi(text: str) -> set[str]:
    return set(declared(text)["pi_types"])


def permissions(text: str) -> set[str]:
    return set(declared(text)["permissions"])


def sdks(text: str) -> set[str]:
    return {s["id"] or s["name"] for s in declared(text)["sdks"]}


# each case: the class's sentence (declared by the engine before these rules) and, where the class could reach too far,
# its counterpart that stays a declaration; (text, present, absent)
PI_CASES = {
    # an entry of the address book is contacts, not the user's own name or number (FRESH_SET_BRIEF.md); an
    # emergency contact the user fills in is not the address book
    "address book": [
        (
            "代缴话费时，您可从手机通讯录挑选一位好友，我们只读取该联系人的名字和电话号码。",
            {"contacts"},
            {"name", "phone_number"},
        ),
        ("我们会读取通讯录中的姓名、手机号码，用于快速填写收款人。", {"contacts"}, {"name", "phone_number"}),
        ("请填写一位紧急联系人的姓名和手机号码。", {"name", "phone_number"}, {"contacts"}),
        ("企业开户时请提供单位联系人的姓名和电话号码。", {"name", "phone_number"}, {"contacts"}),
    ],
    # what the app derives is not collected from the user; what it collects to derive it is
    "derived": [
        ("我们会收集您的设备型号，用于生成设备指纹。", {"device_info"}, {"device_identifiers"}),
        ("我们会收集您的IMEI和设备指纹。", {"device_identifiers"}, set()),
    ],
    # data kept on the device only
    "device only": [
        ("声纹仅存储在您的手机本地，我行服务器不会留存。", set(), {"biometric"}),
        ("开通声纹登录时，我们会采集您的声纹并加密上传至服务器。", {"biometric"}, set()),
    ],
    # a photo the user takes is the camera's; one picked from the album is a file of the album
    "photo taken": [
        ("办理挂失补卡时，请您拍摄一张手持银行卡的照片。", {"camera"}, {"photos_media"}),
        ("您可以拍照，或从相册选取照片上传。", {"camera", "photos_media"}, set()),
    ],
    # the clipboard is the user's data where the app reads it, not where the user pastes from it
    "clipboard": [
        ("您也可以手动长按输入框，把剪贴板里的卡号粘贴进来。", set(), {"clipboard"}),
        ("App启动时会检测剪贴板中是否有分享口令。", {"clipboard"}, set()),
    ],
    # a purpose of keeping something safe declares no data by a word that needs a verb
    "safety purpose": [
        ("为确保您设置密码的过程不被窥探，我们启用了防截屏保护。", set(), {"account_info"}),
        ("开户时您需要设置六位数字密码。", {"account_info"}, set()),
    ],
    # a definition with a comma before 是指
    "definition": [
        (
            "个人信息，是指以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，如姓名、住址。",
            set(),
            {"name", "address"},
        ),
    ],
    # what the app cannot reach
    "cannot reach": [
        (
            "合作机构只能看到脱敏后的结果，拿不到您的身份证号码和银行卡号。",
            set(),
            {"identity_document", "payment_info"},
        ),
        ("接入的广告SDK读不到您的位置信息。", set(), {"location"}),
    ],
    # vocabulary: holdings of products, a photographed document, the app's own account, the system's face unlock
    "holdings": [("我们会根据您的基金产品持有情况推送调仓提示。", {"payment_info"}, set())],
    "document photographed": [("办理业务需要进行证件拍摄。", {"identity_document"}, set())],
    "the app's account": [("您可将第三方账号与您的手机银行账户关联。", {"account_info"}, {"payment_info"})],
    "system unlock": [
        ("您可以在设置中开启人脸解锁，验证由系统完成。", set(), {"biometric_face"}),
        ("转账时将调用您设备的指纹识别功能进行确认。", set(), {"biometric"}),
    ],
    # the microphone's capture is the user's voice; speaking into the app is the microphone's; a voice message sent
    # in a chat is voice only
    "microphone": [
        ("视频面签时会启用麦克风进行全程录制。", {"microphone", "voice"}, set()),
        ("搜索框支持语音输入。", {"voice", "microphone"}, set()),
        # recorded speech is voice and microphone both (FRESH_SET_BRIEF.md convention, 2026-12-05)
        ("您可以在客服会话中发送语音消息。", {"voice", "microphone"}, set()),
        ("为保障服务质量，您与客服热线的通话可能会被录音。", {"voice", "microphone"}, set()),
    ],
}


@pytest.mark.parametrize("cases", PI_CASES.values(), ids=list(PI_CASES))
def test_pi_classes(cases):
    for text, present, absent in cases:
        found = pi(text)
        assert present <= found, text
        assert not found & absent, text


PERMISSION_CASES = {
    # the app calling the device without 权限/授权 wording is data, not a permission (FRESH_SET_BRIEF.md, extended
    # 2026-12-05); with the permission's name it is one; a denial stays one
    "the app calls the device": [
        ("远程面签时，App将调用摄像头和麦克风完成双录。", set(), {"camera", "microphone"}),
        ("识别银行卡时会调用手机的相机。", set(), {"camera"}),
        ("识别银行卡时会调用手机的相机权限。", {"camera"}, set()),
        ("我们不会在后台调用麦克风。", set(), {"microphone"}),
    ],
    # the system's prompt asks for it
    "system prompt": [("首次语音搜索时，系统会提示“XX银行”想访问您的麦克风。", {"microphone"}, set())],
    # the groups added to the brief later: the clipboard as an item of a permission list, iOS's tracking prompt
    "clipboard and tracking": [
        (
            "App可能申请下列权限：通知、剪贴板、跨应用关联。",
            {"notifications", "clipboard", "app_tracking"},
            set(),
        ),
        ("在您允许跟踪后，我们会读取IDFA。", {"app_tracking"}, set()),
        ("Android版本会申请获取广告ID的权限。", {"app_tracking"}, set()),
        ("我们不会读取您的剪贴板。", set(), {"clipboard"}),
    ],
    # a list after a request and a colon, with long asides
    "request list": [
        (
            "安装后App会询问您是否允许访问：日历（添加理财产品到期提醒事项）、通讯录（从联系人中选择转账对象）。",
            {"calendar", "contacts"},
            set(),
        )
    ],
}


@pytest.mark.parametrize("cases", PERMISSION_CASES.values(), ids=list(PERMISSION_CASES))
def test_permission_classes(cases):
    for text, present, absent in cases:
        found = permissions(text)
        assert present <= found, text
        assert not found & absent, text


def test_a_permission_prompt_names_the_permission_not_data():
    assert "camera" not in pi("系统会弹出“XX银行”想访问您的相机的提示。")


def test_a_row_that_lists_its_data_declares_none_by_its_other_cells():
    text = "人脸识别SDK | 某某科技有限公司 | 统计App使用情况 | 设备型号、IP地址、系统版本"
    found = pi(text)
    assert {"device_info", "network_info"} <= found
    assert not found & {"biometric_face", "usage_behavior"}
    # a row whose cell is not a list of data keeps what its cells say
    assert "usage_behavior" in pi("某某SDK | 统计您的使用情况")


def test_the_name_of_a_permission_beside_its_identifier_is_not_data():
    text = "android.permission.READ_CALENDAR | 日历 | 信用卡还款提醒\nandroid.permission.CAMERA | 相机 | 拍摄身份证件"
    found = pi(text)
    assert "calendar" not in found
    assert {"identity_document", "camera"} <= found
    assert {"calendar", "camera"} <= permissions(text)


def test_an_sdk_named_without_quotes_where_the_app_embeds_it():
    assert "XYZ电子签章SDK" in sdks("为完成电子签约，我们集成了某某数据有限公司提供的XYZ电子签章SDK。")
    # a function or a generic word is no name; a maker the catalogue knows names its own SDK
    assert sdks("我们集成了第三方人脸识别SDK。") == set()
    assert sdks("我们接入了极光的推送SDK。") == {"jpush"}
    # a denial
    assert sdks("本版本已移除XYZ电子签章SDK。") == set()


def test_an_sdk_no_longer_embedded_is_not_declared():
    assert sdks("自本版本起，我们已下线腾讯Bugly，崩溃日志不再上报。") == set()


def test_a_table_without_header_whose_rows_name_sdks_first():
    text = (
        "某某OCR SDK | 某某智能科技有限公司 | 识别证件 | 身份证件号码、姓名\n"
        "某某认证服务有限公司 | 签发数字证书 | 姓名、手机号码"
    )
    assert sdks(text) == {"某某OCR SDK", "某某认证服务有限公司"}
    # a table of permissions is not one of SDKs
    assert (
        sdks("android.permission.CAMERA | 相机 | 扫码、拍照\nandroid.permission.RECORD_AUDIO | 麦克风 | 语音")
        == set()
    )
