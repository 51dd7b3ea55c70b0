"""A WeChat mini-program package is read in full before it is stored (issue 21).

The first bytes (package_kind) only say a file may be a .wxapkg; a truncated package, an index pointing
outside the file, overlapping entries, names with ".." or absolute paths, or a ZIP bomb of packages would
otherwise be stored and only fail later in the worker. The scan engine's own reader checks all of that
(it maps the file and writes nothing), so an upload is refused with the engine's reason and nothing is kept.

The Windows client's cache copy of a package is encrypted with a key derived from the appid: it is tried
with each AppID the ledger registers for the app (`appid_candidates`)."""

import os

from django.utils.translation import gettext as _

from appgov.engines.apkscan import Limits, PackageError

from .models.choices import Platform

APPID_HINT = "appid"  # the engine's reason for a cache copy it cannot decrypt names the appid


def appid_candidates(app) -> list[str]:
    """The app's registered mini-program AppIDs, in ledger order, without blanks or repeats."""
    seen: list[str] = []
    for value in app.mini_program_appids or []:
        value = str(value).strip()
        if value and value not in seen:
            seen.append(value)
    return seen


def needs_appid(exc: PackageError) -> bool:
    """Whether the engine refused the package for want of the right appid (an encrypted cache copy)."""
    return APPID_HINT in exc.reason.lower()


def load_package(path: str, appids: list[str]) -> str | None:
    """Parse every package in `path` (a .wxapkg, a cache copy or a ZIP of packages) as the scan will.
    Returns the AppID that decrypted it (None when nothing was encrypted); raises the engine's PackageError."""
    from appgov.engines.apkscan.miniprogram.inputs import load
    from appgov.engines.apkscan.miniprogram.limits import MiniProgramLimits

    candidates = list(appids) or [None]
    for i, appid in enumerate(candidates):
        try:
            loaded = load(path, appid, MiniProgramLimits(), Limits())
        except PackageError as exc:
            if needs_appid(exc) and i + 1 < len(candidates):
                continue
            raise
        encrypted = any(p.encrypted for p in loaded.packages)
        loaded.close()
        return appid if encrypted else None
    return None  # pragma: no cover - the loop returns or raises


def refusal(path: str, upload_name: str, kind: str, platform: str, app) -> str:
    """Why the stored-to-be file is not a readable mini-program package; empty when it is one (or when the
    platform's packages are not read here: Alipay keeps evidence-based checks, issue 21 item 4)."""
    if not (platform == Platform.WECHAT or kind == "wxapkg"):
        return ""
    appids = appid_candidates(app)
    try:
        load_package(path, appids)
    except PackageError as exc:
        if needs_appid(exc):
            if not appids:
                return _(
                    "This is the WeChat Windows client's encrypted copy of a package: register the "
                    "mini-program's AppID on the app first, it is the key to decrypt it"
                )
            return _(
                "The encrypted package does not decrypt with the AppIDs registered for this app (%(ids)s): "
                "it belongs to another mini-program or is damaged"
            ) % {"ids": "、".join(appids)}
        return _("The mini-program package is damaged or unsafe and was not stored: %(detail)s") % {
            "detail": _detail(exc, path, upload_name)
        }
    return ""


def _detail(exc: PackageError, path: str, upload_name: str) -> str:
    """The engine's reason with the spool file's name replaced by the name the user uploaded."""
    where = exc.where or ""
    for secret in (path, os.path.basename(path)):
        where = where.replace(secret, upload_name)
    text = f"{where}: {exc.reason}" if where else exc.reason
    return text.replace(path, upload_name).replace(os.path.dirname(path), "…")


def stored_name(name: str, kind: str, platform: str) -> str:
    """The file name kept for the package: a mini-program package keeps the suffix the scan engine reads
    it by (.wxapkg, or .zip for a ZIP of packages), whatever name the upload had."""
    lower = name.lower()
    if kind == "wxapkg" and not lower.endswith(".wxapkg"):
        return name + ".wxapkg"
    if kind == "zip" and platform == Platform.WECHAT and not lower.endswith(".zip"):
        return name + ".zip"
    return name
