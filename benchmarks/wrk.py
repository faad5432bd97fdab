"""The load generator: wrk (Debian's package) with a Lua script that sends the session cookie.

The script's ``done`` hook prints one line ``BENCH {json}`` with the percentiles wrk keeps
(microseconds), the requests, the duration and the errors, which ``parse`` reads back.
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SCRIPT = """
wrk.method = "GET"
wrk.headers["Cookie"] = %(cookie)s
wrk.headers["Accept-Language"] = "ru"
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"p50": %%d, "p95": %%d, "p99": %%d, "requests": %%d, "duration_us": %%d, ' ..
    '"errors": %%d, "non_200": %%d}\\n',
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, bad))
end
"""


@dataclass(frozen=True)
class Load:
    """What one wrk run measured: milliseconds and requests per second."""

    p50: float
    p95: float
    p99: float
    rps: float
    requests: int
    errors: int

    @property
    def ok(self):
        return self.errors == 0 and self.requests > 0


def lua_script(cookie: str) -> str:
    return SCRIPT % {"cookie": json.dumps(cookie)}


def parse(output: str) -> Load:
    """Read the ``BENCH`` line of wrk's output (the script's ``done`` hook wrote it)."""
    for line in output.splitlines():
        if line.startswith("BENCH "):
            data = json.loads(line[len("BENCH ") :])
            seconds = data["duration_us"] / 1e6 or 1
            return Load(
                p50=data["p50"] / 1000,
                p95=data["p95"] / 1000,
                p99=data["p99"] / 1000,
                rps=data["requests"] / seconds,
                requests=data["requests"],
                errors=data["errors"] + data["non_200"],
            )
    raise ValueError("wrk printed no BENCH line:\n" + output[-2000:])


def available() -> bool:
    return shutil.which("wrk") is not None


def run(url: str, *, cookie: str, connections=16, seconds=10, threads=2, timeout=30) -> Load:
    """Load ``url`` with ``connections`` clients for ``seconds``."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "session.lua"
        script.write_text(lua_script(cookie))
        result = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                f"--timeout={timeout}s",
                "-s",
                str(script),
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return parse(result.stdout)
