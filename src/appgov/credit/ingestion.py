"""Ingest query logs and the core-banking tables the engine needs (uploads and the directory import job).

A file is validated whole against the engine's documented schema (appgov.engines.querywatch.schema) and
stored in the engine's canonical Parquet form; a bad file is refused with a message naming the file, the
column and the row, and nothing is stored.
"""

import csv
import hashlib
import io
import logging
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.engines.querywatch import TABLES, InputError, load_rules_config
from appgov.engines.querywatch.coerce import check_columns_present, coerce_table

from .models import QueryLogBatch

log = logging.getLogger(__name__)
TIME_COLUMN = {"query_events": "ts", "credit_relationships": "start", "loan_applications": "applied_at"}
MAX_BYTES = 2 * 1024 * 1024 * 1024


def _read(name: str, data: bytes, spec) -> tuple[pa.Table, callable]:
    suffix = Path(name).suffix.lower()
    if suffix == ".parquet":
        try:
            table = pq.read_table(io.BytesIO(data))
        except (pa.ArrowException, OSError) as exc:
            raise InputError(name, _("unreadable Parquet file: %(error)s") % {"error": exc}) from None
        return table, lambda i: f"row {i + 1}"
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(name, _("not UTF-8 text (byte %(byte)d)") % {"byte": exc.start}) from None
        header = next(csv.reader(io.StringIO(text)), None)
        if not header:
            raise InputError(
                name, _("empty file: a header line with the column names is required"), row="line 1"
            )
        header = [h.strip() for h in header]
        check_columns_present(spec, header, name)
        duplicates = sorted({h for h in header if header.count(h) > 1})
        if duplicates:
            raise InputError(name, _("column appears twice in the header"), duplicates[0], "line 1")
        try:
            table = pacsv.read_csv(
                io.BytesIO(text.encode("utf-8")),
                read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
                convert_options=pacsv.ConvertOptions(
                    column_types={h: pa.string() for h in header},
                    strings_can_be_null=True,
                    null_values=[""],
                    quoted_strings_can_be_null=True,
                ),
            )
        except pa.ArrowInvalid as exc:
            raise InputError(name, _("CSV cannot be parsed: %(error)s") % {"error": exc}) from None
        return table, lambda i: f"line {i + 2}"
    raise InputError(name, _("unsupported file type (use .csv or .parquet)"))


def check_unique_events(name, table: pa.Table, row_label, institution) -> None:
    ids = table.column("event_id")
    counts = pc.value_counts(ids)
    repeated = [v["values"].as_py() for v in counts if v["counts"].as_py() > 1]
    if repeated:
        first = repeated[0]
        rows = [i for i, v in enumerate(ids.to_pylist()) if v == first][:2]
        raise InputError(
            name,
            _("duplicate event_id %(id)r (first at %(row)s)") % {"id": first, "row": row_label(rows[0])},
            "event_id",
            row_label(rows[1]),
        )
    paths = [
        b.parquet.path
        for b in QueryLogBatch.objects.filter(institution=institution, table=QueryLogBatch.Table.QUERY_EVENTS)
    ]
    if not paths:
        return
    con = duckdb.connect()
    try:
        con.register("incoming", table.select(["event_id"]))
        hit = con.execute(
            "SELECT i.event_id FROM incoming i JOIN read_parquet(?) p USING (event_id) LIMIT 1", [paths]
        ).fetchone()
    finally:
        con.close()
    if hit:
        index = ids.to_pylist().index(hit[0])
        raise InputError(
            name,
            _("event_id %(id)r was already ingested in an earlier file") % {"id": hit[0]},
            "event_id",
            row_label(index),
        )


def validate(name: str, data: bytes, table_name: str, institution) -> pa.Table:
    """The file as the engine's canonical table, or InputError naming file, column and row."""
    spec = TABLES[table_name]
    raw, row_label = _read(name, data, spec)
    if raw.num_rows == 0:
        raise InputError(name, _("the file holds no rows"))
    canonical = coerce_table(spec, raw, name, row_label, load_rules_config(None).timezone)
    if table_name == "query_events":
        check_unique_events(name, canonical, row_label, institution)
    return canonical


def ingest(institution, name: str, data: bytes, *, table: str = "query_events", source="upload", actor=None):
    """Validate and store one file; ValidationError (with the engine's message) leaves nothing behind."""
    if table not in TIME_COLUMN:
        raise ValidationError({"table": _("unknown table %(table)r") % {"table": table}})
    if len(data) > MAX_BYTES:
        raise ValidationError(
            {"file": _("%(name)s: larger than %(max)d bytes") % {"name": name, "max": MAX_BYTES}}
        )
    digest = hashlib.sha256(data).hexdigest()
    if QueryLogBatch.objects.filter(institution=institution, sha256=digest).exists():
        raise ValidationError({"file": _("%(name)s: this file was already ingested") % {"name": name}})
    core.check_can_write(actor, QueryLogBatch)
    try:
        canonical = validate(name, data, table, institution)
    except InputError as exc:
        raise ValidationError({"file": str(exc)}) from None
    return store(institution, name, digest, canonical, table=table, source=source, actor=actor)


def store(institution, name: str, digest: str, canonical: pa.Table, *, table: str, source: str, actor=None):
    """Store a validated table (the engine's canonical form) as one batch, all or nothing."""
    times = canonical.column(TIME_COLUMN[table])
    first, last = pc.min(times).as_py(), pc.max(times).as_py()
    days = sorted({d.isoformat() for d in pc.unique(pc.cast(times, pa.date32())).to_pylist() if d})
    buffer = io.BytesIO()
    pq.write_table(canonical, buffer)
    tz = timezone.get_default_timezone()
    batch = QueryLogBatch(
        institution=institution,
        table=table,
        source=source,
        original_name=Path(name).name[:255],
        sha256=digest,
        rows=canonical.num_rows,
        first_ts=timezone.make_aware(first, tz) if first else None,
        last_ts=timezone.make_aware(last, tz) if last else None,
        days=days,
        uploaded_by=actor,
    )
    batch.parquet.save(
        f"{institution.code}-{table}-{digest[:16]}.parquet", ContentFile(buffer.getvalue()), save=False
    )
    try:
        with transaction.atomic():
            return core.save(batch, actor)
    except Exception:
        batch.parquet.delete(save=False)
        raise


def import_directory(institution, directory: Path, actor=None, move_done: bool = False) -> dict:
    """Ingest every new <table>*.csv / *.parquet file of a directory; each file is all-or-nothing.

    The table is given by the file-name prefix (query_events…, credit_relationships…, loan_applications…).
    Files already ingested (same SHA-256) are skipped; bad files are reported and left in place.
    ``move_done`` (the watched folder of the real-time cycle): an ingested or already-ingested file moves to
    ``ingested/``, a refused one to ``refused/`` with ``<name>.error.txt`` beside it saying why, so the folder
    holds only what is still to be read.
    """
    result = {"ingested": [], "skipped": [], "errors": []}
    if not directory.is_dir():
        return result
    known = set(QueryLogBatch.objects.filter(institution=institution).values_list("sha256", flat=True))
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".csv", ".parquet") or not path.is_file():
            continue
        table = next((t for t in TIME_COLUMN if path.name.startswith(t)), None)
        if table is None:
            result["errors"].append(f"{path.name}: name does not start with one of {', '.join(TIME_COLUMN)}")
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() in known:
            result["skipped"].append(path.name)
            if move_done:
                _move(path, "ingested")
            continue
        try:
            ingest(
                institution, path.name, data, table=table, source=QueryLogBatch.Source.DIRECTORY, actor=actor
            )
        except ValidationError as exc:
            result["errors"].append("; ".join(exc.messages))
            if move_done:
                moved = _move(path, "refused")
                moved.with_name(moved.name + ".error.txt").write_text(
                    "\n".join(exc.messages) + "\n", encoding="utf-8"
                )
        else:
            result["ingested"].append(path.name)
            if move_done:
                _move(path, "ingested")
    return result


def _move(path: Path, folder: str) -> Path:
    target_dir = path.parent / folder
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    if target.exists():  # a file of the same name came earlier: keep both
        target = target_dir / f"{path.stem}-{timezone.now():%Y%m%d%H%M%S%f}{path.suffix}"
    return path.rename(target)


def import_root() -> Path:
    return Path(settings.APPGOV_CREDIT_IMPORT_DIR)


def import_directories() -> str:
    """Daily job: <APPGOV_CREDIT_IMPORT_DIR>/<institution code>/ for every institution."""
    from appgov.core.models import Institution

    totals = {"ingested": 0, "errors": 0}
    for institution in Institution.objects.all():
        ingested, errors = _import_for(institution)
        totals["ingested"] += ingested
        totals["errors"] += errors
    return f"{totals['ingested']} files ingested, {totals['errors']} refused"


def import_directory_for(institution) -> str:
    """One institution's nightly import (the scheduler runs it on the institution's clock, before its
    monitoring)."""
    ingested, errors = _import_for(institution)
    return f"{ingested} files ingested, {errors} refused"


def _import_for(institution) -> tuple[int, int]:
    outcome = import_directory(institution, import_root() / institution.code)
    for error in outcome["errors"]:
        log.warning("credit import %s: %s", institution.code, error)
    return len(outcome["ingested"]), len(outcome["errors"])
