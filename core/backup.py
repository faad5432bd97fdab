"""One archive holds the whole portal: the database and both media folders.

Inside a ``portal-YYYYmmdd-HHMMSS.tar.gz``: ``manifest.json``, the database as
``database.dump`` (``pg_dump -Fc``) or ``database.sqlite3`` (a consistent copy made with
SQLite's backup API), and the files under ``media/`` and ``private_media/``.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.storage import private_storage

FORMAT = 1
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(DomainError):
    pass


def _folders():
    """Archive name → folder on disk, for every folder of files the portal keeps."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private_media": Path(private_storage().base_location),
    }


def _vendor():
    if connection.vendor not in DUMPS:
        raise BackupError(
            _("Backups support PostgreSQL and SQLite, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def _postgres(program, *args):
    """Run a PostgreSQL client program against the portal's database."""
    db = connection.settings_dict
    argv = [program, "--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            argv += [option, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    try:
        done = subprocess.run([*argv, *args], env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            _("%(program)s is not installed (Debian: apt-get install postgresql-client).")
            % {"program": program}
        ) from error
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": program, "error": done.stderr.strip()[-2000:]}
        )


def _dump_database(vendor, target):
    if vendor == "postgresql":
        _postgres("pg_dump", "--format=custom", "--file", str(target))
        return
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()


def backup_create(*, directory):
    """Write a dated archive into ``directory`` and return its path."""
    vendor = _vendor()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    archive = directory / f"portal-{created:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        dump = Path(work) / DUMPS[vendor]
        _dump_database(vendor, dump)
        manifest = Path(work) / "manifest.json"
        manifest.write_text(
            json.dumps({"format": FORMAT, "vendor": vendor, "created": created.isoformat()})
        )
        # Written beside its final name and renamed once complete: never half an archive.
        partial = directory / f".{archive.name}.partial"
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest, arcname=manifest.name)
            tar.add(dump, arcname=dump.name)
            for name, folder in _folders().items():
                if folder.is_dir():
                    tar.add(folder, arcname=name)
                else:
                    tar.add(work, arcname=name, recursive=False)
        partial.replace(archive)
    return archive


def _has_files(folder):
    return folder.is_dir() and any(path.is_file() for path in folder.rglob("*"))


def _check_empty(*, force):
    tables = connection.introspection.table_names()
    if tables and not force:
        raise BackupError(
            _(
                "The database already has %(count)s tables. A backup is restored into an "
                "empty database; to replace this one, run again with FORCE=1 (--force)."
            )
            % {"count": len(tables)}
        )
    for folder in _folders().values():
        if _has_files(folder) and not force:
            raise BackupError(
                _(
                    "The folder %(folder)s already holds files. Empty it, or run again with "
                    "FORCE=1 (--force) to replace them."
                )
                % {"folder": folder}
            )


def _empty(folder):
    """Remove what a folder holds, keeping the folder: in docker compose it is a volume."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def _clear_database(vendor):
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    connection.close()


def _restore_database(vendor, dump):
    if vendor == "postgresql":
        _postgres(
            "pg_restore", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error",
            str(dump),
        )  # fmt: skip
        return
    connection.close()
    source = sqlite3.connect(dump)
    target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()


def backup_restore(*, archive, force=False):
    """Bring an archive back into an empty database and empty media folders."""
    vendor = _vendor()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(_("There is no file %(file)s.") % {"file": archive})
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(work, filter="data")
            manifest = json.loads((Path(work) / "manifest.json").read_text())
        except (tarfile.TarError, OSError, ValueError) as error:
            raise BackupError(
                _("%(file)s is not a portal backup: %(error)s") % {"file": archive, "error": error}
            ) from error
        if manifest.get("format") != FORMAT or manifest.get("vendor") != vendor:
            raise BackupError(
                _("The backup was made on %(made)s; this portal runs on %(vendor)s.")
                % {"made": manifest.get("vendor"), "vendor": vendor}
            )
        _check_empty(force=force)
        if force:
            _clear_database(vendor)
        _restore_database(vendor, Path(work) / DUMPS[vendor])
        for name, folder in _folders().items():
            if force:
                _empty(folder)
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copytree(Path(work) / name, folder, dirs_exist_ok=True)
    return manifest
