"""The portal's Redis cache: Django's, with one client per server for every call."""

import pytest


def test_every_call_goes_through_one_client(shared_redis):
    client = shared_redis._cache.get_client()
    shared_redis.set("figure", {"average": 50}, 60)
    shared_redis.add("counter", 1, 60)
    shared_redis.incr("counter")

    assert shared_redis.get("figure") == {"average": 50}
    assert shared_redis.get("counter") == 2
    assert shared_redis._cache.get_client(write=True) is client
    assert shared_redis._cache.get_client("figure") is client


def test_a_missing_key_and_a_failed_incr_behave_as_in_django(shared_redis):
    assert shared_redis.get("nothing", "default") == "default"
    with pytest.raises(ValueError):
        shared_redis.incr("nothing")
