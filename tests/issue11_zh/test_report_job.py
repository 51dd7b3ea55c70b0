"""Issue 11 item 11: the compliance PDF (14–23 s on the demo) is built by the worker, not in the request; the
page follows its progress (polled every 2 s) and offers the file when ready."""

import pytest
from django.urls import reverse

from appgov.compliance import report_jobs
from appgov.compliance.models import ReportJob
from appgov.core.models import ChangeLogEntry

pytestmark = pytest.mark.django_db


def test_the_pdf_is_built_by_the_worker_with_progress(world, login, monkeypatch):
    client = login(world.a.users["read_only"])
    response = client.post(reverse("compliance:report-request"), {"institution": world.a.inst.pk})
    job = ReportJob.objects.get(institution=world.a.inst)
    assert response.status_code == 302 and response["Location"] == reverse(
        "compliance:report-job", args=[job.pk]
    )
    assert job.status == "queued" and not job.file  # nothing built in the request
    page = client.get(response["Location"]).content.decode()
    assert "排队中" in page and 'hx-trigger="every 2s"' in page
    assert client.get(reverse("compliance:report-job-download", args=[job.pk])).status_code == 404

    job = report_jobs.build(job.pk)  # what the worker's task runs
    assert (job.status, job.progress) == ("done", 100)
    steps = [
        e.after.get("progress")
        for e in ChangeLogEntry.objects.filter(
            object_type="compliance.reportjob", object_id=str(job.pk)
        ).order_by("seq")
    ]
    assert steps == [0, 10, 40, 90, 100], steps  # each stage written while the worker goes

    status = client.get(reverse("compliance:report-job-status", args=[job.pk]), {"was": "running"})
    assert status["HX-Refresh"] == "true" and "hx-trigger" not in status.content.decode()
    download = client.get(reverse("compliance:report-job-download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_failed_build_says_so(world, login, monkeypatch):
    client = login(world.a.users["read_only"])
    client.post(reverse("compliance:report-request"), {"institution": world.a.inst.pk})
    job = ReportJob.objects.get(institution=world.a.inst)

    def broken(*args, **kwargs):
        raise RuntimeError("template missing")

    monkeypatch.setattr("appgov.compliance.reports.report_html", broken)
    job = report_jobs.build(job.pk)
    assert job.status == "failed" and "template missing" in job.error
    page = client.get(reverse("compliance:report-job", args=[job.pk])).content.decode()
    assert "template missing" in page and "hx-trigger" not in page


def test_the_dashboard_asks_the_worker(world, login):
    page = login(world.a.users["read_only"]).get("/compliance/").content.decode()
    assert f'action="{reverse("compliance:report-request")}"' in page
