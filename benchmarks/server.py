"""The bench's own databases and a gunicorn as in production, on a free port."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SECRET = "bench-only-secret-key-" + "x" * 40


def database_env(url):
    """The environment of every process of the bench against the database ``url``."""
    env = dict(os.environ)
    env.pop("CELERY_BROKER_URL", None)  # reports and e-mails run inside the process
    env.update(
        DATABASE_URL=url,
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PYTHONPATH=str(ROOT),
        # As in production: the processes share one cache (the dashboards' figures).
        CACHE_URL=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/2"),
    )
    return env


def recreate_database(server_url, name):
    admin = f"{server_url}/postgres"
    for sql in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", admin, "-qc", sql], check=True, capture_output=True)
    return f"{server_url}/{name}"


def manage(env, *args, quiet=True):
    began = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    if not quiet:
        print(result.stdout)
    return time.perf_counter() - began, result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn with 3 workers, DJANGO_DEBUG=0, static files collected and served by WhiteNoise."""

    def __init__(self, env, workers=3):
        self.static = tempfile.mkdtemp(prefix="bench-static-")
        self.env = dict(env, DJANGO_DEBUG="0", DJANGO_SECURE_SSL_REDIRECT="0")
        self.env["STATIC_ROOT"] = self.static
        self.port = free_port()
        self.workers = workers
        self.process = None
        self.log = open(Path(self.static) / "gunicorn.log", "w")  # noqa: SIM115

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        manage(self.env, "collectstatic", "--noinput", "-v0")
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--access-logfile",
                "/dev/null",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz within a minute")

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.log.close()
