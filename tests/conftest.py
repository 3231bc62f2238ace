"""Shared test set-up: offscreen Qt, a private data folder per test, a seeded FHIR package cache."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# In CI the property tests draw the same examples every run (a red run can be reproduced and
# is not luck) and ignore per-example deadlines (timing belongs to benchmarks).
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

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
    """A FHIR package cache seeded from ../shared/fhir-packages (no registry needed)."""
    if not SHARED_PACKAGES.is_dir():
        pytest.fail(f"{SHARED_PACKAGES} is missing: tests need ../shared beside the project")
    cache = tmp_path_factory.mktemp("fhir-packages")
    _seed_cache(cache)
    os.environ["XSHARE_FHIR_CACHE"] = str(cache)
    return cache


@pytest.fixture()
def samples_dir() -> Path:
    return SAMPLES
