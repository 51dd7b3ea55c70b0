"""Mini-program fixtures: packages built at test time from the projects under projects/."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mp_builder import compile_project, encrypt_pc_copy  # noqa: E402

APPID = "wx0123456789abcdef"


@pytest.fixture(scope="session")
def bank_packages() -> dict[str, bytes]:
    return compile_project("bank_demo")


@pytest.fixture(scope="session")
def clean_packages() -> dict[str, bytes]:
    return compile_project("clean_demo")


@pytest.fixture(scope="session")
def bank_folder(bank_packages, tmp_path_factory) -> Path:
    """The Windows client's cache layout: Applet/<appid>/<version>/__APP__.wxapkg and sub-packages."""
    root = tmp_path_factory.mktemp("applet")
    d = root / APPID / "12"
    d.mkdir(parents=True)
    for name, data in bank_packages.items():
        (d / name).write_bytes(data)
    return root


@pytest.fixture(scope="session")
def bank_zip(bank_packages, tmp_path_factory) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in bank_packages.items():
            zf.writestr(f"bank_demo/{name}", data)
    p = tmp_path_factory.mktemp("zip") / "bank_demo.zip"
    p.write_bytes(buf.getvalue())
    return p


@pytest.fixture(scope="session")
def bank_main(bank_packages, tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("main") / "__APP__.wxapkg"
    p.write_bytes(bank_packages["__APP__.wxapkg"])
    return p


@pytest.fixture(scope="session")
def bank_encrypted(bank_packages, tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("pc") / "__APP__.wxapkg"
    p.write_bytes(encrypt_pc_copy(bank_packages["__APP__.wxapkg"], APPID))
    return p
