"""What a policy declares, clause by clause, each item with the sentence it came from.

Dictionary and rules, no model: a personal-information type is declared where one of its words appears in a
sentence that does not deny collecting it ("我们不会收集您的通讯录"); a permission where its words appear; an SDK
where the SDK catalogue's name of it appears, or where the policy's SDK list names one ("SDK名称：…").
"""

import re

from . import vocabulary
from .policy import split

NEGATION = re.compile(r"(不会|不再|不收集|不获取|不读取|不调用|不申请|不涉及|无需|不需要|不会主动|禁止)")
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
LIST_FOLLOWERS = ("、", "和", "及", "与", "等", "权限", "，", ",")
PERMISSION_CONTEXT = re.compile(r"(权限|访问|授权|开启|调用|申请|获取)")
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


def _pi_in(sentence: str) -> list[tuple[str, str]]:
    found, taken = [], []
    for word, code in vocabulary.pi_words():
        start = sentence.find(word)
        while start != -1:
            span = (start, start + len(word))
            if not any(a <= span[0] < b or a < span[1] <= b for a, b in taken):
                taken.append(span)
                if not NEGATION.search(sentence[max(0, start - 12) : start]):
                    found.append((code, word))
            start = sentence.find(word, start + 1)
    return found


def _permissions_in(sentence: str) -> list[tuple[str, str]]:
    if not PERMISSION_CONTEXT.search(sentence):
        return []
    words = vocabulary.permission_words()
    if "权限" in sentence:
        words = words + vocabulary.permission_short_words()
    short = {w for w, _c in vocabulary.permission_short_words()}
    found, seen = [], set()
    for word, code in words:
        at = sentence.find(word)
        if at != -1 and word in short and not sentence[at + len(word) :].startswith(LIST_FOLLOWERS):
            continue  # a short name counts only as an item of a list of permissions (相机、位置等权限)
        if at != -1 and code not in seen and not NEGATION.search(sentence[max(0, at - 12) : at]):
            seen.add(code)
            found.append((code, word))
    return found


def _sdks_in(sentence: str) -> list[dict]:
    norm = _norm(sentence)
    found, ids = [], set()
    for key, entry in vocabulary.sdk_names():
        if key in norm and entry["id"] not in ids:
            ids.add(entry["id"])
            found.append(
                {"id": entry["id"], "name": entry.get("name_zh") or entry["name"], "vendor": entry["vendor"]}
            )
    for match in SDK_LIST_NAME.finditer(sentence):
        listed = match.group(1).strip()
        if not any(_norm(listed) in _norm(f["name"]) or _norm(f["name"]) in _norm(listed) for f in found):
            found.append({"id": None, "name": listed, "vendor": None})
    return found


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
    for clause in clauses:
        for sentence in clause.sentences():
            where = {"clause": clause.index, "sentence": sentence}
            for code, word in _pi_in(sentence):
                result["pi_types"].setdefault(code, []).append({**where, "word": word})
            for code, word in _permissions_in(sentence):
                result["permissions"].setdefault(code, []).append({**where, "word": word})
            for sdk in _sdks_in(sentence):
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
    return result
