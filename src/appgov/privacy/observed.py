"""What a version's latest finished scan shows, in the shape appgov.engines.privacy.compare reads."""

from appgov.scanning.models import Scan


def latest_scan(version):
    return (
        Scan.objects.filter(version=version, status=Scan.Status.DONE)
        .exclude(report=None)
        .order_by("-finished_at", "-id")
        .first()
    )


def observed_from_report(report: dict) -> dict:
    hosts = set()
    sdks = []
    for sdk in report.get("sdks") or []:
        evidence = []
        for match in sdk.get("matched_by") or []:
            evidence += match.get("evidence") or [match.get("signature")]
            if match.get("kind") == "host":
                hosts.add(match.get("signature"))
        sdks.append(
            {
                "id": sdk.get("id"),
                "name": sdk.get("name_zh") or sdk.get("name"),
                "vendor": sdk.get("vendor"),
                "personal_information": sdk.get("personal_information") or [],
                "evidence": [e for e in evidence if e][:3],
            }
        )
    return {
        "permissions": [
            p["name"] for p in report.get("permissions") or [] if p.get("dangerous") or p.get("pi_category")
        ],
        "sdks": sdks,
        "third_party_hosts": sorted(h for h in hosts if h),
    }
