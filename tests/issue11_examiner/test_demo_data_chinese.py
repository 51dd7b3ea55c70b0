"""Issue 11: data shown on zh-CN pages is Chinese even when it was written by an English session. The demo
loaded under English writes its titles and names in Chinese (it is a Chinese bank's data); names the system
makes from codes and dates (an evaluation, a submission) are put in the reader's language when the change log
shows them."""

import re

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(r"Annual package|Evaluation of|Special audit after")


def zh_client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    client.force_login(user)
    client.cookies["django_language"] = "zh-hans"
    return client


def test_demo_loaded_in_english_reads_chinese_and_system_names_follow_the_reader(settings):
    from appgov.compliance.evaluation import evaluate
    from appgov.core.models import ChangeLogEntry, Institution
    from appgov.ledger.demo import load_demo
    from appgov.risk.models import AuditEngagement
    from appgov.users.models import User

    settings.APPGOV_2FA_REQUIRED_ROLES = []
    with translation.override("en"):
        load_demo()
        # an evaluation run from an English session after the demo: its change-log name is made in English
        evaluate(Institution.objects.get(code="HZCB"))
    titles = list(AuditEngagement.objects.values_list("title", flat=True))
    assert titles and not [t for t in titles if ENGLISH.search(t)], titles
    assert any("专项审计" in t for t in titles), titles
    stored = list(
        ChangeLogEntry.objects.filter(object_type="compliance.evaluation").values_list(
            "object_repr", flat=True
        )
    )
    assert any(r.startswith("Evaluation of") for r in stored), stored  # the log keeps what was written

    admin = zh_client(User.objects.get(username="bank_admin"))
    pages = [admin.get("/changelog/"), admin.get("/changelog/", {"q": "2026"})]
    entry = ChangeLogEntry.objects.filter(object_type="compliance.evaluation").order_by("-seq").first()
    pages.append(admin.get(f"/changelog/{entry.seq}/"))
    examiner = zh_client(User.objects.get(username="nfra_zj"))
    pages.append(examiner.get("/changelog/"))
    for response in pages:
        assert response.status_code == 200
        html = response.content.decode()
        assert not ENGLISH.search(html), ENGLISH.findall(html)
    assert "的合规评估" in pages[2].content.decode()
    # in English the same entry reads English
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    english.force_login(User.objects.get(username="bank_admin"))
    english.cookies["django_language"] = "en"
    assert "Evaluation of" in english.get(f"/changelog/{entry.seq}/").content.decode()
