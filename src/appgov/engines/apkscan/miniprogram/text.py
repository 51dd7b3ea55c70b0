"""The mini-program part of `appgov scan --format text`."""

from __future__ import annotations


def miniprogram_lines(report: dict) -> list[str]:
    app, mp = report["app"], report["platform_details"]
    privacy = mp["privacy"]
    lines = [
        f"小程序 Mini-program: appid {app['id'] or '(unknown)'} (from {app['appid_source'] or 'nowhere'}); "
        f"{len(mp['packages'])} package(s), {len(app['pages'])} main pages, {len(app['subpackages'])} sub-package(s)",
    ]
    for s in app["subpackages"]:
        lines.append(
            f"  sub-package {s['root']}: {len(s['pages'])} pages{'' if s['package_found'] else ' (package not given)'}"
        )
    for p in app["plugins"]:
        lines.append(f"  插件 plugin {p['alias']}: provider {p['provider']} version {p['version']}")
    lines.append(
        f"隐私 Privacy: requiredPrivateInfos {app['required_private_infos'] or 'none'}; permission "
        f"{[s['scope'] for s in app['permission_scopes']] or 'none'}; __usePrivacyCheck__ {app['privacy_check']['use_privacy_check']}"
    )
    for api, c in privacy["calls"].items():
        lines.append(
            f"  wx.{api} -> {c['pi_category']} ({c['zh']}), {c['count']} call(s), e.g. {c['locations'][0]}"
        )
    for t, c in privacy["open_types"].items():
        lines.append(f"  open-type {t} -> {c['pi_category']} ({c['zh']})")
    return lines
