"""Listing feeds: parse an upload (JSON Lines or CSV in the engine's listing schema) or an API payload, then
store its listings as new, changed or unchanged. A feed with any bad line stores nothing.

The listing schema is the engine's (docs/engines/lookalike.md): listing_id, source, name, package_id,
developer, cert_sha256, icon, icon_phash, url, first_seen, changed_at. Validation is the engine's own
(`listing_from_dict`), so the upload and the CLI accept exactly the same lines.

Icons: a feed that carries its icon images is a ZIP archive holding one .jsonl/.csv feed file and the
images, each listing's `icon` naming its image by its path inside the archive. Every image is checked and
hashed at ingest (icons.py) and kept; a bad image refuses the whole feed like any bad line. A plain
.jsonl/.csv/API feed can only give precomputed hashes (`icon_phash`); its icon paths are kept as
references, and the feed counts the listings whose icon is therefore not compared (`icons_missing`).
"""

import csv
import dataclasses
import hashlib
import io
import json
import posixpath
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core import uploads
from appgov.core.limits import length_problems
from appgov.engines.lookalike import FieldError, Listing, listing_from_dict

from . import icons as icon_files
from .models import CaseState, CounterfeitCase, ListingFeed, ObservedListing

LISTING_FIELDS = (
    "listing_id",
    "source",
    "name",
    "package_id",
    "developer",
    "cert_sha256",
    "icon",
    "icon_phash",
    "icon_hashes",
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
FEED_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")
MAX_FEED_BYTES = 512 * 1024 * 1024  # the feed file inside an archive, uncompressed
MAX_ARCHIVE_ICON_BYTES = 2 * 1024 * 1024 * 1024  # all icons of one archive, uncompressed
# Checked on the central directory before a member is opened: icons are PNG/JPEG (barely compressible) and
# a feed's text compresses some 5-20 times, so a large member inflating 100 times is a bomb.
ARCHIVE_LIMITS = uploads.ArchiveLimits(
    max_entries=MAX_LISTINGS + 1,
    max_total=MAX_FEED_BYTES + MAX_ARCHIVE_ICON_BYTES,
    max_ratio=100,
    ratio_floor=8 * uploads.MIB,
)


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


class Archive:
    """A ZIP upload: one feed file (.jsonl or .csv) and the icon images its lines name. Members are read
    by name, never extracted, each within a size limit whatever its header claims."""

    def __init__(self, data: bytes, filename: str = "archive.zip"):
        uploads.check_archive(data, filename, ARCHIVE_LIMITS)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = [i for i in self.zip.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise ValidationError(_("Not a readable ZIP archive (%(e)s).") % {"e": exc}) from None
        self.members = {self.key(i.filename): i for i in infos if not i.filename.startswith("__MACOSX/")}
        feeds = [i for k, i in self.members.items() if k.lower().endswith(FEED_SUFFIXES)]
        if len(feeds) != 1:
            raise ValidationError(
                _("The archive must hold exactly one feed file (.jsonl or .csv); it holds %(n)d.")
                % {"n": len(feeds)}
            )
        self.feed_info = feeds[0]
        self.icon_bytes_read = 0
        self._cache: dict[str, icon_files.IconFile | icon_files.IconProblem] = {}

    @staticmethod
    def key(path: str) -> str:
        return posixpath.normpath(path.replace("\\", "/").lstrip("/")).removeprefix("./")

    @property
    def feed_name(self) -> str:
        return self.feed_info.filename

    def _read(self, info, limit: int) -> bytes:
        with self.zip.open(info) as member:
            data = member.read(limit + 1)
        if len(data) > limit:
            raise icon_files.IconProblem(
                _("%(name)s: more than %(max)d bytes once uncompressed")
                % {"name": info.filename, "max": limit}
            )
        return data

    def feed_data(self) -> bytes:
        try:
            return self._read(self.feed_info, MAX_FEED_BYTES)
        except icon_files.IconProblem as exc:
            raise ValidationError(str(exc)) from None
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
            raise ValidationError(
                _("%(name)s cannot be read from the archive (%(e)s).") % {"name": self.feed_name, "e": exc}
            ) from None

    def has(self, path: str) -> bool:
        return self.key(path) in self.members

    def icon(self, path: str) -> "icon_files.IconFile":
        """The checked icon at `path` (cached: many listings may share one image); IconProblem if bad."""
        key = self.key(path)
        if key not in self._cache:
            try:
                icon = icon_files.fingerprint(self.icon_data(path))
                # the bytes are read again when the feed is stored, not held for the whole feed
                icon.data, icon.reader = None, lambda path=path: self.icon_data(path)
                self._cache[key] = icon
            except icon_files.IconProblem as exc:
                self._cache[key] = exc
        found = self._cache[key]
        if isinstance(found, icon_files.IconProblem):
            raise found
        return found

    def icon_data(self, path: str) -> bytes:
        info = self.members[self.key(path)]
        if self.icon_bytes_read > MAX_ARCHIVE_ICON_BYTES:
            raise icon_files.IconProblem(
                _("the archive's icons exceed %(max)d bytes in all") % {"max": MAX_ARCHIVE_ICON_BYTES}
            )
        try:
            data = self._read(info, icon_files.MAX_ICON_BYTES)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
            raise icon_files.IconProblem(_("cannot be read from the archive (%(e)s)") % {"e": exc}) from None
        self.icon_bytes_read += len(data)
        return data


def _with_icon(listing: Listing, archive: Archive | None, icons: dict) -> Listing:
    """Check and hash the icon file an archive carries for the listing (IconProblem when it is bad or
    missing); the hash it computes fills `icon_phash` when the line gave none."""
    if archive is None or not listing.icon:
        return listing
    if not archive.has(listing.icon):
        if listing.icon_phash:
            return listing  # the hash was precomputed: the image itself is not needed
        raise icon_files.IconProblem(_("%(path)s is not in the archive") % {"path": listing.icon})
    icon = archive.icon(listing.icon)
    icons[listing.listing_id] = icon
    if listing.icon_phash:
        return listing
    return dataclasses.replace(listing, icon_phash=icon.phash)


def _collect(rows, problems: list[Problem], archive: Archive | None = None, icons=None) -> list[Listing]:
    """Validate (line, object) pairs with the engine's validator; duplicates of a listing_id are errors.
    With an archive, each listing's icon file is checked and hashed into `icons` (listing_id → IconFile)."""
    listings, seen = [], {}
    icons = {} if icons is None else icons
    for line, obj in rows:
        try:
            listing = _with_icon(listing_from_dict(obj), archive, icons)
        except FieldError as exc:
            problems.append(Problem(line, exc.field, exc.message))
        except icon_files.IconProblem as exc:
            problems.append(Problem(line, "icon", str(exc)))
        else:
            too_long = length_problems(ObservedListing, dataclasses.asdict(listing))
            if too_long:  # the stored row's limits (the model field), refused as a form or the API would
                problems.extend(Problem(line, name, message) for name, message in too_long.items())
            elif listing.listing_id in seen:
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


def parse_jsonl(data: bytes, archive: Archive | None = None, icons=None) -> list[Listing]:
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

    return _collect(rows(), problems, archive, icons)


def parse_csv(data: bytes, archive: Archive | None = None, icons=None) -> list[Listing]:
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
                row = {h: (v if v.strip() else None) for h, v in zip(header, values, strict=True)}
                if row.get("icon_hashes"):
                    try:  # a JSON object in its cell: {"value": "…", "masked_tl": "…"}
                        row["icon_hashes"] = json.loads(row["icon_hashes"])
                    except json.JSONDecodeError as exc:
                        problems.append(
                            Problem(line, "icon_hashes", _("invalid JSON (%(error)s)") % {"error": exc.msg})
                        )
                        continue
                yield line, row
        except csv.Error as exc:
            problems.append(Problem(reader.line_num, None, str(exc)))

    return _collect(rows(), problems, archive, icons)


def parse_objects(objects) -> list[Listing]:
    """An API payload: a list of listing objects; "line" is the 1-based position in the list."""
    if not isinstance(objects, list):
        raise ValidationError(_("listings must be a list of objects"))
    return _collect(enumerate(objects, start=1), [])


def parse_upload(name: str, data: bytes, icons=None) -> list[Listing]:
    """A .jsonl/.csv feed, or a .zip archive of one and its icon images (their checked hashes go into
    `icons`, listing_id → IconFile, when a dict is given)."""
    lower = name.lower()
    if lower.endswith(".zip"):
        archive = Archive(data, name)
        icons = {} if icons is None else icons
        inner = archive.feed_name.lower()
        feed_data = archive.feed_data()
        parse = parse_csv if inner.endswith(".csv") else parse_jsonl
        return parse(feed_data, archive, icons)
    if lower.endswith(".csv"):
        return parse_csv(data)
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return parse_jsonl(data)
    raise ValidationError(_("Upload a .jsonl (JSON Lines) or .csv file, or a .zip of one with its icons."))


def content_hash(listing: Listing, icon_hashes: dict | None = None) -> str:
    values = [getattr(listing, f) or "" for f in SCREENED_FIELDS]
    if icon_hashes:  # further icon hashes take part once the engine uses them (icons.py)
        values.append(sorted(icon_hashes.items()))
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()


def _row_values(listing: Listing) -> dict:
    values = {f: getattr(listing, f) or "" for f in LISTING_FIELDS if f not in ("listing_id", "icon_hashes")}
    values["icon_hashes"] = dict(listing.icon_hashes or {})
    return values


ICON_FIELDS = ("icon_file",)


def _carried_over(listing: Listing, row: ObservedListing | None) -> Listing:
    """A feed without the icon file, naming the same icon as before: keep the hash computed from the file
    that an earlier feed carried (a plain feed cannot re-send it)."""
    if row is None or not listing.icon or listing.icon_phash or not row.icon_file or row.icon != listing.icon:
        return listing
    return dataclasses.replace(
        listing,
        icon_phash=row.icon_phash or None,
        icon_hashes={**row.icon_hashes, **(listing.icon_hashes or {})},
    )


def receive_feed(
    institution,
    listings: list[Listing],
    *,
    channel: str,
    label: str,
    actor=None,
    file_name: str = "",
    file_sha256: str = "",
    icons: dict | None = None,
) -> ListingFeed:
    """Store a validated feed: new listings are created, changed ones updated (and so screened again).

    `icons` (listing_id → icons.IconFile) are the checked icon files an archive carried; they are kept
    (content-addressed) with their hashes. An unchanged listing whose case was closed as taken down, seen
    again in a feed received after the takedown date, is screened again (the copy is back up).
    """
    core_services.check_can_write(actor, ListingFeed)
    if actor is not None and actor.institution_id != institution.pk:
        raise ValidationError(_("A feed is received for the user's own institution."))
    icons = icons or {}
    label = (label or "").strip() or file_name or _("Listing feed")
    written: list[str] = []  # icon files this call created: removed again if the feed is not stored
    try:
        return _store_feed(
            institution, channel, label, file_name, file_sha256, listings, icons, actor, written
        )
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _store_feed(institution, channel, label, file_name, file_sha256, listings, icons, actor, written):
    now = timezone.now()
    today = timezone.localdate()
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
        new, changed, unchanged, reappeared, missing = [], [], [], 0, 0
        stored_icons: dict[str, str] = {}  # sha256 → storage name
        for start in range(0, len(listings), CHUNK):
            chunk = listings[start : start + CHUNK]
            existing = {
                o.listing_id: o
                for o in ObservedListing.objects.filter(
                    institution=institution, listing_id__in=[item.listing_id for item in chunk]
                )
            }
            chunk_unchanged, moved = [], []
            for listing in chunk:
                row = existing.get(listing.listing_id)
                listing = _carried_over(listing, row)
                icon = icons.get(listing.listing_id)
                if icon is not None and not listing.icon_phash:
                    listing = dataclasses.replace(listing, icon_phash=icon.phash)
                values = _row_values(listing)
                if icon is not None:  # the archive's file: computed kinds, unless the line gave them
                    if icon.sha256 not in stored_icons:
                        existed = default_storage.exists(icon.storage_name)
                        stored_icons[icon.sha256] = icon.store()
                        if not existed:
                            written.append(stored_icons[icon.sha256])
                    values.update(
                        icon_hashes={**icon.extra, **values["icon_hashes"]},
                        icon_file=stored_icons[icon.sha256],
                    )
                elif row is not None and row.icon_file and row.icon == listing.icon:
                    values.update(icon_file=row.icon_file.name)  # hashes carried over (_carried_over)
                else:
                    values.update(icon_file="")
                if listing.icon and not (listing.icon_phash or listing.icon_hashes):
                    missing += 1
                digest = content_hash(listing, values["icon_hashes"])
                if row is None:
                    new.append(
                        ObservedListing(
                            institution=institution,
                            feed=feed,
                            listing_id=listing.listing_id,
                            content_hash=digest,
                            last_seen_at=now,
                            **values,
                        )
                    )
                    continue
                same = all(_stored(row, k) == v for k, v in values.items())
                if row.content_hash == digest and same:
                    chunk_unchanged.append(row)
                    continue
                for key, value in values.items():
                    setattr(row, key, value)
                row.feed, row.last_seen_at = feed, now
                if row.content_hash != digest:
                    row.content_hash = digest
                    changed.append(row)
                else:
                    unchanged.append(row)  # only the URL or dates moved: nothing to screen again
                    moved.append(row.pk)
                    row.save(update_fields=[*values, "feed", "last_seen_at", "updated_at"])
            if chunk_unchanged:
                pks = [r.pk for r in chunk_unchanged]
                ObservedListing.objects.filter(pk__in=pks).update(feed=feed, last_seen_at=now)
                unchanged.extend(chunk_unchanged)
            reappeared += _rescreen_taken_down([*moved, *(r.pk for r in chunk_unchanged)], today)
        ObservedListing.objects.bulk_create(new, batch_size=CHUNK)
        ObservedListing.objects.bulk_update(
            changed,
            [
                *(f for f in LISTING_FIELDS if f != "listing_id"),
                *ICON_FIELDS,
                "feed",
                "content_hash",
                "last_seen_at",
            ],
            batch_size=CHUNK,
        )
        feed.new, feed.changed, feed.unchanged = len(new), len(changed), len(unchanged)
        feed.reappeared, feed.icons_missing = reappeared, missing
        feed.icons_hashed = sum(1 for listing in listings if listing.listing_id in icons)
        feed = core_services.save(feed, actor)
    return feed


def _stored(row: ObservedListing, key: str):
    value = getattr(row, key)
    return value.name if key == "icon_file" else value


def _rescreen_taken_down(pks: list[int], today) -> int:
    """Unchanged listings in this feed whose latest case was taken down before today are back: make them
    pending again, so the next sweep opens a new case linked to the closed one (sweep._record_alert).
    Only listings the feed carries are looked at: one absent from a feed is not back."""
    if not pks:
        return 0
    back = set(
        CounterfeitCase.objects.filter(
            listing_id__in=pks, state=CaseState.TAKEN_DOWN, taken_down_on__lt=today, later_cases=None
        ).values_list("listing_id", flat=True)
    )
    if back:
        ObservedListing.objects.filter(pk__in=back).update(screened_hash="")
    return len(back)


def receive_upload(institution, uploaded_file, label: str, actor=None) -> ListingFeed:
    data = uploaded_file.read()
    icons: dict = {}
    listings = parse_upload(uploaded_file.name, data, icons)
    return receive_feed(
        institution,
        listings,
        channel=ListingFeed.Channel.UPLOAD,
        label=label,
        actor=actor,
        file_name=uploaded_file.name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        icons=icons,
    )


def _listing_of(row: ObservedListing) -> Listing:
    return Listing(
        listing_id=row.listing_id,
        source=row.source,
        name=row.name,
        package_id=row.package_id or None,
        developer=row.developer or None,
        cert_sha256=row.cert_sha256 or None,
        icon=row.icon or None,
        icon_phash=row.icon_phash or None,
    )


def rehash_icons() -> dict:
    """Recompute the hashes of every kept icon file (listings and protected apps) with the engine's current
    fingerprint, e.g. after the engine gained a hash kind. The file is the truth: its hashes replace the
    stored ones. A listing whose hashes change gets a new content hash, so the next sweep screens it; a
    protected app whose hashes change changes the protection digest, so the next sweep screens all."""
    from django.core.files.storage import default_storage

    from .models import AppProtection

    counts = {"listings": 0, "listings_changed": 0, "apps": 0, "apps_changed": 0, "unreadable": 0}
    cache: dict[str, tuple[str, dict] | None] = {}

    def hashes(name: str):
        if name not in cache:
            try:
                with default_storage.open(name) as handle:
                    checked = icon_files.fingerprint(handle.read(icon_files.MAX_ICON_BYTES + 1))
                cache[name] = (checked.phash, checked.extra)
            except (OSError, icon_files.IconProblem):
                cache[name] = None
                counts["unreadable"] += 1
        return cache[name]

    last_pk = 0
    while True:
        rows = list(
            ObservedListing.objects.exclude(icon_file="").filter(pk__gt=last_pk).order_by("pk")[:CHUNK]
        )
        if not rows:
            break
        last_pk = rows[-1].pk
        changed = []
        for row in rows:
            counts["listings"] += 1
            found = hashes(row.icon_file.name)
            if found is None or (row.icon_phash, row.icon_hashes) == found:
                continue
            row.icon_phash, row.icon_hashes = found
            row.content_hash = content_hash(_listing_of(row), row.icon_hashes)
            changed.append(row)
        with transaction.atomic():
            ObservedListing.objects.bulk_update(changed, ["icon_phash", "icon_hashes", "content_hash"])
        counts["listings_changed"] += len(changed)
    for protection in AppProtection.objects.exclude(icon="").select_related("app"):
        counts["apps"] += 1
        found = hashes(protection.icon.name)
        if found is not None and (protection.icon_phash, protection.icon_hashes) != found:
            core_services.update(protection, None, icon_phash=found[0], icon_hashes=found[1])
            counts["apps_changed"] += 1
    return counts
