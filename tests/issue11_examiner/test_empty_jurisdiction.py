"""Issue 11: an examiner whose office has no institution in its jurisdiction (the demo's Jiangsu office) opens
every page of the menu without an error; the compliance page says what its emptiness means and what to do."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NAV_LINK = re.compile(r'<a class="(?:nav-link|dropdown-item)[^"]*"[^>]*href="(/[^"#]*)"')


@pytest.fixture
def examiner(db, settings):
    from appgov.ledger.demo import load_demo
    from appgov.users.models import User

    settings.APPGOV_2FA_REQUIRED_ROLES = []  # the second factor has its own tests
    load_demo()
    user = User.objects.get(username="nfra_js")
    assert user.is_regulator
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    client.force_login(user)
    client.cookies["django_language"] = "zh-hans"
    return client


def menu_links(client) -> list[str]:
    html = client.get("/").content.decode()
    links = [
        h for h in dict.fromkeys(NAV_LINK.findall(html)) if not h.startswith(("/logout", "/i18n", "/static"))
    ]
    assert len(links) >= 5, links
    return links


def test_every_menu_page_answers_for_an_examiner_without_institutions(examiner):
    failed = {}
    for href in menu_links(examiner):
        response = examiner.get(href)
        if response.status_code >= 400:
            failed[href] = response.status_code
    assert not failed, failed
    # the compliance page says what its emptiness means and what to do next, in Chinese
    response = examiner.get("/compliance/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="empty-jurisdiction"' in html
    assert "辖区内" in html and "机构" in html
