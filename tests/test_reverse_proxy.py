"""docker compose puts Caddy in front of gunicorn, with a body limit; gunicorn has its limits."""

import re
import shlex
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
CADDYFILE = ROOT / "deploy" / "Caddyfile"


def services():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def caddy_body_limit_mb():
    found = re.search(r"request_body\s*\{\s*max_size\s+(\d+)MB\s*\}", CADDYFILE.read_text())
    assert found, "the Caddyfile sets no request_body max_size"
    return int(found.group(1))


def test_the_proxy_publishes_the_ports_and_uses_the_caddyfile():
    proxy = services()["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert {"80:80", "443:443"} <= set(proxy["ports"])
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert "healthcheck" in proxy


def test_gunicorn_is_reached_only_through_the_proxy():
    web = services()["web"]
    assert "ports" not in web
    assert web["expose"] == ["8000"]
    assert re.search(r"reverse_proxy\s+web:8000", CADDYFILE.read_text())


def test_the_proxy_limits_the_body_just_above_the_portal():
    limit = caddy_body_limit_mb()
    assert settings.REQUEST_BODY_MAX_MB < limit <= settings.REQUEST_BODY_MAX_MB + 5


def test_the_proxy_takes_its_domain_and_certificate_from_env():
    text = CADDYFILE.read_text()
    assert "header_up X-Forwarded-For" not in text  # Caddy's own value, not the client's
    assert "{$PORTAL_DOMAIN" in text
    assert "tls {$PORTAL_TLS" in text


def test_gunicorn_starts_with_the_limits_of_its_config_file():
    command = services()["web"]["command"]
    assert "-c gunicorn.conf.py" in command
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"-c", "gunicorn.conf.py"' in dockerfile
    config = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), config)
    assert config["limit_request_line"] <= 8190
    assert config["limit_request_fields"] <= 100
    assert config["limit_request_field_size"] <= 8190
    assert 0 < config["timeout"] <= 120


def test_the_example_environment_trusts_one_proxy():
    example = (ROOT / ".env.example").read_text()
    assert "TRUSTED_PROXY_COUNT=1" in example
    assert shlex.split(re.search(r"^PORTAL_DOMAIN=(.*)$", example, re.M).group(1))
