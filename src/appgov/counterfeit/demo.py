"""Demo data: a small listing feed of the demo bank with a counterfeit of its 手机银行, a repackaged copy and a
false positive, swept into cases at different points of the workflow."""

import datetime

from django.utils import timezone

from appgov.core.models import Institution
from appgov.ledger.models import MobileApp
from appgov.scanning.models import ReleaseCertificate

from . import feeds, services
from .models import CounterfeitCase, SweepRun
from .sweep import sweep

DEMO_CERT = "3f1c9a7be2d84c56a0b1e9f7d2c3b4a5968776655443322110ffeeddccbbaa99"
FOREIGN_CERT = "9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877665544"


def _listings(app) -> list[dict]:
    package = app.android_packages[0]
    return [
        {
            "listing_id": "HW-10001",
            "source": "华为应用市场",
            "name": app.name,
            "package_id": package,
            "developer": "杭州明湖城市商业银行股份有限公司",
            "cert_sha256": DEMO_CERT,
            "url": "https://appgallery.example.cn/app/10001",
            "first_seen": "2025-06-01",
        },
        {
            "listing_id": "DL-88231",
            "source": "某第三方下载站",
            "name": app.name,
            "package_id": package,
            "developer": "未知",
            "cert_sha256": FOREIGN_CERT,
            "url": "https://download.example.com/soft/88231.html",
            "first_seen": "2026-01-10",
        },
        {
            "listing_id": "AZ-55120",
            "source": "某安卓市场",
            "name": "杭州明湖手机银行极速版",
            "package_id": "com.mhyh.jisu",
            "developer": "某某网络科技有限公司",
            "url": "https://android-market.example.cn/detail/55120",
            "first_seen": "2026-01-08",
        },
        {
            "listing_id": "WX-wx77aa01",
            "source": "微信小程序",
            "name": "杭州明湖景区导览",
            "package_id": "wx77aa01bb02cc03dd",
            "developer": "杭州某文旅发展有限公司",
            "first_seen": "2026-01-09",
        },
        {
            "listing_id": "AZ-60001",
            "source": "某安卓市场",
            "name": "天气通",
            "package_id": "com.weather.tong",
            "developer": "某气象科技有限公司",
            "first_seen": "2026-01-05",
        },
    ]


def _backdate(case, days):
    CounterfeitCase.objects.filter(pk=case.pk).update(
        opened_at=timezone.now() - datetime.timedelta(days=days)
    )
    case.refresh_from_db()
    return case


def load_counterfeit_demo() -> None:
    inst = Institution.objects.filter(code="HZCB").first()
    app = MobileApp.objects.filter(institution=inst, code="HZCB-001").first() if inst else None
    if app is None or not app.android_packages or CounterfeitCase.objects.filter(institution=inst).exists():
        return
    ReleaseCertificate.objects.get_or_create(app=app, sha256=DEMO_CERT, defaults={"label": "正式发布证书"})
    services.save_brand_profile(
        inst, brand_keywords=["明湖银行", "杭州明湖"], developers=["杭州明湖城市商业银行股份有限公司"]
    )
    services.save_protection(app, aliases=["明湖手机银行"])
    feeds.receive_feed(
        inst, feeds.parse_objects(_listings(app)), channel="demo", label="应用商店监测（演示数据）"
    )
    sweep(inst, SweepRun.Trigger.MANUAL)
    today = timezone.localdate()
    cases = {c.listing.listing_id: c for c in CounterfeitCase.objects.filter(institution=inst)}
    fake = cases.get("AZ-55120")
    if fake is not None:  # confirmed, clarified, reported and taken down
        fake = _backdate(fake, 12)
        on = today - datetime.timedelta(days=11)
        fake = services.move_case(fake, "confirmed_counterfeit", on=on, note="名称、图标仿冒手机银行")
        services.add_clarification(
            fake,
            published_on=on + datetime.timedelta(days=1),
            channel="官方网站、微信公众号",
            link="https://www.example.cn/notice/2026-01",
        )
        services.record_report(
            fake,
            reported_on=on + datetime.timedelta(days=2),
            reference="明湖银发〔2026〕3号",
            summary="发现仿冒我行手机银行的应用一款，已申请下架。",
        )
        fake = services.move_case(
            fake,
            "takedown_requested",
            on=on + datetime.timedelta(days=1),
            platform="某安卓市场",
            reference="TS-2026-0117",
        )
        services.move_case(fake, "taken_down", on=on + datetime.timedelta(days=4))
    repack = cases.get("DL-88231")
    if repack is not None:  # confirmed 10 days ago, takedown requested, report still missing: overdue
        repack = _backdate(repack, 11)
        repack = services.move_case(repack, "confirmed_repackaged", on=today - datetime.timedelta(days=10))
        services.move_case(
            repack,
            "takedown_requested",
            on=today - datetime.timedelta(days=9),
            platform="某第三方下载站",
            reference="邮件 2026-01-12",
        )
    tourist = cases.get("WX-wx77aa01")
    if tourist is not None:
        services.move_case(
            tourist, "false_positive", note="景区导览小程序，与我行无关，品牌词「杭州明湖」为地名。"
        )
