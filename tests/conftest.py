"""Shared test set-up: offscreen Qt, a private data folder per test, a seeded FHIR package cache."""

from __future__ import annotations

import importlib.util
import os
import sys
import tarfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Timing belongs to benchmarks, not tests: no per-example deadline and no "generation is slow"
# health check, which fails on a loaded machine (seen on a fresh machine's first run). In CI the
# property tests also draw the same examples every run (a red run can be reproduced, not luck).
_untimed = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
hypothesis_settings.register_profile("local", **_untimed)
hypothesis_settings.register_profile("ci", derandomize=True, **_untimed)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "local")


def pytest_report_header() -> str:
    days = os.environ.get("XSHARE_TEST_DAYS_AHEAD")
    if not days:
        return f"date: {datetime.now().date()}"
    import sitecustomize  # tests/clock_shift, on PYTHONPATH for the shifted run

    if getattr(sitecustomize, "_days", None) != days:
        raise pytest.UsageError("XSHARE_TEST_DAYS_AHEAD needs PYTHONPATH=tests/clock_shift")
    return f"date: {datetime.now().date()} (the clock {days} days ahead)"


ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED_PACKAGES = ROOT.parent / "shared" / "fhir-packages"


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own, empty user data folder."""
    path = tmp_path_factory.mktemp("xshare-data")
    monkeypatch.setenv("XSHARE_DATA_DIR", str(path))
    monkeypatch.delenv("XSHARE_LINK_DATABASE", raising=False)  # the link store in that folder
    return path


def _seed_cache(cache: Path) -> None:
    """Lay the shared package tarballs out as `<name>#<version>/package` (the HL7 layout)."""
    for tgz in sorted(SHARED_PACKAGES.glob("*.tgz")):
        stem = tgz.name[: -len(".tgz")]
        name, _, version = stem.partition("-")
        # names contain dots and versions contain dashes: split at the first "-<digit>"
        for i, ch in enumerate(stem):
            if ch == "-" and i + 1 < len(stem) and stem[i + 1].isdigit():
                name, version = stem[:i], stem[i + 1 :]
                break
        target = cache / f"{name}#{version}"
        if target.exists():
            continue
        with tarfile.open(tgz) as tar:
            tar.extractall(target, filter="data")


@pytest.fixture(scope="session")
def fhir_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A FHIR package cache seeded from ../shared/fhir-packages (no registry needed).

    The path only: the environment is set per test by `_fhir_cache_env`, so no test can pass
    because an earlier one left the cache in `os.environ`.
    """
    if not SHARED_PACKAGES.is_dir():
        pytest.fail(f"{SHARED_PACKAGES} is missing: tests need ../shared beside the project")
    cache = tmp_path_factory.mktemp("fhir-packages")
    _seed_cache(cache)
    return cache


@pytest.fixture(autouse=True)
def _fhir_cache_env(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tests that ask for `fhir_cache` see it; every other test sees an empty cache of its own.

    Nothing reads the person's real `~/.fhir/packages`, and nothing one test set leaks into the next.
    """
    monkeypatch.delenv("FHIR_PACKAGE_CACHE", raising=False)
    if "fhir_cache" in request.fixturenames:
        cache: Path = request.getfixturevalue("fhir_cache")
    else:
        cache = tmp_path_factory.mktemp("empty-fhir-cache")
    monkeypatch.setenv("XSHARE_FHIR_CACHE", str(cache))


@pytest.fixture()
def fhir_cache_without(
    fhir_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Path]:
    """A cache holding the seeded packages but the named ones (for "not installed" cases)."""

    def make(*names: str) -> Path:
        cache = tmp_path / "partial-fhir-cache"
        cache.mkdir()
        for folder in sorted(fhir_cache.iterdir()):
            if folder.is_dir() and folder.name.partition("#")[0] not in names:
                (cache / folder.name).symlink_to(folder, target_is_directory=True)
        monkeypatch.setenv("XSHARE_FHIR_CACHE", str(cache))
        return cache

    return make


@pytest.fixture()
def frozen_clock() -> Iterator[Callable[[datetime], None]]:
    """Travel to a fixed moment (Python's clocks keep ticking from there).

    Date-dependent tests use it, so what they expect does not depend on the day the suite runs.
    Pick moments far enough from midnight that every time zone shows the same day.
    """
    travellers: list[time_machine.travel] = []

    def freeze(moment: datetime) -> None:
        traveller = time_machine.travel(moment, tick=True)
        traveller.start()
        travellers.append(traveller)

    yield freeze
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture()
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="module")
def shl_corpus() -> Iterator[Any]:
    """Links built as other SHL implementations build them, served on 127.0.0.1 (see
    tests/unit/shl_corpus.py): ``(host, links, issuer_key)``."""
    from tests.unit.shl_corpus import running_corpus

    with running_corpus() as served:
        yield served


def _load_pg_cluster() -> Any:
    """benchmarks/pg_cluster.py (shared with the benchmarks, which may not import the tests)."""
    spec = importlib.util.spec_from_file_location(
        "pg_cluster", ROOT / "benchmarks" / "pg_cluster.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["pg_cluster"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


pg_cluster = _load_pg_cluster()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Any]:
    """A real PostgreSQL server for the session (Debian's package; a Unix socket in a temp dir).

    Skips where PostgreSQL is not installed, except in CI (env CI set), where `.ci/run` installs
    it: there a missing server is a failure, not a skip.
    """
    try:
        cluster = pg_cluster.PrivateCluster.start()
    except pg_cluster.ClusterUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed in CI: {exc}")
        pytest.skip(f"no PostgreSQL server here: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture()
def postgres_url(postgres: Any) -> str:
    """The URL of a fresh, empty link store in the session's PostgreSQL server."""
    return str(postgres.url(postgres.fresh_schema()))


@pytest.fixture(params=["sqlite", "postgresql"])
def link_database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test against both link store backends; `LinkStore()` opens the chosen one.

    SQLite: the data folder's file (the desktop default). PostgreSQL: a fresh schema, chosen
    through XSHARE_LINK_DATABASE as a deployment would.
    """
    if request.param == "sqlite":
        monkeypatch.delenv("XSHARE_LINK_DATABASE", raising=False)
        return "sqlite"
    url: str = request.getfixturevalue("postgres_url")
    monkeypatch.setenv("XSHARE_LINK_DATABASE", url)
    return url
