"""Vulnerability feeds the institution imports: parsed by the engine at upload (a bad file is refused and
nothing is stored), kept as files named by their content, and handed to every scan."""

import hashlib
import os
import tempfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core import uploads
from appgov.engines.apkscan.errors import UsageError
from appgov.engines.apkscan.vulnfeed import load_feed

from .models import VulnerabilityFeed

KIND_BY_SUFFIX = {
    ".json": VulnerabilityFeed.Kind.OSV,
    ".csv": VulnerabilityFeed.Kind.CSV,
    ".xlsx": VulnerabilityFeed.Kind.XLSX,
}
MAX_FEED_BYTES = 64 * 1024 * 1024
VULNERABLE_COMPONENT_RULE = "KNOWN_VULNERABLE_COMPONENT"


def _parse(data: bytes, suffix: str, shown_name: str) -> list[dict]:
    """The engine's reading of the file; its error names the file as the user uploaded it."""
    handle, path = tempfile.mkstemp(suffix=suffix, prefix="appgov-feed-")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        try:
            return load_feed(path)
        except UsageError as exc:
            raise ValidationError({"file": str(exc).replace(path, shown_name)}) from None
        except Exception as exc:  # openpyxl's errors for a file that is not a workbook (zip, xml)
            raise ValidationError(
                {"file": _("%(name)s: cannot read the file (%(error)s)") % {"name": shown_name, "error": exc}}
            ) from None
    finally:
        os.unlink(path)


def import_feed(actor, *, name: str, upload) -> VulnerabilityFeed:
    """Check the actor may import feeds, parse the file, and store it with its advisory count."""
    core_services.check_can_write(actor, VulnerabilityFeed)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Name the feed (e.g. CNVD).")})
    if upload is None:
        raise ValidationError({"file": _("Choose the feed file to import.")})
    shown_name = os.path.basename(upload.name or "")
    suffix = os.path.splitext(shown_name)[1].lower()
    kind = KIND_BY_SUFFIX.get(suffix)
    if kind is None:
        raise ValidationError(
            {"file": _("%(name)s: a feed must be .json (OSV), .csv or .xlsx") % {"name": shown_name}}
        )
    if upload.size > MAX_FEED_BYTES:
        raise ValidationError(
            {"file": _("%(name)s: the file is larger than %(mb)d MB") % {"name": shown_name, "mb": 64}}
        )
    data = upload.read()
    # a workbook is a ZIP: its declared sizes are checked before openpyxl inflates it
    if kind == VulnerabilityFeed.Kind.XLSX:
        try:
            uploads.check_archive(data, shown_name, uploads.SPREADSHEET)
        except ValidationError as exc:
            raise ValidationError({"file": exc.messages}) from None
    advisories = _parse(data, suffix, shown_name)
    if not advisories:
        raise ValidationError({"file": _("%(name)s: the file holds no advisories") % {"name": shown_name}})
    sha256 = hashlib.sha256(data).hexdigest()
    feed = VulnerabilityFeed(
        institution_id=actor.institution_id,
        name=name,
        kind=kind,
        sha256=sha256,
        advisory_count=len(advisories),
        uploaded_by=actor,
    )
    feed.file = ContentFile(data, name=f"{sha256}{suffix}")
    return core_services.save(feed, actor)


def current_feeds(institution_id: int) -> list[VulnerabilityFeed]:
    """The newest import of each feed name: what the institution's scans are matched against."""
    newest: dict[str, VulnerabilityFeed] = {}
    for feed in VulnerabilityFeed.objects.filter(institution_id=institution_id).order_by(
        "name", "-imported_at", "-id"
    ):
        newest.setdefault(feed.name, feed)
    return list(newest.values())


def feed_paths(institution_id: int) -> tuple[str, ...]:
    return tuple(feed.file.path for feed in current_feeds(institution_id))


def vulnerability_title(finding: dict) -> str:
    """A scan finding as the version's vulnerability title; a feed match names its advisory and component,
    so two advisories are two vulnerabilities."""
    title = f"[{finding['control']}] {finding['title']['zh']}"
    if finding.get("rule") == VULNERABLE_COMPONENT_RULE:
        title += f" {finding['id'].partition(':')[2]}"
    return title[:300]
