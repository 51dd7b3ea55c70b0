"""Issue 12 item 3 on PostgreSQL (pg_dump / pg_restore): runs where the suite itself runs on PostgreSQL
(DATABASE_URL, as in .ci/run); the backup and the restore use two databases of their own on that server."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

SUITE_URL = os.environ.get("DATABASE_URL", "")
SEED = Path(__file__).parent / "data" / "seed_installation.py"
pytestmark = pytest.mark.skipif(not SUITE_URL.startswith("postgres"), reason="the suite runs on SQLite")


def server_url(name):
    return SUITE_URL.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def databases():
    import psycopg

    names = [f"appgov_ops_{kind}_{secrets.token_hex(3)}" for kind in ("bk", "rs")]
    admin = SUITE_URL.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as con:
        for name in names:
            con.execute(f'CREATE DATABASE "{name}"')
    yield [server_url(name) for name in names]
    with psycopg.connect(admin, autocommit=True) as con:
        for name in names:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_database(source_url, target_url):
    import psycopg

    admin = SUITE_URL.replace("postgres://", "postgresql://", 1)
    source, target = source_url.rsplit("/", 1)[1], target_url.rsplit("/", 1)[1]
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE "{target}"')
        con.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def appgov(url, var_dir, *args, check=True):
    env = {k: v for k, v in os.environ.items() if not k.startswith("APPGOV_")}
    env.update(DATABASE_URL=url, APPGOV_VAR_DIR=str(var_dir), APPGOV_DEMO="1")
    done = subprocess.run(
        [sys.executable, "-m", "appgov.cli", *args], env=env, capture_output=True, text=True, timeout=900
    )
    if check:
        assert done.returncode == 0, f"appgov {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done


def test_pg_dump_backup_restores_into_an_empty_database(databases, tmp_path):
    source_url, target_url = databases
    source, target, backup_dir = tmp_path / "source", tmp_path / "target", tmp_path / "backup"
    appgov(source_url, source, "migrate", "-v", "0")
    copy_database(source_url, target_url)  # the target: an empty installation, migrated (one migration run less)
    appgov(source_url, source, "shell", "-c", SEED.read_text(encoding="utf-8"))
    appgov(source_url, source, "backup", str(backup_dir))
    assert (backup_dir / "database.pgdump").is_file()
    assert "change log verified" in appgov(target_url, target, "restore", str(backup_dir)).stdout
    assert "files intact: 1 logged files" in appgov(target_url, target, "audit", "verify", "--files").stdout
    refused = appgov(target_url, target, "restore", str(backup_dir), check=False)
    assert refused.returncode != 0 and "not empty" in refused.stderr
