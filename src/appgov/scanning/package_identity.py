"""Is the scanned package the app and version of the ledger entry it was uploaded to?

A package of another app (or another version) uploaded to a version would otherwise be scanned and pass
the release gate on someone else's results. A mismatch is added to the report as a critical finding, so
it becomes the version's vulnerability and fails `package_scans_clean` like any other high finding."""

from appgov.engines.apkscan.miniprogram.appconfig import APPID_IN_PATH_RE
from appgov.ledger.models.choices import Platform

RULE = "PACKAGE_IDENTITY_MISMATCH"
UNVERIFIABLE_RULE = "PACKAGE_IDENTITY_UNREGISTERED"
NO_APPID_RULE = "PACKAGE_APPID_NOT_IN_PACKAGE"
MINI_PROGRAM = "wechat-miniprogram"
CONTROL = "NFRA-08.4"  # release only after security and compliance checks

REGISTERED_IDS = {
    Platform.ANDROID: ("android_packages", "Android package name", "安卓包名"),
    Platform.IOS: ("ios_bundle_ids", "iOS bundle id", "iOS Bundle ID"),
    Platform.HARMONYOS: ("harmony_bundle_names", "HarmonyOS bundle name", "鸿蒙包名"),
    Platform.WECHAT: ("mini_program_appids", "mini-program AppID", "小程序 AppID"),
    Platform.ALIPAY: ("mini_program_appids", "mini-program AppID", "小程序 AppID"),
}


def _finding(rule: str, severity: str, zh: str, en: str, evidence: list[str]) -> dict:
    return {
        "id": rule,
        "rule": rule,
        "control": CONTROL,
        "related_controls": [],
        "severity": severity,
        "title": {"zh": zh, "en": en},
        "evidence": evidence,
        "location": "",
        "fingerprint": "",  # decided per version: never carried to another version by triage
    }


def package_appid(report: dict) -> str:
    """The AppID a mini-program package shows of itself: in its configuration, in the client's cache folder
    it came in (a ZIP of that folder), or by decrypting with it. The AppID the scan was given (the ledger's,
    source "--appid") is the ledger's own word, not the package's, unless it decrypted the package."""
    app_facts = report.get("app") or {}
    found = str(app_facts.get("id") or "").strip()
    if app_facts.get("appid_source") != "--appid":
        return found
    packages = (report.get("platform_details") or {}).get("packages") or []
    if any(p.get("encrypted_pc_cache_copy") for p in packages):
        return found  # the key is derived from the AppID: a wrong one does not decrypt
    for p in packages:
        m = APPID_IN_PATH_RE.search("/" + str(p.get("label") or "").split("!", 1)[-1])
        if m:
            return m.group(1)
    return ""


def _no_appid_finding() -> dict:
    return _finding(
        NO_APPID_RULE,
        "info",
        "小程序代码包未包含 AppID，无法从包内核对是否为台账登记的小程序；请核对上传来源",
        "The mini-program package does not carry its AppID, so it cannot be checked against the ledger from "
        "the package itself; check where the upload came from",
        [],
    )


def identity_findings(version, report: dict) -> list[dict]:
    """Findings for what the package says about itself against the ledger; empty when it matches."""
    app_facts = report.get("app") or {}
    found_id = str(app_facts.get("id") or "").strip()
    extra = []
    if report.get("platform") == MINI_PROGRAM:
        found_id = package_appid(report)
        if not found_id:
            extra.append(_no_appid_finding())
    found_name = str(app_facts.get("version_name") or "").strip()
    found_code = str(app_facts.get("version_code") or "").strip()
    if report.get("platform") == MINI_PROGRAM:
        found_code = ""  # the client's cache folder number, not the developer's version code
    zh, en = [], []
    registered = REGISTERED_IDS.get(version.platform)
    if registered and found_id:
        field, label_en, label_zh = registered
        ids = [str(i).strip() for i in getattr(version.app, field) or [] if str(i).strip()]
        if not ids:
            return [
                _finding(
                    UNVERIFIABLE_RULE,
                    "high",
                    f"台账未登记该应用的{label_zh}，无法核对安装包（包内为 {found_id}）",
                    f"The ledger registers no {label_en} for this app, so the package ({found_id}) cannot be "
                    "verified",
                    [f"package id: {found_id}"],
                )
            ]
        if found_id not in ids:
            zh.append(f"包内{label_zh} {found_id}，台账登记 {'、'.join(ids)}")
            en.append(f"{label_en} in the package {found_id}, registered {', '.join(ids)}")
    if found_name and found_name != version.version_name.strip():
        zh.append(f"包内版本名 {found_name}，台账版本 {version.version_name}")
        en.append(f"version name in the package {found_name}, ledger version {version.version_name}")
    if found_code and version.version_code is not None and found_code != str(version.version_code):
        zh.append(f"包内版本号 {found_code}，台账版本号 {version.version_code}")
        en.append(f"version code in the package {found_code}, ledger {version.version_code}")
    if not zh:
        return extra
    return extra + [
        _finding(
            RULE,
            "critical",
            "安装包与所上传的台账版本不一致，不得据此发布：" + "；".join(zh),
            "The package does not match the ledger version it was uploaded to; it cannot clear the release: "
            + "; ".join(en),
            en,
        )
    ]
