"""The FHIR package cache, safe installing, the registry protocol and the loaded context."""

from __future__ import annotations

import io
import json
import os
import tarfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.fake_registry import FakeRegistry
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext, PackageCache, parse_package_spec
from xshare_desktop.core.fhir_packages import index as package_index
from xshare_desktop.core.fhir_packages.registry import configured_registries, install_from_registry
from xshare_desktop.core.fhir_packages.versions import choose_version, latest, version_key
from xshare_desktop.core.paths import settings_file

IPS_BUNDLE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"


def _package_json(name: str, version: str, deps: dict[str, str] | None = None) -> bytes:
    manifest = {"name": name, "version": version, "fhirVersions": ["4.0.1"]}
    if deps:
        manifest["dependencies"] = deps  # type: ignore[assignment]
    return json.dumps(manifest).encode()


def _value_set(url: str, version: str = "1.0.0") -> bytes:
    return json.dumps(
        {"resourceType": "ValueSet", "id": url.rsplit("/", 1)[-1], "url": url, "version": version}
    ).encode()


def make_tgz(
    path: Path,
    name: str,
    version: str,
    *,
    deps: dict[str, str] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    files = {"package/package.json": _package_json(name, version, deps)}
    files[f"package/ValueSet-{name}.json"] = _value_set(f"http://example.org/ValueSet/{name}")
    files.update(extra or {})
    with tarfile.open(path, "w:gz") as archive:
        for member_name, content in files.items():
            info = tarfile.TarInfo(member_name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


# -- names and versions ----------------------------------------------------------------------


def test_package_spec_forms() -> None:
    assert parse_package_spec("hl7.fhir.uv.ips#2.0.0") == ("hl7.fhir.uv.ips", "2.0.0")
    assert parse_package_spec("hl7.fhir.uv.ips@2.0.0") == ("hl7.fhir.uv.ips", "2.0.0")
    assert parse_package_spec("hl7.fhir.uv.ips") == ("hl7.fhir.uv.ips", None)
    for bad in ("", "#1.0", "a b", "../x#1"):
        with pytest.raises(UserFacingError):
            parse_package_spec(bad)


def test_version_order_and_nearest_choice() -> None:
    assert version_key("5.3.0-ballot-tc1") < version_key("5.3.0") < version_key("5.10.0")
    assert latest(["1.0.0", "1.1.0-ballot", "0.9.0"]) == "1.0.0"
    assert choose_version("6.5.0", ["7.0.1", "5.0.0"]) == ("7.0.1", False)
    assert choose_version("9.0.0", ["7.0.1", "5.0.0"]) == ("7.0.1", False)
    assert choose_version("4.0.x", ["4.0.0", "4.0.1", "4.3.0"]) == ("4.0.1", True)
    assert choose_version(None, ["1.0.0", "2.0.0"]) == ("2.0.0", True)
    assert choose_version("1.0.0", []) == (None, False)


_versions = st.from_regex(
    r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(-[a-z0-9]{1,6}(\.[0-9]{1,2})?)?", fullmatch=True
)


@given(st.lists(_versions, min_size=1, max_size=6), _versions)
def test_choice_is_always_an_available_version(available: list[str], wanted: str) -> None:
    chosen, exact = choose_version(wanted, available)
    assert chosen in available
    assert exact == (wanted in available)


# -- installing ------------------------------------------------------------------------------


def test_install_tgz_list_get_and_keep_existing(tmp_path: Path) -> None:
    cache = PackageCache(tmp_path / "cache")
    info = cache.install_tgz(make_tgz(tmp_path / "a.tgz", "example.a", "1.0.0"))
    assert info.id == "example.a#1.0.0"
    assert info.path == tmp_path / "cache" / "example.a#1.0.0" / "package"
    assert info.fhir_versions == ("4.0.1",)
    cache.install_tgz(make_tgz(tmp_path / "a2.tgz", "example.a", "1.2.0"))
    assert [p.id for p in cache.list()] == ["example.a#1.0.0", "example.a#1.2.0"]
    latest_a = cache.get("example.a")
    assert latest_a is not None and latest_a.version == "1.2.0"
    assert cache.get("example.a", "3.0.0") is None
    again = cache.install_tgz(make_tgz(tmp_path / "a3.tgz", "example.a", "1.0.0"))
    assert again.id == "example.a#1.0.0"
    # No temporary folders are left behind.
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [
        "example.a#1.0.0",
        "example.a#1.2.0",
    ]


def _evil_tgz(path: Path, member: tarfile.TarInfo, content: bytes = b"") -> Path:
    with tarfile.open(path, "w:gz") as archive:
        manifest = _package_json("example.evil", "1.0.0")
        ok = tarfile.TarInfo("package/package.json")
        ok.size = len(manifest)
        archive.addfile(ok, io.BytesIO(manifest))
        member.size = len(content) if member.isfile() else 0
        archive.addfile(member, io.BytesIO(content) if member.isfile() else None)
    return path


def _symlink_member() -> tarfile.TarInfo:
    member = tarfile.TarInfo("package/link.json")
    member.type = tarfile.SYMTYPE
    member.linkname = "/etc/passwd"
    return member


@pytest.mark.parametrize(
    "member",
    [
        tarfile.TarInfo("../outside.json"),
        tarfile.TarInfo("/abs.json"),
        tarfile.TarInfo("package/../../outside.json"),
        _symlink_member(),
    ],
    ids=["parent", "absolute", "nested-parent", "symlink"],
)
def test_install_refuses_hostile_archives(tmp_path: Path, member: tarfile.TarInfo) -> None:
    cache_root = tmp_path / "deep" / "cache"
    cache = PackageCache(cache_root)
    archive = _evil_tgz(tmp_path / "evil.tgz", member, b"{}")
    with pytest.raises(UserFacingError):
        cache.install_tgz(archive)
    assert not (tmp_path / "outside.json").exists()
    assert not (tmp_path / "deep" / "outside.json").exists()
    assert list(cache_root.iterdir()) == []


def test_install_refuses_non_packages(tmp_path: Path) -> None:
    cache = PackageCache(tmp_path / "cache")
    not_tar = tmp_path / "x.tgz"
    not_tar.write_bytes(b"this is not a tarball")
    with pytest.raises(UserFacingError, match="not a readable FHIR package"):
        cache.install_tgz(not_tar)
    empty = tmp_path / "empty.tgz"
    with tarfile.open(empty, "w:gz"):
        pass
    with pytest.raises(UserFacingError, match=r"package/package\.json"):
        cache.install_tgz(empty)
    with pytest.raises(UserFacingError, match="does not exist"):
        cache.install_tgz(tmp_path / "missing.tgz")


def test_install_folder_copies_and_refuses_links(tmp_path: Path) -> None:
    source = tmp_path / "src" / "package"
    source.mkdir(parents=True)
    (source / "package.json").write_bytes(_package_json("example.f", "0.1.0"))
    (source / "ValueSet-x.json").write_bytes(_value_set("http://example.org/ValueSet/x"))
    cache = PackageCache(tmp_path / "cache")
    info = cache.install_folder(tmp_path / "src")
    assert (info.path / "ValueSet-x.json").is_file()
    assert (source / "ValueSet-x.json").is_file()  # the input is untouched
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "package.json").write_bytes(_package_json("example.g", "0.1.0"))
    os.symlink("/etc/hostname", linked / "secret.json")
    with pytest.raises(UserFacingError, match="link"):
        cache.install_folder(linked)
    assert cache.get("example.g") is None
    with pytest.raises(UserFacingError, match=r"no package\.json"):
        cache.install_folder(tmp_path)


# -- the loaded context ----------------------------------------------------------------------


def test_context_loads_defaults_and_finds_definitions(fhir_cache: Path) -> None:
    context = ConformanceContext.load(cache=fhir_cache)
    names = [p.name for p in context.packages]
    assert names[:4] == [
        "hl7.fhir.r4.core",
        "hl7.terminology.r4",
        "hl7.fhir.uv.extensions.r4",
        "hl7.fhir.uv.ips",
    ]
    patient = context.structure_definition("Patient")
    assert (
        patient is not None and patient["url"] == "http://hl7.org/fhir/StructureDefinition/Patient"
    )
    assert (
        context.structure_definition("http://hl7.org/fhir/StructureDefinition/Patient") is patient
    )
    ips = context.structure_definition(IPS_BUNDLE)
    assert ips is not None and ips["type"] == "Bundle"
    assert context.structure_definition(IPS_BUNDLE + "|2.0.0") is ips
    assert context.structure_definition("date") is not None  # primitive types too
    assert context.structure_definition("NoSuchType") is None
    assert context.value_set("http://hl7.org/fhir/ValueSet/administrative-gender") is not None
    assert context.code_system("http://hl7.org/fhir/administrative-gender") is not None
    # A ValueSet URL asked for as a CodeSystem is not one.
    assert context.code_system("http://hl7.org/fhir/ValueSet/administrative-gender") is None
    assert context.resource("http://example.org/nothing") is None
    assert any("hl7.fhir.uv.ipa" in w for w in context.warnings)
    assert IPS_BUNDLE in [url for url, _, _ in context.profiles()]


def test_context_examples_and_package_files(fhir_cache: Path) -> None:
    context = ConformanceContext.load(["hl7.fhir.uv.ips#2.0.0"], cache=fhir_cache)
    examples = list(context.iter_examples("hl7.fhir.uv.ips"))
    assert len(examples) == 44
    assert all(isinstance(doc, dict) and "resourceType" in doc for _, doc in examples)
    outcome = context.package_file("hl7.fhir.uv.ips", "other/validation-oo.json")
    assert outcome is not None and outcome.is_file()
    assert context.package_file("hl7.fhir.uv.ips", "../../../etc/passwd") is None
    with pytest.raises(UserFacingError):
        context.package_file("not.loaded", "package.json")


def test_missing_packages(fhir_cache: Path, tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="not installed"):
        ConformanceContext.load(["example.absent#1.0.0"], cache=fhir_cache)
    with pytest.raises(UserFacingError, match=r"hl7\.fhir\.r4\.core"):
        ConformanceContext.load(cache=tmp_path / "empty")


def test_index_is_stored_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fhir_cache: Path
) -> None:
    cache = PackageCache(tmp_path / "cache")
    info = cache.install_tgz(make_tgz(tmp_path / "a.tgz", "example.a", "1.0.0"))
    first = package_index.load_index(info.path)
    assert package_index.stored_index_path(info.path).is_file()

    def refuse(_: Path) -> list[Any]:
        raise AssertionError("the stored index should have been used")

    monkeypatch.setattr(package_index, "build_index", refuse)
    assert package_index.load_index(info.path) == first
    monkeypatch.undo()
    # A new file makes the stored index stale.
    (info.path / "ValueSet-more.json").write_bytes(_value_set("http://example.org/ValueSet/more"))
    urls = {e.get("url") for e in package_index.load_index(info.path)}
    assert "http://example.org/ValueSet/more" in urls


def test_index_falls_back_to_data_dir_when_cache_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PackageCache(tmp_path / "cache")
    info = cache.install_tgz(make_tgz(tmp_path / "a.tgz", "example.ro", "1.0.0"))
    real_write = package_index.atomic_write_bytes

    def write_outside_cache_only(path: Path, data: bytes) -> Path:
        if Path(path).is_relative_to(cache.root):
            raise PermissionError(13, "read-only cache")
        return real_write(path, data)

    monkeypatch.setattr(package_index, "atomic_write_bytes", write_outside_cache_only)
    built = package_index.load_index(info.path)
    assert not package_index.stored_index_path(info.path).exists()
    assert package_index._fallback_location(info.path).is_file()
    monkeypatch.setattr(package_index, "build_index", lambda _: pytest.fail("rebuilt"))
    assert package_index.load_index(info.path) == built


def test_newer_definition_wins_and_versions_stay_addressable(tmp_path: Path) -> None:
    url = "http://example.org/ValueSet/shared"
    cache = PackageCache(tmp_path / "cache")
    core = tmp_path / "core.tgz"
    make_tgz(core, "hl7.fhir.r4.core", "4.0.1")
    cache.install_tgz(core)
    old = {"package/ValueSet-shared.json": _value_set(url, "1.0.0")}
    new = {"package/ValueSet-shared.json": _value_set(url, "2.0.0")}
    cache.install_tgz(make_tgz(tmp_path / "o.tgz", "example.old", "1.0.0", extra=old))
    cache.install_tgz(make_tgz(tmp_path / "n.tgz", "example.new", "1.0.0", extra=new))
    context = ConformanceContext.load(["example.old#1.0.0", "example.new#1.0.0"], cache=cache)
    assert context.value_set(url)["version"] == "2.0.0"  # type: ignore[index]
    assert context.value_set(url + "|1.0.0")["version"] == "1.0.0"  # type: ignore[index]


def test_dependency_versions_fall_back_with_a_warning(tmp_path: Path) -> None:
    cache = PackageCache(tmp_path / "cache")
    cache.install_tgz(make_tgz(tmp_path / "c.tgz", "hl7.fhir.r4.core", "4.0.1"))
    cache.install_tgz(make_tgz(tmp_path / "d.tgz", "example.dep", "2.1.0"))
    cache.install_tgz(
        make_tgz(tmp_path / "m.tgz", "example.main", "1.0.0", deps={"example.dep": "2.0.0"})
    )
    context = ConformanceContext.load(["example.main#1.0.0"], cache=cache)
    assert [p.id for p in context.packages] == [
        "example.main#1.0.0",
        "hl7.fhir.r4.core#4.0.1",
        "example.dep#2.1.0",
    ]
    assert any("example.dep 2.0.0" in w and "2.1.0" in w for w in context.warnings)


def test_concurrent_reads_share_one_parsed_copy(fhir_cache: Path) -> None:
    context = ConformanceContext.load(cache=fhir_cache)
    types = ["Patient", "Bundle", "Composition", "Observation"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(context.structure_definition, types))
    for name, definition in zip(types, found, strict=True):
        assert definition is context.structure_definition(name)


# -- registries ------------------------------------------------------------------------------


@pytest.fixture()
def registry(tmp_path: Path) -> Iterator[FakeRegistry]:
    def tgz(name: str, version: str, deps: dict[str, str] | None = None) -> bytes:
        return make_tgz(tmp_path / f"{name}-{version}.tgz", name, version, deps=deps).read_bytes()

    packages = {
        "example.main": {"1.0.0": tgz("example.main", "1.0.0", {"example.dep": "2.0.0"})},
        "example.dep": {"2.1.0": tgz("example.dep", "2.1.0", {"example.gone": "1.0.0"})},
    }
    with FakeRegistry(packages) as server:
        yield server


def test_install_from_registry_with_dependencies(tmp_path: Path, registry: FakeRegistry) -> None:
    cache = PackageCache(tmp_path / "cache")
    report = install_from_registry(cache, "example.main", "1.0.0", registries=[registry.url])
    assert [p.id for p in report.installed] == ["example.main#1.0.0", "example.dep#2.1.0"]
    assert any("example.dep 2.0.0" in w and "2.1.0" in w for w in report.warnings)
    assert any("example.gone" in w for w in report.warnings)
    assert cache.get("example.dep", "2.1.0") is not None
    # A second run finds everything installed and downloads nothing.
    registry.requests.clear()
    again = install_from_registry(cache, "example.main", "1.0.0", registries=[registry.url])
    assert again.installed == []
    assert not any(r.endswith(".tgz") for r in registry.requests)


def test_registry_fallback_order_and_errors(
    tmp_path: Path, registry: FakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PackageCache(tmp_path / "cache")
    with FakeRegistry({}) as empty:
        monkeypatch.setenv("XSHARE_FHIR_REGISTRIES", f"{empty.url}, {registry.url}")
        report = install_from_registry(cache, "example.dep")
        assert [p.id for p in report.installed] == ["example.dep#2.1.0"]
        assert empty.requests == ["/example.dep", "/example.gone"]
    with pytest.raises(UserFacingError, match="not found in any registry"):
        install_from_registry(cache, "example.unknown", "1.0.0", registries=[registry.url])
    monkeypatch.delenv("XSHARE_FHIR_REGISTRIES")
    monkeypatch.setenv("PATH", str(tmp_path / "no-npm-here"))
    with pytest.raises(UserFacingError, match="No package registry is configured"):
        install_from_registry(cache, "example.main", "1.0.0")
    settings_file().write_text(json.dumps({"fhir_registries": [registry.url + "/"]}))
    assert configured_registries() == [registry.url]
    report = install_from_registry(cache, "example.main", "1.0.0")
    assert [p.id for p in report.installed] == ["example.main#1.0.0"]


def test_the_npm_clients_registry_is_the_fallback(
    tmp_path: Path, registry: FakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing configured, the registry of the person's own npm client is asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_npm = bin_dir / "npm"
    fake_npm.write_text(f"#!/bin/sh\necho '{registry.url}/'\n")
    fake_npm.chmod(0o755)
    monkeypatch.delenv("XSHARE_FHIR_REGISTRIES", raising=False)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert configured_registries() == [registry.url]
    report = install_from_registry(PackageCache(tmp_path / "cache"), "example.main", "1.0.0")
    assert "example.main#1.0.0" in [p.id for p in report.installed]
