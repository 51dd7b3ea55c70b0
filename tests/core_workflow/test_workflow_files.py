"""Workflow files are checked when they are loaded: a bad file is refused naming the file and the key."""

import textwrap

import pytest
from django.core.exceptions import ImproperlyConfigured

from appgov.core import workflow
from appgov.core.workflow import registry

LABEL = {"zh": "甲", "en": "A"}


def bulk_file(**changes) -> dict:
    """A valid workflow of the credit bulk-data request, changed as a test needs."""
    data = {
        "version": 1,
        "model": "credit.bulkdatarequest",
        "field": "status",
        "guards": {"four_eyes": {"label": LABEL, "refusal": "permission"}},
        "transitions": [
            {
                "name": "approve",
                "from": ["requested"],
                "to": "approved",
                "label": LABEL,
                "guards": ["four_eyes"],
            },
            {
                "name": "extract",
                "from": ["approved"],
                "to": "extracted",
                "label": LABEL,
                "inputs": [
                    {
                        "name": "extracted_on",
                        "kind": "date",
                        "required": True,
                        "field": "extracted_on",
                        "label": LABEL,
                    }
                ],
            },
        ],
    }
    data.update(changes)
    return data


def rules_with(*guards, effects=()) -> workflow.Rules:
    rules = workflow.Rules()
    for name in guards:
        rules.guard(name)(lambda obj, actor, inputs: None)
    for name in effects:
        rules.effect(name)(lambda *args: None)
    return rules


def refusal(data, rules=None) -> str:
    with pytest.raises(ImproperlyConfigured) as exc:
        parsed = workflow.parse(data, "credit/workflows/test.yaml")
        registry.check(parsed, rules or rules_with("four_eyes"))
    return str(exc.value)


def test_a_valid_file_parses_and_checks(db):
    parsed = workflow.parse(bulk_file(), "credit/workflows/test.yaml")
    registry.check(parsed, rules_with("four_eyes"))
    assert parsed.find("requested", "approved").name == "approve"
    assert parsed.find("requested", "extracted") is None
    assert parsed.named("extract").input("extracted_on").required


@pytest.mark.parametrize(
    "change,where,what",
    [
        ({"version": 2}, "version", "1 was expected"),
        (
            {"transitions": [{"name": "x", "from": ["requested"], "to": "approved"}]},
            "transitions/0",
            "'label'",
        ),
        (
            {"transitions": [{"name": "x", "from": [], "to": "approved", "label": LABEL}]},
            "transitions/0/from",
            "",
        ),
        (
            {
                "transitions": [
                    {"name": "x", "from": ["requested"], "to": "approved", "label": LABEL, "rolez": []}
                ]
            },
            "transitions/0",
            "'rolez' was unexpected",
        ),
        (
            {"transitions": [{"name": "x", "from": ["requested"], "to": "approved", "label": {"zh": "甲"}}]},
            "transitions/0/label",
            "'en' is a required property",
        ),
        (
            {"guards": {"g": {"label": {"zh": "甲", "en": "Network", "data": None}}}},
            "guards/g/label",
            "'data' was unexpected",
        ),
    ],
)
def test_schema_errors_name_the_file_and_the_key(change, where, what):
    message = refusal(bulk_file(**change))
    assert message.startswith(f"credit/workflows/test.yaml: {where}: "), message
    assert what in message


def test_a_state_the_model_does_not_have_is_named(db):
    data = bulk_file()
    data["transitions"][1]["to"] = "shredded"
    message = refusal(data)
    assert (
        "transitions/1" in message and "'shredded' is not a state of credit.bulkdatarequest.status" in message
    )


def test_an_undeclared_guard_and_an_unregistered_one_are_named(db):
    data = bulk_file()
    data["transitions"][1]["guards"] = ["within_retention"]
    assert "transitions/1/guards: guards ['within_retention'] are not declared" in refusal(data)
    assert "no guard 'four_eyes' is registered in Python" in refusal(bulk_file(), workflow.Rules())


def test_an_unregistered_effect_is_named(db):
    data = bulk_file()
    data["transitions"][0]["apply"] = ["stamp"]
    assert "transitions/0/apply: no effect 'stamp' is registered" in refusal(data)
    registry.check(workflow.parse(data, "t.yaml"), rules_with("four_eyes", effects=["stamp"]))


def test_the_same_move_twice_an_unknown_role_model_field_and_input_field(db):
    data = bulk_file()
    data["transitions"].append(
        {"name": "approve_again", "from": ["requested"], "to": "approved", "label": LABEL}
    )
    assert "transitions/2/from: requested -> approved is already transition 'approve'" in refusal(data)
    data = bulk_file()
    data["transitions"][0]["roles"] = ["administrator", "janitor"]
    assert "transitions/0/roles: unknown roles ['janitor']" in refusal(data)
    assert "model: no model 'credit.nothing'" in refusal(bulk_file(model="credit.nothing"))
    assert "field: credit.bulkdatarequest has no field 'stage'" in refusal(bulk_file(field="stage"))
    assert "has no choices to be states" in refusal(bulk_file(field="reference"))
    data = bulk_file()
    data["transitions"][1]["inputs"][0]["field"] = "extraction_day"
    assert "inputs/extracted_on/field: credit.bulkdatarequest has no field 'extraction_day'" in refusal(data)


def test_a_file_on_disk_that_is_not_yaml_or_missing_is_named(tmp_path, monkeypatch, db):
    package = tmp_path / "wfprobe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "broken.yaml").write_text("version: 1\ntransitions: [\n")
    (package / "bad_state.yaml").write_text(
        textwrap.dedent(
            """\
            version: 1
            model: credit.bulkdatarequest
            field: status
            transitions:
              - {name: approve, from: [requested], to: approve, label: {zh: 批准, en: approve}}
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ImproperlyConfigured, match=r"^wfprobe/broken.yaml: not valid YAML"):
        workflow.load("wfprobe", "broken.yaml", workflow.Rules())
    with pytest.raises(ImproperlyConfigured, match=r"^wfprobe/absent.yaml: workflow file not found"):
        workflow.load("wfprobe", "absent.yaml", workflow.Rules())
    with pytest.raises(
        ImproperlyConfigured, match=r"^wfprobe/bad_state.yaml: transitions/0: 'approve' is not a state"
    ):
        workflow.load("wfprobe", "bad_state.yaml", workflow.Rules())
    # the refused file did not replace the module's own workflow
    assert workflow.workflow_for(registry_model("credit.bulkdatarequest"))[0].source.endswith(
        "bulk_data.yaml"
    )


def registry_model(label):
    from django.apps import apps

    return apps.get_model(label)


def test_every_module_workflow_is_loaded_at_start_up(db):
    sources = {
        label: workflow.workflow_for(registry_model(label))[0].source
        for label in (
            "counterfeit.counterfeitcase",
            "credit.bulkdatarequest",
            "compliance.finding",
            "ledger.mobileapp",
        )
    }
    assert sources == {
        "counterfeit.counterfeitcase": "appgov/counterfeit/workflows/case.yaml",
        "credit.bulkdatarequest": "appgov/credit/workflows/bulk_data.yaml",
        "compliance.finding": "appgov/compliance/workflows/finding.yaml",
        "ledger.mobileapp": "appgov/ledger/workflows/lifecycle.yaml",
    }


def test_the_ledger_lifecycle_is_the_gate_file(db):
    """The lifecycle workflow is built from gates.yaml: the same moves, one guard per checklist item."""
    from appgov.ledger import gates
    from appgov.ledger.models import MobileApp

    lifecycle, _rules = workflow.workflow_for(MobileApp)
    assert lifecycle.pairs() == {(t.from_state, t.to_state) for t in gates.transitions()}
    for t in gates.transitions():
        step = lifecycle.find(t.from_state, t.to_state)
        assert [g.name for g in step.guards] == [i.id for i in t.items]
        assert [g.label.en for g in step.guards] == [i.label["en"] for i in t.items]
