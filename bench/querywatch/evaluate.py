"""Precision and recall of the engine's alerts against a generator's ground truth.

An alert of rule R matches an injection when R is among the injection's expected rules and they share at
least one query. Recall of R: injections expecting R that some alert of R matches / injections expecting R.
Precision of R: alerts of R matching some injection / alerts of R (normal traffic is clean by construction,
so any other alert is a false positive).
"""

from __future__ import annotations

from collections import defaultdict

RULE_IDS = [f"Q{number:02d}" for number in range(1, 15)]


def score(alerts: list[dict], truth: dict) -> dict:
    injections = truth["injections"]
    by_event: dict[str, list[int]] = defaultdict(list)
    for index, injection in enumerate(injections):
        for event_id in injection["event_ids"]:
            by_event[event_id].append(index)
    found: dict[str, set[int]] = defaultdict(set)
    true_alerts: dict[str, int] = defaultdict(int)
    all_alerts: dict[str, int] = defaultdict(int)
    false_examples: dict[str, list[str]] = defaultdict(list)
    for alert in alerts:
        rule = alert["rule_id"]
        all_alerts[rule] += 1
        hits = {
            index
            for event_id in alert["event_ids"]
            for index in by_event.get(event_id, ())
            if rule in injections[index]["expected_rules"]
        }
        if hits:
            true_alerts[rule] += 1
            found[rule] |= hits
        elif len(false_examples[rule]) < 3:
            false_examples[rule].append(alert["explanation"])
    result = {}
    for rule in RULE_IDS:
        expected = [i for i, injection in enumerate(injections) if rule in injection["expected_rules"]]
        missed = [
            injections[i]["id"] + ":" + injections[i]["variant"] for i in expected if i not in found[rule]
        ]
        result[rule] = {
            "injected": len(expected),
            "detected": len(expected) - len(missed),
            "recall": round((len(expected) - len(missed)) / len(expected), 4) if expected else None,
            "alerts": all_alerts[rule],
            "true_alerts": true_alerts[rule],
            "precision": round(true_alerts[rule] / all_alerts[rule], 4) if all_alerts[rule] else None,
            "missed": missed[:5],
            "false_positive_examples": false_examples[rule],
        }
    return result
