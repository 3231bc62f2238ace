"""The shl-200 benchmark's reading of ApacheBench (issue 17: figures with an exact count).

An answer that is not a 200 (ab's "Non-2xx responses"), a failed request, or a request ab never
completed is an error; a report without one of the figures it needs is refused, not read as 0.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

_REPORT = """
Concurrency Level:      200
Time taken for tests:   4.000 seconds
Complete requests:      {complete}
Failed requests:        {failed}
{non_2xx}Total transferred:      8000000 bytes
Percentage of the requests served within a certain time (ms)
  50%    180
  90%    260
  95%    310
  99%    420
 100%    900 (longest request)
"""


def _bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(
        "bench_shl_under_test", BENCHMARKS / "bench_shl.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_shl_under_test", module)
    spec.loader.exec_module(module)
    return module


def test_only_complete_200_answers_count_as_served(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17 "no error": failures, non-2xx answers and missing answers are all errors."""
    bench = _bench(monkeypatch)
    clean = _REPORT.format(complete=4000, failed=0, non_2xx="")
    assert bench.parse_ab(clean, 4000) == (4.0, 4000, 310.0)
    mixed = _REPORT.format(complete=3990, failed=3, non_2xx="Non-2xx responses:      5\n")
    assert bench.parse_ab(mixed, 4000) == (4.0, 3982, 310.0)


def test_a_report_without_its_figures_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: no figure we did not measure (a truncated report must not read as no error)."""
    bench = _bench(monkeypatch)
    truncated = _REPORT.format(complete=4000, failed=0, non_2xx="").replace("Failed", "Faild")
    with pytest.raises(RuntimeError, match="failed"):
        bench.parse_ab(truncated, 4000)
