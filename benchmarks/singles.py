"""The single request of every page at every size, measured side by side.

A page's single request takes 4–20 ms here. Measured at one size and, ten minutes later,
at the other, a few milliseconds of the machine's drift (PostgreSQL's background work,
the last requests of a load) decided the growth ratio: two runs of the bench flagged
mostly different pages. So after every size has been measured under load, one gunicorn
per size runs at once, each on its own database and its own cache, and the requests go
to the sizes in turn (small, large, large, small, ...): whatever the machine does at a
moment falls on both sizes alike.
"""

import statistics
import time
from contextlib import ExitStack

import redis

from benchmarks.server import Gunicorn
from benchmarks.web import Session
from scale.logins import PASSWORD, USERNAMES

WARM_UP = 5  # requests per size not counted: each of the 3 workers builds its kept parts
RUNS = 15


def own_cache(env, index):
    """``env`` with a cache of its own: database ``index`` places after the bench's one."""
    base, _, db = env["CACHE_URL"].rpartition("/")
    return dict(env, CACHE_URL=f"{base}/{int(db or 0) + 1 + index}")


def timed(session, path):
    began = time.perf_counter()
    status, _ = session.request(path)
    elapsed = (time.perf_counter() - began) * 1000
    if status != 200:
        raise RuntimeError(f"{session.base}{path} answered {status}")
    return elapsed


def interleaved(sessions, paths, runs=RUNS, warm_up=WARM_UP):
    """The median ms of each size's page, its requests taken in turn with the others'.

    ``sessions`` and ``paths`` map a size to its logged-in session and its page's path.
    The order turns round every run, so neither size is always the one asked first.
    """
    sizes = list(sessions)
    times = {size: [] for size in sizes}
    for run in range(warm_up + runs):
        for size in sizes if run % 2 else reversed(sizes):
            elapsed = timed(sessions[size], paths[size])
            if run >= warm_up:
                times[size].append(elapsed)
    return {size: statistics.median(values) for size, values in times.items()}


def measure(envs, pages):
    """``envs`` maps a size to its processes' environment, ``pages`` a size to its
    {(role, page name): url}; returns {size: {(role, page name): ms}} for the pages every
    size has."""
    keys = sorted(set.intersection(*(set(p) for p in pages.values())))
    result = {size: {} for size in envs}
    with ExitStack() as stack:
        servers = {}
        for index, (size, env) in enumerate(envs.items()):
            env = own_cache(env, index)
            redis.Redis.from_url(env["CACHE_URL"]).flushdb()
            servers[size] = stack.enter_context(Gunicorn(env))
        for role in sorted({role for role, _ in keys}):
            sessions = {
                size: Session(server.base).login(USERNAMES[role], PASSWORD)
                for size, server in servers.items()
            }
            for key in (k for k in keys if k[0] == role):
                medians = interleaved(sessions, {size: pages[size][key] for size in envs})
                for size, ms in medians.items():
                    result[size][key] = ms
    return result
