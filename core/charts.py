"""Server-rendered SVG charts: plain functions from data to an SVG string.

The same string serves the dashboard page and the PDF report (WeasyPrint draws inline
SVG). Each chart carries a <title> and <desc>, and every series differs by dash and
marker shape as well as colour, so it reads without colour too. Pages show a table of
the same numbers beside each chart.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.formats import decimal_comma

# Colour-blind-safe palette (Okabe–Ito), each with its own dash and marker.
STYLES = [
    ("#0072B2", "", "circle"),
    ("#D55E00", "6 3", "square"),
    ("#009E73", "2 3", "triangle"),
    ("#CC79A7", "8 3 2 3", "diamond"),
    ("#E69F00", "4 4", "circle"),
]


@dataclass
class Series:
    name: str
    values: list  # one number or None per label
    low: list | None = None  # optional spread (lowest value) per label
    high: list | None = None  # optional spread (highest value) per label


@dataclass
class Bar:
    label: str
    value: Decimal | float | None
    emphasis: bool = False
    note: str = ""


@dataclass
class _Frame:
    width: int = 640
    height: int = 320
    left: int = 56
    right: int = 16
    top: int = 44
    bottom: int = 64
    ticks: list = field(default_factory=list)


def _scale_max(values) -> float:
    top = max([float(v) for v in values if v is not None] or [1.0])
    if top <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top <= step * 5:
            return step * 5 if top > step * 4 else step * (int(top // step) + 1)
    return top * 1.1


def _nice_step(rough: float) -> float:
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if power * factor >= rough:
            return power * factor
    return power * 10


def _axis(values) -> tuple[float, float, float]:
    """Lowest and highest value of the axis, and its step; from zero unless the values
    sit high above it (a percent between 80 and 100 would look flat from zero)."""
    found = [float(v) for v in values if v is not None]
    if not found:
        return 0.0, 1.0, 0.2
    low, high = min(found), max(found)
    if low == high:
        low, high = low - 1, high + 1
    if low < high * 0.5:
        low = 0.0
    step = _nice_step((high - low) / 5)
    bottom = max(0.0, math.floor((low - step / 2) / step) * step) if low > 0 else 0.0
    top = math.ceil((high + step / 4) / step) * step
    return bottom, top, step


def _open(title, description, width, height):
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" class="chart" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description or title)}</desc>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
    ]


def _heading(title, x, width) -> str:
    """The title over the plot, on two lines when long, cut with "…" past that."""
    # About 7.8 px per bold 12 px character: DejaVu Sans, which the PDFs embed, is wide.
    per_line = max(20, int(width / 7.8))
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > per_line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: per_line - 1] + "…"]
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else 14}">{escape(text)}</tspan>'
        for i, text in enumerate(lines)
    )
    return f'<text x="{x}" y="16" font-weight="bold">{spans}</text>'


def _marker(shape, x, y, colour):
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},'
            f'{y + 4:.1f}" fill="{colour}"/>'
        )
    if shape == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} '
            f'{x - 5:.1f},{y:.1f}" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def line_chart(
    *, title, labels, series, unit="", description="", marker_index=None, marker_label=""
) -> str:
    """A line per series over the labels (periods), with its spread as a band if given.

    ``marker_index`` draws a vertical line before that label (e.g. "partnership started").
    """
    f = _Frame()
    plot_w = f.width - f.left - f.right
    plot_h = f.height - f.top - f.bottom
    every = [v for s in series for v in (s.values + (s.high or []) + (s.low or []))]
    bottom, top, step = _axis(every)
    if unit == "%" and top > 100 >= max([float(v) for v in every if v is not None] or [0]):
        top = 100.0  # a share never goes past 100 %
        bottom = min(bottom, top - step)
    n = max(len(labels), 1)

    def x(i):
        return f.left + (plot_w * (i + 0.5) / n)

    def y(v):
        return f.top + plot_h - plot_h * (float(v) - bottom) / (top - bottom)

    parts = _open(title, description, f.width, f.height)
    parts.append(_heading(title, f.left, f.width - f.left - f.right))
    ticks = round((top - bottom) / step)
    for k in range(ticks + 1):
        value = bottom + step * k
        parts.append(
            f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}" stroke="#ddd"/>'
            f'<text x="{f.left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#555">'
            f"{decimal_comma(value, places=1)}{escape(unit)}</text>"
        )
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{f.top + plot_h + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    if marker_index is not None and 0 <= marker_index < n:
        mx = x(marker_index) - plot_w / n / 2
        parts.append(
            f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{f.top}" y2="{f.top + plot_h}" '
            f'stroke="#333" stroke-dasharray="3 3"/>'
            f'<text x="{mx + 4:.1f}" y="{f.top + 12}" fill="#333">{escape(marker_label)}</text>'
        )
    legend_y = f.height - 30
    for number, one in enumerate(series):
        colour, dash, shape = STYLES[number % len(STYLES)]
        if one.low and one.high:
            upper = [(x(i), y(v)) for i, v in enumerate(one.high) if v is not None]
            lower = [(x(i), y(v)) for i, v in enumerate(one.low) if v is not None]
            if len(upper) > 1:
                points = " ".join(f"{a:.1f},{b:.1f}" for a, b in upper + lower[::-1])
                parts.append(f'<polygon points="{points}" fill="{colour}" fill-opacity="0.12"/>')
        points = [(x(i), y(v)) for i, v in enumerate(one.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5" '
                f'stroke-dasharray="{dash}"/>'
            )
        for (a, b), v in zip(points, [v for v in one.values if v is not None], strict=True):
            parts.append(_marker(shape, a, b, colour))
            parts.append(
                f'<text x="{a:.1f}" y="{b - 8:.1f}" text-anchor="middle" fill="{colour}" '
                f'font-size="10">{decimal_comma(v, places=1)}</text>'
            )
        lx = f.left + (number % 2) * 290
        ly = legend_y + (number // 2) * 16 - 8
        parts.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="{ly}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2.5" stroke-dasharray="{dash}"/>'
            + _marker(shape, lx + 12, ly, colour)
            + f'<text x="{lx + 30}" y="{ly + 4}">{escape(one.name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart(*, title, bars, unit="", description="", reference=None, reference_label="") -> str:
    """Horizontal bars, one per label, best first as given; ``reference`` draws a line
    (e.g. the municipal average or a target)."""
    row_h = 22
    width, left, right, top_pad = 640, 220, 60, 36
    height = top_pad + row_h * max(len(bars), 1) + 28
    plot_w = width - left - right
    top = _scale_max([b.value for b in bars] + ([reference] if reference is not None else []))
    parts = _open(title, description, width, height)
    parts.append(_heading(title, 8, width - 16))
    for i, bar in enumerate(bars):
        y = top_pad + i * row_h
        label = bar.label if len(bar.label) <= 32 else bar.label[:31] + "…"
        colour = "#D55E00" if bar.emphasis else "#0072B2"
        weight = ' font-weight="bold"' if bar.emphasis else ""
        parts.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end"{weight}>{escape(label)}</text>'
        )
        if bar.value is not None:
            w = plot_w * float(bar.value) / top
            parts.append(
                f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{colour}"/>'
                f'<text x="{left + w + 4:.1f}" y="{y + 15}">'
                f"{decimal_comma(bar.value, places=1)}{escape(unit)}{escape(bar.note)}</text>"
            )
    if reference is not None:
        rx = left + plot_w * float(reference) / top
        bottom = top_pad + row_h * len(bars)
        parts.append(
            f'<line x1="{rx:.1f}" x2="{rx:.1f}" y1="{top_pad}" y2="{bottom}" stroke="#333" '
            f'stroke-dasharray="4 3"/>'
            f'<text x="{rx:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#333">'
            f"{escape(reference_label)} {decimal_comma(reference, places=1)}{escape(unit)}"
            "</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
