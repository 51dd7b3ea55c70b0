"""The privacy policy a package carries is read into the report, with a size bound (issue 20)."""

from appgov.engines import apkscan
from appgov.engines.apkscan import policy_asset
from appgov.engines.packagebuild import build_hap, pack_wxapkg

POLICY = "<html><body><h1>隐私政策</h1><p>我们会收集您的手机号码。</p></body></html>"


def test_a_hap_carrying_its_policy(tmp_path):
    hap = build_hap(
        tmp_path / "a.hap",
        files={
            "resources/rawfile/privacy_policy.html": POLICY.encode("utf-8"),
            "resources/rawfile/privacy_settings.html": b"<p>switches</p>",  # a settings page, not the policy
        },
    )
    found = apkscan.scan_file(str(hap))["privacy_policy"]
    assert found["path"] == "resources/rawfile/privacy_policy.html"
    assert found["format"] == "html" and found["text"] == POLICY and len(found["sha256"]) == 64


def test_gb18030_text_is_decoded(tmp_path):
    hap = build_hap(
        tmp_path / "b.hap",
        files={"resources/rawfile/yinsi.txt": "隐私政策：我们收集姓名。".encode("gb18030")},
    )
    assert apkscan.scan_file(str(hap))["privacy_policy"]["text"] == "隐私政策：我们收集姓名。"


def test_no_policy_and_a_policy_over_the_bound(tmp_path):
    assert apkscan.scan_file(str(build_hap(tmp_path / "c.hap")))["privacy_policy"] is None
    big = b"<p>" + b"x" * (policy_asset.MAX_POLICY_BYTES + 1) + b"</p>"
    found = apkscan.scan_file(
        str(build_hap(tmp_path / "d.hap", files={"resources/rawfile/privacy.html": big}))
    )["privacy_policy"]
    assert found["too_large"] and "text" not in found and found["size"] > policy_asset.MAX_POLICY_BYTES


def test_a_mini_program_privacy_page():
    names = {
        "/pages/index/index.wxml": b"<view>hi</view>",
        "/pages/privacy/privacy.wxml": "<view>隐私政策</view>".encode(),
    }
    files = {n.lstrip("/"): d for n, d in names.items()}
    pkg = pack_wxapkg(files)
    assert pkg[:1] == b"\xbe"
    found = policy_asset.find_policy(list(names), lambda n: len(names[n]), lambda n: names[n])
    assert found["path"] == "/pages/privacy/privacy.wxml" and found["format"] == "wxml"


def test_the_entry_module_of_a_harmonyos_app_bundle(tmp_path):
    import io
    import zipfile

    from appgov.engines.packagebuild import hap_bytes

    entry = hap_bytes(files={"resources/rawfile/privacy.html": POLICY.encode("utf-8")})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("entry-default.hap", entry)
        zf.writestr("feature-pay.hap", hap_bytes(bundle="cn.example.bank.harmony"))
        zf.writestr("pack.info", "{}")
    bundle = tmp_path / "bank.app"
    bundle.write_bytes(buf.getvalue())
    found = apkscan.scan_file(str(bundle))["privacy_policy"]
    assert found["path"] == "entry-default.hap!resources/rawfile/privacy.html" and found["text"] == POLICY
