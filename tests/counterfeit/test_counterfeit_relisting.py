"""A feed is not a full snapshot of a store: a listing absent from it is not re-listed, and a feed never
reopens, clears or re-targets a judged case. A re-listing (the taken-down listing in a feed received after
the takedown day) opens a new case linked to the closed one; a false-positive judgement sticks to the
listing while its key facts (name, package, developer, certificate) stay the same (issue 11, item 2)."""

import datetime

import pytest
from counterfeit_fixtures import a_feed_rows, jsonl, listing
from django.utils import timezone

from appgov.core.changelog import snapshot
from appgov.counterfeit import feeds, selectors, services
from appgov.counterfeit.models import CounterfeitCase, SweepRun
from appgov.counterfeit.sweep import sweep

TODAY = timezone.localdate()


def _days_ago(n):
    return TODAY - datetime.timedelta(days=n)


def _first_case(world, listing_id):
    return CounterfeitCase.objects.get(
        institution=world.a.inst, listing__listing_id=listing_id, previous_case=None
    )


def _take_down(world, listing_id, confirmed_days_ago, down_days_ago, *, report=True):
    case = _first_case(world, listing_id)
    CounterfeitCase.objects.filter(pk=case.pk).update(
        opened_at=timezone.now() - datetime.timedelta(days=confirmed_days_ago + 1)
    )
    case.refresh_from_db()
    sec, office = world.a.users["security"], world.a.users["governance_office"]
    case = services.move_case(
        case, "confirmed_counterfeit", sec, on=_days_ago(confirmed_days_ago), note="仿冒我行手机银行"
    )
    if report:
        services.record_report(case, office, reported_on=_days_ago(confirmed_days_ago), reference="R-1")
    case = services.move_case(
        case, "takedown_requested", sec, on=_days_ago(confirmed_days_ago), reference=f"TD-{listing_id}"
    )
    return services.move_case(case, "taken_down", sec, on=_days_ago(down_days_ago), note="平台已下架")


def _feed(world, rows, label):
    return feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label=label)


def _state(case):
    case.refresh_from_db()
    return snapshot(case)


@pytest.fixture
def judged(swept):
    """Two cases taken down (one never reported, so overdue), one judged a false positive."""
    world = swept
    fake = _take_down(world, "L-FAKE", confirmed_days_ago=30, down_days_ago=20)
    repack = _take_down(world, "L-REPACK", confirmed_days_ago=30, down_days_ago=25, report=False)
    tool = services.move_case(
        _first_case(world, "L-TOOL"),
        "false_positive",
        world.a.users["security"],
        note="计算器工具，与我行无关",
    )
    return world, fake, repack, tool


def _register_an_app_like_the_tool(world):
    """A's ledger gains an app named like the dismissed tool listing: the next sweep screens every listing
    again (the protected apps changed), and the tool listing now alerts against that app, not the first."""
    from appgov.core import services as core
    from appgov.ledger.models import MobileApp

    app = world.a.app
    return core.save(
        MobileApp(
            institution=world.a.inst,
            code="A-CALC",
            name="ALPHA计算器",
            kind="app",
            platforms=["android"],
            android_packages=["cn.alpha.calc"],
            managing_department=app.managing_department,
            responsible_person=app.responsible_person,
            data_owner_department=app.data_owner_department,
        )
    )


def test_a_feed_without_the_listings_changes_no_case_and_not_the_overdue_count(judged):
    world, fake, repack, tool = judged
    before = {c.pk: _state(c) for c in (fake, repack, tool)}
    overdue_before = selectors.overdue_cases(world.reg_hq, TODAY).count()
    assert overdue_before == 2  # neither clarified, one never reported
    calc = _register_an_app_like_the_tool(world)
    rows = [
        listing("N-1", "天气通", "com.weather.tong", "气象公司"),
        listing("N-2", "记账本", "com.note.book", "工具公司"),
        listing("N-3", "ALPHA手机银行", "cn.alpha.mobile", "ALPHA金融机构", "a" * 64, source="华为应用市场"),
    ]
    _feed(world, rows, "three rows")
    run = sweep(world.a.inst, SweepRun.Trigger.FEED)
    assert run.status == "done" and run.rescreened_all
    assert {c.pk: _state(c) for c in (fake, repack, tool)} == before
    assert run.alerts == 3  # they still alert, L-TOOL now against the new app
    assert (
        CounterfeitCase.objects.filter(listing__listing_id__in=["L-FAKE", "L-REPACK", "L-TOOL"]).count() == 3
    )
    assert not CounterfeitCase.objects.filter(app=calc).exists()
    assert selectors.overdue_cases(world.reg_hq, TODAY).count() == overdue_before


def test_a_relisting_is_a_new_case_linked_to_the_closed_one(judged):
    world, fake, repack, tool = judged
    before = _state(fake)
    feed = _feed(world, a_feed_rows(), "the same lines again")  # L-FAKE is up again, unchanged
    assert feed.reappeared == 2  # L-FAKE and L-REPACK, both taken down before today
    run = sweep(world.a.inst, SweepRun.Trigger.FEED)
    assert run.new_cases == 2
    assert _state(fake) == before  # closed, with its dates, takedown record, report and notes
    assert fake.state == "taken_down" and fake.confirmed_on == _days_ago(30)
    assert fake.taken_down_on == _days_ago(20) and fake.takedown_reference == "TD-L-FAKE"
    assert fake.report_due_on is not None and fake.regulator_report.reference == "R-1"
    again = CounterfeitCase.objects.get(previous_case=fake)
    assert again.state == "new" and again.listing == fake.listing and again.app == fake.app
    assert again.confirmed_on is None and again.taken_down_on is None
    received = timezone.localtime(feed.received_at).date().isoformat()
    assert again.note.startswith(received)
    assert f"#{fake.pk}" in again.note and str(_days_ago(20)) in again.note
    assert list(fake.later_cases.all()) == [again]
    # the same feed seen again does not open a third case: the new one is refreshed
    _feed(world, a_feed_rows(), "once more")
    assert sweep(world.a.inst, SweepRun.Trigger.FEED).new_cases == 0
    assert CounterfeitCase.objects.filter(listing=fake.listing).count() == 2


def test_a_feed_of_the_takedown_day_does_not_make_a_relisting(swept):
    world = swept
    case = _take_down(world, "L-FAKE", confirmed_days_ago=3, down_days_ago=0)
    before = _state(case)
    _feed(world, a_feed_rows(), "crawled before the takedown, maybe")
    services.save_protection(world.a.app, aliases=["阿尔法银行"])  # forces every listing to be screened
    assert sweep(world.a.inst, SweepRun.Trigger.FEED).rescreened_all
    assert _state(case) == before
    assert CounterfeitCase.objects.filter(listing=case.listing).count() == 1


def test_a_false_positive_sticks_to_the_listing_seen_again_unchanged(judged):
    world, fake, repack, tool = judged
    before = _state(tool)
    calc = _register_an_app_like_the_tool(world)
    rows = a_feed_rows()
    rows[3]["url"] = "https://store.example.cn/app/calc"  # not a key fact
    _feed(world, rows, "tool seen again")
    run = sweep(world.a.inst, SweepRun.Trigger.FEED)
    assert run.status == "done"
    assert CounterfeitCase.objects.filter(listing=tool.listing).count() == 1
    assert not CounterfeitCase.objects.filter(app=calc).exists()
    assert _state(tool) == before


def test_a_false_positive_listing_whose_key_facts_changed_may_alert_again(judged):
    world, fake, repack, tool = judged
    before = _state(tool)
    row = a_feed_rows()[3]
    row["package_id"] = "com.alpha.bank.calc"  # the tool now takes a bank-like package
    row["developer"] = "ALPHA科技"
    feed = _feed(world, [row], "tool changed")
    run = sweep(world.a.inst, SweepRun.Trigger.FEED)
    assert run.new_cases == 1
    assert _state(tool) == before  # the judgement stays as it was made
    again = CounterfeitCase.objects.get(previous_case=tool)
    assert again.state == "new" and again.package_id == "com.alpha.bank.calc"
    assert again.listing_developer == "ALPHA科技"
    received = timezone.localtime(feed.received_at).date().isoformat()
    assert again.note.startswith(received) and f"#{tool.pk}" in again.note
    assert "com.calc.alpha" in again.note and "com.alpha.bank.calc" in again.note


def test_a_taken_down_case_is_not_reopened_by_hand(judged):
    """Reopening would lose the takedown record; a re-listing is a new case instead."""
    world, fake, repack, tool = judged
    assert "new" not in services.moves_from(fake.state)
    reopened = services.move_case(tool, "new", world.a.users["security"], note="再核实")
    assert reopened.state == "new" and "计算器工具，与我行无关" in reopened.note
