"""The dashboard's trend: findings and forms asking sex or gender per stored
run, as an SVG line chart with the same numbers in a table."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.test_audit_command import old_style_form
from wagtail_inclusive_forms.core.audit.trend import HEIGHT, WIDTH, TrendPoint, trend_chart
from wagtail_inclusive_forms.services.audit_runs import run_and_store_audit

DAY = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def point(days, findings, asking, scanned=20):
    return TrendPoint(DAY + datetime.timedelta(days=days), findings, asking, scanned)


def test_one_run_is_no_trend():
    assert trend_chart([]) is None and trend_chart([point(0, 5, 2)]) is None


def test_lines_fall_as_findings_fall_and_the_axis_has_room_for_the_highest():
    chart = trend_chart([point(0, 30, 11), point(30, 12, 6), point(60, 0, 0)])
    findings, asking = chart.lines
    assert [value for _x, _y, value in findings.dots] == [30, 12, 0]
    heights = [y for _x, y, _value in findings.dots]
    assert heights == sorted(heights)  # SVG's y grows downwards: fewer findings, lower line
    assert [value for _y, value in chart.y_ticks] == [0, 25, 50]  # 30 rounds up to 50
    assert [x for x, _date in chart.x_labels] == [
        findings.dots[0][0],
        findings.dots[1][0],
        findings.dots[2][0],
    ]
    assert asking.points.count(",") == 3


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**4)), min_size=2, max_size=40))
def test_every_point_lies_inside_the_drawing(values):
    chart = trend_chart([point(day, findings, asking) for day, (findings, asking) in enumerate(values)])
    for line in chart.lines:
        for x, y, _value in line.dots:
            assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT
    assert len(chart.x_labels) <= 6


@pytest.mark.django_db
def test_the_dashboard_draws_the_trend_with_a_table_of_the_same_numbers(client, admin_user, root_page):
    dashboard = reverse("wagtail_inclusive_forms:audit_dashboard")
    client.force_login(admin_user)
    old_style_form(root_page, "parkeren")
    run_and_store_audit()
    assert "wif-trend-chart" not in client.get(dashboard).content.decode()  # one run: no trend yet
    old_style_form(root_page, "vergunning")
    run_and_store_audit()
    soup = BeautifulSoup(client.get(dashboard).content, "html.parser")
    svg = soup.select_one("svg.wif-trend-chart")
    assert svg["role"] == "img" and svg.find("title").get_text() and "3 tot 6" in svg.find("desc").get_text()
    assert len(svg.select("polyline")) == 2
    # Coordinates as SVG numbers, not in the Dutch format ("624,0").
    assert all(float(circle["cx"]) and float(circle["cy"]) >= 0 for circle in svg.select("circle"))
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])][1:]
        for row in soup.select(".wif-trend-table tbody tr")
    ]
    assert rows == [["3", "1", "1"], ["6", "2", "2"]]
