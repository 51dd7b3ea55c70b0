"""Building blocks: normalisation, deformation classes, the icon index, settings."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appgov.engines.lookalike import ConfigError, IconIndex, load_config
from appgov.engines.lookalike.deformation import single_edit
from appgov.engines.lookalike.normalize import normalise, skeleton


def test_normalise_and_skeleton():
    assert normalise("中國工商銀行 ＩＣＢＣ！😀") == "中国工商银行icbc"
    assert skeleton("中囯工商银行") == skeleton("中国工商银行")
    assert skeleton("ICBC") == skeleton("1CBC") == skeleton("lcbc") == skeleton("іcbc")  # Cyrillic і


@pytest.mark.parametrize(
    ("ref", "s", "kind"),
    [
        ("abcd", "abxcd", "insertion"),
        ("abcd", "acd", "omission"),
        ("abcd", "abxd", "substitution"),
        ("abcd", "bacd", "transposition"),
        ("abcd", "abbcd", "repetition"),
        ("abcd", "abcd", None),
        ("abcd", "axyd", None),
    ],
)
def test_single_edit(ref, s, kind):
    edit = single_edit(ref, s)
    assert (edit.kind if edit else None) == kind


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=40), st.integers(0, 2**64 - 1))
def test_icon_index_equals_brute_force(hashes, query):
    index = IconIndex(hashes, list(range(len(hashes))), max_distance=10, chunks=4)
    # also probe near copies of indexed hashes
    queries = [query] + [h ^ (1 << (i % 64)) ^ (1 << ((i * 7) % 64)) for i, h in enumerate(hashes)]
    qpos, labels, dist = index.query(np.array(queries, dtype=np.uint64))
    got = {(int(q), int(lb), int(d)) for q, lb, d in zip(qpos, labels, dist, strict=True)}
    want = set()
    for q, value in enumerate(queries):
        for lb, h in enumerate(hashes):
            d = bin(value ^ h).count("1")
            if d <= 10:
                want.add((q, lb, d))
    assert got == want


def test_config_overrides_and_errors(tmp_path):
    cfg = load_config(overrides={"thresholds": {"alert": 0.6}})
    assert cfg["thresholds"]["alert"] == 0.6 and cfg["thresholds"]["counterfeit"] == 0.8
    bad = tmp_path / "c.yaml"
    bad.write_text("thresholds:\n  nonsense: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'thresholds.nonsense'"):
        load_config(bad)
    with pytest.raises(ConfigError, match="between 0 and 1"):
        load_config(overrides={"evidence": {"homophone": 3}})


def _schema(name):
    import json
    from importlib import resources

    return json.loads(resources.files("appgov.engines.lookalike").joinpath("data", name).read_text("utf-8"))


@pytest.mark.parametrize(
    "row",
    [
        {"listing_id": "a", "source": "s", "name": "n"},
        {
            "listing_id": "a",
            "source": "s",
            "name": "n",
            "cert_sha256": "A" * 64,
            "icon_phash": "0x" + "f" * 16,
        },
        {"listing_id": "a", "source": "s"},
        {"listing_id": "a", "source": "s", "name": 3},
        {"listing_id": "a", "source": "s", "name": "n", "cert_sha256": "abc"},
        {"listing_id": "a", "source": "s", "name": "n", "icon_phash": "xyz"},
        {"listing_id": "a", "source": "s", "name": "n", "package_id": "has space"},
        {
            "listing_id": "a",
            "source": "s",
            "name": "n",
            "icon_hashes": {"value": "0x" + "A" * 16, "masked_tl": None, "future_kind": 1},
        },
        {"listing_id": "a", "source": "s", "name": "n", "icon_hashes": {"masked_br": "xyz"}},
        {"listing_id": "a", "source": "s", "name": "n", "icon_hashes": ["0" * 16]},
    ],
)
def test_listing_schema_agrees_with_validator(row):
    import jsonschema

    from appgov.engines.lookalike import FieldError, listing_from_dict

    schema_ok = jsonschema.Draft202012Validator(_schema("listing.schema.json")).is_valid(row)
    try:
        listing_from_dict(row)
        validator_ok = True
    except FieldError:
        validator_ok = False
    assert schema_ok == validator_ok
