"""Issue 11 item 4: evidence files are judged by their content, not by their name, with a size limit; a
refusal names the file and what was found, in the user's language, and the page and the API refuse alike
(both call compliance.services.add_evidence)."""

import datetime

import pytest
from review_files import PDF, WINDOWS_EXE, docx, image, legacy_doc, upload, xlsx, zip_of

from appgov.compliance import evidence_files, services
from appgov.compliance.models import Evidence
from appgov.core.models import ChangeLogEntry

CONTROL = "NFRA-05.3"


def _add(world, name, content):
    a = world.a
    return services.add_evidence(
        a.inst,
        CONTROL,
        "app",
        a.app.pk,
        name,
        datetime.date(2026, 3, 1),
        a.users["app_owner"],
        upload(name, content),
    )


@pytest.mark.parametrize(
    "name,content,kind",
    [
        ("评估报告.pdf", PDF, "pdf"),
        ("截图.png", image("PNG"), "png"),
        ("照片.jpg", image("JPEG"), "jpeg"),
        ("动图.gif", image("GIF"), "gif"),
        ("截图.webp", image("WEBP"), "webp"),
        ("台账.xlsx", xlsx(), "office"),
        ("方案.docx", docx(), "office"),
        ("旧版方案.doc", legacy_doc(), "legacy_office"),
        ("材料.zip", zip_of({"报告.pdf": PDF, "图/截图.png": image("PNG"), "台账.xlsx": xlsx()}), "zip"),
        # the name does not matter: a PDF called .txt is still a PDF
        ("named-wrong.txt", PDF, "pdf"),
    ],
)
def test_allowed_kinds_are_recognised_by_content(world, name, content, kind):
    assert evidence_files.check_file(upload(name, content)) == kind
    stored = _add(world, name, content)
    assert stored.file.read() == content


@pytest.mark.parametrize(
    "name,content,found",
    [
        ("坏文件.pdf", WINDOWS_EXE.read_bytes(), "Windows 可执行程序"),
        ("report.pdf", "这只是一段文字".encode(), "纯文本"),
        ("page.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "HTML、XML 或 SVG 文档"),
        ("run.pdf", b"#!/bin/sh\nrm -rf /\n", "脚本文件"),
        ("empty.pdf", b"", "空文件"),
        ("blob.pdf", bytes(range(128, 160)), "无法识别的内容"),
        ("broken.zip", b"PK\x03\x04" + bytes(40), "损坏的 ZIP 文件"),
    ],
)
def test_anything_else_is_refused_naming_the_file_and_what_it_is(world, name, content, found):
    before = (Evidence.objects.count(), ChangeLogEntry.objects.count())
    with pytest.raises(Exception) as refused:
        _add(world, name, content)
    message = " ".join(refused.value.message_dict["file"])
    assert f"不接受“{name}”" in message and found in message and "PDF 文档" in message
    assert (Evidence.objects.count(), ChangeLogEntry.objects.count()) == before


def test_an_archive_is_refused_for_one_bad_member_naming_it(world):
    bad = zip_of({"报告.pdf": PDF, "工具/安装.exe": WINDOWS_EXE.read_bytes()})
    with pytest.raises(Exception) as refused:
        _add(world, "材料.zip", bad)
    assert "材料.zip → 工具/安装.exe" in str(refused.value) and "Windows 可执行程序" in str(refused.value)
    nested = zip_of({"内层.zip": zip_of({"报告.pdf": PDF})})
    with pytest.raises(Exception, match="压缩包内嵌套的压缩包"):
        _add(world, "套娃.zip", nested)
    with pytest.raises(Exception, match="空压缩包"):
        _add(world, "空.zip", zip_of({}))


def test_an_archive_too_large_unpacked_is_refused_before_it_is_read(world, settings):
    settings.APPGOV_MAX_EVIDENCE_BYTES = 100_000
    # 2 MB of zeros deflate to a few kilobytes: small to upload, 20 times the limit once unpacked
    bomb = zip_of({"零.pdf": b"%PDF-1.4\n" + bytes(2_000_000)})
    assert len(bomb) < 100_000
    with pytest.raises(Exception, match="解压后过大"):
        _add(world, "bomb.zip", bomb)


def test_size_limit_is_a_setting_with_a_default(world, settings):
    assert evidence_files.DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    del settings.APPGOV_MAX_EVIDENCE_BYTES
    assert evidence_files.max_bytes() == 20 * 1024 * 1024
    settings.APPGOV_MAX_EVIDENCE_BYTES = 1024 * 1024
    big = PDF + bytes(1024 * 1024)
    with pytest.raises(Exception) as refused:
        _add(world, "大文件.pdf", big)
    assert "“大文件.pdf”大小为 1.0 MB，证明材料文件不得超过 1.0 MB" in str(refused.value)


def test_the_page_refuses_a_windows_program_titled_bad_file(world, login):
    """The pilot's case: a Windows .exe titled 坏文件 made NFRA-05.4 compliant."""
    a = world.a
    url = "/compliance/controls/NFRA-05.4/"
    response = login(a.users["app_owner"]).post(
        url,
        {
            "subject": f"app:{a.app.pk}",
            "title": "坏文件",
            "effective_on": "2026-03-01",
            "file": upload("坏文件.exe", WINDOWS_EXE.read_bytes(), "application/pdf"),
        },
        follow=True,
    )
    errors = [m.message for m in response.context["messages"] if m.level_tag == "error"]
    assert any("不接受“坏文件.exe”：该文件是Windows 可执行程序" in e for e in errors), errors
    assert not Evidence.objects.filter(title="坏文件").exists()


def test_the_api_refuses_it_the_same_way_in_english(world, api):
    a = world.a
    response = api(a.users["app_owner"]).post(
        "/api/compliance/evidence/",
        {
            "control_id": "NFRA-05.4",
            "subject_type": "app",
            "subject_id": a.app.pk,
            "title": "坏文件",
            "effective_on": "2026-03-01",
            "file": upload("坏文件.exe", WINDOWS_EXE.read_bytes(), "application/pdf"),
        },
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert "“坏文件.exe” is not accepted: it is a Windows program (executable)." in body["errors"]["file"][0]
    assert not Evidence.objects.filter(title="坏文件").exists()
