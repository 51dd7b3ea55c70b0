"""Issue 13 item 6: "evidence needed" weighs. It carries the end of its grace period, becomes a failure with a
finding after it, counts as not compliant in the rate, and the dashboard shows it in its own colour."""

import datetime
from pathlib import Path

import pytest
from compliance_fixtures import accepted_evidence, result_for, today

from appgov.compliance import selectors
from appgov.compliance.catalogue import CatalogueError, load_catalogue
from appgov.compliance.evaluation import catalogue, evaluate
from appgov.compliance.models import ControlResult, Finding

DEFAULT = 30


def outcome(inst, control_id, subject_id):
    return ControlResult.objects.get(institution=inst, control_id=control_id, subject_id=subject_id).outcome


def test_evidence_needed_within_grace_then_a_failure_with_a_finding(world):
    a = world.a
    grace = catalogue().by_id("NFRA-17.2").grace_days
    assert grace == DEFAULT
    evaluate(a.inst)  # the control is introduced for this institution today; the app was registered today
    end = today() + datetime.timedelta(days=grace)
    r = result_for(a.inst, "NFRA-17.2", a.app.pk)
    assert r.outcome == "evidence_needed" and f"宽限期至 {end}" in r.zh and str(end) in r.en
    assert not Finding.objects.filter(institution=a.inst, control_id="NFRA-17.2").exists()
    # the last day of grace is still evidence needed; the day after it is a failure with a finding
    evaluate(a.inst, today=end)
    assert outcome(a.inst, "NFRA-17.2", a.app.pk) == "evidence_needed"
    evaluate(a.inst, today=end + datetime.timedelta(days=1))
    assert outcome(a.inst, "NFRA-17.2", a.app.pk) == "fail"
    finding = Finding.objects.get(institution=a.inst, control_id="NFRA-17.2", subject_id=a.app.pk)
    assert "宽限期（30 天）已于" in finding.explanation_zh


def test_never_doing_a_periodic_control_does_not_look_better_than_doing_it_late(world):

    a = world.a
    evaluate(a.inst)
    later = today() + datetime.timedelta(days=400)
    # app: never done; app2: done once, 13 months before `later` (late by a month)
    accepted_evidence(
        a.inst, "NFRA-17.2", "app", a.app2.pk, "上年评估", later - datetime.timedelta(days=400), link="r"
    )
    never = result_for(a.inst, "NFRA-17.2", a.app.pk, day=later)
    late = result_for(a.inst, "NFRA-17.2", a.app2.pk, day=later)
    assert late.outcome == "fail"
    assert never.outcome == "fail", "never done must not look better than done late"


def test_grace_days_come_from_the_catalogue_and_are_validated(tmp_path):
    base = (
        "schema_version: 1\nsource: {id: INT-POL, title_zh: 内部制度, title_en: Internal policy, issued: '2026-01-01'}\n"
        "articles: [{number: 1, ref: '一', text_zh: 内部要求}]\ncontrols:\n"
        "  - {id: INT-01, article: 1, title_zh: 内部控制, title_en: Internal control, statement_zh: 应当做到,"
        " statement_en: Must be done, applies_to: institution, method: evidence, severity: low, evidence_zh: 材料,"
        " evidence_en: Papers, evidence_validity_days: 365, how_known: E, grace_days: %s,"
        " period_basis: institution policy}\n"
    )
    good = tmp_path / "good.yaml"
    good.write_text(base % 0, encoding="utf-8")
    control = load_catalogue([good]).by_id("INT-01")
    assert control.grace_days == 0 and control.period_basis == "institution policy"
    bad = tmp_path / "bad.yaml"
    bad.write_text(base % -1, encoding="utf-8")
    with pytest.raises(CatalogueError, match="grace_days"):
        load_catalogue([bad])


def test_the_rate_counts_evidence_needed_as_not_compliant(world):
    a = world.a
    evaluate(a.inst)
    data = selectors.dashboard(a.inst)
    totals = data["totals"]
    p, f, e = totals["pass"], totals["fail"], totals["evidence_needed"]
    assert e > 0
    assert data["rate"] == round(100 * p / (p + f + e))
    assert data["rate"] < round(100 * p / (p + f))  # what the old rate (evidence left out) would have said
    for article in data["articles"]:
        applicable = article["pass"] + article["fail"] + article["evidence"]
        assert article["rate"] == (round(100 * article["pass"] / applicable) if applicable else None)


def test_the_dashboard_shows_evidence_needed_in_its_own_colour_and_the_rate(world, login):
    a = world.a
    evaluate(a.inst)
    page = login(a.admin).get("/compliance/").content.decode()
    assert 'class="stat-value text-warning" id="count-evidence"' in page
    assert 'id="count-fail"' in page and "text-danger" in page
    assert 'id="compliance-rate"' in page and f"{selectors.dashboard(a.inst)['rate']}%" in page
    # the heatmap keeps evidence needed apart from fail (its own piece and colour); the chart code is a static
    # file (no inline script under the Content-Security-Policy), the page links it
    assert "/static/appgov/charts/compliance-dashboard.js" in page
    from django.conf import settings

    script = (
        Path(settings.BASE_DIR) / "static" / "appgov" / "charts" / "compliance-dashboard.js"
    ).read_text()
    assert '{value: 1, label: names[1], color: "#ffc107"}' in script
