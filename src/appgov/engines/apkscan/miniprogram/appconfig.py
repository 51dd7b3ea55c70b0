"""The mini-program's own declarations: pages, sub-packages, plugins, components, permission scopes,
requiredPrivateInfos and privacy-check settings, read from the compiled app-config.json (or a source-form
app.json with its page .json files)."""

from __future__ import annotations

import json
import re

from ..errors import PackageError
from .inputs import LoadedPackage

APPID_RE = re.compile(r"^wx[0-9a-f]{16}$")
APPID_IN_PATH_RE = re.compile(r"(?:^|[\\/])(wx[0-9a-f]{16})[\\/](\d+)[\\/]")


def _json(pkg: LoadedPackage, name: str, max_size: int) -> dict:
    entry = pkg.package.entries[name]
    where = f"{pkg.label}!/{name}"
    if entry.size > max_size:
        raise PackageError(
            f"{entry.size} bytes, over the {max_size} byte limit for a configuration file", where
        )
    raw = pkg.package.read(name)
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PackageError(f"not UTF-8 at byte {exc.start}", where) from None
    except json.JSONDecodeError as exc:
        raise PackageError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", where
        ) from None
    except RecursionError:
        raise PackageError("JSON nested too deeply", where) from None
    if not isinstance(value, dict):
        raise PackageError(f"expected a JSON object, got {type(value).__name__}", where)
    return value


def find_main(packages: list[LoadedPackage]) -> tuple[LoadedPackage | None, str | None]:
    """The package holding the app configuration, and the name of that file."""
    for fname in ("app-config.json", "app.json"):
        holders = [p for p in packages if fname in p.package.entries]
        if len(holders) > 1:
            raise PackageError(
                f"{len(holders)} packages hold /{fname} ({', '.join(p.label for p in holders)}): "
                "give one mini-program (one version) at a time"
            )
        if holders:
            return holders[0], fname
    return None, None


def _dict(v) -> dict:
    return v if isinstance(v, dict) else {}


def _list(v) -> list:
    return v if isinstance(v, list) else []


def _plugins(block, subpackage: str | None) -> list[dict]:
    out = []
    for alias, spec in sorted(_dict(block).items()):
        spec = _dict(spec)
        out.append(
            {
                "alias": str(alias),
                "provider": str(spec.get("provider") or ""),
                "version": str(spec["version"]) if spec.get("version") is not None else None,
                "subpackage": subpackage,
            }
        )
    return out


def _components(using: dict, used_by: str, into: dict) -> None:
    for name, target in _dict(using).items():
        target = str(target)
        if target.startswith("plugin://"):
            kind = "plugin_component"
        elif target.startswith("plugin-private://"):
            kind = "plugin_private_component"
        elif target.startswith(("weui-miniprogram", "tdesign-miniprogram", "@vant", "vant-weapp")):
            kind = "library_component"
        else:
            kind = "custom_component"
        key = (str(name), target)
        item = into.setdefault(key, {"name": str(name), "path": target, "kind": kind, "used_by": []})
        if used_by not in item["used_by"] and len(item["used_by"]) < 20:
            item["used_by"].append(used_by)


def read_identity(
    packages: list[LoadedPackage], appid_option: str | None, source_path: str, max_config: int
) -> dict:
    main, fname = find_main(packages)
    cfg = _json(main, fname, max_config) if main else {}
    components: dict = {}
    _components(cfg.get("usingComponents"), "app", components)
    _components(_dict(_dict(cfg.get("global")).get("window")).get("usingComponents"), "app", components)
    for page, spec in sorted(_dict(cfg.get("page")).items()):
        spec = _dict(spec)
        using = spec.get("usingComponents") or _dict(spec.get("window")).get("usingComponents")
        _components(using, str(page).removesuffix(".html"), components)
    if main and fname == "app.json":  # source form: page settings live next to each page
        for page in _list(cfg.get("pages")):
            name = f"{page}.json"
            if name in main.package.entries:
                _components(_json(main, name, max_config).get("usingComponents"), str(page), components)

    pages = [str(p) for p in _list(cfg.get("pages"))]
    plugins = _plugins(cfg.get("plugins"), None)
    subpackages = []
    for sp in _list(cfg.get("subPackages") or cfg.get("subpackages")):
        sp = _dict(sp)
        root = str(sp.get("root") or "").strip("/")
        sp_pages = [f"{root}/{p}" for p in _list(sp.get("pages"))]
        sp_plugins = _plugins(sp.get("plugins"), root)
        plugins += sp_plugins
        subpackages.append(
            {
                "root": root,
                "name": sp.get("name"),
                "independent": bool(sp.get("independent")),
                "pages": sp_pages,
                "package_found": any(
                    n.startswith(root + "/") for p in packages if p is not main for n in p.package.entries
                ),
            }
        )
    scopes = [
        {"scope": str(scope), "desc": str(_dict(spec).get("desc") or "") or None}
        for scope, spec in sorted(_dict(cfg.get("permission")).items())
    ]

    appid, source = None, None
    for key in ("appid", "appId", "extAppid"):
        if isinstance(cfg.get(key), str) and cfg[key]:
            appid, source = cfg[key], f"{fname}:{key}"
            break
    if appid is None and isinstance(_dict(cfg.get("accountInfo")).get("appId"), str):
        appid, source = cfg["accountInfo"]["appId"], f"{fname}:accountInfo.appId"
    version = None
    where = source_path + ("/" + main.label.split("!", 1)[-1] if main else "")
    m = APPID_IN_PATH_RE.search(where.replace("\\", "/"))
    if appid is None and appid_option:
        appid, source = appid_option, "--appid"
    if appid is None and m:
        appid, source = m.group(1), "path (Windows client cache folder)"
    if m and m.group(1) == appid:
        version = m.group(2)
    ver_cfg = cfg.get("version") or cfg.get("appVersion")
    version_name = str(ver_cfg) if isinstance(ver_cfg, str | int) and not isinstance(ver_cfg, bool) else None

    return {
        "id": appid or "",
        "name": cfg.get("appname") if isinstance(cfg.get("appname"), str) else None,
        "version_name": version_name,
        "version_code": version,
        "min_os": str(cfg["libVersion"]) if isinstance(cfg.get("libVersion"), str) else None,
        "target_os": None,
        "platform": "wechat-miniprogram",
        "appid_source": source,
        "config_file": f"{main.label}!/{fname}" if main else None,
        "entry_page": cfg.get("entryPagePath")
        if isinstance(cfg.get("entryPagePath"), str)
        else (pages[0] if pages else None),
        "pages": pages,
        "subpackages": subpackages,
        "plugins": plugins,
        "components": sorted(components.values(), key=lambda c: (c["kind"], c["name"], c["path"])),
        "permission_scopes": scopes,
        "required_private_infos": [str(x) for x in _list(cfg.get("requiredPrivateInfos"))],
        "required_background_modes": [str(x) for x in _list(cfg.get("requiredBackgroundModes"))],
        "privacy_check": {
            "use_privacy_check": cfg.get("__usePrivacyCheck__")
            if isinstance(cfg.get("__usePrivacyCheck__"), bool)
            else None
        },
        "navigate_to_appids": [str(x) for x in _list(cfg.get("navigateToMiniProgramAppIdList"))],
        "debug": cfg.get("debug") is True,
    }
