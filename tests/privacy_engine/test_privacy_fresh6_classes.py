"""Error classes of the sixth held-out set (fresh6, now a development set), each with sentences written for this file
(none copied from a labelled set). Every case failed on the engine before the fix of its class (main at a207390)."""

import pytest
from privacy_class_cases import check_case

# class: (text, field index 0 pi / 1 permissions / 2 sdks, present, absent)
CASES = {
    # a bare list of permissions after a title and a colon, no request verb: every group it names is a permission,
    # data-like names included (位置信息 is the location permission here), and none of them is collected data
    "titled permission list gives every group": (
        "安卓客户端权限清单：位置信息、通讯录、日历、跨应用关联。",
        1,
        {"location", "contacts", "calendar", "app_tracking"},
        set(),
    ),
    "titled permission list is not data": (
        "安卓客户端权限清单：位置信息、通讯录、日历、跨应用关联。",
        0,
        set(),
        {"location", "contacts", "calendar"},
    ),
    "权限说明 list": (
        "理财频道权限说明：相机、麦克风、通知",
        1,
        {"camera", "microphone", "notifications"},
        set(),
    ),
    "权限列表 list is not data": (
        "本版本权限列表：麦克风、相册",
        0,
        set(),
        {"microphone", "voice", "photos_media"},
    ),
    # turning a permission off (关闭…访问权限 / 关闭…读取权限) implies the app holds it
    "关闭 a 访问权限": ("您也可以进入手机设置，关闭悬浮窗之外的剪切板访问权限。", 1, {"clipboard"}, set()),
    "关闭 a 读取权限": ("若不希望被读取，请在系统设置中关闭日历读取权限。", 1, {"calendar"}, set()),
    # a platform named as where content is shared (分享到…微博) is not an SDK of the app
    "share destination is not an SDK": (
        "我们集成了极光分享SDK，便于您将活动页面转发至朋友圈、微博。",
        2,
        {"jiguang_jshare"},
        {"weibo_sdk"},
    ),
    "share destination in a table cell": (
        "SDK名称 | 用途 | 收集信息\n某某社交组件SDK | 内容分享到QQ、微博 | 设备型号",
        2,
        {"某某社交组件SDK"},
        {"weibo_sdk"},
    ),
    # an SDK no longer used (已下线 / 已于…停止使用 / 已移除) is not declared, in a sentence or a table row
    "discontinued SDK in a sentence": (
        "旧版中的友盟统计SDK已于2024年6月移除。",
        2,
        set(),
        {"umeng_analytics"},
    ),
    "discontinued SDK row": (
        "SDK名称 | 用途 | 收集信息\n个推SDK | 已停用 | 无\n高德定位SDK | 网点定位 | 位置信息",
        2,
        {"amap_location"},
        {"getui"},
    ),
    # header rows captioned 包名 / 合作方 / 共享信息 are headers, never SDK names
    "包名 header row": (
        "包名 | 使用目的 | 收集字段\ncom.igexin.sdk | 消息推送 | 设备标识符",
        2,
        {"getui"},
        {"包名"},
    ),
    "合作方 header row": (
        "合作方 | 目的 | 共享信息\n数美 | 反欺诈 | 设备标识符",
        2,
        {"shumei"},
        {"合作方"},
    ),
    # Megvii's FaceID product names its SDK
    "FaceID product name": (
        "为完成刷脸登录，本App嵌入了FaceID活体检测SDK。",
        2,
        {"megvii_faceid"},
        {"FaceID活体检测SDK"},
    ),
    # a row whose permission cell names the group (… | 位置) still collects the data its data cell lists (位置信息,
    # 精确位置): only the whole permission cell is the permission's name
    "data cell beside a permission cell": (
        "SDK名称 | 收集字段 | 所需权限\n某某导航SDK | 位置信息、设备型号 | 位置",
        0,
        {"location", "device_info"},
        set(),
    ),
    "qualified data word beside a permission cell": (
        "SDK名称 | 收集信息 | 申请权限\n某某地图SDK | 大致位置、IP地址 | 位置",
        0,
        {"location", "network_info"},
        set(),
    ),
    # a purpose that reads the location (离您最近的…) makes the permission's data collected too
    "离您最近 purpose reads the location": (
        "开通快捷加油服务时，我们会请求定位权限，用于显示离您最近的合作油站。",
        0,
        {"location"},
        set(),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fresh6_class(name):
    check_case(*CASES[name])
