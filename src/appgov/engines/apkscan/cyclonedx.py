"""CycloneDX 1.5 JSON SBOM: the scanned package, its detected SDKs and its native libraries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def to_cyclonedx(report: dict) -> dict:
    app = report["app"]
    root_ref = (
        f"pkg:{report['platform']}/{app['id'] or report['file']['name']}@{app.get('version_name') or ''}"
    )
    components = []
    for s in report["sdks"]:
        props = [
            {"name": "appgov:category", "value": s["category"]},
            {
                "name": "appgov:matched_by",
                "value": "; ".join(f"{m['kind']}={m['signature']}" for m in s["matched_by"]),
            },
        ]
        props += [{"name": "appgov:personal_information", "value": c} for c in s["personal_information"]]
        comp = {
            "type": "library",
            "bom-ref": f"sdk:{s['id']}",
            "name": s["name"],
            "supplier": {"name": s["vendor"]},
            "properties": props,
        }
        if s.get("version"):  # mini-program plugins declare theirs
            comp["version"] = s["version"]
        if s.get("privacy_policy_url"):
            comp["externalReferences"] = [
                {"type": "other", "url": s["privacy_policy_url"], "comment": "privacy policy"}
            ]
        components.append(comp)
    for lib in report["native"]["libraries"]:
        components.append(
            {
                "type": "library",
                "bom-ref": f"native:{lib['path']}",
                "name": lib["path"].rsplit("/", 1)[-1],
                "properties": [{"name": "appgov:path", "value": lib["path"]}]
                + ([{"name": "appgov:abi", "value": lib["abi"]}] if lib.get("abi") else []),
            }
        )
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.uuid4()}",
        "version": 1,
        "metadata": {
            "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {
                "components": [
                    {
                        "type": "application",
                        "name": report["engine"]["name"],
                        "version": report["engine"]["version"],
                    }
                ]
            },
            "component": {
                "type": "application",
                "bom-ref": root_ref,
                "name": app["name"] or app["id"] or report["file"]["name"],
                "version": app.get("version_name") or "",
                "hashes": [{"alg": "SHA-256", "content": report["file"]["sha256"]}],
                "properties": [
                    {"name": "appgov:platform", "value": report["platform"]},
                    {"name": "appgov:app_id", "value": app["id"] or ""},
                ],
            },
        },
        "components": components,
        "dependencies": [{"ref": root_ref, "dependsOn": [c["bom-ref"] for c in components]}],
    }
    vulns = report.get("vulnerabilities") or []
    if vulns:
        by_id: dict[str, dict] = {}
        for v in vulns:
            item = by_id.setdefault(
                v["advisory_id"],
                {
                    "id": v["advisory_id"],
                    "references": [
                        {"id": a, "source": {"name": a.split("-", 1)[0]}} for a in v.get("aliases", [])
                    ],
                    "description": v.get("summary") or "",
                    "affects": [],
                },
            )
            if v.get("severity"):
                item["ratings"] = [{"severity": str(v["severity"]).lower()}]
            item["affects"].append({"ref": v["component"]})
        bom["vulnerabilities"] = list(by_id.values())
    return bom
