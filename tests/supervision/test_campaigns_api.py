"""Issue 19: campaigns, their results and findings, rectification decisions and measures through the API, on the
same services as the pages: the office plans, records and issues; the issued finding reaches the institution; the
office decides the rectification; only the office head records a measure; institutions see none of it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.compliance import findings
from appgov.compliance.models import Finding

BASE = "/api/supervision"


def test_a_campaign_planned_issued_and_decided_through_the_api(world, api, head_in):
    examiner = api(world.reg_in)
    answer = examiner.post(
        f"{BASE}/campaigns/",
        {"code": "API-PT-1", "title": "接口渗透测试", "kind": "penetration", "period_start": "2026-03-01",
         "period_end": "2026-03-31", "institutions": [world.b.inst.pk], "apps": [world.b.app.pk]},
        format="json",
    )  # fmt: skip
    assert answer.status_code == 201, answer.content
    campaign = answer.json()["id"]
    assert answer.json()["status"] == "planned"
    # an app outside the institutions in scope is refused, naming the field
    bad = examiner.patch(f"{BASE}/campaigns/{campaign}/", {"apps": [world.a.app.pk]}, format="json")
    assert bad.status_code == 400 and "apps" in str(bad.content)

    # issuing before a result for every app in scope is refused
    assert examiner.post(f"{BASE}/campaigns/{campaign}/issue/").status_code == 400
    result = examiner.post(
        f"{BASE}/campaign-results/",
        {"campaign": campaign, "app": world.b.app.pk, "outcome": "findings", "tested_on": "2026-03-05"},
        format="json",
    )
    assert result.status_code == 201, result.content
    evidence = SimpleUploadedFile("report.pdf", b"%PDF-1.4 api evidence", content_type="application/pdf")
    row = examiner.post(
        f"{BASE}/campaign-findings/",
        {"result": result.json()["id"], "title": "接口明文传输", "severity": "high", "description": "登录报文未加密",
         "evidence": evidence},
        format="multipart",
    )  # fmt: skip
    assert row.status_code == 201, row.content
    assert row.json()["has_evidence"] is True
    download = examiner.get(f"{BASE}/campaign-findings/{row.json()['id']}/evidence/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 api evidence"

    issued = examiner.post(f"{BASE}/campaigns/{campaign}/issue/")
    assert issued.status_code == 200 and issued.json()["status"] == "issued", issued.content
    # an issued campaign is kept as issued
    assert examiner.patch(f"{BASE}/campaigns/{campaign}/", {"title": "改"}, format="json").status_code == 400
    finding = Finding.objects.get(campaign_finding__pk=row.json()["id"])
    assert finding.institution_id == world.b.inst.pk

    # the institution sees none of the office's records, only the finding in its own list
    bank = api(world.b.users["app_owner"])
    for path in ("campaigns", "campaign-results", "campaign-findings", "measures", "rectification-decisions"):
        assert bank.get(f"{BASE}/{path}/").status_code == 404, path
    # a decision before the institution submitted its rectification is refused
    early = examiner.post(
        f"{BASE}/rectification-decisions/", {"finding": finding.pk, "accepted": True, "comment": "好"}, format="json"
    )
    assert early.status_code == 400
    findings.move(finding, "resolved", world.b.users["app_owner"], note="已整改")
    decided = examiner.post(
        f"{BASE}/rectification-decisions/",
        {"finding": finding.pk, "accepted": True, "comment": "整改到位"},
        format="json",
    )
    assert decided.status_code == 201, decided.content
    assert decided.json()["decision"] == "accepted"
    assert Finding.objects.get(pk=finding.pk).status == Finding.Status.VERIFIED
    # another office cannot decide a finding it did not issue
    other = api(world.reg_out).post(
        f"{BASE}/rectification-decisions/", {"finding": finding.pk, "accepted": False, "comment": "x"}, format="json"
    )
    assert other.status_code in (400, 403)
    closed = examiner.post(f"{BASE}/campaigns/{campaign}/close/")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


def test_only_the_office_head_records_a_measure_and_it_is_kept(world, api, head_in):
    data = {"institution": world.b.inst.pk, "kind": "talk", "taken_on": "2026-04-01", "summary": "监管谈话"}
    assert api(world.reg_in).post(f"{BASE}/measures/", data, format="json").status_code == 403
    head = api(head_in)
    penalty = head.post(f"{BASE}/measures/", {**data, "kind": "penalty"}, format="json")
    assert penalty.status_code == 400 and "decision_number" in str(penalty.content)
    made = head.post(f"{BASE}/measures/", data, format="json")
    assert made.status_code == 201, made.content
    assert head.delete(f"{BASE}/measures/{made.json()['id']}/").status_code == 405
    # an institution outside the office's jurisdiction is refused
    outside = head.post(f"{BASE}/measures/", {**data, "institution": world.a.inst.pk}, format="json")
    assert outside.status_code in (400, 403)
