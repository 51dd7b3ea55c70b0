"""The privacy policy a version's package carries (found by the scanner, engines/apkscan/policy_asset.py): read,
held against the uploaded policy of the version, or adopted as the version's policy."""

import difflib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from appgov.engines import privacy as engine

from .observed import latest_scan


def packaged_policy(version) -> dict | None:
    """{"scan", "path", "text", "declared"} of the policy in the version's latest finished scan; with "error"
    instead of text when it is over the size bound or cannot be read; None when the package carries none."""
    scan = latest_scan(version)
    found = (scan.report or {}).get("privacy_policy") if scan else None
    if not found:
        return None
    base = {"scan": scan, "path": found["path"], "size": found.get("size")}
    if found.get("too_large"):
        return {
            **base,
            "error": _("The policy file is over %(n)s KB; it was not read.") % {"n": found["limit"] // 1024},
        }
    try:
        text = engine.read_text(found["text"].encode("utf-8"), found["path"])
    except engine.PolicyError as exc:
        return {**base, "error": str(exc)}
    return {**base, "text": text, "declared": engine.extract(text)}


def against_uploaded(policy, declared: dict) -> dict | None:
    """The package's policy next to the uploaded one: whether the text is the same, the clauses that differ and
    what one declares that the other does not. None when the package carries no policy."""
    found = packaged_policy(policy.version)
    if found is None or "declared" not in found:
        return found
    old = [c["text"] for c in found["declared"]["clauses"]]
    new = [c["text"] for c in policy.extracted.get("clauses", [])]
    changes = [(line[0], line[2:]) for line in difflib.ndiff(old, new) if line[:2] in ("+ ", "- ")]
    return {
        **found,
        "same_text": not changes,
        "changes": changes[:200],
        "differences": engine.differences(declared, found["declared"]),
    }


def adopt(version, actor):
    """The package's policy becomes the version's policy (a new upload, read as any other)."""
    from appgov.core import services as core

    from .models import PrivacyPolicy
    from .services import upload

    core.check_can_write(actor, PrivacyPolicy(version=version))
    found = packaged_policy(version)
    if found is None:
        raise ValidationError(_("The version's latest scan found no privacy policy in the package."))
    if "error" in found:
        raise ValidationError(found["error"])
    name = found["path"].rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    return upload(version, ContentFile(found["text"].encode("utf-8"), name=name), actor)


def offers(versions) -> list[tuple]:
    """(version, path) of the versions given whose package carries a policy and which have no uploaded one."""
    out = []
    for version in versions:
        if version.privacy_policies.exists():
            continue
        scan = latest_scan(version)
        found = (scan.report or {}).get("privacy_policy") if scan else None
        if found and not found.get("too_large"):
            out.append((version, found["path"]))
    return out
