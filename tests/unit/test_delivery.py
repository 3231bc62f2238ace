"""Delivering a prepared share: signed, protected, packaged, or behind a SMART Health Link."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.unit.signing_support import make_identity, shared_ca
from xshare_desktop.core import paths
from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PreparedShare, ShareOptions
from xshare_desktop.core.shl import app_host, client, provider
from xshare_desktop.core.shl.host_settings import load_host_settings
from xshare_desktop.core.signing import (
    TrustStore,
    Verdict,
    WrongPassword,
    unprotect_bytes,
    verify_detached,
    verify_path,
)

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ips-karen-testesen.json"
PASSWORD = "Rødgrød med fløde"
FAKE_PDF = b"%PDF-1.4\n% a tiny stand-in for the renderer's output\n%%EOF\n"


def fake_renderer(prepared: PreparedShare, title: str) -> bytes:
    return FAKE_PDF


@pytest.fixture()
def raw() -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(SAMPLE.read_bytes())
    return data


@pytest.fixture()
def staged() -> list[tuple[str, bytes]]:
    """A share's files in memory, as ``PreparedShare.files`` hands them to delivery."""
    return [
        ("patient-summary-shared-20261127-120000.json", SAMPLE.read_bytes()),
        ("patient-summary-shared-20261127-120000.pdf", FAKE_PDF),
    ]


@pytest.fixture()
def stop_host() -> Iterator[None]:
    yield
    app_host.stop_link_host()


def trust() -> TrustStore:
    store = TrustStore()
    store.add_certificate(shared_ca()[1])
    return store


def test_plain_download_copies_the_files_and_nothing_else(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = delivery.deliver_download(staged, out, delivery.DownloadOptions())
    assert sorted(p.name for p in out.iterdir()) == sorted(name for name, _ in staged)
    assert [f.kind for f in result.files] == ["document", "pdf"]
    assert (out / staged[0][0]).read_bytes() == staged[0][1]
    assert result.folder == out and not result.protected and result.signer is None


def test_signing_puts_a_detached_signature_beside_each_file(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    identity = make_identity("Karen Testesen")
    out = tmp_path / "out"
    result = delivery.deliver_download(
        staged, out, delivery.DownloadOptions(sign=True), identity=identity
    )
    assert result.signer == "Karen Testesen"
    for name, data in staged:
        token = (out / (name + ".jws")).read_text("ascii")
        assert verify_detached(data, token, trust()).ok
    report = verify_path(out / staged[0][0], trust=trust())
    assert report.verdict == Verdict.VERIFIED


def test_signing_without_a_key_is_refused_in_plain_words(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    with pytest.raises(UserFacingError, match="signing key"):
        delivery.deliver_download(staged, tmp_path / "out", delivery.DownloadOptions(sign=True))
    assert not (tmp_path / "out").exists()


def test_password_protection_leaves_no_plain_copy(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    identity = make_identity()
    delivery.deliver_download(
        staged, out, delivery.DownloadOptions(sign=True, password=PASSWORD), identity=identity
    )
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([n + ".jwe" for n, _ in staged] + [n + ".jws" for n, _ in staged])
    sealed = (out / (staged[0][0] + ".jwe")).read_bytes()
    assert b"Testesen" not in sealed
    plain, content_type = unprotect_bytes(sealed, PASSWORD)
    assert plain == staged[0][1] and content_type == "application/fhir+json"
    with pytest.raises(WrongPassword):
        unprotect_bytes(sealed, "not the password")
    report = verify_path(out / (staged[0][0] + ".jwe"), password=PASSWORD, trust=trust())
    assert report.verdict == Verdict.VERIFIED


def test_a_too_short_password_is_refused_before_anything_happens(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    with pytest.raises(UserFacingError, match="at least"):
        delivery.deliver_download(staged, tmp_path / "o", delivery.DownloadOptions(password="kort"))
    assert not (tmp_path / "o").exists()


def test_package_is_one_signed_protected_file(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = delivery.deliver_download(
        staged,
        out,
        delivery.DownloadOptions(sign=True, password=PASSWORD, package=True),
        identity=make_identity(),
    )
    [package] = list(out.iterdir())
    assert package.name == "patient-summary-shared-20261127-120000.xshare.jwe"
    assert result.packaged and result.protected and result.files[0].kind == "package"
    report = verify_path(package, password=PASSWORD, trust=trust())
    assert report.verdict == Verdict.VERIFIED
    assert set(report.documents) >= {name for name, _ in staged}


def test_unsigned_package_without_password_is_a_zip(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    delivery.deliver_download(staged, out, delivery.DownloadOptions(package=True))
    [package] = list(out.iterdir())
    assert package.name.endswith(".xshare.zip") and package.read_bytes().startswith(b"PK")
    assert verify_path(package).verdict == Verdict.UNSIGNED


def test_nothing_is_overwritten_without_permission(
    staged: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    existing = out / staged[1][0]
    existing.write_bytes(b"mine")
    with pytest.raises(UserFacingError, match="already exists"):
        delivery.deliver_download(staged, out, delivery.DownloadOptions())
    assert [p.name for p in out.iterdir()] == [existing.name]
    assert existing.read_bytes() == b"mine"
    delivery.deliver_download(staged, out, delivery.DownloadOptions(overwrite=True))
    assert existing.read_bytes() == FAKE_PDF


def test_a_failed_write_removes_what_this_delivery_wrote(
    staged: list[tuple[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = delivery.atomic_write_bytes
    calls = []

    def failing_write(path: Path, data: bytes, *, overwrite: bool = True) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_write(path, data, overwrite=overwrite)

    monkeypatch.setattr(delivery, "atomic_write_bytes", failing_write)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="disk full"):
        delivery.deliver_download(staged, out, delivery.DownloadOptions())
    assert list(out.iterdir()) == []


def test_share_and_deliver_stages_nothing_and_keeps_the_input(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    original = orjson.dumps(raw)
    out = tmp_path / "out"
    result = delivery.share_and_deliver(
        raw,
        Selection(exclude=("section:10160-0",)),
        ShareOptions(formats=("fhir-json", "pdf")),
        delivery.DownloadOptions(sign=True),
        out_dir=out,
        identity=make_identity(),
        pdf_renderer=fake_renderer,
    )
    assert orjson.dumps(raw) == original, "the input document must not change"
    assert list(paths.temp_dir().iterdir()) == []
    kinds = sorted(f.kind for f in result.files)
    assert kinds == ["document", "pdf", "signature", "signature"]
    assert result.share is not None and result.share.left_out
    written = orjson.loads(next(f.path for f in result.files if f.kind == "document").read_bytes())
    assert written["identifier"] != raw["identifier"]


def test_cancelling_writes_nothing_and_cleans_up(raw: dict[str, Any], tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        delivery.share_and_deliver(
            raw,
            Selection(),
            ShareOptions(),
            delivery.DownloadOptions(),
            out_dir=tmp_path / "out",
            progress=progress,
        )
    assert not (tmp_path / "out").exists()
    assert list(paths.temp_dir().iterdir()) == []


def test_a_missing_key_fails_before_the_share_runs(raw: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="signing key"):
        delivery.share_and_deliver(
            raw,
            Selection(),
            ShareOptions(),
            delivery.LinkDelivery(sign=True),
            identity=None,
        )
    assert list(paths.temp_dir().iterdir()) == []


@pytest.mark.usefixtures("stop_host")
def test_link_delivery_starts_the_host_and_the_recipient_gets_the_same_bytes(
    raw: dict[str, Any],
) -> None:
    expires = time.time() + 3600
    result = delivery.share_and_deliver(
        raw,
        Selection(),
        ShareOptions(formats=("fhir-json",)),
        delivery.LinkDelivery(
            link=provider.LinkOptions(passcode="1234", expires=expires, label="Til min læge"),
            sign=True,
        ),
        identity=make_identity(),
    )
    assert result.method == "link" and result.link_uri and result.link_uri.startswith("shlink:/")
    assert result.passcode and result.expires == expires and result.link_label == "Til min læge"
    assert app_host.link_host_url() == result.host_url
    settings = load_host_settings()
    assert settings is not None and settings.base_url == result.host_url
    assert settings.host == "127.0.0.1"
    retrieved = client.retrieve(result.link_uri, recipient="Dr. Test", passcode="1234")
    assert len(retrieved.files) == 2  # the document and its signature
    document = orjson.loads(retrieved.files[0].data)
    assert document["resourceType"] == "Bundle"
    assert "revoke" in result.revoke_hint() and result.link_id in result.revoke_hint()


@pytest.mark.usefixtures("stop_host")
def test_a_second_link_reuses_the_running_host(staged: list[tuple[str, bytes]]) -> None:
    first = delivery.deliver_link(staged[:1], delivery.LinkDelivery())
    second = delivery.deliver_link(staged[:1], delivery.LinkDelivery())
    assert first.host_url == second.host_url
    assert first.link_uri != second.link_uri


@pytest.mark.usefixtures("stop_host")
def test_a_host_started_elsewhere_is_reused(staged: list[tuple[str, bytes]]) -> None:
    from xshare_desktop.core.shl.host import serve
    from xshare_desktop.core.shl.host_settings import HostSettings, save_host_settings

    other = serve("127.0.0.1", 0)
    try:
        save_host_settings(HostSettings(other.base_url, "127.0.0.1", other.port))
        result = delivery.deliver_link(staged[:1], delivery.LinkDelivery())
        assert result.host_url == other.base_url
        assert app_host.link_host_url() is None, "no second host was started"
    finally:
        other.stop()


@pytest.mark.usefixtures("stop_host")
def test_something_else_on_the_remembered_port_is_not_mistaken_for_the_host(
    staged: list[tuple[str, bytes]],
) -> None:
    import socket

    from xshare_desktop.core.shl.host_settings import HostSettings, save_host_settings

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        save_host_settings(HostSettings(f"http://127.0.0.1:{port}", "127.0.0.1", port))
        result = delivery.deliver_link(staged[:1], delivery.LinkDelivery())
    assert result.host_url != f"http://127.0.0.1:{port}"
    assert result.host_url == app_host.link_host_url()


@pytest.mark.usefixtures("stop_host")
def test_revoking_a_delivered_link_stops_it(staged: list[tuple[str, bytes]]) -> None:
    result = delivery.deliver_link(staged[:1], delivery.LinkDelivery())
    assert result.link_id and result.link_uri
    provider.revoke_link(result.link_id)
    with pytest.raises(client.LinkNotActive):
        client.retrieve(result.link_uri, recipient="Dr. Test")


def test_stop_without_a_host_says_so() -> None:
    assert app_host.stop_link_host() is False


@pytest.mark.usefixtures("stop_host")
def test_a_proxy_setting_does_not_hide_the_running_host(
    staged: list[tuple[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from xshare_desktop.core.shl.host import serve
    from xshare_desktop.core.shl.host_settings import HostSettings, save_host_settings

    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens there
    other = serve("127.0.0.1", 0)
    try:
        save_host_settings(HostSettings(other.base_url, "127.0.0.1", other.port))
        assert app_host._answers_as_link_host(other.base_url)
        result = delivery.deliver_link(staged[:1], delivery.LinkDelivery())
        assert result.host_url == other.base_url
        assert app_host.link_host_url() is None, "no second host was started"
    finally:
        other.stop()


@pytest.mark.usefixtures("stop_host")
def test_one_host_moves_between_interfaces_and_tells_its_listeners(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from xshare_desktop.core.shl import host as host_module

    binds: list[str] = []

    def serve(bind: str, port: int) -> host_module.RunningHost:
        binds.append(bind)  # tests never open a port to the network: bind loopback
        return host_module.serve("127.0.0.1", port)

    monkeypatch.setattr(app_host, "serve", serve)
    monkeypatch.setattr(app_host, "lan_address", lambda: "192.0.2.10")
    heard: list[app_host.LinkHostState] = []

    def listener() -> None:
        heard.append(app_host.link_host_state())

    app_host.add_link_host_listener(listener)
    try:
        loopback = app_host.ensure_link_host()
        assert app_host.start_link_host() == loopback and binds == ["127.0.0.1"]
        network = app_host.start_link_host(local_network=True)
        assert network.startswith("http://192.0.2.10:") and binds[-1] == "0.0.0.0"
        assert app_host.ensure_link_host() == network, "the wizard publishes on the same host"
        settings = load_host_settings()
        assert settings is not None and settings.base_url == network
        assert app_host.stop_link_host() is True
        assert not app_host.link_host_state().running
        assert [state.local_network for state in heard] == [False, True, False]
        assert [state.running for state in heard] == [True, True, False]
    finally:
        app_host.remove_link_host_listener(listener)
    app_host.ensure_link_host()
    assert len(heard) == 3, "a removed listener hears nothing"


@pytest.mark.usefixtures("stop_host")
def test_without_a_network_the_host_stays_where_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_host, "lan_address", lambda: None)
    url = app_host.ensure_link_host()
    with pytest.raises(UserFacingError, match="not on a local network"):
        app_host.start_link_host(local_network=True)
    assert app_host.link_host_url() == url
