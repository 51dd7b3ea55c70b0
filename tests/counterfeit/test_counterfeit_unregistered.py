"""The engine's `unregistered` outcome (the institution's own build under an identifier the ledger does not
register) becomes an NFRA-02.1 finding, not a counterfeit case; the engine's `candidates` are kept on the
case and shown on its page and in the API."""

from counterfeit_fixtures import CERT_A, a_feed_rows, case_of, jsonl, listing
from django.utils import timezone

from appgov.compliance.evaluation import catalogue
from appgov.core.context import acting_as
from appgov.core.controls.context import EvaluationContext
from appgov.core.controls.registry import check_for
from appgov.counterfeit import feeds, services
from appgov.counterfeit.models import CounterfeitCase, ObservedListing, SweepRun
from appgov.counterfeit.sweep import sweep
from appgov.ledger.checks import ledger_complete

OWN_LITE = listing("L-OWN-LITE", "ALPHA手机银行极速版", "cn.alpha.lite", "ALPHA金融机构", CERT_A)


def _feed_and_sweep(world, rows):
    feeds.receive_feed(
        world.a.inst,
        feeds.parse_jsonl(jsonl(rows)),
        channel="upload",
        label="feed",
        actor=world.a.users["security"],
    )
    run = sweep(world.a.inst, SweepRun.Trigger.MANUAL, world.a.users["security"])
    assert run.status == "done", run.error
    return run


def _nfra_02_1(world):
    ctx = EvaluationContext(world.a.inst, timezone.localdate())
    control = catalogue().by_id("NFRA-02.1")
    return {r.subject_id: r for r in check_for("NFRA-02.1")(ctx, control)}


def _ledger_only(world):
    ctx = EvaluationContext(world.a.inst, timezone.localdate())
    return {r.subject_id: r for r in ledger_complete(ctx, catalogue().by_id("NFRA-02.1"))}


def test_own_build_with_unregistered_package_is_an_nfra_02_finding_not_a_case(protected, login, api):
    world = protected
    _feed_and_sweep(world, [*a_feed_rows(), OWN_LITE])
    row = ObservedListing.objects.get(institution=world.a.inst, listing_id="L-OWN-LITE")
    assert row.unregistered_app_id == world.a.app.pk and row.unregistered_since is not None
    assert row.unregistered_explanation
    assert not CounterfeitCase.objects.filter(listing=row).exists()
    # the official listing (registered package, official certificate) is neither a case nor a finding
    official = ObservedListing.objects.get(institution=world.a.inst, listing_id="L-OFFICIAL")
    assert official.unregistered_app_id is None

    base = _ledger_only(world)[world.a.app.pk]
    result = _nfra_02_1(world)[world.a.app.pk]
    assert base.outcome == "pass" and result.outcome == "fail"
    assert "cn.alpha.lite" in result.en and "cn.alpha.lite" in result.zh
    assert any("unregistered=true" in link["url"] for link in result.links)
    # the other app keeps the ledger's own judgement
    assert _nfra_02_1(world)[world.a.app2.pk].outcome == _ledger_only(world)[world.a.app2.pk].outcome

    # the governance office sees it in the listings (page filter and API), B does not
    page = login(world.a.admin).get("/counterfeit/listings/?unregistered=true")
    body = page.content.decode()
    assert page.status_code == 200 and "L-OWN-LITE" in body and "L-OFFICIAL" not in body
    data = api(world.a.admin).get(f"/api/counterfeit/listings/?unregistered_app={world.a.app.pk}").json()
    assert [r["listing_id"] for r in data["results"]] == ["L-OWN-LITE"]
    assert data["results"][0]["unregistered_app"] == world.a.app.pk
    assert "L-OWN-LITE" not in login(world.b.admin).get("/counterfeit/listings/").content.decode()

    # registering the identifier clears the finding at the next sweep
    with acting_as(None, prefix="job-test"):
        services.save_protection(world.a.app, extra_package_ids=["cn.alpha.lite"])
    sweep(world.a.inst, SweepRun.Trigger.MANUAL, world.a.users["security"])
    row.refresh_from_db()
    assert row.unregistered_app_id is None and row.unregistered_since is None
    assert _nfra_02_1(world)[world.a.app.pk].outcome == "pass"


def test_unregistered_listing_no_longer_delivered_stops_failing(protected):
    world = protected
    _feed_and_sweep(world, [OWN_LITE])
    assert _nfra_02_1(world)[world.a.app.pk].outcome == "fail"
    ObservedListing.objects.filter(listing_id="L-OWN-LITE").update(
        last_seen_at=timezone.now() - timezone.timedelta(days=60)
    )
    assert _nfra_02_1(world)[world.a.app.pk].outcome == "pass"


def test_candidates_are_stored_on_the_case_and_shown(protected, login, api):
    world = protected
    # a copy of the mini-program's name also carries the brand keyword of the main app: both are plausible
    _feed_and_sweep(world, [listing("L-AMBIG", "ALPHA理财小程序", "com.fake.alphabank", "某某科技")])
    case = case_of(world, "L-AMBIG")
    assert len(case.candidates) >= 2
    assert {c["app"] for c in case.candidates} >= {world.a.app.pk, world.a.app2.pk}
    assert all(c["own"] for c in case.candidates)
    assert case.candidates[0]["score"] >= case.candidates[-1]["score"]
    page = login(world.a.admin).get(f"/counterfeit/cases/{case.pk}/")
    body = page.content.decode()
    assert 'id="candidates"' in body and world.a.app2.name in body
    data = api(world.a.admin).get(f"/api/counterfeit/cases/{case.pk}/").json()
    assert [c["app"] for c in data["candidates"]] == [c["app"] for c in case.candidates]


def test_another_institutions_candidate_is_named_only_when_public(protected):
    from appgov.counterfeit.protection import AppInfo
    from appgov.counterfeit.sweep import _candidates
    from appgov.engines.lookalike.models import Alert, Candidate

    world = protected
    info = {
        "1": AppInfo(world.a.app.pk, world.a.inst.pk, True, name="ALPHA手机银行", institution_name="A"),
        "2": AppInfo(7, world.b.inst.pk, True, name="ZQX手机银行", institution_name="B", public=True),
        "3": AppInfo(8, world.b.inst.pk, True, name="ZQX未发布应用", institution_name="B", public=False),
    }
    alert = Alert(
        "x",
        "1",
        "A",
        0.9,
        "counterfeit",
        (),
        "",
        candidates=(
            Candidate("1", "A", 0.9, 0.9),
            Candidate("2", "B", 0.88, 0.88),
            Candidate("3", "B", 0.87, 0.87),
        ),
    )
    out = _candidates(alert, world.a.inst.pk, info)
    assert [(c["own"], c["app"], c["app_name"], c["institution"]) for c in out] == [
        (True, world.a.app.pk, "ALPHA手机银行", "A"),
        (False, None, "ZQX手机银行", "B"),
        (False, None, "", "B"),
    ]


def test_an_app_store_listing_by_the_official_developer_is_an_nfra_02_finding(protected):
    # session 29: no certificate, but the App Store shows the verified publisher; the bundle id is not in
    # the ledger and the name imitates nothing: the institution's own app, missing from the ledger
    world = protected
    own = listing("L-IOS-LOAN", "额度提升中心", "net.sudai.zhushou", "ALPHA金融机构", source="Apple App Store")
    elsewhere = listing("L-APK-LOAN", "额度提升中心", "net.sudai.zhushou2", "ALPHA金融机构", source="某下载站")
    _feed_and_sweep(world, [own, elsewhere])
    row = ObservedListing.objects.get(institution=world.a.inst, listing_id="L-IOS-LOAN")
    assert row.unregistered_app_id == world.a.app.pk
    assert "应用台账" in row.unregistered_explanation
    assert not CounterfeitCase.objects.filter(listing=row).exists()
    other = ObservedListing.objects.get(institution=world.a.inst, listing_id="L-APK-LOAN")
    assert other.unregistered_app_id is None  # (a typed developer name on a download site proves nothing)
    result = _nfra_02_1(world)[world.a.app.pk]
    assert result.outcome == "fail" and "net.sudai.zhushou" in result.en
