"""A mini-program's privacy-policy page is read into the report by the real scan (issue 20)."""

import json
import shutil

import mp_builder

from appgov.engines import apkscan


def test_the_privacy_page_of_a_mini_program(tmp_path, monkeypatch):
    project = tmp_path / "projects" / "policy_demo"
    shutil.copytree(mp_builder.PROJECTS / "clean_demo", project)
    app = json.loads((project / "app.json").read_text(encoding="utf-8"))
    app["pages"].append("pages/privacy/privacy")
    (project / "app.json").write_text(json.dumps(app, ensure_ascii=False), encoding="utf-8")
    page = project / "pages" / "privacy"
    page.mkdir(parents=True)
    (page / "privacy.wxml").write_text(
        "<view>明湖生活缴费小程序隐私政策</view><view>我们会收集您的手机号码和位置信息。</view>",
        encoding="utf-8",
    )
    (page / "privacy.js").write_text("Page({});\n", encoding="utf-8")
    monkeypatch.setattr(mp_builder, "PROJECTS", tmp_path / "projects")
    path = tmp_path / "__APP__.wxapkg"
    path.write_bytes(mp_builder.compile_project("policy_demo")["__APP__.wxapkg"])
    found = apkscan.scan_file(str(path))["privacy_policy"]
    assert found["path"].endswith("pages/privacy/privacy.wxml") and found["format"] == "wxml"
    assert "手机号码" in found["text"]
    from appgov.engines import privacy

    declared = privacy.extract(privacy.read_text(found["text"].encode(), found["path"]))
    assert {"phone_number", "location"} <= set(declared["pi_types"])
