"""APK signatures: the APK Signing Block (v2, v3, v3.1) and JAR signing (v1).

We read the signers and their certificates ourselves and verify them with `cryptography`:
- v2/v3: every supported signature over `signed data` with the signer's public key, the first
  certificate's key equal to that public key, and the chunked content digest of the whole archive.
- v1 (only when no v2/v3 signer verified, as Android does): the PKCS#7 signature over the .SF file,
  the .SF digest of MANIFEST.MF and every entry's digest in MANIFEST.MF.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct

from cryptography.exceptions import UnsupportedAlgorithm

from .certs import summarize
from .errors import PackageError
from .ziparchive import ZipArchive

SIG_BLOCK_MAGIC = b"APK Sig Block 42"
BLOCK_IDS = {
    0x7109871A: "v2",
    0xF05368C0: "v3",
    0x1B93AD61: "v3.1",
}
SOURCE_STAMP_IDS = (0x6DFF800D, 0x2B09189E)
STRIPPING_PROTECTION_ATTR = 0xBEEFF00D

# signature algorithm id -> (hash name, kind, content digest hash or None for verity)
SIG_ALGOS = {
    0x0101: ("sha256", "pss", "sha256"),
    0x0102: ("sha512", "pss", "sha512"),
    0x0103: ("sha256", "pkcs1", "sha256"),
    0x0104: ("sha512", "pkcs1", "sha512"),
    0x0201: ("sha256", "ecdsa", "sha256"),
    0x0202: ("sha512", "ecdsa", "sha512"),
    0x0301: ("sha256", "dsa", "sha256"),
    0x0421: ("sha256", "pkcs1", None),
    0x0423: ("sha256", "ecdsa", None),
    0x0425: ("sha256", "dsa", None),
}
CONTENT_DIGEST_IDS = {"sha256": 1, "sha512": 2}  # digest algorithm ids inside signed data
CHUNK = 1024 * 1024


class _Reader:
    """Length-prefixed little-endian fields of the signing block, with bounds checks."""

    def __init__(self, buf: bytes, where: str):
        self.buf, self.pos, self.where = buf, 0, where

    def remaining(self) -> int:
        return len(self.buf) - self.pos

    def u32(self) -> int:
        if self.pos + 4 > len(self.buf):
            raise PackageError(f"signing block field truncated at byte {self.pos}", self.where)
        (v,) = struct.unpack_from("<I", self.buf, self.pos)
        self.pos += 4
        return v

    def lp(self) -> bytes:
        n = self.u32()
        if self.pos + n > len(self.buf):
            raise PackageError(f"length-prefixed field of {n} bytes at byte {self.pos} overruns", self.where)
        v = self.buf[self.pos : self.pos + n]
        self.pos += n
        return v

    def lp_seq(self) -> list[bytes]:
        inner = _Reader(self.lp(), self.where)
        out = []
        while inner.remaining():
            out.append(inner.lp())
        return out


def find_signing_block(zf: ZipArchive) -> tuple[int, dict[int, bytes]] | None:
    """(block offset, {id: value}) of the APK Signing Block, or None when there is none."""
    cd = zf.cd_offset
    if cd < 32 or zf.buf[cd - 16 : cd] != SIG_BLOCK_MAGIC:
        return None
    where = f"{zf.label} (APK Signing Block)"
    (size,) = struct.unpack_from("<Q", zf.buf, cd - 24)
    start = cd - size - 8
    if size < 24 or start < 0:
        raise PackageError(f"signing block size {size} does not fit before byte {cd}", where)
    (size_again,) = struct.unpack_from("<Q", zf.buf, start)
    if size_again != size:
        raise PackageError(
            f"signing block sizes disagree ({size_again} at byte {start}, {size} at byte {cd - 24})", where
        )
    pairs: dict[int, bytes] = {}
    pos, end = start + 8, cd - 24
    while pos < end:
        if pos + 12 > end:
            raise PackageError(f"signing block pair truncated at byte {pos}", where)
        (plen,) = struct.unpack_from("<Q", zf.buf, pos)
        if plen < 4 or pos + 8 + plen > end:
            raise PackageError(f"signing block pair of {plen} bytes at byte {pos} overruns", where)
        (pid,) = struct.unpack_from("<I", zf.buf, pos + 8)
        pairs[pid] = bytes(zf.buf[pos + 12 : pos + 8 + plen])
        pos += 8 + plen
    return start, pairs


def _chunked_digest(zf: ZipArchive, block_start: int, hash_name: str) -> bytes:
    eocd = bytearray(zf.buf[zf.eocd_offset : zf.size])
    struct.pack_into("<I", eocd, 16, block_start)
    digests = []
    for a, b in ((0, block_start), (zf.cd_offset, zf.eocd_offset)):
        for off in range(a, b, CHUNK):
            piece = zf.read_range(off, min(off + CHUNK, b))
            h = hashlib.new(hash_name)
            h.update(b"\xa5" + struct.pack("<I", len(piece)))
            h.update(piece)
            digests.append(h.digest())
    for off in range(0, len(eocd), CHUNK):
        piece = eocd[off : off + CHUNK]
        h = hashlib.new(hash_name)
        h.update(b"\xa5" + struct.pack("<I", len(piece)))
        h.update(piece)
        digests.append(h.digest())
    top = hashlib.new(hash_name)
    top.update(b"\x5a" + struct.pack("<I", len(digests)))
    for d in digests:
        top.update(d)
    return top.digest()


def _verify_signature(kind: str, hash_name: str, public_key, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa

    h = {
        "sha1": hashes.SHA1,
        "sha224": hashes.SHA224,
        "sha256": hashes.SHA256,
        "sha384": hashes.SHA384,
        "sha512": hashes.SHA512,
        "md5": hashes.MD5,
    }[hash_name]()
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            if kind == "pss":
                public_key.verify(signature, data, padding.PSS(padding.MGF1(h), h.digest_size), h)
            elif kind in ("pkcs1", "rsa"):
                public_key.verify(signature, data, padding.PKCS1v15(), h)
            else:
                return False
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and kind in ("ecdsa", "ec"):
            public_key.verify(signature, data, ec.ECDSA(h))
        elif isinstance(public_key, dsa.DSAPublicKey) and kind == "dsa":
            public_key.verify(signature, data, h)
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _parse_scheme(zf: ZipArchive, scheme: str, value: bytes, block_start: int, digest_cache: dict) -> dict:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_der_public_key

    where = f"{zf.label} (APK Signature Scheme {scheme})"
    signers_out = []
    top = _Reader(value, where)
    signers = top.lp_seq()
    if not signers:
        raise PackageError("no signers", where)
    for raw_signer in signers:
        r = _Reader(raw_signer, where)
        signed_data = r.lp()
        if scheme != "v2":
            r.u32(), r.u32()  # min / max SDK of this signer
        signatures = r.lp_seq()
        public_key_der = r.lp()
        sd = _Reader(signed_data, where)
        digests = {}
        for item in sd.lp_seq():
            ir = _Reader(item, where)
            algo = ir.u32()
            digests[algo] = ir.lp()
        cert_ders = [bytes(c) for c in sd.lp_seq()]
        attributes = {}
        if scheme != "v2" and sd.remaining() >= 8:
            sd.u32(), sd.u32()  # min / max SDK repeated inside signed data
        if sd.remaining() >= 4:
            for item in sd.lp_seq():
                ir = _Reader(item, where)
                attr_id = ir.u32()
                attributes[attr_id] = bytes(item[4:])
        errors: list[str] = []
        verified = False
        try:
            public_key = load_der_public_key(public_key_der)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            public_key = None
            errors.append("public key is not valid DER SubjectPublicKeyInfo")
        if public_key is not None:
            checked = 0
            for item in signatures:
                ir = _Reader(item, where)
                algo = ir.u32()
                sig = ir.lp()
                spec = SIG_ALGOS.get(algo)
                if spec is None:
                    continue
                hash_name, kind, content_hash = spec
                checked += 1
                if not _verify_signature(kind, hash_name, public_key, sig, signed_data):
                    errors.append(f"signature (algorithm 0x{algo:04x}) does not verify")
                    continue
                if content_hash is None:
                    continue
                expected = digests.get(algo)
                if expected is None:
                    errors.append(f"no content digest for algorithm 0x{algo:04x}")
                    continue
                if content_hash not in digest_cache:
                    digest_cache[content_hash] = _chunked_digest(zf, block_start, content_hash)
                if digest_cache[content_hash] != expected:
                    errors.append(f"content digest ({content_hash}) does not match the archive")
            if checked == 0:
                errors.append("no supported signature algorithm")
            if cert_ders:
                try:
                    from .certs import load_der

                    cert_key = (
                        load_der(cert_ders[0], where)
                        .public_key()
                        .public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
                    )
                    ours = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
                    if cert_key != ours:
                        errors.append("certificate public key differs from the signer's public key")
                except (PackageError, ValueError, UnsupportedAlgorithm):
                    errors.append("first certificate cannot be parsed")
            else:
                errors.append("signer has no certificate")
            verified = checked > 0 and not errors
        signers_out.append(
            {"certificates": cert_ders, "verified": verified, "errors": errors, "attributes": attributes}
        )
    return {"scheme": scheme, "signers": signers_out}


# -- v1 (JAR) ---------------------------------------------------------------------------------
_SIG_FILE_RE = re.compile(r"^META-INF/[^/]+\.(RSA|DSA|EC)$", re.IGNORECASE)
_DIGEST_NAMES = {
    "SHA-512": "sha512",
    "SHA-384": "sha384",
    "SHA-256": "sha256",
    "SHA1": "sha1",
    "SHA-1": "sha1",
    "MD5": "md5",
}


def _parse_manifest_sections(text: bytes) -> list[tuple[dict[str, str], bytes]]:
    """JAR manifest sections as (attributes, raw bytes of the section including its blank line)."""
    sections = []
    for raw in re.split(rb"(?<=\r\n\r\n)|(?<=\n\n)(?<!\r\n\r\n)", text):
        if not raw.strip():
            continue
        attrs: dict[str, str] = {}
        last = None
        for line in re.split(rb"\r\n|\n|\r", raw):
            if line.startswith(b" ") and last is not None:
                attrs[last] += line[1:].decode("utf-8", "replace")
            elif b":" in line:
                k, v = line.split(b":", 1)
                last = k.decode("utf-8", "replace").strip()
                attrs[last] = (
                    v[1:].decode("utf-8", "replace") if v.startswith(b" ") else v.decode("utf-8", "replace")
                )
        sections.append((attrs, raw))
    return sections


def _digest_attrs(attrs: dict[str, str], suffix: str) -> list[tuple[str, str]]:
    out = []
    for k, v in attrs.items():
        if k.endswith(suffix):
            alg = _DIGEST_NAMES.get(k[: -len(suffix)].upper())
            if alg:
                out.append((alg, v.strip()))
    return out


def _signature_kind(oid: str) -> str:
    if oid.startswith("1.2.840.10045."):
        return "ecdsa"
    if oid.startswith("1.2.840.10040.4.") or oid.startswith("2.16.840.1.101.3.4.3."):
        return "dsa"
    return "pkcs1"


def _verify_v1(zf: ZipArchive, sig_name: str, errors: list[str]) -> bool:
    from cryptography import x509

    from .der import parse_signed_data

    base = sig_name.rsplit(".", 1)[0]
    sf_name = next((n for n in zf.entries if n.upper() == (base + ".SF").upper()), None)
    if sf_name is None:
        errors.append(f"{sig_name}: no matching .SF file")
        return False
    sf = zf.read(sf_name)
    try:
        cert_ders, signer_infos, _content = parse_signed_data(zf.read(sig_name))
    except ValueError as exc:
        errors.append(f"{sig_name}: PKCS#7 cannot be parsed ({exc})")
        return False
    if not signer_infos:
        errors.append(f"{sig_name}: no signer")
        return False
    certs = []
    for d in cert_ders:
        try:
            certs.append(x509.load_der_x509_certificate(d))
        except ValueError:
            continue
    any_ok = False
    for si in signer_infos:
        candidates = [c for c in certs if si.serial is None or c.serial_number == si.serial]
        if len(candidates) > 1 and si.issuer_der is not None:
            candidates = [c for c in candidates if c.issuer.public_bytes() == si.issuer_der] or candidates
        if not candidates:
            errors.append(f"{sig_name}: signer certificate not in the PKCS#7 block")
            continue
        if si.digest is None:
            errors.append(f"{sig_name}: unsupported digest algorithm")
            continue
        if si.signed_attrs_der is not None:
            if si.message_digest != hashlib.new(si.digest, sf).digest():
                errors.append(f"{sig_name}: signed message digest does not match {sf_name}")
                continue
            data = si.signed_attrs_der
        else:
            data = sf
        try:
            public_key = candidates[0].public_key()
        except (ValueError, UnsupportedAlgorithm):
            errors.append(f"{sig_name}: signer certificate key cannot be read")
            continue
        if not _verify_signature(
            _signature_kind(si.signature_oid), si.digest, public_key, si.signature, data
        ):
            errors.append(f"{sig_name}: signature over {sf_name} does not verify")
            continue
        any_ok = True
    if not any_ok:
        return False
    return _verify_sf_and_manifest(zf, sf_name, sf, errors)


def _verify_sf_and_manifest(zf: ZipArchive, sf_name: str, sf: bytes, errors: list[str]) -> bool:
    if "META-INF/MANIFEST.MF" not in zf:
        errors.append("META-INF/MANIFEST.MF missing")
        return False
    manifest = zf.read("META-INF/MANIFEST.MF")
    sf_sections = _parse_manifest_sections(sf)
    if not sf_sections:
        errors.append(f"{sf_name} is empty")
        return False
    whole = _digest_attrs(sf_sections[0][0], "-Digest-Manifest")
    mf_sections = _parse_manifest_sections(manifest)
    if whole:
        whole_ok = all(base64.b64decode(v) == hashlib.new(a, manifest).digest() for a, v in whole)
    else:
        whole_ok = False
    if not whole_ok:
        raw_by_name = {s[0].get("Name"): s[1] for s in mf_sections[1:]}
        for attrs, _raw in sf_sections[1:]:
            name = attrs.get("Name")
            for alg, v in _digest_attrs(attrs, "-Digest"):
                raw = raw_by_name.get(name)
                if raw is None or base64.b64decode(v) != hashlib.new(alg, raw).digest():
                    errors.append(f"{sf_name}: digest of manifest section {name!r} does not match")
                    return False
    listed = {}
    for attrs, _raw in mf_sections[1:]:
        if "Name" in attrs:
            listed[attrs["Name"]] = _digest_attrs(attrs, "-Digest")
    for entry in zf.order:
        name = entry.name
        if name.endswith("/") or (name.upper().startswith("META-INF/") and "/" not in name[9:]):
            continue
        digests = listed.get(name)
        if not digests:
            errors.append(f"entry {name!r} is not covered by the v1 signature")
            return False
        hashers = [(hashlib.new(alg), v, alg) for alg, v in digests]
        for piece in zf.iter_entry(entry):  # in pieces: an entry may be far larger than memory allows
            for h, _v, _alg in hashers:
                h.update(piece)
        for h, v, alg in hashers:
            if base64.b64decode(v) != h.digest():
                errors.append(f"entry {name!r}: {alg} digest in MANIFEST.MF does not match")
                return False
    return True


def _v1_certificates(zf: ZipArchive, sig_name: str) -> list[bytes]:
    from .der import parse_signed_data

    raw = zf.read(sig_name)
    try:
        return parse_signed_data(raw)[0]
    except ValueError:
        pass
    try:  # BER (indefinite lengths) and other encodings our DER walker refuses
        from asn1crypto import cms

        signed = cms.ContentInfo.load(raw)["content"]
        return [c.chosen.dump() for c in signed["certificates"] if c.name == "certificate"]
    except Exception as exc:  # noqa: BLE001 - asn1crypto raises assorted types on hostile input
        raise PackageError(
            f"PKCS#7 signature block cannot be parsed ({type(exc).__name__})", f"{zf.label}!{sig_name}"
        ) from None


def analyse_signing(zf: ZipArchive, path_for_idsig: str | None = None) -> dict:
    """Schemes present, certificates (leaf first, de-duplicated) and whether the package verifies."""
    schemes: list[str] = []
    cert_ders: list[tuple[bytes, str]] = []
    errors: list[str] = []
    verified_block = False
    block_stripped = False
    try:
        block = find_signing_block(zf)
    except PackageError as exc:
        block = None
        errors.append(f"APK Signing Block: {exc.reason}")
        schemes.append("invalid-signing-block")
    if block is not None:
        start, pairs = block
        digest_cache: dict[str, bytes] = {}
        scheme_ok: dict[str, bool] = {}
        stripped_from_v2: set[int] = set()
        for pid, scheme in BLOCK_IDS.items():
            if pid not in pairs:
                continue
            schemes.append(scheme)
            try:
                parsed = _parse_scheme(zf, scheme, pairs[pid], start, digest_cache)
            except PackageError as exc:
                errors.append(f"{scheme}: {exc.reason}")
                scheme_ok[scheme] = False
                continue
            for signer in parsed["signers"]:
                cert_ders.extend((c, scheme) for c in signer["certificates"])
                protected = signer["attributes"].get(STRIPPING_PROTECTION_ATTR)
                if protected and len(protected) >= 4:
                    stripped_from_v2.add(struct.unpack_from("<I", protected)[0])
                errors.extend(f"{scheme}: {e}" for e in signer["errors"])
            scheme_ok[scheme] = all(s["verified"] for s in parsed["signers"])
        if 3 in stripped_from_v2 and "v3" not in scheme_ok:
            block_stripped = True
        # Android uses the newest scheme present: v3.1/v3 when there, else v2
        for newest in ("v3.1", "v3", "v2"):
            if newest in scheme_ok:
                verified_block = scheme_ok[newest]
                break
        if any(pid in pairs for pid in SOURCE_STAMP_IDS):
            schemes.append("source-stamp")
    sig_files = []
    upper_names = {n.upper(): n for n in zf.entries}
    for n in zf.entries:
        if _SIG_FILE_RE.match(n):
            if (n.rsplit(".", 1)[0] + ".SF").upper() in upper_names:
                sig_files.append(n)
            else:
                errors.append(
                    f"v1: {n} has no matching .SF file (partial signature, ignored as Android does)"
                )
    stripped = False
    if sig_files:
        schemes.insert(0, "v1")
        for sig in sig_files:
            try:
                cert_ders.extend((c, "v1") for c in _v1_certificates(zf, sig))
            except PackageError as exc:
                errors.append(f"v1: {sig}: {exc.reason}")
            base = sig.rsplit(".", 1)[0]
            sf_name = next((n for n in zf.entries if n.upper() == (base + ".SF").upper()), None)
            if sf_name:
                try:
                    head = zf.read(sf_name, max_size=1024 * 1024)
                except PackageError as exc:
                    errors.append(f"v1: {sf_name}: {exc.reason}")
                    continue
                head = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
                m = re.search(rb"X-Android-APK-Signed:\s*([0-9, ]+)", head)
                if m and not any(s in schemes for s in ("v2", "v3")):
                    stripped = True
    if path_for_idsig:
        import os

        if os.path.exists(path_for_idsig + ".idsig"):
            schemes.append("v4")
    if verified_block:
        verified = True
        errors = [e for e in errors if not e.startswith("v1")]
    elif sig_files and not any(s in schemes for s in ("v2", "v3", "v3.1")):
        v1_errors: list[str] = []
        try:
            verified = all(_verify_v1(zf, s, v1_errors) for s in sig_files)
        except PackageError as exc:
            verified = False
            v1_errors.append(exc.reason)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
            # asn1crypto parses lazily: hostile DER surfaces here as assorted exception types
            verified = False
            v1_errors.append(f"PKCS#7 signature block cannot be parsed ({type(exc).__name__})")
        errors.extend(f"v1: {e}" for e in v1_errors)
    else:
        verified = False
    if stripped:
        errors.append("v1 signature says the package was signed with v2/v3 but that signature was stripped")
        verified = False
    if block_stripped:
        errors.append(
            "v2 signer's stripping-protection attribute says a v3 signature was present but it was stripped"
        )
        verified = False
        stripped = True
    seen: dict[str, dict] = {}
    for der, scheme in cert_ders:
        summary = summarize(der, f"{zf.label} ({scheme} certificate)")
        if summary["sha256"] in seen:
            if scheme not in seen[summary["sha256"]]["schemes"]:
                seen[summary["sha256"]]["schemes"].append(scheme)
            continue
        summary["schemes"] = [scheme]
        seen[summary["sha256"]] = summary
    return {
        "schemes": schemes,
        "certificates": list(seen.values()),
        "verified": bool(verified) if (schemes and cert_ders) else False,
        "verification_errors": errors[:20],
        "signature_stripped": stripped,
    }
