"""The bench's pure parts: reading wrk's output, the marks, the table it writes."""

import pytest

from benchmarks import marks, table, wrk

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8001/healthz
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.01ms    3.10ms  40.00ms   80.00%
  1330 requests in 5.00s, 300.00KB read
Requests/sec:    266.00
BENCH {"p50": 11000, "p95": 25500, "p99": 39000, "requests": 1330, "duration_us": 5000000, "errors": 0, "non_200": 2}
"""  # noqa: E501


def test_wrk_output_is_read_from_the_scripts_line():
    load = wrk.parse(WRK_OUTPUT)

    assert load.p50 == 11
    assert load.p95 == 25.5
    assert load.p99 == 39
    assert load.rps == pytest.approx(266)
    assert load.errors == 2
    assert not load.ok


def test_wrk_output_without_the_line_is_an_error():
    with pytest.raises(ValueError, match="no BENCH line"):
        wrk.parse("Running 5s test\nunable to connect")


def test_the_lua_script_sends_the_cookie_quoted():
    script = wrk.lua_script('sessionid=abc; csrftoken="x"')

    assert 'wrk.headers["Cookie"] = "sessionid=abc; csrftoken=\\"x\\""' in script
    assert "latency:percentile(95)" in script


def test_a_page_within_every_mark_passes():
    verdict = marks.page_verdict(
        queries=12, html_kb=150, single_small=100, single_large=140, p95=250
    )
    assert verdict.passed
    assert str(verdict) == "pass"


def test_a_page_fails_each_mark_it_misses_and_says_which():
    verdict = marks.page_verdict(
        queries=25, html_kb=619, single_small=77, single_large=685, p95=9400
    )

    assert not verdict.passed
    text = str(verdict)
    assert "25 queries > 15" in text
    assert "619 KB > 200 KB" in text
    assert "8.9× slower" in text
    assert "p95 9400 ms > 300 ms" in text


def test_a_page_that_never_answered_or_erred_fails():
    assert "no request answered" in marks.page_verdict(queries=5, html_kb=5, requests=0).why
    assert "3 errors" in marks.page_verdict(queries=5, html_kb=5, requests=9, errors=3).why


def test_report_import_and_burst_marks():
    assert marks.report_verdict(seconds=59, peak_mb=900).passed
    assert not marks.report_verdict(seconds=236, peak_mb=3800).passed
    assert not marks.report_verdict(seconds=11, peak_mb=100, max_seconds=10).passed
    assert marks.import_verdict(
        rows_per_s=6000, floor_rows_per_s=25000, min_rps=5000, max_ratio=5
    ).passed
    slow = marks.import_verdict(rows_per_s=1157, floor_rows_per_s=23000, min_rps=5000, max_ratio=5)
    assert "1157 rows/s < 5000" in slow.why
    assert "20× its floor > 5×" in slow.why
    assert marks.burst_verdict(30).passed
    assert not marks.burst_verdict(31).passed


def test_the_table_puts_both_sizes_side_by_side_with_the_verdict():
    small = {("methodologist", "reports"): {"url": "/reports/", "queries": 9, "kb": 80,
                                            "single": 77, "first": 90, "p95": 100}}  # fmt: skip
    large = {
        ("methodologist", "reports"): {
            "url": "/reports/", "queries": 9, "kb": 619, "single": 685, "first": 700, "p50": 300,
            "p95": 9400, "p99": 9900, "rps": 1.2, "ratio": 376.0,
        }
    }  # fmt: skip
    header, rows = table.page_rows(small, large, [300, 2000])
    text = table.markdown_table(header, rows)

    assert "single ms 300 → 2000" in header
    assert "first visit ms 300 → 2000" in header
    assert "| methodologist | reports `/reports/` | 9 → 9 | 619 | 77 → 685 | 90 → 700 |" in text
    assert "300 / 9400 / 9900" in text
    assert "FAIL (619 KB > 200 KB" in text
    assert text.count("\n") == 2


def test_the_document_describes_the_machine_and_every_section():
    text = table.document(
        machine={"CPU": "Test CPU", "cores": "2"},
        sizes=[300, 2000],
        floor={"p95": 25, "rps": 900},
        pages=(["page"], [["home"]]),
        extras=[("Imports", ["import"], [["indicator"]])],
        minutes=21,
    )

    assert "- CPU: Test CPU" in text
    assert "p95 25 ms" in text
    assert "## Imports" in text
    assert "took 21 min" in text
