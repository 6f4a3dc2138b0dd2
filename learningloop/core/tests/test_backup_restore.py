"""`make backup` / `make restore` (manage.py backup / restore): a backup of the demo partnership, with its
uploaded files, restored into an empty database and an empty files folder gives back every table with the
same number of rows and every file with the same checksum; a damaged backup or a database that is not empty
is refused and left as it was.

The round trip needs PostgreSQL (pg_dump / pg_restore): it runs when the suite runs on PostgreSQL
(`make test-postgres`, and the CI's second run through scripts/pg-test.sh). It copies the migrated test
database into a database of its own, seeds the demo there, and runs the commands in subprocesses exactly as
the Makefile does."""

import hashlib
import io
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

BASE_DIR = Path(__file__).resolve().parents[3]
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backup and restore are for PostgreSQL (make test-postgres)"
)

# Files as people upload them: a PDF and a Word document on activities, a spreadsheet as action evidence.
ADD_FILES = """
from django.core.files.base import ContentFile
from learningloop.improvement.models import Action, ActionEvidence
from learningloop.learning.models import ActivityDocument, LearningActivity
activity = LearningActivity.objects.order_by("pk").first()
action = Action.objects.order_by("pk").first()
for name, body in [("Chronology.pdf", b"%PDF-1.7 chronology " * 500), ("Notes.docx", bytes(range(256)) * 40)]:
    document = ActivityDocument(activity=activity, original_name=name, content_type="application/pdf",
                                size=len(body))
    document.file.save(name, ContentFile(body), save=True)
evidence = ActionEvidence(action=action, original_name="Audit.xlsx", content_type="application/zip", size=9)
evidence.file.save("Audit.xlsx", ContentFile(b"PK\\x03\\x04audit"), save=True)
"""


def _url(settings_dict, name):
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{name}"


def _manage(*args, database_url, media_root, check=True):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="learningloop.config.settings",
        DATABASE_URL=database_url,
        LEARNINGLOOP_MEDIA_ROOT=str(media_root),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check:
        assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _connect(settings_dict, name):
    import psycopg

    params = {
        "host": settings_dict.get("HOST") or "127.0.0.1",
        "port": settings_dict.get("PORT"),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
    }
    return psycopg.connect(dbname=name, autocommit=True, **{k: v for k, v in params.items() if v})


def _row_counts(settings_dict, name):
    with _connect(settings_dict, name) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def _checksums(folder: Path):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A database of the seeded demo with uploaded files, its backup, and an empty database to restore
    into."""
    with django_db_blocker.unblock():
        settings_dict = dict(connection.settings_dict)
        connections.close_all()  # a template database must have no other connection
        suffix = uuid.uuid4().hex[:8]
        source, target = f"ll_backup_src_{suffix}", f"ll_backup_dst_{suffix}"
        admin = _connect(settings_dict, "postgres")
        admin.execute(f'CREATE DATABASE "{source}" TEMPLATE "{settings_dict["NAME"]}"')
        admin.execute(f'CREATE DATABASE "{target}" TEMPLATE template0')
        root = tmp_path_factory.mktemp("backup")
        try:
            src_url, dst_url = _url(settings_dict, source), _url(settings_dict, target)
            _manage("seed_demo", database_url=src_url, media_root=root / "uploads")
            _manage("shell", "-c", ADD_FILES, database_url=src_url, media_root=root / "uploads")
            _manage(
                "backup", "--to", str(root / "backups"), database_url=src_url, media_root=root / "uploads"
            )
            (backup,) = (root / "backups").iterdir()
            yield {
                "settings": settings_dict, "source": source, "target": target, "source_url": src_url,
                "target_url": dst_url, "root": root, "backup": backup,
            }  # fmt: skip
        finally:
            for name in (source, target):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()


@on_postgresql
def test_a_restored_demo_backup_has_every_row_and_every_file(demo_backup):
    b = demo_backup
    restored = b["root"] / "restored-uploads"
    result = _manage("restore", str(b["backup"]), database_url=b["target_url"], media_root=restored)
    assert "checksums match" in result.stdout

    before, after = _row_counts(b["settings"], b["source"]), _row_counts(b["settings"], b["target"])
    assert after == before
    # The demo is really in it: its logins, activities, actions and the three uploaded files' rows.
    assert before["accounts_user"] >= 7 and before["learning_learningactivity"] > 0
    assert before["learning_activitydocument"] == 2 and before["improvement_actionevidence"] == 1

    # Only its owner may read a backup: it holds everything, restricted details included.
    assert b["backup"].stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in b["backup"].iterdir()} == {0o600}

    files_before, files_after = _checksums(b["root"] / "uploads"), _checksums(restored)
    # The files ADD_FILES uploaded (two activity documents, one action evidence) beside the files the other
    # areas' demo data stores (meeting papers, published documents...): every one comes back identical.
    assert len(files_before) >= 3
    assert files_after == files_before

    # The restored service can read its files through the stored names in the restored rows.
    names = _manage(
        "shell", "-c",
        "from learningloop.learning.models import ActivityDocument as D\n"
        "print(sorted(len(d.file.read()) for d in D.objects.all()))",
        database_url=b["target_url"], media_root=restored,
    )  # fmt: skip
    assert names.stdout.strip().splitlines()[-1] == "[10000, 10240]"


@on_postgresql
def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(demo_backup):
    b = demo_backup
    before = _row_counts(b["settings"], b["source"])
    result = _manage(
        "restore",
        str(b["backup"]),
        database_url=b["source_url"],
        media_root=b["root"] / "elsewhere",
        check=False,
    )
    assert result.returncode != 0
    assert "restore only into an empty database" in result.stderr
    assert _row_counts(b["settings"], b["source"]) == before
    assert not (b["root"] / "elsewhere").exists()


@on_postgresql
def test_restore_refuses_a_damaged_backup(demo_backup, tmp_path):
    b = demo_backup
    damaged = tmp_path / "damaged"
    shutil.copytree(b["backup"], damaged)
    tar = damaged / "uploads.tar"
    data = bytearray(tar.read_bytes())
    data[1000] ^= 0xFF
    tar.write_bytes(bytes(data))
    result = _manage(
        "restore", str(damaged), database_url=b["target_url"], media_root=tmp_path / "up", check=False
    )
    assert result.returncode != 0
    assert "uploads.tar" in result.stderr and "damaged" in result.stderr


def test_backup_explains_that_it_needs_postgresql(db):
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the backup runs (the tests above)")
    with pytest.raises(CommandError, match="Backups are for PostgreSQL"):
        call_command("backup", "--to", "/nonexistent", stdout=io.StringIO())
