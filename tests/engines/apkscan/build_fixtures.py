"""Build real, signed test APKs from the smali / resource sources under fixtures/android/.

Tools (Debian packages): aapt, smali (libsmali-java), zipalign, apksigner, keytool (default-jdk-headless),
android-framework-res. Outputs are cached in a directory keyed by a hash of the sources, so repeated
test runs reuse them.

    python tests/engines/apkscan/build_fixtures.py OUT_DIR
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "fixtures" / "android"
FRAMEWORK = Path("/usr/share/android-framework-res/framework-res.apk")
TOOLS = ("aapt", "zipalign", "apksigner", "keytool", "java")
KEY_PASS = "fixture-pass"
KEYS = {
    "release": "CN=Example Bank Release, O=Example Bank, C=CN",
    "other": "CN=Repackager, O=Unknown, C=CN",
    # the debug key with its attributes in the order most debug keystores write them
    "debug_reordered": "C=US, O=Android, CN=Android Debug",
    # the subject of the AOSP build test keys (testkey / platform / shared / media)
    "aosp_test": "EMAILADDRESS=android@android.com, CN=Android, OU=Android, O=Android, L=Mountain View, "
    "ST=California, C=US",
}


def missing_tools() -> list[str]:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if not FRAMEWORK.exists():
        missing.append(str(FRAMEWORK) + " (android-framework-res)")
    if shutil.which("smali") is None and not Path("/usr/share/java/smali.jar").exists():
        missing.append("smali (libsmali-java)")
    return missing


def sources_hash() -> str:
    h = hashlib.sha256()
    for p in sorted(SOURCES.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(SOURCES)).encode())
            h.update(p.read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def _run(cmd: list[str], cwd: Path | None = None) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


def elf_stub(soname: str, strings: list[str], machine: int = 40, is64: bool = False) -> bytes:
    """A small ELF shared-object image with a real header and a string table (never executed)."""
    payload = b"\x00".join(s.encode() for s in [soname, *strings]) + b"\x00"
    if is64:
        ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + b"\x00" * 8
        header = ident + struct.pack("<HHIQQQIHHHHHH", 3, machine, 1, 0, 0, 0, 0, 64, 56, 0, 64, 0, 0)
    else:
        ident = b"\x7fELF" + bytes([1, 1, 1, 0]) + b"\x00" * 8
        header = ident + struct.pack("<HHIIIIIHHHHHH", 3, machine, 1, 0, 0, 0, 0, 52, 32, 0, 40, 0, 0)
    return header + payload


def _pkcs8_pem() -> bytes:
    """A freshly generated (throw-away) RSA private key in PEM, as apps wrongly ship them."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _smali(out_dex: Path, dirs: list[Path]) -> None:
    if shutil.which("smali"):
        cmd = ["smali", "assemble", "-o", str(out_dex)]
    else:
        cmd = ["java", "-jar", "/usr/share/java/smali.jar", "assemble", "-o", str(out_dex)]
    _run(cmd + [str(d) for d in dirs])


def _keystore(work: Path, name: str) -> Path:
    ks = work / f"{name}.jks"
    if not ks.exists():
        _run(
            [
                "keytool",
                "-genkeypair",
                "-keystore",
                str(ks),
                "-storepass",
                KEY_PASS,
                "-keypass",
                KEY_PASS,
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "3650",
                "-dname",
                KEYS[name],
                "-storetype",
                "PKCS12",
            ]
        )
    return ks


def _build_apk(
    work: Path,
    name: str,
    smali_dirs: list[Path],
    extra: dict[str, bytes],
    key: str,
    out: Path,
    schemes: tuple[str, ...] = ("v1", "v2", "v3"),
) -> None:
    src = SOURCES / name
    unsigned = work / f"{name}-unsigned.apk"
    _run(
        [
            "aapt",
            "package",
            "-f",
            "-M",
            str(src / "AndroidManifest.xml"),
            "-S",
            str(src / "res"),
            "-I",
            str(FRAMEWORK),
            "-F",
            str(unsigned),
        ]
    )
    dex = work / f"{name}-classes.dex"
    _smali(dex, smali_dirs)
    with zipfile.ZipFile(unsigned, "a") as zf:
        zf.write(dex, "classes.dex", compress_type=zipfile.ZIP_DEFLATED)
        for arcname, data in extra.items():
            method = zipfile.ZIP_STORED if arcname.endswith(".so") else zipfile.ZIP_DEFLATED
            zf.writestr(zipfile.ZipInfo(arcname, date_time=(2024, 1, 1, 0, 0, 0)), data, compress_type=method)
    aligned = work / f"{name}-aligned.apk"
    _run(["zipalign", "-f", "-p", "4", str(unsigned), str(aligned)])
    ks = _keystore(work, key)
    flags = []
    for s in ("v1", "v2", "v3"):
        flags += [f"--{s}-signing-enabled", "true" if s in schemes else "false"]
    _run(
        [
            "apksigner",
            "sign",
            "--ks",
            str(ks),
            "--ks-pass",
            f"pass:{KEY_PASS}",
            "--ks-key-alias",
            key,
            "--key-pass",
            f"pass:{KEY_PASS}",
            *flags,
            "--out",
            str(out),
            str(aligned),
        ]
    )


def build_all(out_dir: Path) -> dict[str, Path]:
    """Build (or reuse) every fixture APK; returns name -> path."""
    out_dir = Path(out_dir)
    target = out_dir / sources_hash()
    names = {
        "sdk_app": target / "sdk_app.apk",
        "sdk_app_other_key": target / "sdk_app_other_key.apk",
        "packed_app": target / "packed_app.apk",
        "sdk_app_v1_only": target / "sdk_app_v1_only.apk",
        "sdk_app_debug_key": target / "sdk_app_debug_key.apk",
        "sdk_app_aosp_test_key": target / "sdk_app_aosp_test_key.apk",
        "depth_app": target / "depth_app.apk",
    }
    if all(p.exists() for p in names.values()):
        return names
    work = target / "work"
    work.mkdir(parents=True, exist_ok=True)
    sdk_libs = {
        "lib/armeabi-v7a/libBugly.so": elf_stub("libBugly.so", ["bugly native crash handler"]),
        "lib/armeabi-v7a/libjcore220.so": elf_stub("libjcore220.so", ["https://sdk.jpush.cn/v1/config"]),
        "assets/config/app.json": b'{"endpoint": "http://insecure.example-bank.cn/config", '
        b'"maps_key": "AIzaSyA1234567890abcdefghijklmnopqrstuv"}',
    }
    sdk_dirs = [SOURCES / "sdk_app" / "smali", SOURCES / "sdk_smali"]
    _build_apk(work, "sdk_app", sdk_dirs, sdk_libs, "release", names["sdk_app"])
    _build_apk(work, "sdk_app", sdk_dirs, sdk_libs, "other", names["sdk_app_other_key"])
    _build_apk(work, "sdk_app", sdk_dirs, sdk_libs, "release", names["sdk_app_v1_only"], schemes=("v1",))
    _build_apk(work, "sdk_app", sdk_dirs, sdk_libs, "debug_reordered", names["sdk_app_debug_key"])
    _build_apk(work, "sdk_app", sdk_dirs, sdk_libs, "aosp_test", names["sdk_app_aosp_test_key"])
    payload_dex = work / "payload.dex"
    _smali(payload_dex, [SOURCES / "sdk_smali"])
    depth_extra = {
        "assets/plugin.apk": names["sdk_app"].read_bytes(),
        "res/raw/payload.dex": payload_dex.read_bytes(),
        "assets/keys/client.pem": _pkcs8_pem(),
    }
    _build_apk(
        work, "depth_app", [SOURCES / "depth_app" / "smali"], depth_extra, "release", names["depth_app"]
    )
    packed_libs = {
        "lib/armeabi-v7a/libjiagu.so": elf_stub("libjiagu.so", ["ptrace", "TracerPid"]),
        "lib/arm64-v8a/libjiagu_a64.so": elf_stub("libjiagu_a64.so", ["ptrace"], machine=183, is64=True),
        "assets/libjiagu.so": elf_stub("libjiagu.so", []),
    }
    _build_apk(
        work, "packed_app", [SOURCES / "packed_app" / "smali"], packed_libs, "release", names["packed_app"]
    )
    # certificate fingerprints for the tests
    for key in KEYS:
        ks = _keystore(work, key)
        proc = subprocess.run(
            ["keytool", "-exportcert", "-keystore", str(ks), "-storepass", KEY_PASS, "-alias", key],
            capture_output=True,
            timeout=120,
            check=True,
        )
        (target / f"{key}.cert.der").write_bytes(proc.stdout)
    for p in work.glob("*-unsigned.apk"):
        p.unlink()
    return names


if __name__ == "__main__":
    missing = missing_tools()
    if missing:
        sys.exit(f"missing tools: {', '.join(missing)}")
    out = (
        Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TMPDIR", "/tmp"))
        / "appgov-apkscan-fixtures"
    )
    for name, path in build_all(out).items():
        print(name, path)
