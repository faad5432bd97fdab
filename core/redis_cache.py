"""Django's Redis cache, with one Redis client per server instead of one per call.

Django's ``RedisCacheClient`` builds a ``redis.Redis`` for every operation, and building
one fills its table of about 170 response callbacks: more time than the round trip to a
Redis on the same network. A client takes its connections from the pool and may be
shared by threads, so one per pool serves every call. Nothing else changes.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _OneClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PortalRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool
