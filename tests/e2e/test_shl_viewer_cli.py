"""`xshare shl create --viewer`: the link behind the link host's own web viewer (no browser here).

SHL spec (HL7 smart-health-cards-and-links STU1): a link may be prefixed by a viewer URL and
``#``; the QR code then opens that page, which reads the link from the fragment.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import orjson

from tests.e2e.test_shl_e2e import cli, document, host  # noqa: F401  (fixtures)
from xshare_desktop.core.shl import qr
from xshare_desktop.core.shl.host import RunningHost
from xshare_desktop.core.shl.payload import decode_uri


def create_behind_host_viewer(
    host: RunningHost,  # noqa: F811
    document: Path,  # noqa: F811
    qr_file: Path,
    *options: str,
) -> tuple[dict[str, str], str]:
    """`shl create --viewer --qr --json`: the id and URI printed, and the QR code's text."""
    created = cli(
        "shl",
        "create",
        str(document),
        "--host-url",
        host.base_url,
        "--qr",
        str(qr_file),
        "--json",
        *options,
        "--viewer",
    )
    assert created.returncode == 0, created.stderr
    made: dict[str, str] = orjson.loads(created.stdout)
    scanned = qr.decode_qr_file(qr_file)
    assert scanned == made["uri"]
    assert scanned.startswith(host.base_url + "/view#shlink:/")
    return made, scanned


def test_viewer_without_url_uses_the_hosts_page(
    host: RunningHost,  # noqa: F811
    document: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    _made, uri = create_behind_host_viewer(host, document, tmp_path / "qr.png")
    assert decode_uri(uri).url.startswith(host.base_url + "/shl/")
    # The page the QR code opens is there, and the fragment (the key) is not what it asks for.
    page, _fragment = uri.split("#", 1)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(page, timeout=10) as response:
        assert response.status == 200
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert b"view/viewer.js" in response.read()


def test_an_explicit_viewer_that_is_not_a_web_address_is_refused(
    host: RunningHost,  # noqa: F811
    document: Path,  # noqa: F811
) -> None:
    created = cli(
        "shl", "create", str(document), "--host-url", host.base_url, "--viewer", "viewer.json"
    )
    assert created.returncode == 2
    assert "is not an http(s) address" in created.stderr
    assert "Traceback" not in created.stderr
