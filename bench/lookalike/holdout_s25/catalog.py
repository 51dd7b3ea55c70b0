"""The protected ledger: one record per official app, with its icon spec (rendered by render.py)."""

from __future__ import annotations

from institutions import INSTITUTIONS
from seeds import hex_of

WHITE = (255, 255, 255)


def cert_hex(name: str) -> str:
    return hex_of("cert/" + name).upper()


def colon(h: str) -> str:
    return ":".join(h[i:i + 2] for i in range(0, len(h), 2))


def expand_package(p: str) -> str:
    if p.startswith("wx:"):
        return "wx" + hex_of("wx/" + p[3:], 16)
    if p.startswith("alipay:"):
        return "2021" + str(int(hex_of("alipay/" + p[7:], 15), 16))[-12:].rjust(12, "0")
    return p


def _lighter(c, f):
    return tuple(int(v + (255 - v) * f) for v in c)


def _darker(c, f):
    return tuple(int(v * (1 - f)) for v in c)


def icon_spec(inst: dict, second: bool, word: str | None) -> dict:
    col = tuple(inst["colour"])
    acc = tuple(inst["accent"] or col)
    dark = (inst["scheme"] == "dark") != second
    spec = {"family": inst["family"], "p": dict(inst["p"]), "scale": 0.33}
    if dark:
        spec.update(bg=_lighter(col, 0.12), bg2=_darker(col, 0.18), fg=WHITE,
                    accent=acc if inst["accent"] else _lighter(col, 0.7))
    else:
        spec.update(bg=WHITE, fg=col, accent=acc)
    if second:
        spec["word"] = word
        spec["word_col"] = spec["fg"]
    return spec


def build_protected() -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """Returns (protected records, icon spec by app_id, meta by app_id)."""
    rows, specs, meta = [], {}, {}
    for k, inst in enumerate(INSTITUTIONS):
        for j, (suffix, names, pkgs, word, dev_override) in enumerate(inst["apps"]):
            app_id = f"{inst['key']}.{suffix}"
            dev = dev_override or inst["developer"]
            certs = [cert_hex(dev)]
            if inst["extra_cert"] and j == 0:
                certs.append(hex_of("cert-rotated/" + inst["key"]))
            if k % 3 == 1:
                certs = [colon(c) for c in certs]
            elif k % 3 == 2:
                certs = [c.lower() for c in certs]
            packages = [expand_package(p) for p in pkgs]
            row = {"app_id": app_id, "institution": inst["institution"], "names": list(names),
                   "brand_keywords": list(inst["keywords"]), "package_ids": packages, "developers": [dev],
                   "cert_sha256": certs, "icon": f"protected/{app_id}.png"}
            rows.append(row)
            specs[app_id] = icon_spec(inst, j > 0, word)
            meta[app_id] = {"inst": inst, "index": j, "android": packages[0], "developer": dev,
                            "cert": cert_hex(dev), "packages": packages}
    return rows, specs, meta


def all_keywords() -> list[str]:
    out = []
    for inst in INSTITUTIONS:
        out.append(inst["institution"])
        out += inst["keywords"]
        for app in inst["apps"]:
            out += app[1]
    return sorted(set(out))
