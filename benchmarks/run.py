"""`make bench`: the portal at region sizes on PostgreSQL as in production; docs/benchmarks.md.

For each size (BENCH_SIZES, default «300 2000» schools) it builds its own database
bench_<size> (BENCH_SERVER, default postgres://postgres@127.0.0.1:5432), generates the
region, counts each page's queries and HTML in-process, then starts gunicorn and measures
every key page of every role with wrk (16 clients, BENCH_SECONDS each), the floor
(/healthz), the municipal report beside a bare WeasyPrint table, the two imports beside
bulk_create, and the 200-for-30 registration burst.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import marks, singles, table, wrk
from benchmarks.burst import burst
from benchmarks.machine import describe
from benchmarks.server import PYTHON, ROOT, Gunicorn, database_env, manage, recreate_database
from benchmarks.web import Session, first_visit
from scale.logins import PASSWORD, USERNAMES


def inprocess(env, what, *args):
    result = subprocess.run(
        [PYTHON, "-m", "benchmarks.inprocess", what, *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    return {"error": (result.stderr or result.stdout)[-1500:]}


def forget_kept(server):
    """Empty the cache the server's processes share (kept parts, figures, permissions)."""
    import redis

    url = server.env.get("CACHE_URL")
    return (lambda: redis.Redis.from_url(url).flushdb()) if url else (lambda: None)


def measure_pages(server, counted, seconds):
    floor = wrk.run(server.base + "/healthz", cookie="", seconds=seconds)
    forget = forget_kept(server)
    rows = {}
    for role, pages in counted.items():
        session = Session(server.base).login(USERNAMES[role], PASSWORD)
        for page in pages:
            first = first_visit(session, page["url"], forget)
            load = wrk.run(server.base + page["url"], cookie=session.cookie_header, seconds=seconds)
            rows[role, page["name"]] = {
                "url": page["url"],
                "queries": page["queries"],
                "kb": page["bytes"] / 1024,
                "first": first,
                "p50": load.p50,
                "p95": load.p95,
                "p99": load.p99,
                "rps": load.rps,
                "ratio": load.p95 / floor.p95 if floor.p95 else None,
                "errors": load.errors,
                "requests": load.requests,
            }
            print(f"  {role:<14} {page['name']:<28} p95 {load.p95:7.0f} ms", flush=True)
    return {"p95": floor.p95, "rps": floor.rps}, rows


def registration_burst(server, env):
    setup = inprocess(env, "burst-setup")
    session = Session(server.base).login(USERNAMES["methodologist"], PASSWORD)
    token = session.csrf_token(f"/events/{setup['event']}/")
    statuses = burst(
        server.base,
        cookies=session.cookies,
        event_pk=setup["event"],
        teacher_pks=setup["teachers"],
        token=token,
    )
    counts = inprocess(env, "burst-count", setup["event"])
    answers = ", ".join(f"{statuses.count(s)}× {s}" for s in sorted(set(statuses), key=str))
    return {"requests": len(statuses), "answers": answers, **counts}


def bench_size(size, server_url, seconds):
    print(f"== {size} schools", flush=True)
    env = database_env(recreate_database(server_url, f"bench_{size}"))
    manage(env, "migrate", "--noinput")
    generation, _ = manage(env, "generate_region", f"--schools={size}", "--seed=1")
    print(f"  generated in {generation:.0f} s", flush=True)
    counted = inprocess(env, "pages")
    with Gunicorn(env) as server:
        floor, pages = measure_pages(server, counted, seconds)
        burst_result = registration_burst(server, env)
    return {
        "env": env,
        "generation": generation,
        "floor": floor,
        "pages": pages,
        "burst": burst_result,
        "report": inprocess(env, "report"),
        "bare": inprocess(env, "bare-table"),
        "indicator_import": inprocess(env, "indicator-import"),
        "teacher_import": inprocess(env, "teacher-import"),
    }


def extras(sizes, results):
    """The sections after the pages: generation, report, imports, burst."""
    gen = [[s, f"{results[s]['generation']:.0f} s"] for s in sizes]
    report_rows, import_rows, burst_rows = [], [], []
    for s in sizes:
        rep, bare = results[s]["report"], results[s]["bare"]
        limit = 10 if s <= 100 else marks.REPORT_MAX_S
        verdict = (
            marks.report_verdict(seconds=rep["seconds"], peak_mb=rep["peak_mb"], max_seconds=limit)
            if "seconds" in rep
            else rep.get("error", "")[:200]
        )
        report_rows.append(
            [
                s,
                f"{rep.get('seconds', 0):.1f} s, {rep.get('peak_mb', 0):.0f} MB, "
                f"{rep.get('pages', 0)} pages",
                f"{bare.get('seconds', 0):.1f} s, {bare.get('peak_mb', 0):.0f} MB, "
                f"{bare.get('pages', 0)} pages",
                verdict,
            ]
        )
        for name, key, min_rps, ratio in (
            ("indicator import", "indicator_import", marks.INDICATOR_IMPORT_MIN_RPS, 5),
            ("teacher import", "teacher_import", marks.TEACHER_IMPORT_MIN_RPS, 20),
        ):
            got = results[s][key]
            if "rows_per_s" not in got:
                import_rows.append([s, name, "—", "—", got.get("error", "")[-200:]])
                continue
            verdict = marks.import_verdict(
                rows_per_s=got["rows_per_s"],
                floor_rows_per_s=got["floor_rows_per_s"],
                min_rps=min_rps,
                max_ratio=ratio,
            )
            import_rows.append(
                [s, name, f"{got['rows_per_s']:.0f}", f"{got['floor_rows_per_s']:.0f}", verdict]
            )
        b = results[s]["burst"]
        burst_rows.append(
            [s, b.get("requests"), b.get("answers"), b.get("confirmed", 0),
             b.get("waitlisted", 0), marks.burst_verdict(b.get("confirmed", 0))]
        )  # fmt: skip
    return [
        ("Generation", ["schools", "generate_region"], gen),
        (
            "Municipal report",
            ["schools", "report: time, peak memory, pages", "bare WeasyPrint table", "marks"],
            report_rows,
        ),
        ("Imports", ["schools", "import", "rows/s", "bulk_create rows/s", "marks"], import_rows),
        (
            "Registration burst (200 for 30 seats, HTTP)",
            ["schools", "requests", "HTTP answers", "confirmed", "waitlisted", "marks"],
            burst_rows,
        ),
    ]


def plain(result):
    """A size's results with the pages keyed «role / page», as JSON wants."""
    pages = {f"{role} / {name}": row for (role, name), row in result["pages"].items()}
    return {**{k: v for k, v in result.items() if k != "env"}, "pages": pages}


def main():
    began = time.monotonic()
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "300 2000").split()]
    server_url = os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    output = Path(os.environ.get("BENCH_OUTPUT", ROOT / "docs" / "benchmarks.md"))
    if not wrk.available():
        sys.exit("wrk is missing: apt-get install -y wrk")
    results = {size: bench_size(size, server_url, seconds) for size in sizes}
    print("== single requests, the sizes in turn", flush=True)
    kept = singles.measure(
        {size: results[size]["env"] for size in sizes},
        {size: {key: row["url"] for key, row in results[size]["pages"].items()} for size in sizes},
    )
    for size in sizes:
        for key, ms in kept[size].items():
            results[size]["pages"][key]["single"] = ms
    pages = table.page_rows(
        results[sizes[0]]["pages"], results[sizes[-1]]["pages"] if len(sizes) > 1 else {}, sizes
    )
    text = table.document(
        machine=describe(f"{server_url}/postgres"),
        sizes=sizes,
        floor=results[sizes[-1]]["floor"],
        pages=pages,
        extras=extras(sizes, results),
        minutes=(time.monotonic() - began) / 60,
    )
    output.write_text(text, encoding="utf-8")
    (output.with_suffix(".json")).write_text(
        json.dumps({size: plain(r) for size, r in results.items()}, default=str, indent=1)
    )
    print(f"written {output}")


if __name__ == "__main__":
    main()
