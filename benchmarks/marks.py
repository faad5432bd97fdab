"""The marks of issue 13, and whether a row of the table meets them."""

from dataclasses import dataclass

MAX_QUERIES = 15
MAX_HTML_KB = 200
MAX_GROWTH = 1.5  # single request at the large size / at the small size
MAX_P95_MS = 300
REPORT_MAX_S = 60
REPORT_MAX_MB = 1024
INDICATOR_IMPORT_MIN_RPS = 5000
INDICATOR_IMPORT_MAX_FLOOR_RATIO = 5
TEACHER_IMPORT_MIN_RPS = 1000
TEACHER_IMPORT_MAX_FLOOR_RATIO = 20
BURST_SEATS = 30


@dataclass
class Verdict:
    passed: bool
    why: str = ""

    def __str__(self):
        return "pass" if self.passed else f"FAIL ({self.why})"


def _verdict(failures):
    return Verdict(not failures, "; ".join(failures))


def page_verdict(
    *, queries, html_kb, single_small=None, single_large=None, p95=None, requests=None, errors=0
):
    """A page against the marks; the growth and p95 marks only when measured."""
    failures = []
    if requests == 0:
        failures.append("no request answered within the run")
    if errors:
        failures.append(f"{errors} errors or answers other than 200")
    if queries is not None and queries > MAX_QUERIES:
        failures.append(f"{queries} queries > {MAX_QUERIES}")
    if html_kb is not None and html_kb > MAX_HTML_KB:
        failures.append(f"{html_kb:.0f} KB > {MAX_HTML_KB} KB")
    if single_small and single_large and single_large > MAX_GROWTH * single_small:
        failures.append(f"{single_large / single_small:.1f}× slower at the large size")
    if p95 is not None and p95 > MAX_P95_MS:
        failures.append(f"p95 {p95:.0f} ms > {MAX_P95_MS} ms")
    return _verdict(failures)


def report_verdict(*, seconds, peak_mb, max_seconds=REPORT_MAX_S):
    failures = []
    if seconds > max_seconds:
        failures.append(f"{seconds:.0f} s > {max_seconds} s")
    if peak_mb > REPORT_MAX_MB:
        failures.append(f"{peak_mb:.0f} MB > {REPORT_MAX_MB} MB")
    return _verdict(failures)


def import_verdict(*, rows_per_s, floor_rows_per_s, min_rps, max_ratio):
    failures = []
    if rows_per_s < min_rps:
        failures.append(f"{rows_per_s:.0f} rows/s < {min_rps}")
    ratio = floor_rows_per_s / rows_per_s if rows_per_s else float("inf")
    if ratio > max_ratio:
        failures.append(f"{ratio:.0f}× its floor > {max_ratio}×")
    return _verdict(failures)


def burst_verdict(confirmed):
    if confirmed == BURST_SEATS:
        return Verdict(True)
    return Verdict(False, f"{confirmed} confirmed, not {BURST_SEATS}")
