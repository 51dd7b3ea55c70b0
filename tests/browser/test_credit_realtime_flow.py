"""A suspicious credit query reaches the credit officer's page within one cycle, in a real browser: the core
banking feed pushes a batch to the ingest API (token), the worker runs one real-time cycle, and the officer's
page shows the alert with the branch and the rule in words and the count on the navigation bar."""

import datetime
import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ingested_suspicious_query_shows_as_an_alert_within_one_cycle(browser, live_server, world, password):
    from rest_framework.authtoken.models import Token

    from appgov.core.jobs import run_periodic_job

    base = live_server.url
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{base}/login/")
    page.fill("#id_username", "alpha_credit_officer")
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/credit/alerts/")
    assert page.locator("#alerts .alert-row").count() == 0
    assert page.locator("#nav-credit-alerts").count() == 0

    # the core-banking feed pushes a batch: a query by an account the credit system does not know (Q05)
    token = Token.objects.create(user=world.a.users["credit_officer"])
    ts = (datetime.datetime.now() - datetime.timedelta(minutes=2)).strftime("%Y-%m-%d %H:%M:%S")
    batch = {
        "batch_id": "core-banking-0001",
        "events": [
            {
                "event_id": "RT-1",
                "ts": ts,
                "operator_id": "GHOST-7",
                "branch_id": "BIZ",
                "subject_id": "S-100",
                "reason_code": "本人查询",
                "channel": "counter",
                "terminal_id": "T1",
                "ip": "10.0.0.7",
                "product": "personal",
            }
        ],
    }
    answer = page.request.post(
        f"{base}/api/credit/log-files/events/",
        data=json.dumps(batch, ensure_ascii=False),
        headers={"Authorization": f"Token {token.key}", "Content-Type": "application/json"},
    )
    assert answer.status == 201, answer.text()

    # one cycle, as the worker runs it when the scheduler enqueues the periodic job
    summary = run_periodic_job.call("credit.realtime_cycle")
    assert "1 cycles" in summary, summary

    page.reload()
    rows = page.locator("#alerts .alert-row")
    texts = rows.all_inner_texts()
    q05 = [t for t in texts if "Q05" in t]
    assert len(q05) == 1, texts
    assert "ALPHA零售业务部" in q05[0] and "GHOST-7" in q05[0], q05  # the branch by its name
    assert "BIZ" not in q05[0].split("\t")[3]  # the branch column shows the name, not the code
    assert page.locator("#nav-credit-alerts").inner_text() == str(rows.count())
    page.locator("#nav-credit-alerts").click()
    page.wait_for_url(f"{base}/credit/alerts/")
    context.close()
