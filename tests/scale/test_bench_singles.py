"""The bench's side-by-side single requests, against two real HTTP servers."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks.singles import interleaved, own_cache
from benchmarks.web import Session


def test_each_size_gets_a_cache_of_its_own_after_the_benchs():
    env = {"CACHE_URL": "redis://127.0.0.1:6379/2", "OTHER": "kept"}

    assert own_cache(env, 0) == {"CACHE_URL": "redis://127.0.0.1:6379/3", "OTHER": "kept"}
    assert own_cache(env, 1)["CACHE_URL"] == "redis://127.0.0.1:6379/4"
    assert env["CACHE_URL"] == "redis://127.0.0.1:6379/2"


@pytest.fixture
def two_servers():
    """Two servers that answer 200 (or 500 on /broken) and note which one each request reached."""
    arrivals = []
    servers = []
    for name in ("small", "large"):

        class Handler(BaseHTTPRequestHandler):
            label = name

            def do_GET(self):
                arrivals.append(self.label)
                self.send_response(500 if self.path == "/broken" else 200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    sessions = {
        label: Session(f"http://127.0.0.1:{server.server_address[1]}")
        for label, server in zip(("small", "large"), servers, strict=True)
    }
    yield sessions, arrivals
    for server in servers:
        server.shutdown()
        server.server_close()


def test_the_sizes_are_asked_in_turn_and_each_first_half_the_time(two_servers):
    sessions, arrivals = two_servers

    medians = interleaved(sessions, {"small": "/a", "large": "/b"}, runs=4, warm_up=2)

    assert set(medians) == {"small", "large"}
    assert all(ms > 0 for ms in medians.values())
    assert len(arrivals) == 12
    pairs = [arrivals[i : i + 2] for i in range(0, 12, 2)]
    assert all(sorted(pair) == ["large", "small"] for pair in pairs)
    assert [pair[0] for pair in pairs] == ["large", "small"] * 3


def test_a_page_that_does_not_answer_200_stops_the_measure(two_servers):
    sessions, _ = two_servers

    with pytest.raises(RuntimeError, match="/broken answered 500"):
        interleaved(sessions, {"small": "/broken", "large": "/broken"}, runs=1, warm_up=0)
