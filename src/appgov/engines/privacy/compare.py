"""Declared (the policy) against observed (the scan of the same version): each gap with the evidence on both
sides. `observed` is the scanner's report reduced to what is compared:
{"permissions": ["android.permission.CAMERA", …], "sdks": [{"id", "name", "vendor", "personal_information": […]}],
 "hosts": ["api.umeng.com", …]}."""

from . import vocabulary


def _label(table: dict, code: str, lang: str = "zh") -> str:
    spec = table.get(code)
    return spec["label"][lang] if spec else code


def compare(declared: dict, observed: dict) -> list[dict]:
    groups, types = vocabulary.permission_groups(), vocabulary.taxonomy()
    to_group = vocabulary.permission_to_group()
    gaps = []

    requested: dict[str, list[str]] = {}
    for permission in observed.get("permissions") or []:
        group = to_group.get(permission)
        if group:
            requested.setdefault(group, []).append(permission)
    for group, permissions in sorted(requested.items()):
        if group not in declared["permissions"]:
            gaps.append(
                {
                    "kind": "permission_not_declared",
                    "severity": "high",
                    "subject": group,
                    "label": _label(groups, group),
                    "observed": permissions,
                    "declared": None,
                }
            )
    for group, where in sorted(declared["permissions"].items()):
        if group not in requested and observed.get("permissions") is not None:
            gaps.append(
                {
                    "kind": "permission_declared_not_requested",
                    "severity": "low",
                    "subject": group,
                    "label": _label(groups, group),
                    "observed": [],
                    "declared": where[0],
                }
            )

    declared_ids = {s["id"] for s in declared["sdks"] if s.get("id")}
    declared_names = [s["name"].lower() for s in declared["sdks"]]
    catalogue = {e["id"]: e for e in vocabulary.sdk_catalogue()}
    for sdk in observed.get("sdks") or []:
        names = {
            n.lower() for n in (sdk.get("name"), (catalogue.get(sdk.get("id")) or {}).get("name_zh")) if n
        }
        listed = sdk.get("id") in declared_ids or any(
            n in d or d in n for n in names for d in declared_names if len(d) >= 3
        )
        if not listed:
            gaps.append(
                {
                    "kind": "sdk_not_listed",
                    "severity": "high",
                    "subject": sdk.get("id") or sdk.get("name"),
                    "label": sdk.get("name"),
                    "observed": {"vendor": sdk.get("vendor"), "evidence": sdk.get("evidence")},
                    "declared": None,
                }
            )
        for pi in sdk.get("personal_information") or []:
            if pi not in declared["pi_types"]:
                gaps.append(
                    {
                        "kind": "sdk_pi_not_disclosed",
                        "severity": "high" if types.get(pi, {}).get("sensitive") else "medium",
                        "subject": f"{sdk.get('id') or sdk.get('name')}:{pi}",
                        "label": f"{sdk.get('name')}：{_label(types, pi)}",
                        "observed": {"sdk": sdk.get("name"), "pi_type": pi},
                        "declared": None,
                    }
                )

    policy_text = " ".join(c["text"] for c in declared["clauses"]).lower()
    for host in sorted(set(observed.get("third_party_hosts") or [])):
        domain = ".".join(host.lower().split(".")[-2:])
        if domain not in policy_text:
            gaps.append(
                {
                    "kind": "third_party_domain_not_named",
                    "severity": "medium",
                    "subject": host,
                    "label": host,
                    "observed": {"host": host},
                    "declared": None,
                }
            )
    return gaps


def differences(uploaded: dict, packaged: dict) -> dict:
    """What one policy declares and the other does not (the uploaded policy against the one the package carries):
    {"pi_types": {"only_uploaded": [...], "only_packaged": [...]}, "permissions": {...}, "sdks": {...}} and
    "same": True when neither declares anything the other does not."""

    def sdks(declared):
        return {s.get("id") or vocabulary.normalise(s["name"]) for s in declared["sdks"]}

    out = {}
    for field, read in (
        ("pi_types", lambda d: set(d["pi_types"])),
        ("permissions", lambda d: set(d["permissions"])),
        ("sdks", sdks),
    ):
        a, b = read(uploaded), read(packaged)
        out[field] = {"only_uploaded": sorted(a - b), "only_packaged": sorted(b - a)}
    out["same"] = not any(v["only_uploaded"] or v["only_packaged"] for v in out.values())
    return out
