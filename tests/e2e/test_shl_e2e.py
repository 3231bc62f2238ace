"""SMART Health Links end to end on 127.0.0.1: the real host, the real CLI, the real consumer."""

from __future__ import annotations

import base64
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson
import pytest

from xshare_desktop.core import paths
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.shl import client, qr
from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.core.shl.host import HostConfig, RunningHost, serve
from xshare_desktop.core.shl.payload import b64url_encode, decode_uri
from xshare_desktop.core.shl.provider import LinkOptions, create_link, list_links

DOCUMENT = {
    "resourceType": "Bundle",
    "id": "ips-e2e",
    "type": "document",
    "identifier": {
        "system": "urn:ietf:rfc:3986",
        "value": "urn:uuid:0b3c5a8e-1111-4c1b-9d7e-3a0f5c1e9b01",
    },
    "timestamp": "2026-11-27T10:00:00+01:00",
    "entry": [],
}


def make_link(host: RunningHost, *files: Path, **options: Any) -> dict[str, str]:
    """A link made in-process, for tests where `shl create` itself is not under test."""
    record, uri = create_link(
        share_files_from_paths(list(files)), LinkOptions(**options), host.base_url
    )
    return {"id": record.id, "uri": uri}


def cli(
    *args: str, input_text: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xshare_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input_text,
        env=os.environ.copy(),
    )


@pytest.fixture()
def document(tmp_path: Path) -> Path:
    path = tmp_path / "patient-summary.json"
    # Pretty-printed on purpose: the recipient must get these exact bytes, not a re-serialisation.
    path.write_bytes(orjson.dumps(DOCUMENT, option=orjson.OPT_INDENT_2))
    return path


@pytest.fixture()
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "patient-summary.pdf"
    path.write_bytes(b"%PDF-1.4\n% test\n" + os.urandom(2000) + b"\n%%EOF\n")
    return path


@pytest.fixture()
def host() -> Iterator[RunningHost]:
    running = serve("127.0.0.1", 0, config=HostConfig(min_poll_interval=0))
    yield running
    running.stop()


def test_create_then_open_with_the_cli(
    host: RunningHost, document: Path, pdf: Path, tmp_path: Path
) -> None:
    qr_file = tmp_path / "link.png"
    created = cli(
        "shl",
        "create",
        str(document),
        str(pdf),
        "--label",
        "Min patientoversigt",
        "--passcode",
        "4711",
        "--expires",
        "2h",
        "--qr",
        str(qr_file),
        "--host-url",
        host.base_url,
    )
    assert created.returncode == 0, created.stderr
    uri = created.stdout.strip()
    payload = decode_uri(uri)
    assert payload.flag == "P" and payload.label == "Min patientoversigt"
    assert payload.url.startswith(host.base_url + "/shl/") and len(payload.url) <= 128
    assert qr.decode_qr_file(qr_file) == uri

    out = tmp_path / "received"
    opened = cli(
        "shl",
        "open",
        "--no-validate",
        str(qr_file),
        "--passcode",
        "4711",
        "--recipient",
        "Lægehuset",
        "--out",
        str(out),
    )
    assert opened.returncode == 0, opened.stderr
    assert (out / "document.json").read_bytes() == document.read_bytes()
    assert (out / "patient-summary.pdf").read_bytes() == pdf.read_bytes()

    listing = cli("shl", "list", "--json")
    (link,) = orjson.loads(listing.stdout)
    assert link["status"] == "active"
    assert [(a["recipient"], a["outcome"]) for a in link["accesses"]] == [("Lægehuset", "ok")]


def test_open_by_locations_and_viewer_prefix(
    host: RunningHost, document: Path, tmp_path: Path
) -> None:
    created = cli(
        "shl",
        "create",
        str(document),
        "--viewer",
        "https://viewer.example.org/",
        "--host-url",
        host.base_url,
    )
    uri = created.stdout.strip()
    assert uri.startswith("https://viewer.example.org/#shlink:/")
    out = tmp_path / "out"
    opened = cli("shl", "open", "--no-validate", uri, "--embedded-max", "0", "--out", str(out))
    assert opened.returncode == 0, opened.stderr
    assert (out / "document.json").read_bytes() == document.read_bytes()
    kinds = [a["kind"] for a in orjson.loads(cli("shl", "list", "--json").stdout)[0]["accesses"]]
    assert kinds == ["manifest", "location"]


def test_single_file_link_uses_get(host: RunningHost, document: Path, tmp_path: Path) -> None:
    uri = cli(
        "shl", "create", str(document), "--single-file", "--host-url", host.base_url
    ).stdout.strip()
    assert decode_uri(uri).flag == "U"
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "o"))
    assert opened.returncode == 0, opened.stderr
    assert (tmp_path / "o" / "document.json").read_bytes() == document.read_bytes()
    (link,) = orjson.loads(cli("shl", "list", "--json").stdout)
    assert link["accesses"][0]["kind"] == "direct"


def test_wrong_passcodes_until_locked(host: RunningHost, document: Path, tmp_path: Path) -> None:
    uri = make_link(host, document, passcode="right", max_attempts=2)["uri"]
    first = cli(
        "shl", "open", "--no-validate", uri, "--passcode", "wrong", "--out", str(tmp_path / "o")
    )
    assert first.returncode == 3 and "1 attempt is left" in first.stderr
    second = cli(
        "shl", "open", "--no-validate", uri, "--passcode", "wrong", "--out", str(tmp_path / "o")
    )
    assert second.returncode == 3 and "no attempts are left" in second.stderr
    third = cli(
        "shl", "open", "--no-validate", uri, "--passcode", "right", "--out", str(tmp_path / "o")
    )
    assert third.returncode == 3 and "no longer active" in third.stderr
    assert not (tmp_path / "o").exists()
    missing = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "o"))
    assert missing.returncode == 2 and "passcode" in missing.stderr
    (link,) = orjson.loads(cli("shl", "list", "--json").stdout)
    assert link["status"] == "locked" and link["remainingAttempts"] == 0


@pytest.mark.parametrize("sent, limit", [(40, 50), (60, 25)])
def test_concurrent_wrong_passcodes_are_all_counted(
    host: RunningHost, document: Path, sent: int, limit: int
) -> None:
    _record, uri = create_link(
        share_files_from_paths([document]),
        LinkOptions(passcode="secret", max_attempts=limit),
        host.base_url,
    )
    barrier = threading.Barrier(20)

    def guess(i: int) -> str:
        if i < 20:
            barrier.wait()
        try:
            client.retrieve(uri, recipient=f"attacker {i}", passcode=f"guess{i}")
        except client.WrongPasscode as exc:
            return f"401:{exc.remaining_attempts}"
        except client.LinkNotActive:
            return "404"
        return "200"

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(guess, range(sent)))
    refused = [r for r in results if r.startswith("401")]
    assert len(refused) == min(sent, limit)
    # Each remaining count was handed out exactly once: no two requests saw the same state.
    assert sorted(int(r.split(":")[1]) for r in refused) == list(range(limit - len(refused), limit))
    assert results.count("404") == max(0, sent - limit)
    (summary,) = list_links()
    assert summary.record.failed_attempts == min(sent, limit)
    if sent < limit:
        # The right passcode still works and does not use up an attempt.
        assert client.retrieve(uri, recipient="doctor", passcode="secret").files
        (summary,) = list_links()
        assert summary.record.failed_attempts == sent


def test_expired_link_says_so(host: RunningHost, document: Path, tmp_path: Path) -> None:
    created = cli(
        "shl", "create", str(document), "--expires", "1h", "--json", "--host-url", host.base_url
    )
    info = orjson.loads(created.stdout)
    # Move the expiry into the past directly in the store rather than waiting for it.
    with sqlite3.connect(paths.links_db()) as conn:
        conn.execute("UPDATE links SET expires = 1000 WHERE id = ?", (info["id"],))
    # The payload's exp is only a hint, so give the CLI a link whose hint is in the past too.
    payload = decode_uri(info["uri"]).to_json() | {"exp": 1000}
    uri = "shlink:/" + b64url_encode(orjson.dumps(payload))
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "o"))
    assert opened.returncode == 3 and "expired" in opened.stderr
    assert orjson.loads(cli("shl", "list", "--json").stdout)[0]["status"] == "expired"


def test_one_time_link(host: RunningHost, document: Path, tmp_path: Path) -> None:
    uri = make_link(host, document, one_time=True)["uri"]
    assert cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "a")).returncode == 0
    again = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "b"))
    assert again.returncode == 3 and "no longer active" in again.stderr
    (link,) = list_links()
    assert link.status.value == "used-up"


def test_revoke(host: RunningHost, document: Path, tmp_path: Path) -> None:
    info = make_link(host, document)
    assert cli("shl", "revoke", info["id"]).returncode == 0
    opened = cli("shl", "open", "--no-validate", info["uri"], "--out", str(tmp_path / "o"))
    assert opened.returncode == 3
    assert cli("shl", "revoke", "nosuchid").returncode == 2


def test_long_term_update(host: RunningHost, document: Path, tmp_path: Path) -> None:
    info = make_link(host, document, long_term=True)
    newer = tmp_path / "newer.json"
    newer.write_bytes(orjson.dumps(DOCUMENT | {"id": "newer"}))
    assert cli("shl", "update", info["id"], str(newer)).returncode == 0, "update failed"
    retrieval = client.retrieve(info["uri"], recipient="r")
    assert retrieval.files[0].data == newer.read_bytes()
    assert retrieval.manifest_status == "can-change"
    # Only long-term links can change.
    other = make_link(host, document)
    refused = cli("shl", "update", other["id"], str(newer))
    assert refused.returncode == 2 and "long-term" in refused.stderr


def test_tampered_ciphertext_is_refused(host: RunningHost, document: Path, tmp_path: Path) -> None:
    info = make_link(host, document)
    with sqlite3.connect(paths.links_db()) as conn:
        (token,) = conn.execute("SELECT jwe FROM files WHERE link_id = ?", (info["id"],)).fetchone()
        header, key, iv, ciphertext, tag = token.split(".")
        raw = bytearray(base64.urlsafe_b64decode(ciphertext + "=" * (-len(ciphertext) % 4)))
        raw[len(raw) // 2] ^= 0x01
        tampered = ".".join([header, key, iv, b64url_encode(bytes(raw)), tag])
        conn.execute("UPDATE files SET jwe = ? WHERE link_id = ?", (tampered, info["id"]))
    opened = cli("shl", "open", "--no-validate", info["uri"], "--out", str(tmp_path / "o"))
    assert opened.returncode == 2 and "changed on the way" in opened.stderr
    assert not (tmp_path / "o").exists()


def test_payload_with_unknown_flags_and_fields(
    host: RunningHost, document: Path, tmp_path: Path
) -> None:
    info = make_link(host, document)
    payload = decode_uri(info["uri"]).to_json() | {
        "flag": "QZ",
        "_vendor": {"x": 1},
        "extension": [],
    }
    uri = "shlink:/" + b64url_encode(orjson.dumps(payload))
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "o"))
    assert opened.returncode == 0, opened.stderr
    assert (tmp_path / "o" / "document.json").read_bytes() == document.read_bytes()


def test_newer_version_is_refused_before_contacting_the_host(
    host: RunningHost, document: Path, tmp_path: Path
) -> None:
    info = make_link(host, document)
    uri = "shlink:/" + b64url_encode(orjson.dumps(decode_uri(info["uri"]).to_json() | {"v": 7}))
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "o"))
    assert opened.returncode == 2 and "version 7" in opened.stderr
    assert list_links()[0].accesses == []


def test_location_urls_expire_over_http(document: Path) -> None:
    now = [1_800_000_000.0]
    running = serve("127.0.0.1", 0, config=HostConfig(location_lifetime=60, clock=lambda: now[0]))
    try:
        _, uri = create_link(
            share_files_from_paths([document]), LinkOptions(), running.base_url, now=now[0]
        )
        payload = decode_uri(uri)
        fetch = client._Fetch.start(30, timeout=10)
        manifest = client._request(
            payload.url,
            fetch,
            method="POST",
            body=b'{"recipient":"r","embeddedLengthMax":0}',
            content_type="application/json",
            max_bytes=10**6,
        )
        location = orjson.loads(manifest.body)["files"][0]["location"]
        assert location.startswith(running.base_url + "/shl/file/")
        now[0] += 61
        with pytest.raises(client.LinkNotActive, match="expired or was already used"):
            client._fetch_jose(location, fetch, what="file 1")
    finally:
        running.stop()


def test_polling_a_long_term_link_too_often_gets_429(document: Path) -> None:
    running = serve("127.0.0.1", 0, config=HostConfig(min_poll_interval=3600))
    try:
        _, uri = create_link(
            share_files_from_paths([document]), LinkOptions(long_term=True), running.base_url
        )
        client.retrieve(uri, recipient="poller")
        with pytest.raises(client.TooManyRequests) as info:
            client.retrieve(uri, recipient="poller")
        assert info.value.retry_after is not None and 3500 < info.value.retry_after <= 3600
    finally:
        running.stop()


def test_signature_travels_and_verifies(host: RunningHost, document: Path, tmp_path: Path) -> None:
    from xshare_desktop.core.signing.jws import sign_bytes
    from xshare_desktop.core.signing.keys import create_identity

    identity = create_identity("Karen Testesen", "a long booth passphrase 2026")
    signature = tmp_path / "patient-summary.json.jws"
    signature.write_text(sign_bytes(document.read_bytes(), identity, "application/fhir+json"))
    uri = cli(
        "shl", "create", str(document), str(signature), "--host-url", host.base_url
    ).stdout.strip()
    out = tmp_path / "out"
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(out))
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert "signs patient-summary.json, signed by Karen Testesen" in opened.stdout
    assert (out / "patient-summary.json").read_bytes() == document.read_bytes()
    assert (out / "patient-summary.json.jws").read_text() == signature.read_text()
    # The consumer API says the same without the CLI.
    received = receive.unpack(client.retrieve(uri, recipient="r"))
    (result,) = receive.check_signatures(received)
    assert result.check.intact and result.signed_name == "patient-summary.json"


def test_signature_over_other_bytes_fails(
    host: RunningHost, document: Path, tmp_path: Path
) -> None:
    from xshare_desktop.core.signing.jws import sign_bytes
    from xshare_desktop.core.signing.keys import create_identity

    identity = create_identity("Karen Testesen", "a long booth passphrase 2026")
    signature = tmp_path / "patient-summary.json.jws"
    signature.write_text(
        sign_bytes(document.read_bytes() + b" ", identity, "application/fhir+json")
    )
    uri = cli(
        "shl", "create", str(document), str(signature), "--host-url", host.base_url
    ).stdout.strip()
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "out"))
    assert opened.returncode == 1 and "NOT VALID" in opened.stdout


def test_real_serve_command(document: Path, tmp_path: Path) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "xshare_desktop", "shl", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        # `create` finds the running host through the settings `serve` stored.
        created = cli("shl", "create", str(document), "--passcode", "1 2 3")
        assert created.returncode == 0, created.stderr
        uri = created.stdout.strip()
        assert decode_uri(uri).url.startswith(base_url + "/shl/")
        opened = cli(
            "shl", "open", "--no-validate", uri, "--passcode", "1 2 3", "--out", str(tmp_path / "o")
        )
        assert opened.returncode == 0, opened.stderr
        assert (tmp_path / "o" / "document.json").read_bytes() == document.read_bytes()
        # `serve` says where its web viewer is, and `create --viewer` puts links behind it.
        assert server.stderr is not None
        assert f"web viewer at {base_url}/view" in server.stderr.readline()
        behind = cli("shl", "create", str(document), "--viewer")
        assert behind.stdout.strip().startswith(base_url + "/view#shlink:/"), behind.stderr
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        finally:
            if server.poll() is None:
                server.kill()
    assert server.returncode == 0
    # The link survives the restart: a new host on the same port serves it.
    port = int(base_url.rsplit(":", 1)[1])
    again = serve("127.0.0.1", port)
    try:
        assert client.retrieve(uri, recipient="r", passcode="1 2 3").files
    finally:
        again.stop()


def test_unreachable_host(document: Path, tmp_path: Path) -> None:
    running = serve("127.0.0.1", 0)
    base = running.base_url
    running.stop()
    uri = cli("shl", "create", str(document), "--host-url", base).stdout.strip()
    opened = cli("shl", "open", "--no-validate", uri, "--out", str(tmp_path / "o"))
    assert opened.returncode == 2 and "cannot be reached" in opened.stderr


def test_received_document_is_validated(
    host: RunningHost, fhir_cache: Path, tmp_path: Path
) -> None:
    example = (
        fhir_cache / "hl7.fhir.uv.ips#2.0.0" / "package" / "example" / "Bundle-bundle-minimal.json"
    )
    uri = cli("shl", "create", str(example), "--host-url", host.base_url).stdout.strip()
    opened = cli("shl", "open", uri, "--out", str(tmp_path / "o"))
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert (
        "validation document.json against http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips: no errors"
        in opened.stdout
    )
    # A document that breaks the rules is still saved, and the run says it failed the checks.
    broken = tmp_path / "broken.json"
    broken.write_bytes(orjson.dumps(DOCUMENT))
    uri = cli("shl", "create", str(broken), "--host-url", host.base_url).stdout.strip()
    opened = cli("shl", "open", uri, "--out", str(tmp_path / "b"))
    assert opened.returncode == 1 and "bdl-11" in opened.stdout
    assert (tmp_path / "b" / "document.json").read_bytes() == broken.read_bytes()


def test_create_writes_a_printable_qr_page(
    host: RunningHost, document: Path, tmp_path: Path
) -> None:
    """`--qr FILE.pdf` gives a page that names the label and carries the exact link."""
    import zxingcpp
    from PIL import Image

    page = tmp_path / "link.pdf"
    created = cli(
        "shl", "create", str(document), "--label", "Til lægevagten", "--passcode", "1234",
        "--qr", str(page), "--qr-language", "da", "--host-url", host.base_url,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    uri = created.stdout.strip()
    text = subprocess.run(["pdftotext", str(page), "-"], capture_output=True, text=True).stdout
    assert "Til lægevagten" in text
    assert "1234" not in text  # the passcode never goes on paper
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(page), str(tmp_path / "page")], check=True)
    (png,) = sorted(tmp_path.glob("page*.png"))
    decoded = zxingcpp.read_barcodes(Image.open(png))
    assert [d.text for d in decoded] == [uri]
