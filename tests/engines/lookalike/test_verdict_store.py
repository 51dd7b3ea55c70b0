"""Keypoint verdicts kept between sweeps under the cache directory (issue 14: a feed whose icons are all
distinct is verified once, not at every sweep): read back instead of computed, keyed by both files'
bytes and the deciding settings, and a store that is damaged or cannot be written only costs time."""

import json
import sqlite3

import pytest
from keypoint_fixtures import counting_verify as _counting
from keypoint_fixtures import hxb_app as _app
from keypoint_fixtures import logo as _logo
from keypoint_fixtures import relayout as _relayout

from appgov.engines.lookalike import Listing, LookalikeIndex, load_config
from appgov.engines.lookalike.sweep import sweep_file
from appgov.engines.lookalike.verdict_store import FILE_NAME, VerdictStore


@pytest.fixture()
def icons(tmp_path):
    folder = tmp_path / "icons"
    folder.mkdir()
    _logo().save(folder / "official.png")
    for i, word in enumerate(("NEW", "HOT", "VIP", "APP")):  # distinct files, each a copy
        _relayout(_logo(), word).save(folder / f"copy{i}.png")
    return folder


def _listings() -> list[Listing]:
    return [
        Listing(
            listing_id=f"L{i}",
            source="store",
            name="天气预报",
            package_id="com.weather.app",
            icon=f"copy{i}.png",
        )
        for i in range(4)
    ]


def _alerts(index) -> list[str]:
    """As the CLI writes them: byte for byte (a dict comparison would take -0.0 for 0.0)."""
    return [json.dumps(a.to_dict(), ensure_ascii=False) for a in index.screen_batch(_listings())]


def test_a_second_sweep_reads_the_verdicts_instead_of_computing_them(icons, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    cache = tmp_path / "cache"
    first = _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache))
    assert len(calls) == 4 and len(first) == 4
    assert all(json.loads(a)["reasons"][0]["signal"] == "icon_keypoints" for a in first)
    calls.clear()
    index = LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache)
    assert _alerts(index) == first
    assert calls == [] and index._verdict_store.found == 4
    # without a cache directory, or with the store switched off, every pair is verified again
    assert _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons)) == first
    off = load_config(overrides={"keypoints": {"verdict_store": 0}})
    assert _alerts(LookalikeIndex([_app()], off, icons_root=icons, cache_dir=cache)) == first
    assert len(calls) == 8


def test_a_changed_icon_or_setting_is_verified_again(icons, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    cache = tmp_path / "cache"
    _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache))
    calls.clear()
    _relayout(_logo(), "OK").save(icons / "copy0.png")  # new bytes under an old name
    _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache))
    assert len(calls) == 1
    calls.clear()
    stricter = load_config(overrides={"keypoints": {"min_inliers": 60}})
    alerts = _alerts(LookalikeIndex([_app()], stricter, icons_root=icons, cache_dir=cache))
    assert len(calls) == 4  # another count decides: no stored verdict applies
    assert alerts == _alerts(LookalikeIndex([_app()], stricter, icons_root=icons))  # as if no store
    rows = (
        sqlite3.connect(cache / FILE_NAME)
        .execute("SELECT count(DISTINCT version) FROM verdict_v5")
        .fetchone()
    )
    assert rows[0] == 2  # both settings' verdicts are kept
    calls.clear()
    _logo(fill=(24, 24, 200)).save(icons / "official.png")  # the institution changed its icon
    _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache))
    assert len(calls) == 4


def test_a_damaged_store_is_set_aside_and_rebuilt(icons, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(b"this is not a database" * 100)
    expected = _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons))
    index = LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache)
    assert _alerts(index) == expected
    assert (cache / (FILE_NAME + ".damaged")).read_bytes().startswith(b"this is not")
    db = sqlite3.connect(cache / FILE_NAME)
    rows = db.execute("SELECT count(*) FROM verdict_v5").fetchone()[0]
    ranked = db.execute("SELECT count(*) FROM search_v1").fetchone()[0]  # the keypoint search's
    assert rows == 4 and ranked >= 1
    assert index._verdict_store.broken is None and index._verdict_store.written == rows + ranked


def test_a_store_that_cannot_be_opened_only_costs_time(icons, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    expected = _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons))
    index = LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=blocker)
    assert _alerts(index) == expected
    assert index._verdict_store.broken


def test_rows_written_by_other_code_are_computed_again(tmp_path):
    store = VerdictStore(tmp_path)
    store.get("a", "b", "v")  # creates the table
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute(
        "INSERT INTO verdict_v5 VALUES ('a', 'b', 'v', 'many', NULL, NULL, NULL, 0, 0.0, 3, NULL, 0.0, NULL,"
        " NULL, NULL, NULL, NULL, NULL)"
    )
    conn.commit()
    assert store.get("a", "b", "v") is None


def test_forked_sweep_workers_share_the_store(icons, tmp_path, monkeypatch):
    protected = tmp_path / "protected.jsonl"
    app = _app()
    protected.write_text(
        json.dumps(
            {
                "app_id": app.app_id,
                "institution": app.institution,
                "names": list(app.names),
                "brand_keywords": list(app.brand_keywords),
                "package_ids": list(app.package_ids),
                "developers": list(app.developers),
                "icon": app.icon,
            },
            ensure_ascii=False,
        )
        + "\n"
    )
    listings = tmp_path / "listings.jsonl"
    listings.write_text(
        "".join(
            json.dumps(
                {"listing_id": f"L{i}", "source": "store", "name": "天气预报", "icon": f"copy{i % 4}.png"}
            )
            + "\n"
            for i in range(40)
        )
    )
    cache = tmp_path / "cache"
    outs = []
    for run in range(2):
        out = tmp_path / f"alerts{run}.jsonl"
        index = LookalikeIndex([app], load_config(), icons_root=icons, cache_dir=cache)
        sweep_file(index, listings, out, workers=2, batch_size=8)
        outs.append(out.read_text())
    assert outs[0] == outs[1] and outs[0].count("\n") == 40
    rows = sqlite3.connect(cache / FILE_NAME).execute("SELECT count(*) FROM verdict_v5").fetchone()[0]
    assert rows == 4


def test_threads_of_one_process_share_the_store(icons, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    cache = tmp_path / "cache"
    expected = _alerts(LookalikeIndex([_app()], load_config(), icons_root=icons))
    index = LookalikeIndex([_app()], load_config(), icons_root=icons, cache_dir=cache)
    index._verdicts = type(index._verdicts)(0)  # no verdicts in memory: every thread uses the store
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: _alerts(index), range(8)))
    assert all(r == expected for r in results)
    assert index._verdict_store.broken is None
    rows = sqlite3.connect(cache / FILE_NAME).execute("SELECT count(*) FROM verdict_v5").fetchone()[0]
    assert rows == 4 and index._verdict_store.found > 0


def test_a_verdict_reads_back_exactly(icons, tmp_path):
    from dataclasses import asdict

    from appgov.engines.lookalike.keypoints import features_file, official_features, verify, verify_twins

    official = official_features(icons / "official.png")
    store = VerdictStore(tmp_path)
    verdicts = [
        verify(features_file(icons / f"copy{i}.png", soft=False), official, need=20) for i in range(4)
    ]
    verdicts.append(verify(features_file(icons / "copy0.png", soft=False), official, need=500))  # refuted
    assert all(v.agreement is not None for v in verdicts[:4]) and verdicts[4].agreement is None
    twins = verify_twins(features_file(icons / "copy0.png", soft=False), official)  # with its coverage
    assert twins.covered is not None
    verdicts.append(twins)
    for i, v in enumerate(verdicts):
        store.put(f"l{i}", "o", "v", v)
    store.flush()
    for i, v in enumerate(verdicts):
        back = store.get(f"l{i}", "o", "v")
        assert json.dumps(asdict(back)) == json.dumps(asdict(v))


def test_a_store_locked_by_another_process_is_not_taken_for_damaged(tmp_path, monkeypatch):
    from appgov.engines.lookalike import verdict_store as module

    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute(module._SCHEMA)  # a valid store, in rollback-journal mode, held exclusively
    holder.execute(
        "INSERT INTO verdict_v5 VALUES ('a', 'b', 'v', 25, 'luma', 1.0, 0.0, 0, 0.2, 40, 0.6, 1.0, 12,"
        " 0.9, NULL, 'luma', NULL, NULL)"
    )
    holder.execute("BEGIN EXCLUSIVE")
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        module.sqlite3, "connect", lambda *a, **kw: real_connect(*a, **{**kw, "timeout": 0.1})
    )
    try:
        second = VerdictStore(tmp_path)
        assert second.get("a", "b", "v") is None and "locked" in second.broken  # given up: only costs time
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not (tmp_path / (FILE_NAME + ".damaged")).exists()  # the store was left where it was
    assert VerdictStore(tmp_path).get("a", "b", "v").inliers == 25  # with its verdicts


_COLUMNS_V1 = "scale REAL, angle REAL, blurred INTEGER, spread REAL, matches INTEGER"


@pytest.mark.parametrize(
    ("table", "columns", "row"),
    [
        ("verdict", _COLUMNS_V1, "25, 'luma', 1.0, 0.0, 0, 0.2, 40"),  # before the edge agreement
        (
            "verdict_v2",
            f"{_COLUMNS_V1}, agreement REAL, overlap REAL",
            "25, 'luma', 1.0, 0.0, 0, 0.2, 40, 0.6, 1.0",
        ),
        (  # before the listing icon laid in place (session 18)
            "verdict_v3",
            f"{_COLUMNS_V1}, agreement REAL, overlap REAL, content REAL",
            "25, 'luma', 1.0, 0.0, 0, 0.2, 40, 0.6, 1.0, 0.5",
        ),
        (  # before the twins' coverage (session 24)
            "verdict_v4",
            f"{_COLUMNS_V1}, agreement REAL, overlap REAL, content REAL, in_place REAL, in_place_content REAL,"
            " in_place_channel TEXT",
            "25, 'luma', 1.0, 0.0, 0, 0.2, 40, 0.6, 1.0, 0.5, 0.9, NULL, 'luma'",
        ),
    ],
)
def test_a_store_of_an_earlier_format_is_replaced(tmp_path, table, columns, row):
    """A store written by earlier code (before the edge agreement, before the content agreement) is a
    cache: its table is dropped, not misread."""
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute(
        f"CREATE TABLE {table} (listing TEXT, official TEXT, version TEXT, inliers INTEGER, channel TEXT, {columns})"
    )
    conn.execute(f"INSERT INTO {table} VALUES ('a', 'b', 'v', {row})")
    conn.commit()
    conn.close()
    store = VerdictStore(tmp_path)
    assert store.get("a", "b", "v") is None and not store.broken
    tables = {r[0] for r in sqlite3.connect(tmp_path / FILE_NAME).execute("SELECT name FROM sqlite_master")}
    assert table not in tables and "verdict_v5" in tables
