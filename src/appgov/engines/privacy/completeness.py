"""The policy held against the completeness rules of data/completeness.yaml: each unmet rule with its source."""

import re

from . import vocabulary

PURPOSE = re.compile(r"(用于|以便|以实现|为了|目的|以完成|便于)")


def _facts(declared: dict) -> dict:
    types = vocabulary.taxonomy()
    return {
        "effective_on": declared.get("effective_on"),
        "contact": bool(declared["contact"]["emails"] or declared["contact"]["phones"]),
        "complaint_channel": declared.get("complaint_channel"),
        "retention": declared.get("retention"),
        "sensitive_highlighted": declared.get("sensitive_highlighted"),
        "sensitive_pi_declared": any(types.get(t, {}).get("sensitive") for t in declared["pi_types"]),
        "third_party_list": declared.get("third_party_list"),
        "permission_purposes": all(
            any(PURPOSE.search(w["sentence"]) for w in where) for where in declared["permissions"].values()
        ),
        **{f"rights.{k}": v for k, v in declared["rights"].items()},
    }


def completeness(declared: dict) -> list[dict]:
    sources = {}
    import yaml

    raw = yaml.safe_load((vocabulary.DATA / "completeness.yaml").read_text(encoding="utf-8"))
    sources = raw["sources"]
    facts = _facts(declared)
    missing = []
    for rule in raw["rules"]:
        if rule.get("when") and not facts.get(rule["when"]):
            continue
        if not facts.get(rule["test"]):
            missing.append(
                {
                    "rule": rule["id"],
                    "severity": rule["severity"],
                    "label": rule["label"],
                    "source": sources[rule["source"]],
                }
            )
    return missing
