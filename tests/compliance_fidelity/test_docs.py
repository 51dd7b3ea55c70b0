"""docs/compliance.md lists every control of the catalogue with what it checks, needs and when it fails."""

from pathlib import Path

from appgov.compliance.evaluation import catalogue

DOC = Path(__file__).resolve().parents[2] / "docs" / "compliance.md"


def test_every_control_has_its_row(db):
    rows = {
        line.split("**")[1]: line
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith("| **")
    }
    assert set(rows) == {c.id for c in catalogue().controls}
    for control in catalogue().controls:
        assert f"| {control.method}" in rows[control.id], control.id
        assert rows[control.id].count("|") >= 7, control.id
