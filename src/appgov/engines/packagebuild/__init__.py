"""Real packages built in pure Python, with no Android or HarmonyOS tools: a HarmonyOS .hap (module.json, Ark
bytecode strings, native libraries, resources, a HAP signing block) and a WeChat .wxapkg. The demo feeds them
through the real scanner (privacy/demo) and the engine tests use the same builders."""

from .certs import cert_sha256, make_cert
from .hap import build_hap, hap_bytes
from .wxapkg import pack_wxapkg

__all__ = ["build_hap", "cert_sha256", "hap_bytes", "make_cert", "pack_wxapkg"]
