"""The quality bench scores each labelled set only on the vocabulary its writer could label (a set's `vocabulary`
header), and on the engine's whole vocabulary where the set declares none."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "privacy_quality_run", ROOT / "bench/privacy_quality/run.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = "我们会申请相机权限和跨应用关联权限。"


def write(path: Path, header: str) -> Path:
    path.write_text(
        header
        + f"excerpts:\n  - id: t1\n    text: {TEXT}\n    pi_types: []\n    permissions: [camera]\n    sdks: []\n",
        encoding="utf-8",
    )
    return path


def test_a_group_its_writer_did_not_have_is_left_out(bench, tmp_path):
    path = write(tmp_path / "set.yaml", "vocabulary:\n  permissions: [camera, location]\n")
    result = bench.score(path, bench.predictions(path))
    assert result["permissions"]["fp"] == 0 and result["permissions"]["precision"] == 1.0
    assert result["scored_on"] == {"permissions": ["camera", "location"]}
    # without a vocabulary every group is scored: app_tracking, not labelled, is extra
    path = write(tmp_path / "open.yaml", "")
    result = bench.score(path, bench.predictions(path))
    assert result["permissions"]["fp"] == 1
    assert "scored_on" not in result


def test_a_label_outside_the_vocabulary_is_an_error_of_the_set(bench, tmp_path):
    path = write(tmp_path / "set.yaml", "vocabulary:\n  permissions: [location]\n")
    with pytest.raises(ValueError, match="outside its vocabulary"):
        bench.score(path, bench.predictions(path))


def test_the_sets_of_the_13_group_brief_declare_them(bench):
    for name in (
        "labelled_excerpts.yaml",
        "independent_excerpts.yaml",
        "fresh_excerpts.yaml",
        "fresh2_excerpts.yaml",
    ):
        assert len(bench.vocabulary_of(ROOT / "tests/privacy_engine" / name)["permissions"]) == 13
