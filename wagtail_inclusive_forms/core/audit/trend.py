"""The audit's trend: findings and forms asking sex or gender over the stored
runs, laid out as a line chart the dashboard draws in SVG. Plain Python: the
numbers in, coordinates out, so the drawing needs no JavaScript and is tested
like any other rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40  # room for the axis labels


@dataclass(frozen=True)
class TrendPoint:
    """One stored run: when, its findings, and its forms asking sex or gender."""

    date: datetime
    findings: int
    asking: int
    scanned: int


@dataclass(frozen=True)
class Line:
    key: str  # "findings" or "asking": the CSS class and the legend entry
    points: str  # SVG polyline points, "x,y x,y ..."
    dots: tuple[tuple[float, float, int], ...]  # (x, y, value) per run


@dataclass(frozen=True)
class TrendChart:
    lines: tuple[Line, ...]
    y_ticks: tuple[tuple[float, int], ...]  # (y, value)
    x_labels: tuple[tuple[float, datetime], ...]  # (x, date), at most six
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM


def _nice_top(value: int) -> int:
    """The axis' top: the value rounded up to 1, 2 or 5 times a power of ten."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor:
                return step * factor
        step *= 10


def trend_chart(points: Sequence[TrendPoint]) -> TrendChart | None:
    """The chart of ``points`` (oldest first); None with fewer than two runs,
    since one run is no trend."""
    if len(points) < 2:
        return None
    top = _nice_top(max(max(point.findings, point.asking) for point in points) or 1)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return round(LEFT + plot_width * index / (len(points) - 1), 1)

    def y(value: int) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    lines = []
    for key in ("findings", "asking"):
        dots = tuple(
            (x(index), y(getattr(point, key)), getattr(point, key)) for index, point in enumerate(points)
        )
        lines.append(Line(key, " ".join(f"{dx},{dy}" for dx, dy, _value in dots), dots))
    ticks = dict.fromkeys((y(value), value) for value in (0, top // 2, top))  # 0, 0, 1 for a top of 1
    every = max(1, -(-len(points) // 6))  # at most six dates under the axis
    labels = tuple((x(index), point.date) for index, point in enumerate(points) if index % every == 0)
    return TrendChart(tuple(lines), tuple(ticks), labels)
