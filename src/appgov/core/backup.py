"""A consistent copy of an installation (database, uploaded files, change-log key) with a manifest of
SHA-256 hashes, and its restore into an empty installation (`appgov backup DEST`, `appgov restore SRC`).

The database is copied with SQLite's online backup API (a consistent snapshot while the service keeps
writing) or `pg_dump` (one transaction snapshot). Files are copied after the database, so every file the
copied rows name is there (records are never deleted; a file added meanwhile is an unused extra).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections

FORMAT = "appgov-backup/1"
MANIFEST = "manifest.json"
SQLITE_FILE, PG_FILE, KEY_FILE, MEDIA_DIR = "database.sqlite3", "database.pgdump", "chain.key", "media"


class BackupError(Exception):
    """A backup or restore refused, with the reason for the operator."""


@dataclass
class Summary:
    path: Path
    files: int
    bytes: int
    head_seq: int | None
    manifest_sha256: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"backup supports SQLite and PostgreSQL, not {engine}")


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = [f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        args.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        args.append(f"--port={db['PORT']}")
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    return args, env


def _run(command: list[str], env: dict) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=6 * 3600)
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed (needed for PostgreSQL)") from exc
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


# ---------- backup ----------


def backup(dest: Path, include_key: bool = True) -> Summary:
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError(f"{dest} exists and is not an empty directory; choose a new one")
    engine = _engine()
    dest.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict] = {}
    if engine == "sqlite":
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(dest / SQLITE_FILE)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        db_file = SQLITE_FILE
        head = _sqlite_head(dest / SQLITE_FILE)
    else:
        head = _live_head()  # a lower bound: pg_dump's snapshot is taken right after
        args, env = _pg_env()
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={dest / PG_FILE}", *args], env)
        db_file = PG_FILE
    files[db_file] = _describe(dest / db_file)

    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir():
        for source in sorted(p for p in media_root.rglob("*") if p.is_file()):
            relative = Path(MEDIA_DIR) / source.relative_to(media_root)
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            files[relative.as_posix()] = _describe(target)

    key_path = Path(settings.APPGOV_CHAIN_KEY_FILE)
    if include_key and key_path.is_file():
        shutil.copy2(key_path, dest / KEY_FILE)
        os.chmod(dest / KEY_FILE, 0o600)
        files[KEY_FILE] = _describe(dest / KEY_FILE)

    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {"engine": engine, "file": db_file},
        "changelog_head": head,
        "chain_key_included": KEY_FILE in files,
        "files": files,
    }
    body = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True).encode()
    (dest / MANIFEST).write_bytes(body)
    return Summary(
        dest,
        len(files),
        sum(f["bytes"] for f in files.values()),
        head["seq"] if head else None,
        hashlib.sha256(body).hexdigest(),
    )


def _describe(path: Path) -> dict:
    return {"sha256": _sha256(path), "bytes": path.stat().st_size}


def _sqlite_head(path: Path) -> dict | None:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT last_seq, last_hash FROM core_changeloghead WHERE id = 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return {"seq": row[0], "hash": row[1]} if row else None


def _live_head() -> dict | None:
    from appgov.core.models import ChangeLogHead

    head = ChangeLogHead.objects.filter(pk=1).first()
    return {"seq": head.last_seq, "hash": head.last_hash} if head else None


# ---------- restore ----------


def read_manifest(src: Path) -> dict:
    """The backup's manifest, after checking every file it lists (and nothing else is there)."""
    src = Path(src)
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError(f"{src} has no {MANIFEST}: not an `appgov backup` directory") from exc
    except ValueError as exc:
        raise BackupError(f"{src / MANIFEST} is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{src / MANIFEST} is not an {FORMAT} manifest")
    listed = manifest.get("files") or {}
    problems = []
    for relative, expected in sorted(listed.items()):
        path = src / relative
        if not path.is_file():
            problems.append(f"{relative}: missing")
        elif path.stat().st_size != expected["bytes"] or _sha256(path) != expected["sha256"]:
            problems.append(f"{relative}: content differs from the manifest (SHA-256)")
    present = {p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()} - {MANIFEST}
    problems += [f"{relative}: not in the manifest" for relative in sorted(present - set(listed))]
    if manifest.get("database", {}).get("file") not in listed:
        problems.append("the manifest lists no database file")
    if problems:
        raise BackupError("the backup does not match its manifest:\n  " + "\n  ".join(problems))
    return manifest


def target_contents() -> list[str]:
    """What the installation to restore into already holds (empty list: a fresh installation)."""
    found = []
    try:
        from django.contrib.auth import get_user_model

        from appgov.core.models import ChangeLogEntry, Institution

        for model in (ChangeLogEntry, Institution, get_user_model()):
            count = model.objects.count()
            if count:
                found.append(f"{count} {model._meta.verbose_name_plural} in the database")
    except DatabaseError:
        pass  # no tables yet: nothing to lose
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(p.is_file() for p in media_root.rglob("*")):
        found.append(f"files under {media_root}")
    return found


def restore(src: Path, force: bool = False) -> dict:
    src = Path(src)
    manifest = read_manifest(src)
    engine = _engine()
    if manifest["database"]["engine"] != engine:
        raise BackupError(
            f"the backup holds a {manifest['database']['engine']} database; this installation uses {engine}"
        )
    existing = target_contents()
    if existing and not force:
        raise BackupError(
            "this installation is not empty (" + "; ".join(existing) + "); restore into an empty one, "
            "or pass --force to replace it (the replaced files are kept aside, not deleted)"
        )
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S")
    if engine == "sqlite":
        _restore_sqlite(src / manifest["database"]["file"], stamp)
    else:
        args, env = _pg_env()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", *args,
              str(src / manifest["database"]["file"])], env)  # fmt: skip

    media_root = Path(settings.MEDIA_ROOT)
    if media_root.is_dir() and any(media_root.iterdir()):
        media_root.rename(media_root.with_name(f"{media_root.name}.replaced-{stamp}"))
    for relative in manifest["files"]:
        if relative.startswith(MEDIA_DIR + "/"):
            target = media_root / relative[len(MEDIA_DIR) + 1 :]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / relative, target)

    if KEY_FILE in manifest["files"]:
        key_path = Path(settings.APPGOV_CHAIN_KEY_FILE)
        if key_path.exists():
            key_path.rename(key_path.with_name(f"{key_path.name}.replaced-{stamp}"))
        key_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src / KEY_FILE, key_path)
        os.chmod(key_path, 0o600)
    return manifest


def _restore_sqlite(backup_file: Path, stamp: str) -> None:
    """Copy the backup into a new file next to the database and swap it in. The old file's -wal and -shm
    go too: a stale write-ahead log would be replayed onto the restored database."""
    connections.close_all()
    target = Path(settings.DATABASES["default"]["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(f"{target.name}.restoring-{stamp}")
    source, copy = sqlite3.connect(backup_file), sqlite3.connect(incoming)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    if target.exists():
        target.rename(target.with_name(f"{target.name}.replaced-{stamp}"))
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(incoming, target)
