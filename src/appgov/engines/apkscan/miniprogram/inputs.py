"""Turning what the user points at (one .wxapkg, a Windows-cache V1MMWX copy, a folder, or a ZIP holding a
main package and its sub-packages) into parsed packages, within the size limits and writing nothing."""

from __future__ import annotations

import hashlib
import mmap
import os
from dataclasses import dataclass, field

from ..errors import PackageError
from ..limits import Limits
from ..ziparchive import ZipArchive
from .limits import MiniProgramLimits
from .pccache import decrypt as decrypt_pc
from .pccache import is_pc_encrypted
from .wxapkg import WxPackage

SUFFIX = ".wxapkg"


@dataclass
class LoadedPackage:
    label: str  # where the package came from: file name, or "bundle.zip!sub/_pkg_.wxapkg"
    package: WxPackage
    size: int  # bytes as stored (before decryption)
    sha256: str
    encrypted: bool


@dataclass
class LoadedInput:
    packages: list[LoadedPackage]
    kind: str  # file | folder | zip
    total_size: int
    sha256: str  # of the file; for a folder, of its sorted "sha256  label" lines
    _closers: list = field(default_factory=list)

    def close(self) -> None:
        for c in self._closers:
            c.close()
        self._closers.clear()


def _sha256(buf) -> str:
    return hashlib.sha256(buf).hexdigest()


def _parse(buf, label: str, appid: str | None, limits: MiniProgramLimits) -> LoadedPackage:
    encrypted = is_pc_encrypted(bytes(buf[:6]))
    digest = _sha256(buf)
    size = len(buf)
    if encrypted:
        buf = decrypt_pc(buf, appid, label)
    return LoadedPackage(label, WxPackage(buf, label, limits), size, digest, encrypted)


def _check_total(total: int, limits: MiniProgramLimits, label: str) -> None:
    if total > limits.max_input_bytes:
        raise PackageError(f"{total} bytes of packages, over the {limits.max_input_bytes} byte limit", label)


def load(path: str, appid: str | None, limits: MiniProgramLimits, zip_limits: Limits) -> LoadedInput:
    if os.path.isdir(path):
        return _load_folder(path, appid, limits)
    if not os.path.isfile(path):
        raise PackageError("no such file or folder", path)
    size = os.path.getsize(path)
    if size == 0:
        raise PackageError("file is empty", path)
    _check_total(size, limits, path)
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        if head[:2] == b"PK":
            return _load_zip(mm, path, appid, limits, zip_limits)
        pkg = _parse(mm, os.path.basename(path), appid, limits)
    except BaseException:
        mm.close()
        raise
    return LoadedInput([pkg], "file", size, pkg.sha256, [mm])


def _load_zip(mm, path: str, appid, limits: MiniProgramLimits, zip_limits: Limits) -> LoadedInput:
    zf = ZipArchive(mm, path, zip_limits)  # refuses traversal names, overlaps, duplicates
    members = [e for e in zf.order if e.name.lower().endswith(SUFFIX) and not e.name.endswith("/")]
    if not members:
        raise PackageError(f"ZIP holds no {SUFFIX} package", path)
    if len(members) > limits.max_packages:
        raise PackageError(f"ZIP holds {len(members)} packages, over the {limits.max_packages} limit", path)
    _check_total(sum(e.size for e in members), limits, path)
    packages = []
    for e in sorted(members, key=lambda e: e.name):
        data = zf.read_entry(e, limits.max_input_bytes)  # ratio, size and total-inflate (zip bomb) checks
        packages.append(_parse(data, f"{os.path.basename(path)}!{e.name}", appid, limits))
    return LoadedInput(packages, "zip", len(mm), _sha256(mm), [mm])


def _load_folder(path: str, appid, limits: MiniProgramLimits) -> LoadedInput:
    found: list[str] = []
    seen = 0
    root_depth = path.rstrip(os.sep).count(os.sep)
    for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
        seen += len(dirnames) + len(filenames)
        if seen > limits.max_folder_entries:
            raise PackageError(f"folder has more than {limits.max_folder_entries} entries", path)
        if dirpath.count(os.sep) - root_depth >= limits.max_folder_depth:
            dirnames[:] = []
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if name.lower().endswith(SUFFIX) and os.path.isfile(full) and not os.path.islink(full):
                found.append(full)
    if not found:
        raise PackageError(
            f"is a directory with no {SUFFIX} package in it: give a package file, or a mini-program folder",
            path,
        )
    if len(found) > limits.max_packages:
        raise PackageError(f"folder holds {len(found)} packages, over the {limits.max_packages} limit", path)
    total = sum(os.path.getsize(f) for f in found)
    _check_total(total, limits, path)
    packages = []
    for full in found:
        with open(full, "rb") as fh:
            data = fh.read(limits.max_input_bytes + 1)
        if not data:
            raise PackageError("file is empty", full)
        packages.append(_parse(data, os.path.relpath(full, path), appid, limits))
    listing = "".join(f"{p.sha256}  {p.label}\n" for p in packages)
    return LoadedInput(packages, "folder", total, _sha256(listing.encode("utf-8")))
