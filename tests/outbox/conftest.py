import socket

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def broker_down(monkeypatch):
    """Celery, not eager, publishing to a Redis address where nothing listens.

    The real kombu client fails to connect; ``restore()`` brings back eager tasks.
    Celery reads CELERY_BROKER_URL from the environment before its own settings.
    """
    from config.celery import app

    saved = app.conf.broker_url, app.conf.task_always_eager
    dead = f"redis://127.0.0.1:{free_port()}/0"
    monkeypatch.setenv("CELERY_BROKER_URL", dead)

    def forget_connections():
        app._pool = None
        app.amqp._producer_pool = None

    def restore():
        app.conf.broker_url, app.conf.task_always_eager = saved[0], True
        forget_connections()

    app.conf.broker_url = dead
    app.conf.task_always_eager = False
    forget_connections()
    yield restore
    app.conf.broker_url, app.conf.task_always_eager = saved
    forget_connections()
