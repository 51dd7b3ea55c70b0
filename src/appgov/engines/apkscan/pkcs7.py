"""Generic CMS / PKCS#7 SignedData handling: certificates and detached-signature verification."""

from __future__ import annotations

import hashlib

from cryptography.exceptions import UnsupportedAlgorithm

from .certs import summarize

_HASHES = ("sha1", "sha224", "sha256", "sha384", "sha512", "md5")


def parse_signed_data(der: bytes):
    from asn1crypto import cms

    info = cms.ContentInfo.load(der)
    if info["content_type"].native != "signed_data":
        raise ValueError(f"content type is {info['content_type'].native}, not signed_data")
    return info["content"]


def certificates_and_verify(der: bytes, detached_content: bytes | None) -> tuple[list[dict], bool, list[str]]:
    """Summaries of the certificates, whether one signer verifies over the content, and errors."""
    errors: list[str] = []
    try:
        signed = parse_signed_data(der)
        cert_ders = [c.chosen.dump() for c in signed["certificates"] if c.name == "certificate"]
        signer_infos = list(signed["signer_infos"])
        content = detached_content
        if content is None:
            content = signed["encap_content_info"]["content"].native
    except Exception as exc:  # noqa: BLE001 - asn1crypto parses lazily and raises many types on hostile DER
        return [], False, [f"CMS signature cannot be parsed ({type(exc).__name__})"]
    summaries = []
    for d in cert_ders:
        try:
            summaries.append(summarize(d, "CMS certificate"))
        except Exception as exc:  # noqa: BLE001 - keep the others
            errors.append(f"certificate cannot be parsed ({exc})")
    if content is None:
        return summaries, False, errors + ["no signed content"]
    ok = False
    for si in signer_infos:
        try:
            ok = _verify_signer(si, cert_ders, content, errors) or ok
        except Exception as exc:  # noqa: BLE001 - hostile DER surfaces lazily inside asn1crypto
            errors.append(f"signer info cannot be parsed ({type(exc).__name__})")
    return summaries, ok, errors


def _verify_signer(si, cert_ders, content, errors) -> bool:
    from cryptography import x509

    from .signing import _signature_kind, _verify_signature

    try:
        sid = si["sid"].chosen
        serial = sid["serial_number"].native if si["sid"].name == "issuer_and_serial_number" else None
        digest_alg = si["digest_algorithm"]["algorithm"].native
        kind = _signature_kind(si["signature_algorithm"]["algorithm"].dotted)
        signature = si["signature"].native
        attrs = si["signed_attrs"]
    except (ValueError, KeyError, TypeError) as exc:
        errors.append(f"signer info cannot be parsed ({exc})")
        return False
    if digest_alg not in _HASHES:
        errors.append(f"unsupported digest {digest_alg}")
        return False
    cert_der = None
    for d in cert_ders:
        try:
            c = x509.load_der_x509_certificate(d)
        except ValueError:
            continue
        if serial is None or c.serial_number == serial:
            cert_der = c
            break
    if cert_der is None:
        errors.append("signer certificate not found")
        return False
    if attrs.native is not None and len(attrs):
        md = next((a["values"][0].native for a in attrs if a["type"].native == "message_digest"), None)
        if md != hashlib.new(digest_alg, content).digest():
            errors.append("signed message digest does not match the content")
            return False
        data = b"\x31" + attrs.dump()[1:]
    else:
        data = content
    try:
        signer_key = cert_der.public_key()
    except (ValueError, UnsupportedAlgorithm):
        errors.append("signer certificate key cannot be read")
        return False
    if _verify_signature(kind, digest_alg, signer_key, signature, data):
        return True
    errors.append("CMS signature does not verify")
    return False
