"""How the benchmarks that change data measure: A/B on fresh copies, interleaved.

A run that changes data (a bulk fix, a retention run) can happen once per
database, so each run gets a fresh copy of the same prepared database. The two
sides alternate round by round and take turns going first, so neither always
meets a warm or a cold machine. Time is CPU time without tracemalloc (which
slows Python code several times and unevenly); peak memory is measured in a
separate pass on fresh copies. Queries are counted by an execute wrapper:
Django's own query log keeps only the last 9,000.
"""

from __future__ import annotations

import shutil
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    cpu: float  # seconds of CPU time
    wall: float  # seconds
    queries: int
    result: object


def use_database(path: str | Path) -> None:
    from django.db import connections

    connections["default"].close()
    connections["default"].settings_dict["NAME"] = str(path)


def measure(function: Callable[[], object]) -> Run:
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        cpu, wall = time.process_time(), time.perf_counter()
        result = function()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return Run(cpu, wall, count, result)


def peak_memory(function: Callable[[], object]) -> int:
    """Peak bytes Python allocated while ``function`` ran (its own pass)."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def on_copy(source: str | Path, folder: str | Path, name: str, function: Callable[[], object]):
    """Run ``function`` on a fresh copy of the database ``source``."""
    copy = Path(folder) / f"{name}.sqlite3"
    use_database(source)  # closes the connection, so the file is complete
    shutil.copy(source, copy)
    use_database(copy)
    try:
        return function()
    finally:
        use_database(source)
        copy.unlink()


@dataclass
class Comparison:
    """Interleaved rounds of ``stock`` and ``ours`` on copies of one database."""

    stock: list[Run]
    ours: list[Run]
    stock_memory: int
    ours_memory: int

    def ratio_first(self) -> float:
        return self.ours[0].cpu / self.stock[0].cpu

    def ratio_median(self) -> float:
        return statistics.median(o.cpu for o in self.ours) / statistics.median(s.cpu for s in self.stock)


def compare(
    source, folder, stock: Callable[[], object], ours: Callable[[], object], rounds: int
) -> Comparison:
    runs: dict[str, list[Run]] = {"stock": [], "ours": []}
    sides = {"stock": stock, "ours": ours}
    for round_number in range(rounds):
        order = ("stock", "ours") if round_number % 2 == 0 else ("ours", "stock")
        for name in order:
            runs[name].append(on_copy(source, folder, name, lambda name=name: measure(sides[name])))
    memory = {
        name: on_copy(source, folder, name, lambda name=name: peak_memory(sides[name])) for name in sides
    }
    return Comparison(runs["stock"], runs["ours"], memory["stock"], memory["ours"])


def report(comparison: Comparison, stock_name: str, our_name: str, counted: str) -> None:
    for name, runs, memory in (
        (stock_name, comparison.stock, comparison.stock_memory),
        (our_name, comparison.ours, comparison.ours_memory),
    ):
        cpu = statistics.median(run.cpu for run in runs)
        print(
            f"{name}: median CPU {cpu:.2f} s (first run {runs[0].cpu:.2f} s, wall {runs[0].wall:.2f} s), "
            f"{runs[0].queries} queries, peak memory {memory / 2**20:.1f} MiB (separate pass), "
            f"{counted} {runs[0].result}"
        )
    print(
        f"ratio ours/stock (CPU): median {comparison.ratio_median():.3f} over {len(comparison.ours)} "
        f"interleaved rounds, first round {comparison.ratio_first():.3f}"
    )
