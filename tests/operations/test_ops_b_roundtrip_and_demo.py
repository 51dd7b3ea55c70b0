"""Every edit form of the ops-b pages saved unchanged changes nothing; the demo makes each of the four checks
pass for one app (or institution) and fail for another."""

from compliance_fixtures import run
from django.utils import timezone
from test_edit_roundtrip import _roundtrip

from appgov.core.controls.registry import Outcome


def _objects(org):
    """One object of each kind of institution A, as the scoping suite builds B's."""
    from scoping_modules.operations_experience_accounts_os import _build_b_ops_b

    class Shim:
        b = org

    return _build_b_ops_b(Shim)


EDITS = [
    ("assessment", "oassess", "experience/{}/edit/"),
    ("itemresult", "oitem", "experience/items/{}/edit/"),
    ("account", "oaccount", "accounts/{}/edit/"),
    ("review", "oreview", "accounts/reviews/{}/edit/"),
    ("osrelease", "orelease", "os-releases/{}/edit/"),
    ("requirement", "orequire", "os-requirements/{}/edit/"),
    ("task", "otask", "adaptation/{}/edit/"),
    ("result", "oresult", "adaptation/results/{}/edit/"),
]


def test_every_edit_form_round_trips(world, login):
    from appgov.operations import models

    made = _objects(world.a)
    client = login(world.a.office_user)
    by_key = {
        "oassess": models.ExperienceAssessment,
        "oitem": models.ExperienceItemResult,
        "oaccount": models.OperatingAccount,
        "oreview": models.AccountReview,
        "orelease": models.OsRelease,
        "orequire": models.PlatformRequirement,
        "otask": models.AdaptationTask,
        "oresult": models.CompatTestResult,
    }
    for _name, key, path in EDITS:
        obj = by_key[key].objects.get(pk=made[key])
        _roundtrip(client, "/operations/" + path.format(obj.pk), obj)


def test_demo_makes_each_check_pass_and_fail(world):
    from appgov.core.models import Institution
    from appgov.ledger.demo import load_demo
    from appgov.operations.demo_experience_accounts_os import load_operations_demo

    load_demo()
    load_operations_demo()
    bank, insurer = Institution.objects.get(code="HZCB"), Institution.objects.get(code="XHLIFE")
    today = timezone.localdate()
    for control in ("NFRA-06.2", "NFRA-09.2", "NFRA-10.3"):
        outcomes = {r.outcome for r in run(bank, control, today)}
        assert {Outcome.PASS, Outcome.FAIL} <= outcomes, (control, outcomes)
    assert {r.outcome for r in run(bank, "NFRA-10.1", today)} == {Outcome.PASS}
    assert {r.outcome for r in run(insurer, "NFRA-10.1", today)} == {Outcome.FAIL}
