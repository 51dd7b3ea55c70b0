"""What a ledger app must be, whichever way it is entered (form, import, API): one validation, called from
MobileApp.clean(), so a page never accepts what an import refuses."""

import re

from django.utils.translation import gettext as _

from .choices import AppKind, Platform

# the platforms each kind of app can run on
KIND_PLATFORMS = {
    AppKind.APP: {Platform.ANDROID, Platform.IOS, Platform.HARMONYOS, Platform.OTHER},
    AppKind.MINI_PROGRAM: {Platform.WECHAT, Platform.ALIPAY, Platform.OTHER},
    AppKind.OFFICIAL_ACCOUNT: {Platform.WECHAT, Platform.OTHER},
    AppKind.QUICK_APP: {Platform.ANDROID, Platform.HARMONYOS, Platform.OTHER},
}

_DOTTED = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$")  # com.bank.app
_BUNDLE = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")  # iOS: letters, digits, hyphens, dots
_APPID = re.compile(r"^[A-Za-z0-9_-]{4,64}$")
IDENTIFIER_FORMATS = {
    "android_packages": (_DOTTED, "com.example.app"),
    "harmony_bundle_names": (_DOTTED, "com.example.app"),
    "ios_bundle_ids": (_BUNDLE, "com.example.app"),
    "mini_program_appids": (_APPID, "wx1234567890abcdef"),
}


def problems(app) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    allowed = KIND_PLATFORMS.get(app.kind)
    platforms = app.platforms if isinstance(app.platforms, list) else []
    if allowed is not None:
        wrong = [p for p in platforms if p in Platform.values and p not in allowed]
        if wrong:
            errors["platforms"] = [
                _("a %(kind)s cannot run on %(platforms)s")
                % {
                    "kind": AppKind(app.kind).label,
                    "platforms": "、".join(str(Platform(p).label) for p in wrong),
                }
            ]
    for field, (pattern, example) in IDENTIFIER_FORMATS.items():
        values = getattr(app, field)
        if not isinstance(values, list):
            continue
        bad = [v for v in values if isinstance(v, str) and not pattern.match(v)]
        if bad:
            errors[field] = [
                _("“%(values)s” is not a valid identifier (like %(example)s: no spaces)")
                % {"values": "、".join(bad), "example": example}
            ]
    return errors
