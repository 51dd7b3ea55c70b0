"""What a sweep remembers about names and developers it has seen (one app is listed under one name by
one developer in many stores) changes no alert: the same listings give the same alerts with the memos
off, and a repeated name is compared once per app."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike import scoring as scoring_module
from appgov.engines.lookalike.config import ConfigError

APPS = [
    ProtectedApp(
        app_id="icbc",
        institution="中国工商银行",
        names=("中国工商银行", "工银融e联"),
        brand_keywords=("工商银行", "工行"),
        package_ids=("com.icbc",),
        developers=("中国工商银行股份有限公司",),
        cert_sha256="a" * 64,
    ),
    ProtectedApp(
        app_id="ccb",
        institution="中国建设银行",
        names=("中国建设银行", "建行生活"),
        brand_keywords=("建设银行", "建行"),
        package_ids=("com.chinamworld.main",),
        developers=("中国建设银行股份有限公司",),
        cert_sha256="b" * 64,
    ),
]
NAMES = [
    "中国工商银行极速版",
    "中国工商银行",
    "工商银行贷款",
    "建行生活pro",
    "中国建设设银行",
    "天气预报",
    "工行证书更新",
]
DEVELOPERS = ["中国工商银行股份有限公司", "某某科技有限公司", None, "中国建设银行股份有限公司北京分行"]


def _listings() -> list[Listing]:
    out = []
    for i in range(len(NAMES) * len(DEVELOPERS) * 2):
        out.append(
            Listing(
                listing_id=f"L{i}",
                source="store",
                name=NAMES[i % len(NAMES)],
                package_id=f"com.store{i % 3}.app",
                developer=DEVELOPERS[i % len(DEVELOPERS)],
                cert_sha256=("c" * 64) if i % 2 else None,
            )
        )
    return out


def test_memos_change_no_alert():
    on = LookalikeIndex(APPS, load_config())
    off = LookalikeIndex(APPS, load_config(overrides={"candidates": {"name_signal_cache": 0}}))
    assert off._name_signals is None and off._name_found is None and off._developer_found is None
    with_memo = [a.to_dict() for a in on.screen_batch(_listings())]
    without = [a.to_dict() for a in off.screen_batch(_listings())]
    assert with_memo == without
    assert len(with_memo) >= 30  # the listings do alert: the comparison is not of two empty lists
    assert {a["kind"] for a in with_memo} >= {"counterfeit"}


def test_a_repeated_name_is_compared_once_per_app(monkeypatch):
    calls = []
    real = scoring_module.name_signals

    def counted(view, app, *args):
        calls.append((view.listing.name, app.index))
        return real(view, app, *args)

    monkeypatch.setattr(scoring_module, "name_signals", counted)
    LookalikeIndex(APPS, load_config()).screen_batch(_listings())
    assert calls and len(calls) == len(set(calls))
    calls.clear()
    LookalikeIndex(APPS, load_config(overrides={"candidates": {"name_signal_cache": 0}})).screen_batch(
        _listings()
    )
    assert len(calls) > len(set(calls))


def test_a_full_memo_is_emptied_not_grown():
    index = LookalikeIndex(APPS, load_config(overrides={"candidates": {"name_signal_cache": 3}}))
    index.screen_batch(_listings())
    assert len(index._name_signals._entries) <= 3 and len(index._name_found._entries) <= 3


def test_the_memo_size_is_checked():
    with pytest.raises(ConfigError, match="name_signal_cache"):
        load_config(overrides={"candidates": {"name_signal_cache": -1}})
