"""What makes the 2.3 M-listing sweep cheaper (issue 14) changes no result: the compiled multi-index
search finds exactly the pairs a brute-force comparison finds, official icons' hashes come from the
cache directory when kept there, only icon hits that could alert are scored, and an icon file's digest
is read again when the file changes."""

import json
import os
import time

import numpy as np
import pytest
from PIL import Image, ImageDraw

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, icon_cache, load_config
from appgov.engines.lookalike import index as index_module
from appgov.engines.lookalike.icons import IconIndex, fingerprint
from appgov.engines.lookalike.index import IconError
from appgov.engines.lookalike.keypoints import VerdictCache


def _brute(hashes, queries, radius):
    table = np.array(hashes, dtype=np.uint64)
    out = set()
    for qi, q in enumerate(queries):
        for row in np.nonzero(np.bitwise_count(table ^ np.uint64(q)) <= radius)[0]:
            out.add((qi, int(row), int(np.bitwise_count(table[row] ^ np.uint64(q)))))
    return out


@pytest.mark.parametrize(("radius", "chunks"), [(8, 5), (4, 4), (2, 4), (6, 8), (4, 2)])
def test_compiled_search_finds_what_brute_force_finds(radius, chunks):
    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**63, 40, dtype=np.uint64)
    # clusters of near-identical hashes (like an icon's geometric variants): many rows share buckets
    hashes = [
        int(b) ^ (1 << int(rng.integers(64))) ^ (1 << int(rng.integers(64))) for b in base for _ in range(25)
    ]
    queries = [h ^ (1 << 5) ^ (1 << 33) ^ (1 << 60) for h in hashes[::7]] + [
        int(x) for x in rng.integers(0, 2**63, 50, dtype=np.uint64)
    ]
    table = IconIndex(hashes, list(range(len(hashes))), radius, chunks)
    assert table._direct == (chunks >= 4)  # chunks wider than 16 bits: the numpy search
    qpos, labels, dist = table.query(np.array(queries, dtype=np.uint64))
    found = list(zip(qpos.tolist(), labels.tolist(), dist.tolist(), strict=True))
    assert len(found) == len(set(found)), "a pair found through several chunks is reported once"
    assert set(found) == _brute(hashes, queries, radius)
    assert found, "the test data must produce matches"


def _draw(path, colour, shape):
    img = Image.new("RGB", (96, 96), (250, 250, 250))
    draw = ImageDraw.Draw(img)
    if shape == "ring":
        draw.ellipse([10, 10, 86, 86], outline=colour, width=14)
    else:
        draw.rectangle([20, 14, 76, 82], fill=colour)
    img.save(path)


def _apps(folder):
    _draw(folder / "a.png", (200, 30, 30), "ring")
    _draw(folder / "b.png", (20, 60, 200), "bar")
    return [
        ProtectedApp(app_id="a", institution="甲银行", names=("甲银行",), icon="a.png"),
        ProtectedApp(app_id="b", institution="乙银行", names=("乙银行",), icon="b.png"),
    ]


def test_official_hashes_are_read_from_the_cache_dir(tmp_path, monkeypatch):
    apps = _apps(tmp_path)
    cache = tmp_path / "cache"
    first = LookalikeIndex(apps, load_config(), icons_root=tmp_path, cache_dir=cache)
    assert len(list(cache.glob("*.json"))) == 2
    calls = []
    real = icon_cache.icons.official_hashes
    monkeypatch.setattr(icon_cache.icons, "official_hashes", lambda *a, **k: calls.append(a) or real(*a, **k))
    again = LookalikeIndex(apps, load_config(), icons_root=tmp_path, cache_dir=cache)
    assert calls == []
    assert [a.icon_hashes for a in again.apps] == [a.icon_hashes for a in first.apps]
    # another setting of the variants is another key: computed, not served from the first entries
    other = load_config(overrides={"icons": {"geometry_variants": 0}})
    LookalikeIndex(apps, other, icons_root=tmp_path, cache_dir=cache)
    assert len(calls) == 2


def test_a_damaged_cache_entry_is_computed_again(tmp_path):
    apps = _apps(tmp_path)
    cache = tmp_path / "cache"
    first = LookalikeIndex(apps, load_config(), icons_root=tmp_path, cache_dir=cache)
    for entry in cache.glob("*.json"):
        entry.write_text('{"phash": ["not a hash"]}', encoding="utf-8")
    again = LookalikeIndex(apps, load_config(), icons_root=tmp_path, cache_dir=cache)
    assert [a.icon_hashes for a in again.apps] == [a.icon_hashes for a in first.apps]
    assert all(json.loads(e.read_text())["phash"][0] != "not a hash" for e in cache.glob("*.json"))


def test_an_unreadable_official_icon_still_names_its_app(tmp_path):
    apps = _apps(tmp_path)
    (tmp_path / "b.png").write_bytes(b"not an image")
    with pytest.raises(IconError, match="app b"):
        LookalikeIndex(apps, load_config(), icons_root=tmp_path, cache_dir=tmp_path / "cache", workers=2)


def test_parallel_build_gives_the_same_index(tmp_path):
    apps = _apps(tmp_path)
    one = LookalikeIndex(apps, load_config(), icons_root=tmp_path)
    two = LookalikeIndex(apps, load_config(), icons_root=tmp_path, workers=2)
    assert [a.icon_hashes for a in two.apps] == [a.icon_hashes for a in one.apps]
    # the official keypoints too (computed by the workers since session 17)
    assert two._official_digests == one._official_digests and one._official_digests
    for i, found in one._official_features.items():
        theirs = two._official_features[i]
        assert found is not None and theirs is not None
        for name, channel in found.channels.items():
            assert np.array_equal(channel.descriptors, theirs.channels[name].descriptors)
            assert np.array_equal(channel.points, theirs.channels[name].points)


# two protected apps with one icon, one verified per listing: the other pair is an unverifiable icon hit
UNVERIFIED = {"keypoints": {"max_apps_per_listing": 1, "tile_apps": 0}}


def _twins(folder):
    apps = _apps(folder)
    twin = ProtectedApp(app_id="c", institution="丙银行", names=("丙银行",), icon="a.png")
    return [apps[0], twin]


def _ordinary(folder, name):
    """A listing carrying app a's (and c's) official icon hashes, no icon file, under a name with no
    brand text."""
    fp = fingerprint(folder / "a.png")
    return Listing(
        listing_id="L1",
        source="store",
        name=name,
        package_id="com.weather.app",
        icon_phash=fp["phash"],
        icon_hashes={k: v for k, v in fp.items() if k != "phash"},
    )


def _scored(monkeypatch) -> list:
    scored = []
    real = index_module.score_pair

    def counted(view, app, *args):
        scored.append(app.app.app_id)
        return real(view, app, *args)

    monkeypatch.setattr(index_module, "score_pair", counted)
    return scored


def test_an_unverifiable_icon_under_a_generic_name_is_not_scored(tmp_path, monkeypatch):
    index = LookalikeIndex(_twins(tmp_path), load_config(overrides=UNVERIFIED), icons_root=tmp_path)
    scored = _scored(monkeypatch)
    assert index.screen_one(_ordinary(tmp_path, "天气预报")) is None
    assert scored == ["a"]  # the verified pair only
    # under a finance name an unverified icon is evidence (icon_with_finance_name): both scored
    scored.clear()
    alert = index.screen_one(_ordinary(tmp_path, "天气贷款"))
    assert sorted(scored) == ["a", "c"] and alert is not None


def test_a_lower_alert_threshold_keeps_unverifiable_icons_scored(tmp_path, monkeypatch):
    """With the alert threshold below icon_identical (0.45), an identical icon alone alerts even
    unverified: the pruning must not drop the pair."""
    config = load_config(overrides={**UNVERIFIED, "thresholds": {"alert": 0.4}})
    index = LookalikeIndex(_twins(tmp_path), config, icons_root=tmp_path)
    scored = _scored(monkeypatch)
    alert = index.screen_one(_ordinary(tmp_path, "天气预报"))
    assert sorted(scored) == ["a", "c"]
    assert alert is not None and alert.kind == "suspect"
    assert any(r.signal == "icon_phash" for r in alert.reasons)


def test_an_icon_file_is_digested_again_when_it_changes(tmp_path):
    icon = tmp_path / "x.png"
    icon.write_bytes(b"one")
    cache = VerdictCache(10)
    first = cache.digest(icon)
    assert cache.digest(icon) == first
    icon.write_bytes(b"other content")
    os.utime(icon, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert cache.digest(icon) != first
