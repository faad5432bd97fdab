"""docs/benchmarks.md: the machine, the pages side by side at both sizes, the rest."""

from benchmarks.marks import page_verdict


def _ms(value):
    return "—" if value is None else f"{value:.0f}"


def _num(value, digits=0):
    return "—" if value is None else f"{value:.{digits}f}"


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def page_rows(small, large, sizes):
    """One row per (role, page): the small and the large size side by side, and the verdict.

    ``small`` and ``large`` map (role, name) to a dict of queries, kb, single, p50, p95,
    p99, rps, ratio (p95 over the floor's p95); ``large`` may be empty.
    """
    header = [
        "role",
        "page",
        "queries",
        "HTML KB",
        f"single ms {sizes[0]} → {sizes[-1]}",
        f"first visit ms {sizes[0]} → {sizes[-1]}",
        "p50 / p95 / p99 ms",
        "req/s",
        "p95 ÷ floor",
        "marks",
    ]
    rows = []
    for key in sorted(set(small) | set(large), key=lambda k: (k[0], k[1])):
        a, b = small.get(key, {}), large.get(key, {})
        last = b or a
        verdict = page_verdict(
            queries=max(a.get("queries") or 0, b.get("queries") or 0),
            html_kb=max(a.get("kb") or 0, b.get("kb") or 0),
            single_small=a.get("single") if b else None,
            single_large=b.get("single"),
            p95=last.get("p95"),
            requests=last.get("requests"),
            errors=last.get("errors", 0),
        )
        rows.append(
            [
                key[0],
                f"{key[1]} `{last.get('url', '')}`",
                f"{_num(a.get('queries'))} → {_num(b.get('queries'))}"
                if b
                else _num(a.get("queries")),
                _num(last.get("kb")),
                f"{_ms(a.get('single'))} → {_ms(b.get('single'))}" if b else _ms(a.get("single")),
                f"{_ms(a.get('first'))} → {_ms(b.get('first'))}" if b else _ms(a.get("first")),
                f"{_ms(last.get('p50'))} / {_ms(last.get('p95'))} / {_ms(last.get('p99'))}",
                _num(last.get("rps"), 1),
                _num(last.get("ratio"), 1),
                str(verdict),
            ]
        )
    return header, rows


def document(*, machine, sizes, floor, pages, extras, minutes):
    """The whole page: ``extras`` are (title, header, rows) sections after the pages."""
    parts = [
        "# Benchmarks",
        "",
        "Written by `make bench` (benchmarks/); do not edit by hand. Marks from issue 13.",
        "",
        "## Machine",
        "",
        *[f"- {name}: {value}" for name, value in machine.items()],
        f"- sizes: {', '.join(str(s) for s in sizes)} schools; the run took {minutes:.0f} min",
        "",
        "## Pages",
        "",
        f"16 concurrent clients (wrk), gunicorn with 3 workers, `DJANGO_DEBUG=0`. Floor: "
        f"`/healthz`, p95 {_ms(floor.get('p95'))} ms, {_num(floor.get('rps'), 0)} req/s. "
        "Single: the median of 15 requests one at a time, after the loads, with a gunicorn "
        "per size running side by side and the sizes asked in turn. First visit: one "
        "request right after the shared cache was emptied.",
        "",
        markdown_table(*pages),
        "",
    ]
    for title, header, rows in extras:
        parts += [f"## {title}", "", markdown_table(header, rows), ""]
    return "\n".join(parts)
