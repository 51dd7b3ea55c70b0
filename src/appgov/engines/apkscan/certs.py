"""X.509 certificate summaries (fingerprints, names, validity) using `cryptography`."""

from __future__ import annotations

import hashlib

from .errors import PackageError

DEBUG_SUBJECTS = ("CN=Android Debug,O=Android,C=US",)


def load_der(der: bytes, where: str):
    from cryptography import x509

    try:
        return x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise PackageError(f"certificate is not valid DER X.509: {exc}", where) from None


def summarize(der: bytes, where: str) -> dict:
    cert = load_der(der, where)
    try:
        subject = cert.subject.rfc4514_string()
        issuer = cert.issuer.rfc4514_string()
    except ValueError:
        subject = issuer = "(unparseable name)"
    try:
        not_before = cert.not_valid_before_utc.isoformat()
        not_after = cert.not_valid_after_utc.isoformat()
    except ValueError:
        not_before = not_after = None
    key_type, key_bits = _key_info(cert)
    return {
        "sha256": hashlib.sha256(der).hexdigest(),
        "sha1": hashlib.sha1(der).hexdigest(),
        "md5": hashlib.md5(der).hexdigest(),
        "subject": subject,
        "issuer": issuer,
        "serial": format(cert.serial_number, "x"),
        "not_before": not_before,
        "not_after": not_after,
        "key_type": key_type,
        "key_bits": key_bits,
        "self_signed": subject == issuer,
        "debug_certificate": subject in DEBUG_SUBJECTS,
    }


def _key_info(cert) -> tuple[str, int | None]:
    try:
        key = cert.public_key()
    except Exception:  # noqa: BLE001 - unsupported / malformed key types are still listed
        return "unknown", None
    name = type(key).__name__.lower()
    for kind in ("rsa", "ec", "dsa", "ed25519", "ed448"):
        if kind in name:
            return kind, getattr(key, "key_size", None)
    return name, getattr(key, "key_size", None)
