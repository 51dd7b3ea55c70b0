"""Human-readable summary of a report (for `appgov scan --format text`)."""

from __future__ import annotations


def to_text(report: dict) -> str:
    app, sig, net, hard = report["app"], report["signing"], report["network"], report["hardening"]
    lines = [
        f"文件 File: {report['file']['name']}  {report['file']['size']} bytes  sha256 {report['file']['sha256']}",
        f"平台 Platform: {report['platform']}",
        f"应用 App: {app['id']}  {app.get('name') or ''}  version {app.get('version_name')} ({app.get('version_code')})"
        f"  min {app.get('min_os')} target {app.get('target_os')}",
        f"签名 Signing: schemes {', '.join(sig['schemes']) or 'none'}; verified {sig['verified']}; "
        f"release cert match {sig['matches_release_cert']}",
    ]
    for c in sig["certificates"]:
        lines.append(f"  cert sha256 {c['sha256']}  {c['subject']}")
    lines.append(
        f"权限 Permissions: {len(report['permissions'])} "
        f"({sum(1 for p in report['permissions'] if p['dangerous'])} dangerous)"
    )
    if report["platform"] == "wechat-miniprogram":
        from .miniprogram.text import miniprogram_lines

        lines += miniprogram_lines(report)
    lines.append(f"SDK: {len(report['sdks'])}")
    for s in report["sdks"]:
        lines.append(f"  {s['id']}: {s.get('name_zh') or s['name']} ({s['vendor']}, {s['category']})")
    lines.append(
        f"加固 Hardening: packers {[p['name'] for p in hard['packers']] or 'none'}; "
        f"obfuscation {hard['obfuscators'] or 'none'}"
    )
    lines.append(
        f"网络 Network: cleartext {net['cleartext_permitted']}; user CA {net['user_ca_trusted']}; "
        f"pinning {net['pinning_present']}; http URLs {net['http_url_count']}"
    )
    lines.append(f"URLs: {len(report['urls'])}; secrets: {len(report['secrets'])}")
    for d in report.get("deep_links", []):
        verified = (
            "app link (autoVerify)" if d["app_link"] else ("autoVerify" if d["auto_verify"] else "unverified")
        )
        lines.append(f"深度链接 Deep link: {d['component']} [{verified}] {', '.join(d['uris'][:3])}")
    for t in report.get("tooling", {}).get("dex", []):
        lines.append(f"编译器 Compiler: {t['file']}: {t['compiler']}")
    for n in report.get("nested", []):
        sdks = ", ".join(x["id"] for x in n.get("sdks", [])) or "none"
        lines.append(
            f"内嵌包 Nested: {n['path']} ({n['kind']}, {n['class_count']} classes, SDKs {sdks})"
            + (f" — {n['error']}" if n.get("error") else "")
        )
    for v in report.get("vulnerabilities", []):
        lines.append(f"漏洞 Advisory: {v['advisory_id']} {v['component']} ({v['version_status']})")
    lines.append(f"发现 Findings: {len(report['findings'])}")
    for f in report["findings"]:
        lines.append(
            f"  [{f['severity']}] {f['control']} {f['id']}: {f['title']['zh']} / {f['title']['en']}"
            + (f"  (fingerprint {f['fingerprint']})" if f.get("fingerprint") else "")
        )
        for e in f["evidence"][:3]:
            lines.append(f"      - {e}")
    lines.append(f"耗时 Elapsed: {report['elapsed_ms']} ms")
    return "\n".join(lines) + "\n"
