"""Build IPA test packages: real container structure, a Mach-O with a real header, load commands, sections and
an embedded code signature (CodeDirectory + CMS). The HAP builder and the certificates are in
appgov.engines.packagebuild (the demo builds its package with them too); re-exported here for the tests."""

from __future__ import annotations

import datetime
import hashlib
import plistlib
import struct
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from appgov.engines.packagebuild import build_hap, cert_sha256, make_cert

__all__ = ["build_hap", "build_ipa", "build_macho", "cert_sha256", "make_cert"]

PAGE_LOG = 12


def _pad(b: bytes, n: int = 8) -> bytes:
    return b + b"\x00" * (-len(b) % n)


def build_macho(
    classes: list[str],
    cstrings: list[str],
    dylibs: list[str],
    signer=None,
    entitlements: dict | None = None,
    identifier: str = "com.example.demo",
    encrypted: bool = False,
) -> bytes:
    """A 64-bit arm64 MH_EXECUTE image. With `signer` (cert, key) it carries a CMS-signed CodeDirectory."""
    classnames = b"".join(c.encode() + b"\x00" for c in classes)
    cstr = b"".join(s.encode() + b"\x00" for s in cstrings)
    n_sects = 2
    seg_size = 72 + 80 * n_sects
    dylib_cmds = [
        _pad(struct.pack("<IIIIII", 0xC, 0, 24, 2, 0x10000, 0x10000) + d.encode() + b"\x00") for d in dylibs
    ]
    dylib_cmds = [struct.pack("<II", 0xC, len(c)) + c[8:] for c in dylib_cmds]
    enc_cmd = struct.pack("<IIIIII", 0x2C, 24, 0, 0, 1 if encrypted else 0, 0)
    sig_cmd_size = 16 if signer else 0
    sizeofcmds = seg_size + sum(len(c) for c in dylib_cmds) + len(enc_cmd) + sig_cmd_size
    ncmds = 1 + len(dylib_cmds) + 1 + (1 if signer else 0)
    header_size = 32
    data_off = header_size + sizeofcmds
    data_off += -data_off % 16
    cls_off = data_off
    cstr_off = cls_off + len(classnames)
    end = cstr_off + len(cstr)
    sig_off = end + (-end % 16)

    def section(name: bytes, off: int, size: int) -> bytes:
        return (
            name.ljust(16, b"\x00")
            + b"__TEXT".ljust(16, b"\x00")
            + struct.pack("<QQIIIIIIII", off, size, off, 0, 0, 0, 0, 0, 0, 0)
        )

    seg = (
        struct.pack("<II", 0x19, seg_size)
        + b"__TEXT".ljust(16, b"\x00")
        + struct.pack("<QQQQIIII", 0, sig_off, 0, sig_off, 5, 5, n_sects, 0)
        + section(b"__objc_classname", cls_off, len(classnames))
        + section(b"__cstring", cstr_off, len(cstr))
    )
    cmds = seg + b"".join(dylib_cmds) + enc_cmd
    sig_blob = b""
    if signer:
        cmds += struct.pack("<IIII", 0x1D, 16, sig_off, 0)  # size patched below
    header = struct.pack("<IiiIIIII", 0xFEEDFACF, 0x0100000C, 0, 2, ncmds, sizeofcmds, 0, 0)
    body = bytearray(header + cmds)
    body += b"\x00" * (cls_off - len(body))
    body += classnames + cstr
    body += b"\x00" * (sig_off - len(body))
    if signer:
        sig_blob = _code_signature(bytes(body), sig_off, identifier, signer, entitlements)
        struct.pack_into("<I", body, header_size + len(cmds) - 4, len(sig_blob))
        # the datasize field changed: re-hash with the final load commands
        sig_blob = _code_signature(bytes(body), sig_off, identifier, signer, entitlements)
        body += sig_blob
    return bytes(body)


def _code_signature(code: bytes, code_limit: int, ident: str, signer, entitlements) -> bytes:
    page = 1 << PAGE_LOG
    hashes_ = b"".join(
        hashlib.sha256(code[i : min(i + page, code_limit)]).digest() for i in range(0, code_limit, page)
    )
    n_slots = len(hashes_) // 32
    ident_b = ident.encode() + b"\x00"
    hash_off = 44 + len(ident_b)
    cd_len = hash_off + len(hashes_)
    cd = (
        struct.pack(
            ">IIIIIIIIIBBBBI",
            0xFADE0C02,
            cd_len,
            0x20001,
            0,
            hash_off,
            44,
            0,
            n_slots,
            code_limit,
            32,
            2,
            0,
            PAGE_LOG,
            0,
        )
        + ident_b
        + hashes_
    )
    blobs = [(0, cd)]
    if entitlements is not None:
        xml = plistlib.dumps(entitlements)
        blobs.append((5, struct.pack(">II", 0xFADE7171, 8 + len(xml)) + xml))
    cert, key = signer
    cms = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(cd)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    blobs.append((0x10000, struct.pack(">II", 0xFADE0B01, 8 + len(cms)) + cms))
    index_size = 12 + 8 * len(blobs)
    offset = index_size
    index, payload = b"", b""
    for typ, blob in blobs:
        index += struct.pack(">II", typ, offset)
        payload += blob
        offset += len(blob)
    return struct.pack(">III", 0xFADE0CC0, index_size + len(payload), len(blobs)) + index + payload


def build_ipa(
    path: Path,
    *,
    bundle_id="cn.example.bank.ios",
    version="5.1.0",
    build="510",
    arbitrary_loads=True,
    signer=None,
    get_task_allow=True,
    extra_classes=(),
    cstrings=(),
    executable_bytes: bytes | None = None,
    info_overrides: dict | None = None,
) -> Path:
    info = {
        "CFBundleIdentifier": bundle_id,
        "CFBundleName": "Demo",
        "CFBundleDisplayName": "示例银行",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": build,
        "CFBundleExecutable": "Demo",
        "MinimumOSVersion": "12.0",
        "DTPlatformVersion": "17.2",
        "NSAppTransportSecurity": {
            "NSAllowsArbitraryLoads": arbitrary_loads,
            "NSExceptionDomains": {"legacy.example-bank.cn": {"NSExceptionAllowsInsecureHTTPLoads": True}},
        },
        "NSCameraUsageDescription": "扫描银行卡",
        "NSLocationWhenInUseUsageDescription": "查找附近网点",
        "NSContactsUsageDescription": "转账选择联系人",
        "CFBundleURLTypes": [{"CFBundleURLSchemes": ["examplebank", "wx1234567890abcdef"]}],
        "LSApplicationQueriesSchemes": ["weixin", "alipay"],
    }
    info.update(info_overrides or {})
    ents = {"application-identifier": f"ABCDE12345.{bundle_id}", "get-task-allow": get_task_allow}
    exe = (
        executable_bytes
        if executable_bytes is not None
        else build_macho(
            ["UMConfigure", "WXApi", "_TtC4Demo14ViewController", "BuglyConfig", *extra_classes],
            ["https://api.bank.example.cn/ios/v1", "http://legacy.example-bank.cn/notice", *cstrings],
            ["/System/Library/Frameworks/UIKit.framework/UIKit", "@rpath/UMCommon.framework/UMCommon"],
            signer=signer,
            entitlements=ents,
            identifier=bundle_id,
        )
    )
    profile = plistlib.dumps(
        {
            "Name": "Example Bank Dev",
            "TeamIdentifier": ["ABCDE12345"],
            "TeamName": "Example Bank",
            "ProvisionedDevices": ["00008030-001A2B3C4D5E6F70"],
            "ExpirationDate": datetime.datetime(2030, 1, 1),
            "Entitlements": ents,
        }
    )
    framework = build_macho(["UMCommon", "UMAnalyticsConfig"], ["https://ulogs.umeng.com/unify_logs"], [])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Payload/Demo.app/Info.plist", plistlib.dumps(info, fmt=plistlib.FMT_BINARY))
        zf.writestr("Payload/Demo.app/Demo", exe)
        zf.writestr(
            "Payload/Demo.app/embedded.mobileprovision", b"0\x82CMS-wrapper" + profile + b"\x00trailer"
        )
        zf.writestr("Payload/Demo.app/Frameworks/UMCommon.framework/UMCommon", framework)
        zf.writestr(
            "Payload/Demo.app/Frameworks/UMCommon.framework/Info.plist",
            plistlib.dumps({"CFBundleIdentifier": "com.umeng.common"}),
        )
    return path
