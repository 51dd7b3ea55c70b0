"""Issue 13 item 7: `method: automated` describes what is built, in both directions."""

from appgov.compliance.catalogue import Method
from appgov.compliance.evaluation import catalogue
from appgov.core.controls.registry import CHECKS


def test_every_automated_control_has_a_registered_check(db):
    missing = [c.id for c in catalogue().controls if c.method == Method.AUTOMATED and c.id not in CHECKS]
    assert missing == []


def test_every_registered_check_belongs_to_an_automated_control(db):
    # a periodic control (NFRA-17.2, 17.3, 05.4) stays periodic for the calendar when a module judges it from
    # its records (the risk module's assessments and audits)
    wrong = {
        cid: str(catalogue().by_id(cid).method)
        for cid in CHECKS
        if catalogue().by_id(cid).method not in (Method.AUTOMATED, Method.PERIODIC)
    }
    assert wrong == {}


def test_the_fifteen_controls_without_a_check_are_judged_on_evidence(db):
    for control_id in ():  # every evidence-only example of earlier sessions is now judged from data
        assert catalogue().by_id(control_id).method == Method.EVIDENCE
    # judged by the operations module since issue 17
    for control_id in ("NFRA-02.4", "NFRA-06.1", "NFRA-09.1"):
        assert catalogue().by_id(control_id).method == Method.AUTOMATED
    # judged by the risk module since issue 18
    for control_id in ("NFRA-15.2", "NFRA-17.4"):
        assert catalogue().by_id(control_id).method == Method.AUTOMATED
    assert catalogue().by_id("PBC102-08").method == Method.AUTOMATED
    # judged by the operations module since issue 17 (items 4-6)
    for control_id in ("NFRA-06.2", "NFRA-09.2", "NFRA-10.1", "NFRA-10.3"):
        assert catalogue().by_id(control_id).method == Method.AUTOMATED
