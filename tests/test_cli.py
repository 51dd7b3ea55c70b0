"""The `appgov` console script: demo data (idempotent, complete, with an intact change log) and migrations."""

from unittest import mock

import pytest
from django.db.models import Count

from appgov import cli
from appgov.core import changelog
from appgov.core.models import ChangeLogEntry, Institution, RegulatorOffice
from appgov.core.roles import INSTITUTION_ROLES, Role
from appgov.ledger.models import AppVersion, Channel, Listing, MobileApp, PublishingAccount
from appgov.ledger.models.choices import AppKind, LifecycleState, Platform
from appgov.users.models import User

DEMO_INSTITUTIONS = ["HZCB", "XHLIFE"]


def counts():
    demo = {"institution__code__in": DEMO_INSTITUTIONS}
    return {
        "offices": RegulatorOffice.objects.count(),
        "institutions": Institution.objects.filter(code__in=DEMO_INSTITUTIONS).count(),
        "apps": MobileApp.objects.filter(**demo).count(),
        "versions": AppVersion.objects.filter(app__institution__code__in=DEMO_INSTITUTIONS).count(),
        "listings": Listing.objects.filter(version__app__institution__code__in=DEMO_INSTITUTIONS).count(),
        "channels": Channel.objects.filter(**demo).count(),
        "users": User.objects.count(),
        "log": ChangeLogEntry.objects.count(),
    }


def run(capsys, *argv):
    # Django's command runner closes every connection when a command ends; in a test that would end the
    # test's transaction (PostgreSQL), so keep the connection open.
    try:
        with mock.patch("django.db.connections.close_all"):
            code = cli.main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.django_db
def test_demo_is_idempotent_and_complete(capsys):
    code, out, err = run(capsys, "demo")
    assert code == 0, err
    first = counts()
    assert "bank_admin" in out and "nfra_zj" in out and "AppGov-demo-2026" in out
    code, out2, err = run(capsys, "demo")
    assert code == 0, err
    assert counts() == first  # the second run adds nothing and changes nothing
    assert out2 == out

    apps = MobileApp.objects.filter(institution__code__in=DEMO_INSTITUTIONS)
    assert 25 <= first["apps"] <= 40
    assert set(apps.values_list("kind", flat=True)) == set(AppKind.values)
    assert set(apps.values_list("state", flat=True)) == set(LifecycleState.values)
    platforms = {p for row in apps.values_list("platforms", flat=True) for p in row}
    assert platforms == set(Platform.values)
    assert first["versions"] > first["apps"] and first["listings"] > 0
    assert PublishingAccount.objects.filter(app__in=apps).exists()
    for code in DEMO_INSTITUTIONS:
        roles = set(User.objects.filter(institution__code=code).values_list("role", flat=True))
        assert roles == set(INSTITUTION_ROLES), code
    examiners = User.objects.filter(role=Role.REGULATOR_EXAMINER, username__in=["nfra_zj", "nfra_js"])
    assert examiners.count() == 2
    zj = examiners.get(username="nfra_zj")
    assert set(
        Institution.objects.filter(pk__in=zj.jurisdiction_institution_ids()).values_list("code", flat=True)
    ) >= set(DEMO_INSTITUTIONS)
    # every demo write went through the services, so the chain is whole and names the demo job
    assert changelog.verify() is None
    assert (
        ChangeLogEntry.objects.filter(object_type="ledger.mobileapp", institution__code__in=DEMO_INSTITUTIONS)
        .values("request_id")
        .annotate(n=Count("id"))
        .filter(request_id__startswith="job-demo")
        .exists()
    )
    code, out, err = run(capsys, "audit", "verify")
    assert code == 0 and "change log intact" in out


@pytest.mark.django_db
def test_demo_apps_pass_the_gates_they_have_passed():
    """A demo app in a state has the evidence of the steps behind it (so the demo tells a true story)."""
    from appgov.ledger import gates

    with mock.patch("django.db.connections.close_all"):
        cli.main(["demo"])
    for app in MobileApp.objects.filter(
        institution__code__in=DEMO_INSTITUTIONS, state=LifecycleState.ADMITTED
    ):
        evidence = set(app.gate_evidence.values_list("item", flat=True))
        assert "admission_review" in evidence, app
    retired = MobileApp.objects.filter(institution__code__in=DEMO_INSTITUTIONS, state=LifecycleState.RETIRED)
    for app in retired:
        step = gates.find_transition(LifecycleState.RETIRING, LifecycleState.RETIRED)
        missing = {i.id for i in gates.missing_items(app, step)}
        assert not missing, (app, missing)


@pytest.mark.django_db
def test_no_missing_migrations(capsys):
    code, out, err = run(capsys, "makemigrations", "--check", "--dry-run")
    assert code in (0, None), out + err
    assert "No changes detected" in out


def test_unknown_command_is_an_error(capsys):
    code, out, err = run(capsys, "no-such-command")
    assert code == 1 and "no-such-command" in err
