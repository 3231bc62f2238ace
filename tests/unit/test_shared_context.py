"""One shared, cached conformance context per package set (issue 15, "one shared, cached
conformance context"): loaded once per process, reloaded when packages are installed."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.unit.test_fhir_packages import make_tgz
from xshare_desktop.core.fhir_packages import (
    ConformanceContext,
    PackageCache,
    conformance_context,
    forget_contexts,
)
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.validation import checking


@pytest.fixture()
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[object, ...]]]:
    """Every real package load, recorded; the shared contexts start empty and end empty."""
    forget_contexts()
    calls: list[tuple[object, ...]] = []
    real = ConformanceContext.load.__func__  # type: ignore[attr-defined]

    def counting(cls: type[ConformanceContext], *args: object, **kwargs: object) -> object:
        calls.append((args, tuple(sorted(kwargs.items()))))
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(ConformanceContext, "load", classmethod(counting))
    yield calls
    forget_contexts()


def _cache(tmp_path: Path) -> PackageCache:
    tmp_path.mkdir(exist_ok=True)
    cache = PackageCache(tmp_path / "cache")
    cache.install_tgz(make_tgz(tmp_path / "core.tgz", "hl7.fhir.r4.core", "4.0.1"))
    return cache


def test_a_second_ask_for_the_same_packages_reuses_the_context(
    tmp_path: Path, loads: list[tuple[object, ...]]
) -> None:
    cache = _cache(tmp_path)
    first = conformance_context(cache=cache.root)
    assert conformance_context(cache=str(cache.root)) is first
    assert len(loads) == 1


def test_another_package_set_or_folder_gets_its_own_context(
    tmp_path: Path, loads: list[tuple[object, ...]]
) -> None:
    cache = _cache(tmp_path)
    cache.install_tgz(make_tgz(tmp_path / "a.tgz", "example.a", "1.0.0"))
    plain = conformance_context(cache=cache.root)
    with_a = conformance_context(["example.a#1.0.0"], cache.root)
    other = conformance_context(cache=_cache(tmp_path / "other").root)
    assert len({id(plain), id(with_a), id(other)}) == 3
    assert with_a.packages[0].id == "example.a#1.0.0"


def test_installing_a_package_loads_afresh(tmp_path: Path, loads: list[tuple[object, ...]]) -> None:
    """The context is keyed by what the cache folder holds: a package installed after the first
    load (here by the cache's own installer) is seen by the next ask, never hidden by the cache."""
    cache = _cache(tmp_path)
    before = conformance_context(cache=cache.root)
    assert before.value_set("http://example.org/ValueSet/new") is None
    value_set = (
        b'{"resourceType": "ValueSet", "id": "new", "url": "http://example.org/ValueSet/new"}'
    )
    cache.install_tgz(
        make_tgz(
            tmp_path / "n.tgz",
            "hl7.fhir.uv.ips",
            "2.0.0",
            extra={"package/ValueSet-new.json": value_set},
        )
    )
    after = conformance_context(cache=cache.root)
    assert after is not before
    assert after.value_set("http://example.org/ValueSet/new") is not None
    assert conformance_context(cache=cache.root) is after
    assert len(loads) == 2


def test_threads_asking_at_once_load_once(tmp_path: Path, loads: list[tuple[object, ...]]) -> None:
    cache = _cache(tmp_path)
    with ThreadPoolExecutor(max_workers=6) as pool:
        found = list(pool.map(lambda _: conformance_context(cache=cache.root), range(12)))
    assert all(context is found[0] for context in found)
    assert len(loads) == 1


def test_one_validator_per_context(tmp_path: Path, loads: list[tuple[object, ...]]) -> None:
    cache = _cache(tmp_path)
    context, validator = checking.shared_checker(cache=cache.root)
    assert checking.validator_for(context) is validator
    assert checking.shared_checker(cache=cache.root) == (context, validator)


def test_a_second_link_opened_reuses_the_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loads: list[tuple[object, ...]]
) -> None:
    """Opening a link validates its documents; the second open must not read every package
    again (issue 15: "opening a link reloads every package")."""
    cache = _cache(tmp_path)
    monkeypatch.setenv("XSHARE_FHIR_CACHE", str(cache.root))
    first = receive.load_validator()
    second = receive.load_validator()
    assert second is first
    assert len(loads) == 1
