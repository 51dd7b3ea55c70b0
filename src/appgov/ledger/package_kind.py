"""What kind of package a file is, from its first bytes: checked at upload, before anything is stored.

Only the container is recognised here (cheap, a few bytes); the scan engine reads the rest. APK, AAB, IPA
and HAP are ZIP archives; a WeChat mini-program is a .wxapkg (first byte 0xBE, fourteenth 0xED), the PC
client's encrypted cache (tag V1MMWX), or a ZIP holding .wxapkg files."""

from django.utils.translation import gettext as _

from .models.choices import Platform

ZIP_LOCAL_HEADER = b"PK\x03\x04"
WXAPKG_FIRST, WXAPKG_LAST, WXAPKG_HEADER = 0xBE, 0xED, 14
WECHAT_PC_CACHE = b"V1MMWX"
HEAD_BYTES = 14

MINI_PROGRAM_PLATFORMS = {Platform.WECHAT, Platform.ALIPAY, Platform.OTHER}


def kind_of(head: bytes) -> str:
    """'zip', 'wxapkg' or '' (not a package this platform reads)."""
    if head.startswith(ZIP_LOCAL_HEADER):
        return "zip"
    if len(head) >= WXAPKG_HEADER and head[0] == WXAPKG_FIRST and head[13] == WXAPKG_LAST:
        return "wxapkg"
    if head.startswith(WECHAT_PC_CACHE):
        return "wxapkg"
    return ""


def refusal(head: bytes, platform: str) -> str:
    """Why a file starting with `head` is not a package of `platform`; empty when it may be one."""
    kind = kind_of(head)
    if platform in MINI_PROGRAM_PLATFORMS:
        if kind:
            return ""
        return _(
            "The file is not a mini-program package: expected a .wxapkg file or a ZIP archive of .wxapkg files"
        )
    if kind == "zip":
        return ""
    expected = {
        Platform.ANDROID: _("an APK or AAB (ZIP archive)"),
        Platform.IOS: _("an IPA (ZIP archive)"),
        Platform.HARMONYOS: _("a HAP or APP (ZIP archive)"),
    }.get(platform, _("a ZIP archive"))
    return _(
        "The file is not an installation package: expected %(expected)s, but its first bytes are %(head)s"
    ) % {
        "expected": expected,
        "head": head[:4].hex(" ") or "—",
    }
