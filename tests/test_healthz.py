import json
import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import django, json; django.setup(); from django.test import Client; "
    "r = Client().get('/healthz'); print(json.dumps([r.status_code, json.loads(r.content)]))"
)


def probe(**env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_answers_200_with_the_database_up(client, db):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["broker"] in ("eager", "ok")


def test_healthz_answers_503_when_the_database_is_down():
    status, body = probe(DATABASE_URL="postgres://postgres@127.0.0.1:1/nowhere")

    assert status == 503
    assert body["database"] == "down"


def test_healthz_reports_an_unreachable_broker():
    status, body = probe(
        DATABASE_URL=f"sqlite:///{ROOT / 'db.sqlite3'}", CELERY_BROKER_URL="redis://127.0.0.1:1/0"
    )

    assert status == 200
    assert body["broker"] == "down"
