"""The production settings, for portal servers that tests start with DJANGO_DEBUG=0.

Only the static files differ: plain storage, so that no collectstatic run is needed.
"""

from config import settings as production

globals().update({name: getattr(production, name) for name in dir(production) if name.isupper()})

STORAGES = {
    **production.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
