"""The change-log guard (tests/changelog_guard.py) and the declaration of derived models."""

import os
import subprocess
import sys
from pathlib import Path

from django.apps import apps

from appgov.core.logged_models import DERIVED

HERE = Path(__file__).resolve().parent


def test_every_derived_model_exists_and_says_why():
    labels = {m._meta.label_lower for m in apps.get_models()}
    for label, reason in DERIVED.items():
        assert label in labels, f"{label} is declared derived but is not a model"
        assert len(reason) > 20, label


def test_people_decisions_are_never_declared_derived():
    decided = {
        "credit.alert",
        "credit.reviewday",
        "credit.leadinggroup",
        "counterfeit.counterfeitcase",
        "counterfeit.sweeprun",
        "counterfeit.listingfeed",
        "scanning.scan",
        "compliance.finding",
        "compliance.evidence",
        "ledger.mobileapp",
        "ledger.appversion",
    }
    assert not decided & set(DERIVED)


def test_the_guard_fails_a_test_whose_project_code_writes_behind_the_log():
    # the probe runs on its own SQLite database: on PostgreSQL it would meet the outer run's test database
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env = {
        **env,
        "PYTHONPATH": os.pathsep.join([str(HERE.parents[1] / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            str(HERE / "probe_unlogged.py"),
        ],
        capture_output=True,
        text=True,
        cwd=HERE.parents[1],
        env=env,
        timeout=600,
    )
    out = run.stdout + run.stderr
    assert "1 failed, 1 passed" in out, out[-3000:]
    assert "writes the change log never saw" in out and "ledger.channel #" in out
    assert "ledger/probe_writer.py:2" in out
