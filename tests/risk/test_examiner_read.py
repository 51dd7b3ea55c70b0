"""Issue 18 follow-up item 6: a regulator examiner reads every risk page of the institutions of their jurisdiction,
read-only. tests/test_scoping.py tries every risk URL (tests/scoping_modules/risk.py) as the examiner in and out of
the jurisdiction; this keeps that description honest: every read route is marked readable by the examiner, and
every risk URL is described."""

from django.urls import get_resolver
from scoping_modules import risk as risk_routes

READS = ("-list", "-detail", "-pdf", "-history", "-download")


def _risk_url_names() -> set[str]:
    names = set()

    def walk(patterns, ns=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                walk(p.url_patterns, p.namespace or ns)
            elif p.name and (ns == "risk" or p.name.startswith("risk-")):
                names.add(f"{ns}:{p.name}" if ns == "risk" else p.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_risk_url_is_in_the_scoping_suite():
    names = _risk_url_names()
    assert len(names) > 90  # pages and API of 15 records: the walk found them
    assert sorted(names - set(risk_routes.ROUTES)) == []


def test_every_read_route_is_readable_by_the_examiner():
    reads = [n for n in risk_routes.ROUTES if n.endswith(READS) or n in ("risk:index", "risk:programme")]
    assert len(reads) > 40
    assert sorted(n for n in reads if not risk_routes.ROUTES[n].reg_read) == []
    writes = [n for n in risk_routes.ROUTES if n.endswith(("-add", "-edit", "-move", "-transition"))]
    assert writes and all(not risk_routes.ROUTES[n].reg_read for n in writes)


def test_the_examiner_reads_risk_pages_of_the_jurisdiction_without_write_controls(world, login):
    from django.urls import reverse
    from django.utils import timezone

    from appgov.risk import services

    campaign = services.open_campaign(world.a.inst, world.a.users["compliance"], 2026, timezone.localdate())
    examiner = login(world.reg_out)  # the examiner of A's provincial office
    page = examiner.get(campaign.get_absolute_url())
    assert page.status_code == 200 and campaign.title in page.content.decode()
    assert 'name="to_state"' not in page.content.decode() and "/edit/" not in page.content.decode()
    assert examiner.get(reverse("risk:campaign-pdf", args=[campaign.pk])).status_code == 200
    assert (
        examiner.post(
            reverse("risk:campaign-transition", args=[campaign.pk]), {"to_state": "closed"}
        ).status_code
        == 403
    )
    assert examiner.get(reverse("risk:campaign-edit", args=[campaign.pk])).status_code == 403
    assert login(world.reg_in).get(campaign.get_absolute_url()).status_code == 404  # B's examiner: not A
