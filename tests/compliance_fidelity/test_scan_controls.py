"""Issue 13 items 1-3 and 11: scan-judged controls do not pass when the scan could not see what they ask."""

import datetime

from compliance_fixtures import make_version, result_for, today
from django.utils import timezone

from appgov.core import services as core
from appgov.ledger.models import Channel, Listing
from appgov.scanning.models import AppPrivacyInventory, ReleaseCertificate, Scan, ScanProfile

RULES = 'rule dead_code { strings: $a = "evil" condition: $a }'


def done_scan(version, findings=(), finished=None, target_os=None):
    return Scan.objects.create(
        version=version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report={"findings": list(findings), "app": {"target_os": target_os}},
        finished_at=finished or timezone.now(),
    )


def full_profile(inst, **fields):
    values = dict(institution=inst, allowed_domains=["alpha.example.cn"], check_links=True, yara_rules=RULES)
    values.update(fields)
    return ScanProfile.objects.create(**values)


# --- NFRA-07.4 ----------------------------------------------------------------------------------------------


def test_07_4_a_scan_without_allow_list_link_check_and_rules_is_not_a_pass(world):
    a = world.a
    done_scan(a.version)
    r = result_for(a.inst, "NFRA-07.4", a.version.pk)
    assert r.outcome == "evidence_needed"
    assert "域名白名单" in r.zh and "失效链接检测" in r.zh and "恶意代码规则" in r.zh
    # an empty allow-list is not "no allow-list needed"
    profile = full_profile(a.inst, allowed_domains=[])
    done_scan(a.version)
    r = result_for(a.inst, "NFRA-07.4", a.version.pk)
    assert r.outcome == "evidence_needed" and "域名白名单" in r.zh and "恶意代码规则" not in r.zh
    profile.allowed_domains = ["alpha.example.cn"]
    profile.save()
    # the scan predates the profile's last change: rescan
    r = result_for(a.inst, "NFRA-07.4", a.version.pk)
    assert r.outcome == "evidence_needed" and "重新扫描" in r.zh
    done_scan(a.version)
    assert result_for(a.inst, "NFRA-07.4", a.version.pk).outcome == "pass"
    # a hit still fails, whatever the profile
    hit = {"control": "NFRA-07.4", "severity": "high", "title": {"zh": "嵌入非白名单链接", "en": "link"}}
    done_scan(a.version, [hit])
    assert result_for(a.inst, "NFRA-07.4", a.version.pk).outcome == "fail"


def test_07_4_scan_older_than_the_profile_validity_stops_counting(world):
    a = world.a
    full_profile(a.inst, validity_days=90)
    done_scan(a.version)
    later = today() + datetime.timedelta(days=91)
    r = result_for(a.inst, "NFRA-07.4", a.version.pk, day=later)
    assert r.outcome == "evidence_needed" and "有效期 90 天" in r.zh


def test_07_4_the_scan_job_runs_with_the_profile_link_check_and_rules(world):
    from appgov.scanning.services import options_for

    a = world.a
    full_profile(a.inst)
    options = options_for(a.version)
    assert options.check_links is True and options.allow_domains == ["alpha.example.cn"]
    with open(options.yara_rules, encoding="utf-8") as fh:
        assert fh.read() == RULES


# --- NFRA-16.1 ----------------------------------------------------------------------------------------------


def test_16_1_no_inventory_is_not_judged(world):
    a = world.a
    done_scan(a.version)
    r = result_for(a.inst, "NFRA-16.1", a.version.pk)
    assert r.outcome == "evidence_needed" and "个人信息清单" in r.zh
    AppPrivacyInventory.objects.create(app=a.app, categories=["location"])
    assert result_for(a.inst, "NFRA-16.1", a.version.pk).outcome == "pass"


# --- NFRA-12.4 ----------------------------------------------------------------------------------------------


def test_12_4_released_android_app_without_release_certificate_fails(world):
    a = world.a  # released (in operation), android + ios, no certificate registered, no scan
    r = result_for(a.inst, "NFRA-12.4", a.app.pk)
    assert r.outcome == "fail" and "未登记发布证书" in r.zh and "android" in r.zh
    ReleaseCertificate.objects.create(app=a.app, sha256="a" * 64)
    assert result_for(a.inst, "NFRA-12.4", a.app.pk).outcome == "evidence_needed"  # no scan yet
    done_scan(a.version)
    assert result_for(a.inst, "NFRA-12.4", a.app.pk).outcome == "pass"


def test_12_4_an_ios_only_app_needs_no_android_certificate(world):
    from compliance_fixtures import make_app

    a = world.a
    ios = make_app(a, "C-124I", platforms=["ios"], android_packages=[], ios_bundle_ids=["cn.alpha.ios2"])
    assert result_for(a.inst, "NFRA-12.4", ios.pk).outcome != "fail"


# --- NFRA-10.2 per distribution platform --------------------------------------------------------------------


def listed_on(version, name, day):
    channel = core.save(Channel(institution=version.app.institution, name=name, kind="app_store"))
    return core.save(Listing(version=version, channel=channel, state="listed", listed_on=day))


def test_platform_rules_file_names_sources_and_dates():
    from appgov.scanning.platform_rules import platforms

    known = {p.id for p in platforms()}
    assert {"huawei-appgallery", "xiaomi", "oppo", "vivo", "google-play", "apple-app-store"} <= known
    for platform in platforms():
        for rule in platform.rules:
            assert rule.source and rule.since.year >= 2023


def test_10_2_judges_each_listing_against_its_own_platform(world):
    a = world.a
    Listing.objects.filter(version=a.version).delete()
    v = a.version
    done_scan(v, target_os="30")
    listed_on(v, "华为应用市场", datetime.date(2024, 3, 1))
    r = result_for(a.inst, "NFRA-10.2", a.app.pk)
    assert r.outcome == "pass" and "30≥30" in r.zh  # Google Play's 34 does not bind Huawei
    listed_on(v, "Google Play", datetime.date(2025, 1, 10))
    r = result_for(a.inst, "NFRA-10.2", a.app.pk)
    assert r.outcome == "fail" and "Google Play" in r.zh and "34" in r.zh


def test_10_2_a_platform_without_a_known_rule_is_not_a_pass(world):
    a = world.a
    Listing.objects.filter(version=a.version).delete()
    ios = make_version(a.app, "1.0.0", listed_on=False, platform="ios")
    done_scan(ios, target_os="17.0")
    listed_on(ios, "苹果 App Store", datetime.date(2025, 5, 1))
    r = result_for(a.inst, "NFRA-10.2", a.app.pk)
    assert r.outcome == "evidence_needed" and "未收录该平台的目标版本规则" in r.zh
    # a channel that matches no platform of the file is said so, too
    Listing.objects.filter(version=ios).delete()
    listed_on(a.version, "某某下载站", datetime.date(2025, 5, 1))
    done_scan(a.version, target_os="35")
    assert result_for(a.inst, "NFRA-10.2", a.app.pk).outcome == "evidence_needed"


def test_10_2_rule_in_force_depends_on_when_the_package_was_listed(world):
    from appgov.scanning.platform_rules import rules_for_channel

    class FakeChannel:
        name, operator = "小米应用商店", ""

    _platform, before = rules_for_channel(
        FakeChannel, "android", datetime.date(2023, 12, 1), datetime.date(2026, 1, 1)
    )
    _platform, after = rules_for_channel(
        FakeChannel, "android", datetime.date(2024, 1, 4), datetime.date(2026, 1, 1)
    )
    assert before is None and after.min_target == 30


# --- a scan that could not judge a control (mini-programs) ---------------------------------------------------


def test_a_scan_that_lists_a_control_as_not_judged_never_passes_it(world):
    a = world.a
    ReleaseCertificate.objects.create(app=a.app, sha256="a" * 64)
    scan = done_scan(a.version)
    assert result_for(a.inst, "NFRA-12.3", a.version.pk).outcome == "pass"  # a normal scan with no findings
    assert result_for(a.inst, "NFRA-12.4", a.app.pk).outcome == "pass"
    scan.report = {"findings": [], "platform_details": {"controls_not_judged": ["NFRA-12.3", "NFRA-12.4"]}}
    scan.save()
    assert result_for(a.inst, "NFRA-12.3", a.version.pk).outcome == "evidence_needed"
    assert result_for(a.inst, "NFRA-12.4", a.app.pk).outcome == "evidence_needed"
