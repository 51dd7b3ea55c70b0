"""A minimal DER walker for PKCS#7 / CMS SignedData (JAR signature blocks).

Only the structure needed to list certificates and verify a signer: it avoids importing a full ASN.1
library on every scan (the certificates themselves are parsed with `cryptography`). Every read is
bounds-checked; malformed input raises ValueError.
"""

from __future__ import annotations

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
DIGEST_OIDS = {
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "1.2.840.113549.2.5": "md5",
}


class TLV:
    __slots__ = ("tag", "start", "body", "end")

    def __init__(self, tag: int, start: int, body: int, end: int):
        # start: offset of the tag byte; body: of the contents; end: after the contents
        self.tag, self.start, self.body, self.end = tag, start, body, end

    def raw(self, buf: bytes) -> bytes:
        return bytes(buf[self.start : self.end])

    def content(self, buf: bytes) -> bytes:
        return bytes(buf[self.body : self.end])


def read_tlv(buf: bytes, pos: int, limit: int | None = None) -> TLV:
    limit = len(buf) if limit is None else limit
    if pos + 2 > limit:
        raise ValueError(f"DER truncated at byte {pos}")
    tag = buf[pos]
    if tag & 0x1F == 0x1F:
        raise ValueError(f"multi-byte DER tag at byte {pos}")
    first = buf[pos + 1]
    if first < 0x80:
        length, body = first, pos + 2
    else:
        n = first & 0x7F
        if n == 0 or n > 4 or pos + 2 + n > limit:
            raise ValueError(f"unsupported DER length at byte {pos}")
        length = int.from_bytes(buf[pos + 2 : pos + 2 + n], "big")
        body = pos + 2 + n
    if body + length > limit:
        raise ValueError(f"DER element at byte {pos} overruns its container")
    return TLV(tag, pos, body, body + length)


def children(buf: bytes, parent: TLV) -> list[TLV]:
    out, pos = [], parent.body
    while pos < parent.end:
        t = read_tlv(buf, pos, parent.end)
        out.append(t)
        pos = t.end
        if len(out) > 10_000:
            raise ValueError("too many DER elements")
    return out


def oid(buf: bytes, t: TLV) -> str:
    if t.tag != 0x06 or t.end == t.body:
        raise ValueError(f"expected an OID at byte {t.start}")
    data = buf[t.body : t.end]
    parts = [data[0] // 40, data[0] % 40]
    value = 0
    for b in data[1:]:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            parts.append(value)
            value = 0
    return ".".join(map(str, parts))


class SignerInfo:
    __slots__ = (
        "serial",
        "issuer_der",
        "digest",
        "signature_oid",
        "signed_attrs_der",
        "message_digest",
        "signature",
    )

    def __init__(
        self, serial, issuer_der, digest, signature_oid, signed_attrs_der, message_digest, signature
    ):
        self.serial, self.issuer_der, self.digest = serial, issuer_der, digest
        self.signature_oid = signature_oid
        self.signed_attrs_der = signed_attrs_der  # re-tagged as SET OF, ready to verify
        self.message_digest, self.signature = message_digest, signature


def parse_signed_data(buf: bytes) -> tuple[list[bytes], list[SignerInfo], bytes | None]:
    """(certificate DERs, signer infos, encapsulated content or None) of a ContentInfo/SignedData."""
    top = read_tlv(buf, 0)
    ci = children(buf, top)
    if len(ci) < 2 or oid(buf, ci[0]) != OID_SIGNED_DATA or ci[1].tag != 0xA0:
        raise ValueError("not a PKCS#7 SignedData")
    sd = read_tlv(buf, ci[1].body, ci[1].end)
    parts = children(buf, sd)
    if len(parts) < 4:
        raise ValueError("SignedData has too few fields")
    encap = children(buf, parts[2])
    content = None
    if len(encap) > 1 and encap[1].tag == 0xA0:
        inner = read_tlv(buf, encap[1].body, encap[1].end)
        content = inner.content(buf)
    certs: list[bytes] = []
    idx = 3
    if parts[idx].tag == 0xA0:
        certs = [c.raw(buf) for c in children(buf, parts[idx]) if c.tag == 0x30]
        idx += 1
    if idx < len(parts) and parts[idx].tag == 0xA1:  # CRLs
        idx += 1
    if idx >= len(parts) or parts[idx].tag != 0x31:
        raise ValueError("SignedData has no signerInfos")
    signers = [_signer(buf, s) for s in children(buf, parts[idx])]
    return certs, signers, content


def _signer(buf: bytes, si: TLV) -> SignerInfo:
    f = children(buf, si)
    if len(f) < 5:
        raise ValueError(f"SignerInfo at byte {si.start} has too few fields")
    serial = issuer = None
    if f[1].tag == 0x30:  # issuerAndSerialNumber
        ias = children(buf, f[1])
        if len(ias) == 2 and ias[1].tag == 0x02:
            issuer = ias[0].raw(buf)
            serial = int.from_bytes(buf[ias[1].body : ias[1].end], "big", signed=True)
    digest = DIGEST_OIDS.get(oid(buf, children(buf, f[2])[0]))
    i = 3
    attrs_der = md = None
    if f[i].tag == 0xA0:
        raw = f[i].raw(buf)
        attrs_der = b"\x31" + raw[1:]
        for attr in children(buf, f[i]):
            a = children(buf, attr)
            if len(a) == 2 and oid(buf, a[0]) == OID_MESSAGE_DIGEST:
                vals = children(buf, a[1])
                if vals and vals[0].tag == 0x04:
                    md = vals[0].content(buf)
        i += 1
    if i + 1 >= len(f):
        raise ValueError(f"SignerInfo at byte {si.start} lacks its signature")
    sig_oid = oid(buf, children(buf, f[i])[0])
    if f[i + 1].tag != 0x04:
        raise ValueError(f"SignerInfo at byte {si.start}: signature is not an OCTET STRING")
    return SignerInfo(serial, issuer, digest, sig_oid, attrs_der, md, f[i + 1].content(buf))
