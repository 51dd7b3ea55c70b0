"""Icon images at ingest: refuse what is not a sane icon, compute the hashes the look-alike engine compares,
and keep the file (content-addressed) for later re-hashing and for the reviewer.

`fingerprint(data)` checks an image and computes the engine's fingerprint
(`appgov.engines.lookalike.fingerprint`: the plain pHash plus badge-robust and hue-invariant hashes by
kind); `engine_fields(...)` hands stored hashes to the engine's Listing / ProtectedApp. The pHash is
stored in `icon_phash`, the other kinds in `icon_hashes`.

Images are decoded with explicit limits instead of Pillow's process-wide `Image.MAX_IMAGE_PIXELS` (other
apps of the process decode other images): at most MAX_ICON_BYTES of file, MAX_ICON_PIXELS pixels
(checked from the header, before any pixel is decoded), one of ICON_FORMATS, and Pillow's own
decompression-bomb warning is an error here.
"""

import hashlib
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from appgov.engines import lookalike as engine

MAX_ICON_BYTES = 2 * 1024 * 1024
MAX_ICON_PIXELS = 4096 * 4096  # store icons are 512×512 or 1024×1024
ICON_FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "ICO")
ICON_DIR = "counterfeit/listing-icons"


class IconProblem(ValueError):
    """An icon that cannot be used; the message says why (shown with the feed line or the form field)."""


@dataclass
class IconFile:
    """A checked icon: the engine's hashes, and its bytes (or how to read them again) for storing it."""

    phash: str
    sha256: str
    extra: dict = field(default_factory=dict)
    fmt: str = "PNG"
    data: bytes | None = None
    reader: Callable[[], bytes] | None = None

    @property
    def storage_name(self) -> str:
        ext = {"JPEG": "jpg"}.get(self.fmt, self.fmt.lower())
        return f"{ICON_DIR}/{self.sha256[:2]}/{self.sha256}.{ext}"

    def store(self) -> str:
        """Save the file once (content-addressed: the same icon in many listings or feeds is one file)."""
        name = self.storage_name
        if not default_storage.exists(name):
            data = self.data if self.data is not None else self.reader()
            name = default_storage.save(name, ContentFile(data))
        return name


def _engine_hashes(image: Image.Image) -> tuple[str, dict]:
    """(pHash, further hashes by kind) of a decoded icon, as the engine computes them."""
    hashes = dict(engine.fingerprint(image))
    return hashes.pop("phash"), hashes


def engine_fields(phash: str, extra: dict | None) -> dict:
    """The keyword arguments of engine.Listing / engine.ProtectedApp that carry the icon's hashes (no
    further hashes: None, so the engine treats the listing as one with a plain pHash only)."""
    return {"icon_phash": phash or None, "icon_hashes": dict(extra) if extra else None}


def fingerprint(data: bytes) -> IconFile:
    """Check an icon image given as bytes and compute its hashes; IconProblem names what is wrong."""
    if not data:
        raise IconProblem(_("the icon file is empty"))
    if len(data) > MAX_ICON_BYTES:
        raise IconProblem(
            _("the icon file has %(size)d bytes, more than the %(max)d allowed")
            % {"size": len(data), "max": MAX_ICON_BYTES}
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=ICON_FORMATS) as image:
                width, height = image.size
                if width * height > MAX_ICON_PIXELS:
                    raise IconProblem(
                        _("the icon is %(w)d×%(h)d pixels, more than %(max)d pixels (a decompression bomb?)")
                        % {"w": width, "h": height, "max": MAX_ICON_PIXELS}
                    )
                fmt = image.format or "PNG"
                # verify() reads the whole stream on a second handle: a truncated file is refused even though
                # WeasyPrint, once imported, sets Pillow's process-wide LOAD_TRUNCATED_IMAGES
                with Image.open(io.BytesIO(data), formats=ICON_FORMATS) as check:
                    check.verify()
                if fmt == "JPEG" and not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
                    raise OSError("the JPEG data ends before its end-of-image marker")
                image.load()
                phash, extra = _engine_hashes(image)
        except IconProblem:
            raise
        except UnidentifiedImageError:
            raise IconProblem(
                _("not an image in a supported format (%(formats)s)") % {"formats": ", ".join(ICON_FORMATS)}
            ) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise IconProblem(_("refused as a decompression bomb: %(e)s") % {"e": exc}) from None
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
            raise IconProblem(
                _("the image cannot be decoded (%(e)s)") % {"e": exc or type(exc).__name__}
            ) from None
    return IconFile(phash=phash, sha256=hashlib.sha256(data).hexdigest(), extra=extra, fmt=fmt, data=data)
