"""A HarmonyOS package (.hap): module.json (Stage model) or config.json (FA model), Ark bytecode holding the
given strings, native libraries, any other files (resources), and optionally a HAP signing block (a PKCS#7
signature and a signed profile before the ZIP central directory)."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

DEFAULT_PERMISSIONS = (
    {"name": "ohos.permission.INTERNET"},
    {"name": "ohos.permission.APPROXIMATELY_LOCATION", "reason": "$string:loc"},
    {"name": "ohos.permission.CAMERA"},
)
DEFAULT_STRINGS = (
    "https://api.bank.example.cn/harmony",
    "http://cdn.example-bank.cn/a.js",
    "@umeng/analytics",
)


def build_hap(path: Path, **kwargs) -> Path:
    Path(path).write_bytes(hap_bytes(**kwargs))
    return Path(path)


def hap_bytes(
    *,
    bundle="cn.example.bank.harmony",
    debug=False,
    signer=None,
    profile_type="release",
    module_override: dict | None = None,
    abis=("arm64-v8a",),
    fa_model=False,
    label="示例银行",
    version_name="1.0.3",
    version_code=1000003,
    permissions=DEFAULT_PERMISSIONS,
    strings=DEFAULT_STRINGS,
    native_libs=("libentry.so",),
    files: dict[str, bytes] | None = None,
) -> bytes:
    """The bytes of a .hap. `permissions` are module.json requestPermissions entries, `strings` go into the Ark
    bytecode (URLs, module names), `native_libs` into libs/<abi>/, `files` (path: bytes) are added as they are."""
    if fa_model:
        doc = {
            "app": {
                "bundleName": bundle,
                "version": {"code": 1000000, "name": "1.0.0"},
                "apiVersion": {"compatible": 8, "target": 9},
            },
            "module": {
                "name": "entry",
                "reqPermissions": [{"name": "ohos.permission.INTERNET"}],
                "abilities": [{"name": "MainAbility", "visible": True}],
            },
        }
        manifest_name = "config.json"
    else:
        doc = {
            "app": {
                "bundleName": bundle,
                "versionCode": version_code,
                "versionName": version_name,
                "minAPIVersion": 10,
                "targetAPIVersion": 11,
                "debug": debug,
                "label": label,
            },
            "module": {
                "name": "entry",
                "type": "entry",
                "requestPermissions": [dict(p) for p in permissions],
                "abilities": [
                    {
                        "name": "EntryAbility",
                        "exported": True,
                        "skills": [{"actions": ["action.system.home"], "entities": ["entity.system.home"]}],
                    },
                    {"name": "PayAbility", "exported": True},
                    {"name": "InnerAbility", "exported": False},
                ],
                "extensionAbilities": [
                    {
                        "name": "FormAbility",
                        "type": "form",
                        "exported": True,
                        "permissions": ["ohos.permission.KEEP_BACKGROUND_RUNNING"],
                    }
                ],
            },
        }
        manifest_name = "module.json"
    if module_override:
        doc.update(module_override)
    abc = b"PANDA\x00\x00\x00" + b"\x00".join(s.encode("utf-8") for s in strings) + b"\x00"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(manifest_name, json.dumps(doc, ensure_ascii=False))
        zf.writestr("ets/modules.abc", abc)
        zf.writestr("pack.info", json.dumps({"summary": {"app": {"bundleName": bundle}}}))
        for abi in abis:
            for lib in native_libs:
                zf.writestr(
                    f"libs/{abi}/{lib}", b"\x7fELF\x02\x01\x01" + b"\x00" * 57 + lib.encode() + b"\x00"
                )
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    data = buf.getvalue()
    if signer is not None:
        data = _insert_hap_signing_block(data, signer, bundle, profile_type)
    return data


def _insert_hap_signing_block(data: bytes, signer, bundle: str, profile_type: str) -> bytes:
    cert, key = signer
    eocd = data.rfind(b"PK\x05\x06")
    (cd_offset,) = struct.unpack_from("<I", data, eocd + 16)
    profile_json = json.dumps(
        {
            "version-name": "2.0.0",
            "type": profile_type,
            "app-distribution-type": "app_gallery",
            "bundle-info": {"bundle-name": bundle, "developer-id": "1234567890"},
        }
    ).encode()
    profile = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(profile_json)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    signature = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(hashlib.sha256(data[:cd_offset]).digest())
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    sub_blocks = [(0x20000000, signature), (0x20000002, profile)]
    heads, payload = b"", b""
    head_size = 12 * len(sub_blocks)
    for typ, blob in sub_blocks:
        heads += struct.pack("<III", typ, len(blob), head_size + len(payload))
        payload += blob
    body = heads + payload
    footer = struct.pack("<IQ", len(sub_blocks), len(body) + 32) + b"HAP Sig Block 42" + struct.pack("<I", 3)
    block = body + footer
    out = bytearray(data[:cd_offset] + block + data[cd_offset:])
    struct.pack_into("<I", out, eocd + len(block) + 16, cd_offset + len(block))
    return bytes(out)
