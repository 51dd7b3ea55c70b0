import json

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config

ICBC_CERT = "a" * 64
CCB_CERT = "c" * 64
FOREIGN_CERT = "f" * 64


@pytest.fixture(scope="session")
def protected():
    return [
        ProtectedApp(
            app_id="icbc",
            institution="中国工商银行",
            names=("中国工商银行", "工商银行手机银行"),
            brand_keywords=("工商银行", "工行", "ICBC"),
            package_ids=("com.icbc",),
            developers=("中国工商银行股份有限公司",),
            cert_sha256=(ICBC_CERT,),
        ),
        ProtectedApp(
            app_id="ccb",
            institution="中国建设银行",
            names=("中国建设银行",),
            brand_keywords=("建设银行", "建行", "CCB"),
            package_ids=("com.chinamworld.main",),
            developers=("中国建设银行股份有限公司",),
            cert_sha256=(CCB_CERT,),
        ),
        ProtectedApp(
            app_id="nbcb",
            institution="宁波银行",
            names=("宁波银行",),
            brand_keywords=("宁波银行", "NBCB"),
            package_ids=("com.nbcb.mobilebank",),
            developers=("宁波银行股份有限公司",),
            cert_sha256=("b" * 64,),
        ),
    ]


@pytest.fixture(scope="session")
def index(protected):
    return LookalikeIndex(protected, load_config())


@pytest.fixture
def check(index):
    """Screen one listing (defaults: unrelated package/developer/cert) and return its alert."""

    def run(name, **fields):
        fields.setdefault("package_id", "com.example.other")
        fields.setdefault("developer", "某某网络科技有限公司")
        return index.screen_one(Listing(listing_id="L1", source="store", name=name, **fields))

    return run


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path
