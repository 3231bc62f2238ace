"""The benchmarks run where only the app is installed (issue 15: they must not need the test suite).

Each `benchmarks/bench_*.py` is imported in a fresh interpreter in which `pytest`, `hypothesis`
and the test folders cannot be imported; then the one that used to borrow the suite's XML writer
runs for real.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"
TEST_ONLY = {"pytest", "hypothesis", "pytest_qt", "pytestqt", "time_machine", "tests", "conftest"}

_BLOCKED_IMPORT = """
import importlib.abc, sys
BLOCKED = set(sys.argv[1].split(","))
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED or name.startswith("test_"):
            raise ImportError(f"benchmarks must not import {name}")
        return None
sys.meta_path.insert(0, Block())
sys.argv = [sys.argv[2], *sys.argv[3:]]
import runpy
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_benchmark_imports_test_code() -> None:
    files = sorted(BENCHMARKS.glob("*.py"))
    assert files
    for path in files:
        borrowed = {n for n in _imported_names(path) if n in TEST_ONLY or n.startswith("test_")}
        assert not borrowed, f"{path.name} imports {borrowed}"
        assert '"tests"' not in path.read_text(), f"{path.name} reaches into tests/"


def test_the_xml_benchmark_runs_without_the_test_tools(fhir_cache: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _BLOCKED_IMPORT,
            ",".join(sorted(TEST_ONLY)),
            str(BENCHMARKS / "run.py"),
            "fhir-io",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "XSHARE_FHIR_CACHE": str(fhir_cache),
            "XSHARE_DATA_DIR": str(tmp_path),
        },
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    figures = [json.loads(line) for line in result.stdout.splitlines()]
    names = {figure["name"] for figure in figures}
    assert any(name.startswith("xml-read-ips-bent-eksempelsen") for name in names), names
    assert all(figure["value"] > 0 for figure in figures)
