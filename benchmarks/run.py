"""Run the project's benchmarks: ``python benchmarks/run.py [NAME...]``.

Prints one JSON object per line: ``{"name": ..., "value": ..., "unit": ...}``.
Each benchmark module in ``benchmarks/`` named ``bench_*.py`` defines
``BENCHMARKS = {name: function}``; a function yields ``(name, value, unit)``
figures (a benchmark may print several figures). With no NAME all run; a
NAME selects benchmarks by exact name or prefix.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
Figure = tuple[str, float, str]


def _load_benchmarks() -> dict[str, Callable[[], Iterable[Figure]]]:
    found: dict[str, Callable[[], Iterable[Figure]]] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.update(module.BENCHMARKS)
    return found


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("XSHARE_DATA_DIR", tempfile.mkdtemp(prefix="xshare-bench-"))
    benchmarks = _load_benchmarks()
    wanted = argv or list(benchmarks)
    unknown = [n for n in wanted if not any(b == n or b.startswith(n) for b in benchmarks)]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(benchmarks)}",
            file=sys.stderr,
        )
        return 2
    for name, func in benchmarks.items():
        if not any(name == n or name.startswith(n) for n in wanted):
            continue
        for fig_name, value, unit in func():
            print(
                json.dumps({"name": fig_name, "value": round(float(value), 4), "unit": unit}),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
