"""The SVG charts: valid, accessible, and readable without colour."""

import xml.etree.ElementTree as ET

import pytest

from core.charts import Bar, Series, bar_chart, line_chart
from tests.monitoring.factories import ValueFactory, indicator

NS = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(str(svg))


def test_line_chart_has_title_description_and_series():
    svg = line_chart(
        title="Доля <сдавших> ГИА",
        labels=["2023/2024", "2024/2025", "2025/2026"],
        series=[
            Series("Школа-лидер", [97, 98, None], low=[95, 96, None], high=[99, 100, None]),
            Series("ШНОР", [80, 82, 85]),
        ],
        unit="%",
        marker_index=1,
        marker_label="начало",
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Доля <сдавших> ГИА"
    assert root.find(f"{NS}desc").text
    lines = root.findall(f"{NS}polyline")
    assert len(lines) == 2
    assert lines[0].get("stroke-dasharray") != lines[1].get("stroke-dasharray")
    assert "ШНОР" in svg and "начало" in svg and "85%" in svg


def test_line_chart_without_values_is_still_valid():
    root = parse(line_chart(title="Пусто", labels=[], series=[]))
    assert root.find(f"{NS}title").text == "Пусто"


def test_bar_chart_with_reference_line():
    svg = bar_chart(
        title="Рейтинг",
        bars=[Bar("МАОУ СОШ № 1", 97.5), Bar("МАОУ СОШ № 6", 80, emphasis=True)],
        unit="%",
        reference=88.2,
        reference_label="среднее",
    )
    root = parse(svg)
    assert len(root.findall(f"{NS}rect")) == 3  # background and two bars
    assert "97,5%" in svg and "среднее 88,2%" in svg


@pytest.mark.django_db
def test_category_trend_chart_tables_the_same_numbers(school_a, period, last_period):
    from monitoring.dashboard_charts import category_trend_chart

    ValueFactory(school=school_a, period=period, code="gia_passed_share", value=80)
    chart = category_trend_chart(
        indicator=indicator("gia_passed_share"), periods=[last_period, period]
    )
    assert chart.headers[1:] == ["2024/2025", "2025/2026"]
    low_results = next(row for row in chart.rows if row[0] == "ШНОР")
    assert low_results[1:] == ["—", "80 (80–80; 1 школа)"]
    assert parse(chart.svg).find(f"{NS}title").text == chart.title
