"""When an unchanged listing is screened again: it is back up after its case was taken down, or the
institution's protected apps changed since the last sweep (a new alias may make an old listing alert)."""

import datetime

from counterfeit_fixtures import a_feed_rows, case_of, jsonl, listing
from django.utils import timezone

from appgov.counterfeit import feeds, services
from appgov.counterfeit.models import CounterfeitCase, ObservedListing, SweepRun
from appgov.counterfeit.sweep import sweep


def _take_down(world, listing_id, days_ago):
    """Move the listing's case to taken down, `days_ago` days ago (the case opened a week before)."""
    case = case_of(world, listing_id)
    today = timezone.localdate()
    CounterfeitCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() - datetime.timedelta(days=7))
    case.refresh_from_db()
    user = world.a.users["security"]
    day = (today - datetime.timedelta(days=days_ago)).isoformat()
    services.move_case(case, "confirmed_counterfeit", user, on=day)
    services.move_case(case, "takedown_requested", user, on=day, reference="TD-9")
    return services.move_case(case, "taken_down", user, on=day)


def _feed(world, rows, label="again"):
    return feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label=label)


def test_unchanged_listing_back_after_its_takedown_is_screened_as_a_new_case(swept):
    world = swept
    case = _take_down(world, "L-FAKE", days_ago=2)
    feed = _feed(world, a_feed_rows())  # the very same lines: L-FAKE is listed again
    assert (feed.unchanged, feed.changed, feed.reappeared) == (6, 0, 1)
    run = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert (run.screened, run.new_cases, run.rescreened_all) == (1, 1, False)
    case.refresh_from_db()
    assert case.state == "taken_down" and case.taken_down_on is not None
    again = CounterfeitCase.objects.get(previous_case=case)
    assert "re-listed" in again.note and f"#{run.pk}" in again.note and f"#{case.pk}" in again.note
    assert CounterfeitCase.objects.filter(listing=case.listing).count() == 2
    # the next feed with the same lines: the new case is open, nothing is counted back, nothing opened
    assert _feed(world, a_feed_rows(), "third").reappeared == 0
    assert sweep(world.a.inst, SweepRun.Trigger.DAILY).new_cases == 0


def test_listing_seen_on_the_takedown_day_is_not_back(swept):
    """The feed of the takedown day may have been crawled before the takedown: not a reappearance."""
    world = swept
    case = _take_down(world, "L-FAKE", days_ago=0)
    feed = _feed(world, a_feed_rows())
    assert feed.reappeared == 0
    assert sweep(world.a.inst, SweepRun.Trigger.DAILY).screened == 0
    case.refresh_from_db()
    assert case.state == "taken_down"


def test_a_listing_absent_from_a_feed_is_not_touched_and_is_rescreened_when_back_after_takedown(swept):
    world = swept
    case = _take_down(world, "L-FAKE", days_ago=3)
    rows = [r for r in a_feed_rows() if r["listing_id"] != "L-FAKE"]
    assert _feed(world, rows, "without").reappeared == 0
    assert _feed(world, a_feed_rows(), "with").reappeared == 1
    fake = ObservedListing.objects.get(listing_id="L-FAKE")
    assert fake.feed.label == "with" and fake.last_seen_at is not None
    sweep(world.a.inst, SweepRun.Trigger.DAILY)
    case.refresh_from_db()
    assert case.state == "taken_down"
    assert CounterfeitCase.objects.get(previous_case=case).state == "new"


def test_protected_apps_changed_screens_every_listing_again(swept):
    world = swept
    # received and screened before the alias existed: no alert then
    _feed(world, [*a_feed_rows(), listing("L-AFA", "阿尔法银行极速版", "com.x.afa", "某某科技")])
    first = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert (first.screened, first.new_cases, first.rescreened_all) == (1, 0, False)
    assert sweep(world.a.inst, SweepRun.Trigger.DAILY).screened == 0
    services.save_protection(world.a.app, aliases=["阿尔法银行"])
    run = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert run.rescreened_all and run.screened == 7 and run.new_cases == 1
    assert case_of(world, "L-AFA").app == world.a.app
    # nothing changed since: back to new or changed listings only
    after = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert (after.screened, after.rescreened_all) == (0, False)


def test_another_institutions_protection_change_does_not_rescreen_ours(swept):
    world = swept
    services.save_protection(world.b.app, aliases=["ZQX银行"])
    services.save_brand_profile(world.b.inst, brand_keywords=["ZQX", "ZQX银行"])
    run = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert (run.screened, run.rescreened_all) == (0, False)
    services.save_brand_profile(
        world.a.inst, brand_keywords=["ALPHA", "阿尔法"], developers=["ALPHA金融机构"]
    )
    assert sweep(world.a.inst, SweepRun.Trigger.DAILY).rescreened_all


def test_failed_full_rescreen_is_retried(swept, monkeypatch):
    world = swept
    services.save_protection(world.a.app, aliases=["阿尔法银行"])
    from appgov.counterfeit import sweep as sweep_module

    def broken(*args, **kwargs):
        raise ValueError("engine broke")

    monkeypatch.setattr(sweep_module, "_record_alert", broken)
    failed = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert failed.status == "failed" and failed.rescreened_all
    monkeypatch.undo()
    retried = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert retried.status == "done" and retried.rescreened_all and retried.screened == 6
