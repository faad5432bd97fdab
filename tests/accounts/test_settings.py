"""Settings read from the environment: loud failures, and a clean production check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]
PROD = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-that-is-long-and-random-enough-9f3",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PROD)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_is_a_clear_error():
    env = {k: v for k, v in PROD.items() if k != "DJANGO_SECRET_KEY"}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_without_allowed_hosts_is_a_clear_error():
    env = {k: v for k, v in PROD.items() if k != "DJANGO_ALLOWED_HOSTS"}

    result = manage("check", env=env)

    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_bad_boolean_fails_loudly(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be a boolean"):
        env_bool("SOME_FLAG")


def test_bad_integer_fails_loudly(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")

    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER must be an integer"):
        env_int("SOME_NUMBER", 1)


def test_list_is_split_on_commas(monkeypatch):
    monkeypatch.setenv("SOME_HOSTS", "a.example, b.example,")

    assert env_list("SOME_HOSTS") == ["a.example", "b.example"]


def test_interface_is_russian_in_moscow_time(settings):
    assert settings.LANGUAGE_CODE == "ru"
    assert os.environ.get("TIME_ZONE", "Europe/Moscow") == settings.TIME_ZONE


def test_a_bad_report_schedule_is_a_clear_error():
    result = manage("check", env={"MUNICIPAL_REPORT_CRON": "every month"})

    assert result.returncode != 0
    assert "MUNICIPAL_REPORT_CRON must have five cron fields" in result.stderr
