"""The deployment files: a valid compose file whose commands exist in the project."""

import re
import shlex
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_services_with_health_checks_and_volumes():
    config = compose()

    assert set(config["services"]) == {"proxy", "web", "worker", "beat", "db", "redis"}
    for name, service in config["services"].items():
        assert "healthcheck" in service, name
        assert "test" in service["healthcheck"], name
    assert {"pgdata", "media"} <= set(config["volumes"])
    assert "pgdata:/var/lib/postgresql/data" in config["services"]["db"]["volumes"]
    assert "media:/app/media" in config["services"]["web"]["volumes"]
    assert config["services"]["web"]["env_file"] == ".env"


def test_each_app_service_runs_something_the_project_has():
    services = compose()["services"]
    web = services["web"]["command"]

    wsgi_module, _, attribute = re.search(r"gunicorn (\S+)", web).group(1).partition(":")
    assert hasattr(import_module(wsgi_module), attribute)
    for name in ("worker", "beat"):
        argv = shlex.split(services[name]["command"])
        assert argv[:3] == ["celery", "-A", "config"]
        assert argv[3] == name
        assert import_module("config").celery_app.main == "portal"
    assert (ROOT / "Dockerfile").exists()


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "config" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', settings_source))
    example = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))

    assert read, "the settings read no variables?"
    assert read <= example, f"missing from .env.example: {sorted(read - example)}"


def test_each_gunicorn_worker_keeps_the_loaded_portal_out_of_full_collections():
    probe = (
        "import gc, runpy; hooks = runpy.run_path('gunicorn.conf.py'); "
        "before = gc.get_freeze_count(); hooks['post_worker_init'](None); "
        "print(before, gc.get_freeze_count())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    before, after = map(int, result.stdout.split())
    assert before == 0 and after > 0
