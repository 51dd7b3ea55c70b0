"""One Chinese sentence that tells a reviewer why a listing was flagged."""

from __future__ import annotations

from .keypoints import HIDEABLE
from .models import Reason
from .scoring import MASKED_WHERE

_DEFORMATION_ZH = {
    "identical": "完全相同",
    "homoglyph": "形近字替换",
    "homophone": "同音/近音字替换",
    "insertion": "插入字符",
    "omission": "省略字符",
    "substitution": "替换字符",
    "transposition": "调换相邻字符",
    "repetition": "重复字符",
    "added_words": "附加词",
    "prefix": "添加前缀",
    "suffix": "添加后缀",
    "affix": "添加前后缀",
    "separator": "改变分隔符",
    "pinyin": "拼音拼写",
    "initials": "拼音首字母",
    "edits": "多处改字",
    "words": "改变词序或增删词",
}

_CORNER_ZH = {
    "top_left": "左上角标",
    "top_right": "右上角标",
    "bottom_left": "左下角标",
    "bottom_right": "右下角标",
    "centre": "中央贴标",
    "middle": "中部大块贴标",
    "bottom_band": "底部文字条",
    "top_band": "顶部文字条",
}

# the part of the icon left out of the in-place comparison (keypoints.HIDEABLE: a channel's suffix)
_HIDDEN_ZH = {kind: _CORNER_ZH[MASKED_WHERE[kind]] for kind in HIDEABLE}

KIND_ZH = {
    "repackaged": "疑似二次打包（重打包）",
    "counterfeit": "疑似仿冒",
    "suspect": "可疑",
    "unregistered": "未登记的本机构应用",
}


def deformation_zh(kind: str | None) -> str:
    return _DEFORMATION_ZH.get(kind or "", kind or "")


def _reason_zh(reason: Reason) -> str | None:
    d = reason.detail
    how = deformation_zh(d.get("deformation"))
    match reason.signal:
        case "certificate_mismatch":
            return f"使用官方包名 {d.get('official_package')}，但签名证书不是官方证书"
        case "official_certificate_unregistered":
            package = d.get("package")
            what = f"包名 {package}" if package else "该应用"
            return f"使用本机构官方签名证书，但{what}未在应用台账中登记（台账完整性）"
        case "verified_publisher_unregistered":
            package = d.get("package")
            what = f"包名 {package}" if package else "该应用"
            return (
                f"在核验开发者主体的应用商店（{d.get('source')}）上以本机构官方主体「{reason.value}」发布，"
                f"但{what}未在应用台账中登记（台账完整性；若非本机构发布，则为商店核验的主体被冒用，应向商店核实）"
            )
        case "developer_impersonation":
            return f"开发者填写为官方开发者「{reason.value}」，但签名证书不是官方证书（冒用开发者名称）"
        case "developer_claimed_unverified":
            return f"开发者填写为「{reason.value}」，但无证书可核验，开发者名称可自行填写，不作为官方依据"
        case "name_doubled":
            return f"名称「{d.get('listing_part')}」去掉重复字后与「{reason.value}」相同或包含它"
        case "official_package_unverified":
            return f"使用官方包名 {reason.value}，无证书可核验且开发者不是官方开发者"
        case "name_identical":
            return f"名称与官方名称「{reason.value}」完全相同"
        case "name_homoglyph":
            return f"名称用形近字模仿「{reason.value}」"
        case "official_name_contained":
            return f"名称包含官方名称「{reason.value}」（{how}「{d.get('affix', '')}」）"
        case "brand_keyword":
            affix = d.get("affix")
            return f"名称包含品牌词「{reason.value}」" + (f"（{how}「{affix}」）" if affix else "")
        case "name_squat":
            return f"名称「{d.get('listing_part')}」与「{reason.value}」仅差一处（{how}）"
        case "name_homophone":
            return f"名称「{d.get('listing_part')}」与「{reason.value}」读音相同或相近"
        case "name_similarity":
            return f"名称与「{reason.value}」高度相似（相似度 {d.get('similarity')}）"
        case "pinyin_spelling":
            return f"名称用拼音拼写「{reason.value}」"
        case "pinyin_initials":
            return f"名称使用「{reason.value}」的拼音首字母 {d.get('spelling')}"
        case "package_squat":
            return f"包名 {reason.value} 模仿官方包名（{how}）"
        case "package_token_reuse":
            return f"包名 {d.get('package')} 含官方标识「{reason.value}」"
        case "icon_phash" if d.get("near_identical_masks"):
            # confirmed by the hashes alone (scoring.near_identical_masks): too few corners to compare
            return (
                f"图标与官方图标相似（感知哈希距离 {reason.value}，明度哈希及 {d['near_identical_masks']} 处遮挡哈希"
                "也几乎相同：图标经模糊、像素化或分块处理，特征点不足以比对）"
            )
        case "icon_phash":
            return f"图标与官方图标相似（感知哈希距离 {reason.value}）"
        case "icon_value_phash":
            return f"图标与官方图标仅颜色不同（明度感知哈希距离 {reason.value}）"
        case "icon_masked_phash":
            corner = _CORNER_ZH.get(d.get("masked_corner", ""), "")
            return f"图标除{corner}外与官方图标相同（遮去该处后感知哈希距离 {reason.value}）"
        case "icon_keypoints":
            channel = str(reason.detail.get("channel") or "")
            shape = _KEYPOINT_SHAPE_ZH.get(channel.split("_", 1)[0], "")
            # keypoints.verify: a copy squashed along one axis is fitted with its two axes scaled apart
            fit = "横竖分别缩放、平移" if channel.endswith("_stretched") else "旋转、缩放、平移"
            said = f"图标{shape}经特征点比对与官方图标一致（{reason.value} 个特征点在同一{fit}下吻合"
            content = reason.detail.get("content_agreement")
            if content is not None:
                said += f"，外框以内的图案 {round(100 * content)}% 一致"
            agreement = reason.detail.get("edge_agreement")
            covered = reason.detail.get("covered")
            if covered is not None and reason.detail.get("confirmed_by") == "noisy":  # scoring.noisy_covers
                said += f"，还原后官方图标 {round(100 * covered)}% 的轮廓在图标中（图标加了纹理、噪点或线条）"
            elif covered is not None:  # scoring.twins_cover: the official drawing whole, with additions
                said += f"，还原后官方图标 {round(100 * covered)}% 的轮廓在图标中（另有增添的图案或文字）"
            elif agreement is not None:
                said += f"，还原后 {round(100 * agreement)}% 的轮廓方向一致"
            if reason.detail.get("search_votes") is not None and not reason.detail.get("hash_kinds"):
                said += "；图标哈希均不相近，由特征点检索找到"
            return said + _found_by_layout(reason.detail) + "）"
        case "icon_in_place":
            channel = str(reason.detail.get("channel") or "")
            shape = _KEYPOINT_SHAPE_ZH.get(channel.split("_", 1)[0], "")
            hidden = _HIDDEN_ZH.get(channel.partition("_without_")[2], "")
            if hidden:  # keypoints.in_place: the part a matched masked hash hides was left out
                shape += f"遮去{hidden}后"
            said = f"图标{shape}与官方图标原位叠合比对一致（{round(100 * float(reason.value))}% 的轮廓位置和方向相同"
            content = reason.detail.get("content_agreement")
            if content is not None:
                said += f"，外框以内的图案 {round(100 * content)}% 一致"
            return said + _found_by_layout(reason.detail) + "）"
        case "icon_redrawn":  # redrawn.py: the official drawing traced again in another style
            return (
                f"图标是官方图标换了画法（线稿、描边、霓虹、素描、浮雕、像素等）：两者的轮廓逐处重合，"
                f"{round(100 * float(reason.value))}% 的轮廓在 2 像素内、方向一致（整个图标和中部都比对过）"
            )
        case "developer_mismatch":
            return f"开发者「{reason.value}」不是官方开发者"
        case "developer_official":
            return f"开发者「{reason.value}」与官方开发者一致"
    return None


def _found_by_layout(detail: dict) -> str:
    """What says that the edge layout (edge_layout.py), not a hash, put the app on the shortlist."""
    if detail.get("edge_layout_distance") is None or detail.get("hash_kinds") or "search_votes" in detail:
        return ""
    return "；图标哈希均不相近（颜色已改），由轮廓分布检索找到"


# the shape of the listing's icon that matched (keypoints.VIEWS: the channel's prefix)
_KEYPOINT_SHAPE_ZH = {
    "box": "截取主体（去掉四周空白底色）后",
    "band": "去掉上下文字条并还原比例后",
    "tile": "摆正并截出图块（去掉新换的底色）后",
    "mirror": "左右翻转回来后",
    "part1": "在空隙处一分为二、单独截出左（上）部分图案后",
    "part2": "在空隙处一分为二、单独截出右（下）部分图案后",
    "aligned": "按原位配对特征点（对称或重复的图案）后",
    "shape": "只看图案的剪影（颜色深浅已改）时",  # silhouette.py
    "twin": "在图案对称或重复（相似特征点多处出现）时",  # keypoints.verify_twins
}


def explain(kind: str, app_name: str, institution: str, reasons: list[Reason]) -> str:
    parts = [text for text in (_reason_zh(r) for r in reasons) if text]
    head = f"{KIND_ZH.get(kind, kind)}{institution}「{app_name}」"
    return head + "：" + "；".join(parts) + "。"
