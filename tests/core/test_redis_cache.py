"""The portal's Redis cache: Django's, with one client per server for every call."""

import socket
import uuid

import pytest
from django.core.cache import caches

from tests.conftest import unavailable


@pytest.fixture
def redis_cache(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        unavailable("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.PortalRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/7",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    cache = caches["default"]
    yield cache
    cache.close()


def test_every_call_goes_through_one_client(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.set("figure", {"average": 50}, 60)
    redis_cache.add("counter", 1, 60)
    redis_cache.incr("counter")

    assert redis_cache.get("figure") == {"average": 50}
    assert redis_cache.get("counter") == 2
    assert redis_cache._cache.get_client(write=True) is client
    assert redis_cache._cache.get_client("figure") is client


def test_a_missing_key_and_a_failed_incr_behave_as_in_django(redis_cache):
    assert redis_cache.get("nothing", "default") == "default"
    with pytest.raises(ValueError):
        redis_cache.incr("nothing")
