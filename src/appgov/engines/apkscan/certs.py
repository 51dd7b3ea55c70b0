"""X.509 certificate summaries (fingerprints, names, validity) using `cryptography`."""

from __future__ import annotations

import hashlib
import warnings

from .catalogue import load_data
from .errors import PackageError

# short names for the attribute types used in the well-known test-certificate list
_OID_NAMES = {
    "2.5.4.3": "CN",
    "2.5.4.6": "C",
    "2.5.4.7": "L",
    "2.5.4.8": "ST",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "1.2.840.113549.1.9.1": "EMAILADDRESS",
}
_ASN1CRYPTO_NAMES = {
    "common_name": "CN",
    "country_name": "C",
    "locality_name": "L",
    "state_or_province_name": "ST",
    "organization_name": "O",
    "organizational_unit_name": "OU",
    "email_address": "EMAILADDRESS",
}


def classify_subject(attributes: list[tuple[str, str]]) -> tuple[bool, str | None]:
    """(is the Android SDK debug certificate, name of the public test key it is or None).

    Compared as a set of parsed name attributes, so the order the keystore wrote them in
    (`CN=Android Debug,O=Android,C=US` or `C=US,O=Android,CN=Android Debug`) does not matter."""
    have = sorted((k, v.strip()) for k, v in attributes)
    data = load_data("test_certificates.json")
    debug = any(have == sorted(e["attributes"].items()) for e in data["debug"])
    test_key = next(
        (e["name"] for e in data["public_test_keys"] if have == sorted(e["attributes"].items())), None
    )
    return debug, test_key


def _attributes(name) -> list[tuple[str, str]]:
    out = []
    for attr in name:
        key = _OID_NAMES.get(attr.oid.dotted_string, attr.oid.dotted_string)
        out.append((key, str(attr.value)))
    return out


def load_der(der: bytes, where: str):
    from cryptography import x509

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise PackageError(f"certificate is not valid DER X.509: {exc}", where) from None


def summarize(der: bytes, where: str) -> dict:
    try:
        cert = load_der(der, where)
    except PackageError:
        return _summarize_lenient(der, where)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
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
    try:
        debug, test_key = classify_subject(_attributes(cert.subject))
    except ValueError:
        debug, test_key = False, None
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
        "debug_certificate": debug,
        "public_test_key": test_key,
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


def _summarize_lenient(der: bytes, where: str) -> dict:
    """Certificates Android accepts but `cryptography` rejects (e.g. non-DER encodings)."""
    from asn1crypto import x509 as ax509

    try:
        cert = ax509.Certificate.load(der)
        tbs = cert["tbs_certificate"]
        subject_attrs = list(tbs["subject"].native.items())
        subject = ",".join(f"{k}={v}" for k, v in reversed(subject_attrs))
        issuer = ",".join(f"{k}={v}" for k, v in reversed(list(tbs["issuer"].native.items())))
        validity = tbs["validity"]
        not_before = validity["not_before"].native.isoformat()
        not_after = validity["not_after"].native.isoformat()
        serial = format(tbs["serial_number"].native, "x")
        key_type = tbs["subject_public_key_info"].algorithm
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise PackageError(f"certificate cannot be parsed: {exc}", where) from None
    debug, test_key = classify_subject(
        [(_ASN1CRYPTO_NAMES.get(k, k), v) for k, v in subject_attrs if isinstance(v, str)]
    )
    return {
        "sha256": hashlib.sha256(der).hexdigest(),
        "sha1": hashlib.sha1(der).hexdigest(),
        "md5": hashlib.md5(der).hexdigest(),
        "subject": subject,
        "issuer": issuer,
        "serial": serial,
        "not_before": not_before,
        "not_after": not_after,
        "key_type": key_type,
        "key_bits": None,
        "self_signed": subject == issuer,
        "debug_certificate": debug,
        "public_test_key": test_key,
    }
