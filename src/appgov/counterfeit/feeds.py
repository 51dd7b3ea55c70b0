"""Listing feeds: parse an upload (JSON Lines or CSV in the engine's listing schema) or an API payload, then
store its listings as new, changed or unchanged. A feed with any bad line stores nothing.

The listing schema is the engine's (docs/engines/lookalike.md): listing_id, source, name, package_id,
developer, cert_sha256, icon, icon_phash, url, first_seen, changed_at. Validation is the engine's own
(`listing_from_dict`), so the upload and the CLI accept exactly the same lines.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.engines.lookalike import FieldError, Listing, listing_from_dict

from .models import ListingFeed, ObservedListing

LISTING_FIELDS = (
    "listing_id",
    "source",
    "name",
    "package_id",
    "developer",
    "cert_sha256",
    "icon",
    "icon_phash",
    "url",
    "first_seen",
    "changed_at",
)
REQUIRED_COLUMNS = ("listing_id", "source", "name")
# The fields the engine reads: a change in any of them makes the listing "changed" (screened again).
SCREENED_FIELDS = ("source", "name", "package_id", "developer", "cert_sha256", "icon", "icon_phash")
MAX_LISTINGS = 500_000
MAX_ERRORS = 20
CHUNK = 500


@dataclass
class Problem:
    line: int
    field: str | None
    message: str

    def __str__(self):
        if self.field:
            return _("line %(line)d: field '%(field)s': %(message)s") % {
                "line": self.line,
                "field": self.field,
                "message": self.message,
            }
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


def _fail(problems: list[Problem]):
    raise ValidationError([str(p) for p in problems[:MAX_ERRORS]])


def _collect(rows, problems: list[Problem]) -> list[Listing]:
    """Validate (line, object) pairs with the engine's validator; duplicates of a listing_id are errors."""
    listings, seen = [], {}
    for line, obj in rows:
        try:
            listing = listing_from_dict(obj)
        except FieldError as exc:
            problems.append(Problem(line, exc.field, exc.message))
        else:
            if listing.listing_id in seen:
                problems.append(
                    Problem(
                        line,
                        "listing_id",
                        _("duplicate of line %(line)d") % {"line": seen[listing.listing_id]},
                    )
                )
            else:
                seen[listing.listing_id] = line
                listings.append(listing)
        if len(problems) >= MAX_ERRORS:
            break
        if len(listings) > MAX_LISTINGS:
            problems.append(
                Problem(line, None, _("more than %(n)d listings in one feed") % {"n": MAX_LISTINGS})
            )
            break
    if problems:
        _fail(problems)
    if not listings:
        raise ValidationError(_("The feed holds no listing."))
    return listings


def _decode(data: bytes, line: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _fail([Problem(line, None, _("not UTF-8 (byte %(pos)d)") % {"pos": exc.start + 1})])


def parse_jsonl(data: bytes) -> list[Listing]:
    problems: list[Problem] = []

    def rows():
        for line, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").splitlines(), start=1):
            if not raw.strip():
                continue
            text = _decode(raw, line)
            try:
                yield line, json.loads(text)
            except json.JSONDecodeError as exc:
                problems.append(Problem(line, None, _("invalid JSON (%(error)s)") % {"error": exc.msg}))

    return _collect(rows(), problems)


def parse_csv(data: bytes) -> list[Listing]:
    """CSV with a header row naming the same columns as the JSON Lines schema; empty cells are null."""
    text = _decode(data.removeprefix(b"\xef\xbb\xbf"), 1)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError(_("The feed holds no listing.")) from None
    except csv.Error as exc:
        _fail([Problem(1, None, str(exc))])
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        _fail([Problem(1, c, _("required column missing from the header")) for c in missing])
    problems: list[Problem] = []

    def rows():
        try:
            for values in reader:
                line = reader.line_num
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    problems.append(
                        Problem(
                            line,
                            None,
                            _("%(got)d cells, the header has %(want)d")
                            % {"got": len(values), "want": len(header)},
                        )
                    )
                    continue
                yield line, {h: (v if v.strip() else None) for h, v in zip(header, values, strict=True)}
        except csv.Error as exc:
            problems.append(Problem(reader.line_num, None, str(exc)))

    return _collect(rows(), problems)


def parse_objects(objects) -> list[Listing]:
    """An API payload: a list of listing objects; "line" is the 1-based position in the list."""
    if not isinstance(objects, list):
        raise ValidationError(_("listings must be a list of objects"))
    return _collect(enumerate(objects, start=1), [])


def parse_upload(name: str, data: bytes) -> list[Listing]:
    lower = name.lower()
    if lower.endswith(".csv"):
        return parse_csv(data)
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return parse_jsonl(data)
    raise ValidationError(_("Upload a .jsonl (JSON Lines) or .csv file."))


def content_hash(listing: Listing) -> str:
    values = [getattr(listing, f) or "" for f in SCREENED_FIELDS]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()


def _row_values(listing: Listing) -> dict:
    return {f: getattr(listing, f) or "" for f in LISTING_FIELDS if f != "listing_id"}


def receive_feed(
    institution,
    listings: list[Listing],
    *,
    channel: str,
    label: str,
    actor=None,
    file_name: str = "",
    file_sha256: str = "",
) -> ListingFeed:
    """Store a validated feed: new listings are created, changed ones updated (and so screened again)."""
    core_services.check_can_write(actor, ListingFeed)
    if actor is not None and actor.institution_id != institution.pk:
        raise ValidationError(_("A feed is received for the user's own institution."))
    label = (label or "").strip() or file_name or _("Listing feed")
    with transaction.atomic():
        feed = core_services.save(
            ListingFeed(
                institution=institution,
                channel=channel,
                label=label[:200],
                file_name=file_name[:255],
                file_sha256=file_sha256,
                received_by=actor,
                lines=len(listings),
            ),
            actor,
        )
        new, changed, unchanged = [], [], 0
        for start in range(0, len(listings), CHUNK):
            chunk = listings[start : start + CHUNK]
            existing = {
                o.listing_id: o
                for o in ObservedListing.objects.filter(
                    institution=institution, listing_id__in=[item.listing_id for item in chunk]
                )
            }
            for listing in chunk:
                digest = content_hash(listing)
                row = existing.get(listing.listing_id)
                if row is None:
                    new.append(
                        ObservedListing(
                            institution=institution,
                            feed=feed,
                            listing_id=listing.listing_id,
                            content_hash=digest,
                            **_row_values(listing),
                        )
                    )
                    continue
                values = _row_values(listing)
                if row.content_hash == digest and all(getattr(row, k) == v for k, v in values.items()):
                    unchanged += 1
                    continue
                for key, value in values.items():
                    setattr(row, key, value)
                row.feed = feed
                if row.content_hash != digest:
                    row.content_hash = digest
                    changed.append(row)
                else:
                    unchanged += 1  # only the URL or dates moved: nothing to screen again
                    row.save(update_fields=[*values, "feed", "updated_at"])
        ObservedListing.objects.bulk_create(new, batch_size=CHUNK)
        ObservedListing.objects.bulk_update(
            changed,
            [*(f for f in LISTING_FIELDS if f != "listing_id"), "feed", "content_hash"],
            batch_size=CHUNK,
        )
        feed.new, feed.changed, feed.unchanged = len(new), len(changed), unchanged
        feed = core_services.save(feed, actor)
    return feed


def receive_upload(institution, uploaded_file, label: str, actor=None) -> ListingFeed:
    data = uploaded_file.read()
    listings = parse_upload(uploaded_file.name, data)
    return receive_feed(
        institution,
        listings,
        channel=ListingFeed.Channel.UPLOAD,
        label=label,
        actor=actor,
        file_name=uploaded_file.name,
        file_sha256=hashlib.sha256(data).hexdigest(),
    )
