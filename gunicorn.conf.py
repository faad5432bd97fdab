"""gunicorn's settings for the portal: docker compose and the Dockerfile start it with them.

The limits refuse a hostile request line or header before Django sees it; the body's
limit is the portal's own (REQUEST_BODY_MAX_MB, core.middleware) and the proxy's.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# A worker silent for this many seconds is restarted (a report is built by Celery, not here).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# The request line (method, address with its query string, protocol): gunicorn's maximum.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"


def post_worker_init(worker):
    """Keep the objects of the loaded portal (modules, settings, URL patterns) out of the
    garbage collector's full passes: a full pass walks every tracked object, and at this
    size one ran every ~20 requests and cost about a request's time."""
    import gc

    gc.collect()
    gc.freeze()
