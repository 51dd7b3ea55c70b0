"""Issue 12 item 3: `appgov backup DEST` and `appgov restore SRC` on SQLite. A backup restored into an empty
installation verifies there (chain and files); a backup that does not match its manifest and a non-empty
target are refused."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).parent / "data" / "seed_installation.py"


def installation(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("APPGOV_")}
    env.update(APPGOV_VAR_DIR=str(var_dir), APPGOV_DEMO="1")
    return env


def appgov(env, *args, check=True):
    done = subprocess.run(
        [sys.executable, "-m", "appgov.cli", *args], env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert done.returncode == 0, f"appgov {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done


def rows(var_dir: Path, sql: str):
    con = sqlite3.connect(var_dir / "appgov.sqlite3")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def installations(tmp_path_factory):
    """A (seeded, backed up) and an empty migrated installation, migrated once for the module."""
    root = tmp_path_factory.mktemp("installations")
    source, empty = root / "source", root / "empty"
    appgov(installation(source), "migrate", "-v", "0")
    empty.mkdir()
    shutil.copy2(
        source / "appgov.sqlite3", empty / "appgov.sqlite3"
    )  # migrated, no data: an empty installation
    appgov(installation(source), "shell", "-c", SEED.read_text(encoding="utf-8"))
    backup_dir = root / "backup"
    out = appgov(installation(source), "backup", str(backup_dir)).stdout
    assert "backup written to" in out and "manifest SHA-256" in out
    return source, empty, backup_dir


def fresh_copy(installations, tmp_path):
    _source, empty, backup_dir = installations
    target, copy = tmp_path / "target", tmp_path / "backup"
    shutil.copytree(empty, target)
    shutil.copytree(backup_dir, copy)
    return target, copy


def test_backup_holds_database_files_and_key_with_their_hashes(installations):
    source, _empty, backup_dir = installations
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["format"] == "appgov-backup/1" and manifest["database"] == {
        "engine": "sqlite",
        "file": "database.sqlite3",
    }
    evidence = [name for name in manifest["files"] if name.startswith("media/gate-evidence/")]
    assert len(evidence) == 1 and (backup_dir / evidence[0]).read_bytes() == b"%PDF-1.4 backup evidence"
    assert (
        manifest["chain_key_included"]
        and (backup_dir / "chain.key").read_bytes() == (source / "chain.key").read_bytes()
    )
    assert oct((backup_dir / "chain.key").stat().st_mode & 0o777) == "0o600"
    [(last_seq,)] = rows(source, "SELECT last_seq FROM core_changeloghead")
    assert manifest["changelog_head"]["seq"] == last_seq > 0


def test_restore_into_an_empty_installation_verifies_there(installations, tmp_path):
    source, _empty, _backup = installations
    target, backup_dir = fresh_copy(installations, tmp_path)
    env = installation(target)
    out = appgov(env, "restore", str(backup_dir)).stdout
    assert "change log verified after the restore" in out
    verified = appgov(env, "audit", "verify", "--files").stdout
    [(entries,)] = rows(source, "SELECT COUNT(*) FROM core_changelogentry")
    assert f"change log intact: {entries} entries verified" in verified
    assert "files intact: 1 logged files match" in verified
    assert rows(target, "SELECT name FROM core_institution") == [("备份测试银行",)]
    assert (target / "chain.key").read_bytes() == (source / "chain.key").read_bytes()

    refused = appgov(env, "restore", str(backup_dir), check=False)  # now it holds data
    assert refused.returncode != 0 and "not empty" in refused.stderr and "--force" in refused.stderr
    forced = appgov(env, "restore", str(backup_dir), "--force")
    assert "change log verified" in forced.stdout
    assert any(p.name.startswith("media.replaced-") for p in target.iterdir())  # nothing deleted


def test_a_file_changed_in_the_backup_is_refused(installations, tmp_path):
    target, backup_dir = fresh_copy(installations, tmp_path)
    [evidence] = list((backup_dir / "media" / "gate-evidence").rglob("*.pdf"))
    evidence.write_bytes(b"%PDF-1.4 forged evidence")
    refused = appgov(installation(target), "restore", str(backup_dir), check=False)
    assert refused.returncode != 0
    assert "does not match its manifest" in refused.stderr and "content differs" in refused.stderr
    assert rows(target, "SELECT COUNT(*) FROM core_institution") == [(0,)]  # nothing restored


def test_missing_and_extra_files_are_refused(installations, tmp_path):
    target, backup_dir = fresh_copy(installations, tmp_path)
    (backup_dir / "chain.key").unlink()
    (backup_dir / "media" / "smuggled.txt").write_text("x")
    refused = appgov(installation(target), "restore", str(backup_dir), check=False)
    assert (
        "chain.key: missing" in refused.stderr and "media/smuggled.txt: not in the manifest" in refused.stderr
    )


def test_backup_refuses_a_non_empty_destination_and_restore_a_non_backup(installations, tmp_path):
    source, _empty, _backup = installations
    (tmp_path / "occupied").mkdir()
    (tmp_path / "occupied" / "x").write_text("x")
    refused = appgov(installation(source), "backup", str(tmp_path / "occupied"), check=False)
    assert refused.returncode != 0 and "not an empty directory" in refused.stderr
    refused = appgov(installation(source), "restore", str(tmp_path / "occupied"), check=False)
    assert refused.returncode != 0 and "has no manifest.json" in refused.stderr


def test_restore_checks_the_manifest_against_the_hash_noted_at_backup(installations, tmp_path):
    """A manifest rewritten to match changed files passes the file check; the manifest's SHA-256, printed by
    `appgov backup` to be noted apart, is what catches it: restore prints it and, given it, refuses a mismatch."""
    import hashlib

    target, backup_dir = fresh_copy(installations, tmp_path)
    manifest_path = backup_dir / "manifest.json"
    noted = hashlib.sha256(manifest_path.read_bytes()).hexdigest()
    manifest = json.loads(manifest_path.read_text())
    manifest["created_at"] = "2020-01-01T00:00:00+00:00"  # any edit: the files still match the manifest
    manifest_path.write_text(json.dumps(manifest))
    env = installation(target)
    refused = appgov(env, "restore", str(backup_dir), "--manifest-sha256", noted, check=False)
    assert refused.returncode != 0
    assert "manifest.json" in refused.stderr and noted in refused.stderr
    assert rows(target, "SELECT COUNT(*) FROM core_institution") == [(0,)]  # nothing restored
    actual = hashlib.sha256(manifest_path.read_bytes()).hexdigest()
    out = appgov(env, "restore", str(backup_dir)).stdout  # without the noted hash: restored, hash shown
    assert f"manifest SHA-256 {actual}" in out
