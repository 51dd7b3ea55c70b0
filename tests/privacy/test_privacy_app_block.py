"""Issue 20: the app's ledger page shows its privacy policies (latest per version, gaps, the upload link), and
the compliance PDF report carries a privacy section (through core.extensions.register_report_section)."""

import subprocess

from django.core.files.uploadedfile import SimpleUploadedFile
from test_privacy_module import done_scan, policy_file

from appgov.compliance.reports import pdf_bytes
from appgov.privacy import services

INCOMPLETE = "隐私政策\n生效日期：2026年1月1日\n一、收集的信息\n我们会收集您的手机号码，用于登录。\n"


def test_the_app_page_lists_the_latest_policy_of_each_version(world, login):
    a = world.a
    services.upload(a.version, policy_file(), a.office_user)
    latest = services.upload(a.version, SimpleUploadedFile("v2.txt", INCOMPLETE.encode()), a.office_user)
    url = f"{a.app.get_absolute_url()}?tab=compliance"
    page = login(a.office_user).get(url).content.decode()
    assert 'id="privacy-policies"' in page
    assert page.count('class="privacy-policy"') == 1  # the older policy of the version is not listed
    assert latest.get_absolute_url() in page and "2026-01-01" in page
    row = page.split(f'data-policy="{latest.pk}"')[1].split("</tr>")[0]
    assert f'<td class="completeness-gaps">{len(latest.completeness)}</td>' in row
    assert len(latest.completeness) >= 3
    assert "未扫描" in row  # no finished scan yet
    assert 'id="privacy-upload"' in page and 'href="/privacy/"' in page
    done_scan(a.version)
    row = login(a.office_user).get(url).content.decode().split(f'data-policy="{latest.pk}"')[1]
    found, _scan = services.gaps(latest)
    assert found and f'<td class="scan-gaps">{len(found)}</td>' in row.split("</tr>")[0]


def test_readers_see_the_block_without_the_upload_link(world, login):
    a = world.a
    services.upload(a.version, policy_file(), a.office_user)
    page = login(a.users["read_only"]).get(f"{a.app.get_absolute_url()}?tab=compliance").content.decode()
    assert 'class="privacy-policy"' in page and 'id="privacy-upload"' not in page


def pdf_text(data: bytes, tmp_path) -> str:
    """The PDF's text in reading order, without the line breaks table cells wrap at."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return (
        subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True)
        .stdout.replace("\n", "")
        .replace(" ", "")
    )


def test_the_pdf_report_has_a_privacy_section_for_an_app_with_a_policy(world, tmp_path):
    a = world.a
    assert "隐私政策" not in pdf_text(pdf_bytes(a.inst, a.app), tmp_path)  # no policy, no section
    policy = services.upload(a.version, SimpleUploadedFile("p.txt", INCOMPLETE.encode()), a.office_user)
    done_scan(a.version)
    found, _scan = services.gaps(policy)
    for app in (a.app, None):  # the app's report and the institution's
        content = pdf_text(pdf_bytes(a.inst, app), tmp_path)
        assert "、隐私政策" in content and a.app.name.replace(" ", "") in content and "2026-01-01" in content
        for missing in policy.completeness:  # each missing item with its source
            assert missing["label"]["zh"] in content
            assert missing["source"].replace(" ", "")[:12] in content
        assert found and "申请了但未声明的权限" in content and "已嵌入但未列入清单的SDK" in content
        assert all(g["label"].replace(" ", "") in content for g in found)
