"""Errors reach people: Sentry with SENTRY_DSN, otherwise e-mail to ADMINS."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from outbox.models import OutboxItem
from outbox.services import run

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, logging.config
from django.conf import settings
import sentry_sdk
print(json.dumps({
    "admins": settings.ADMINS,
    "root": settings.LOGGING["root"]["handlers"],
    "sentry": sentry_sdk.get_client().is_active(),
    "dsn": sentry_sdk.get_client().dsn,
}))
"""


def settings_with(**env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_admins_and_no_sentry_errors_are_mailed():
    found = settings_with(DJANGO_ADMINS="Дежурный <duty@example.org>, ops@example.org")
    assert found["admins"] == [["Дежурный", "duty@example.org"], ["", "ops@example.org"]]
    assert found["root"] == ["console", "mail_admins"]
    assert found["sentry"] is False


def test_with_a_sentry_dsn_errors_go_to_sentry_not_to_mail():
    dsn = "https://public@sentry.example.org/7"
    found = settings_with(SENTRY_DSN=dsn, DJANGO_ADMINS="ops@example.org")
    assert found["sentry"] is True
    assert found["dsn"] == dsn
    assert found["root"] == ["console"]


@pytest.mark.django_db
def test_an_outbox_item_given_up_is_mailed_to_the_admins(settings):
    settings.ADMINS = [("Дежурный", "duty@example.org")]
    settings.DEBUG = False
    handler_config = settings.LOGGING["handlers"]["mail_admins"]
    from django.utils.log import AdminEmailHandler

    admin_mail = AdminEmailHandler()
    admin_mail.setLevel(handler_config["level"])
    logger = logging.getLogger("outbox.services")
    logger.addHandler(admin_mail)
    try:
        item = OutboxItem.objects.create(
            handler="nobody.knows", state=OutboxItem.State.DISPATCHED, attempts=1
        )
        assert run(item.pk, 1) == "failed"
    finally:
        logger.removeHandler(admin_mail)

    assert [m.to for m in mail.outbox] == [["duty@example.org"]]
    assert f"Outbox item {item.pk} (nobody.knows) failed for good" in mail.outbox[0].subject
