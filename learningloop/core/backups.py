"""Backup and restore of a PostgreSQL installation: the database (pg_dump's custom format) and every
uploaded file (a tar read from and written back through Django's default storage, so a local folder and an
S3 bucket work alike), with SHA-256 checksums and row counts to prove a restore complete (ADR 0027).

A backup is a folder:

    database.dump    pg_dump --format=custom, taken in one snapshot with the row counts below
    uploads.tar      every file in the default storage, named as the storage names it
    uploads.sha256   "<sha256>  <name>" for every file in uploads.tar (sha256sum's format)
    backup.json      when, which database, the row count of every table in the dump's snapshot
    SHA256SUMS       checksums of the four files above: `sha256sum -c SHA256SUMS` checks a copy

`make backup` and `make restore` (manage.py backup / restore) call these functions; so does the test."""

import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

DUMP = "database.dump"
UPLOADS = "uploads.tar"
UPLOAD_SUMS = "uploads.sha256"
META = "backup.json"
SUMS = "SHA256SUMS"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Why a backup or restore stopped; nothing is half-restored into a database that was not empty."""


@dataclass
class RestoreResult:
    tables: int
    rows: int
    files: int


# --- PostgreSQL connection --------------------------------------------------------------------------------


def _require_postgresql():
    if connection.vendor != "postgresql":
        raise BackupError(
            f"Backups are for PostgreSQL; DATABASE_URL points at {connection.vendor}. "
            "A SQLite database is one file: copy it while the service is stopped."
        )


def _pg_env() -> dict[str, str]:
    """The libpq environment (PGHOST, PGUSER...) for pg_dump / pg_restore, from the Django settings, so
    the password never appears on a command line."""
    settings = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    values = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGDATABASE": settings.get("NAME"),
        "PGSSLMODE": (settings.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({k: str(v) for k, v in values.items() if v not in (None, "")})
    return env


_CONNECT = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD",
            "dbname": "PGDATABASE", "sslmode": "PGSSLMODE"}  # fmt: skip


def pg_tool(name: str) -> str:
    """pg_dump or pg_restore: from PG_BINDIR if set, else PATH, else the newest Debian cluster's binaries.
    They must be at least the server's major version."""
    bindir = os.environ.get("PG_BINDIR")
    if bindir:
        return str(Path(bindir) / name)
    found = shutil.which(name)
    if found:
        return found
    debian = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if debian:
        return str(debian[-1])
    raise BackupError(f"{name} was not found: install PostgreSQL's client (Debian: postgresql-client).")


def _run(args: list[str]) -> None:
    # The arguments are ours: the tool's path and file names this module chose; no shell.
    result = subprocess.run(args, env=_pg_env(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip() or result.stdout.strip()}")


def _tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [row[0] for row in cursor.fetchall()]


def _row_counts(cursor) -> dict[str, int]:
    counts = {}
    for table in _tables(cursor):
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - catalog name
        counts[table] = cursor.fetchone()[0]
    return counts


# --- Files ------------------------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def storage_names(storage=None, folder: str = "") -> list[str]:
    """Every file name in the storage, walking its folders (local folder or bucket alike), sorted."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names.extend(storage_names(storage, f"{folder}{sub}/"))
    return sorted(names)


def _write_sums(path: Path, sums: dict[str, str]) -> None:
    path.write_text("".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items())))


def read_sums(path: Path) -> dict[str, str]:
    sums = {}
    for line in path.read_text().splitlines():
        if line.strip():
            digest, name = line.split("  ", 1)
            sums[name] = digest
    return sums


def _archive_uploads(target: Path) -> dict[str, str]:
    sums = {}
    with tarfile.open(target, "w") as archive:
        for name in storage_names():
            digest = hashlib.sha256()
            with default_storage.open(name, "rb") as handle:
                data = handle.read()
            digest.update(data)
            sums[name] = digest.hexdigest()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o600
            archive.addfile(info, io.BytesIO(data))
    return sums


# --- Backup -----------------------------------------------------------------------------------------------


def backup_create(*, to: Path) -> Path:
    """Write a new backup folder under `to` and return it. The database is dumped from one snapshot, and the
    row counts come from that same snapshot; the files are read after it, so every file a row names is in
    the backup (a file uploaded meanwhile may be there too, without its row: harmless)."""
    _require_postgresql()
    import psycopg

    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    folder = Path(to) / f"learningloop-backup-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    folder.chmod(0o700)
    libpq = _pg_env()
    params = {key: libpq[var] for key, var in _CONNECT.items() if var in libpq}
    with psycopg.connect(**params) as snapshot_conn:
        snapshot_conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        snapshot_conn.read_only = True
        with snapshot_conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _row_counts(cursor)
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]
            _run([pg_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={folder / DUMP}"])
    upload_sums = _archive_uploads(folder / UPLOADS)
    _write_sums(folder / UPLOAD_SUMS, upload_sums)
    meta = {
        "format": 1,
        "created_at": timezone.now().isoformat(),
        "database": connection.settings_dict.get("NAME"),
        "server_version": server_version,
        "row_counts": counts,
        "files": len(upload_sums),
    }
    (folder / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    _write_sums(
        folder / SUMS, {name: _sha256_file(folder / name) for name in (DUMP, UPLOADS, UPLOAD_SUMS, META)}
    )
    for path in folder.iterdir():
        path.chmod(0o600)
    return folder


# --- Restore ----------------------------------------------------------------------------------------------


def _check_backup(folder: Path) -> dict:
    if not (folder / SUMS).is_file():
        raise BackupError(f"{folder} is not a Learning Loop backup: it has no {SUMS}.")
    for name, digest in read_sums(folder / SUMS).items():
        path = folder / name
        if not path.is_file() or _sha256_file(path) != digest:
            raise BackupError(
                f"{name} in {folder} is missing or damaged: its checksum does not match {SUMS}."
            )
    return json.loads((folder / META).read_text())


def _check_empty_target() -> None:
    with connection.cursor() as cursor:
        tables = _tables(cursor)
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict.get('NAME')!r} already has {len(tables)} tables: "
            "restore only into an empty database (createdb a new one, point DATABASE_URL at it)."
        )
    if storage_names():
        raise BackupError("The file storage already holds files: restore only into an empty one.")


def _restore_uploads(folder: Path, expected: dict[str, str]) -> int:
    restored = 0
    with tarfile.open(folder / UPLOADS, "r") as archive:
        for member in archive:
            if not member.isfile() or member.name not in expected:
                raise BackupError(f"{UPLOADS} holds {member.name!r}, which {UPLOAD_SUMS} does not list.")
            data = archive.extractfile(member).read()
            if hashlib.sha256(data).hexdigest() != expected[member.name]:
                raise BackupError(f"{member.name} in {UPLOADS} does not match its checksum.")
            saved = default_storage.save(member.name, ContentFile(data))
            if saved != member.name:
                raise BackupError(f"{member.name} was stored as {saved}: the storage was not empty.")
            restored += 1
    if restored != len(expected):
        raise BackupError(f"{UPLOADS} holds {restored} files; {UPLOAD_SUMS} lists {len(expected)}.")
    return restored


def backup_restore(*, folder: Path) -> RestoreResult:
    """Restore a backup folder into the configured database and file storage, both empty; then check every
    table's row count against the backup's and every file against its checksum. Raises BackupError."""
    _require_postgresql()
    folder = Path(folder)
    meta = _check_backup(folder)
    _check_empty_target()
    # One transaction: a dump that fails part-way leaves the database empty, as it was.
    _run(
        [pg_tool("pg_restore"), "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction",
         f"--dbname={connection.settings_dict.get('NAME')}", str(folder / DUMP)]
    )  # fmt: skip
    files = _restore_uploads(folder, read_sums(folder / UPLOAD_SUMS))
    with connection.cursor() as cursor:
        counts = _row_counts(cursor)
    expected = meta["row_counts"]
    if counts != expected:
        differ = sorted(t for t in set(counts) | set(expected) if counts.get(t) != expected.get(t))
        raise BackupError(f"Row counts differ from the backup's in: {', '.join(differ)}")
    return RestoreResult(tables=len(counts), rows=sum(counts.values()), files=files)


def default_backup_folder() -> Path:
    from django.conf import settings

    return Path(os.environ.get("LEARNINGLOOP_BACKUP_DIR") or settings.VAR_DIR / "backups")


def describe(folder: Path) -> str:
    meta = json.loads((Path(folder) / META).read_text())
    created = datetime.datetime.fromisoformat(meta["created_at"])
    rows = sum(meta["row_counts"].values())
    return (
        f"{folder}: {len(meta['row_counts'])} tables, {rows} rows, {meta['files']} files, "
        f"taken {created:%Y-%m-%d %H:%M} UTC"
    )
