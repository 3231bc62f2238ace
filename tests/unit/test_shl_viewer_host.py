"""The link host's web viewer (/view): served same-origin, under a strict policy, never cached.

The rules: SMART Health Links viewer-prefix form (``https://viewer.example/#shlink:/...``,
HL7 smart-health-cards-and-links STU1, "SMART Health Link"); the key lives in the fragment,
which browsers never send (RFC 3986 3.5), so the page must decrypt itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from tests.unit.test_shl_host import BASE, SMALL, call
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl.host import HostConfig, ShlHostApp
from xshare_desktop.core.shl.payload import decode_uri
from xshare_desktop.core.shl.provider import LinkOptions, create_link, host_viewer_url
from xshare_desktop.core.shl.store import LinkStore

VIEWER_DIR = Path(__file__).resolve().parents[2] / "xshare_desktop" / "core" / "shl" / "viewer"


@pytest.fixture()
def app() -> ShlHostApp:
    return ShlHostApp(LinkStore(), HostConfig(min_poll_interval=0))


def test_the_page_is_served_with_a_strict_policy(app: ShlHostApp) -> None:
    status, headers, body = call(app, "GET", "/view")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    policy = headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    # No inline script and no other origin: the script is a same-origin file.
    assert directives["script-src"] == "'self'" and directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    assert b'<script src="view/viewer.js"' in body


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/view/viewer.js", "text/javascript"),
        ("/view/aes-gcm.js", "text/javascript"),
        ("/view/viewer.css", "text/css"),
    ],
)
def test_script_and_style_are_their_own_files(app: ShlHostApp, path: str, media_type: str) -> None:
    status, headers, body = call(app, "GET", path)
    assert status == 200 and headers["content-type"].startswith(media_type)
    assert headers["cache-control"] == "no-store" and body


def test_the_apps_own_names_for_codes_are_served(app: ShlHostApp) -> None:
    """The page shows headings in its language, in the words the app uses elsewhere."""
    status, headers, body = call(app, "GET", "/view/terms.json")
    assert status == 200 and headers["content-type"] == "application/json"
    terms = orjson.loads(body)
    assert terms["http://loinc.org|10160-0"] == {"en": "Medication", "da": "Medicin"}


def test_only_the_viewer_files_are_served(app: ShlHostApp) -> None:
    assert call(app, "GET", "/view/../host.py")[0] == 404
    assert call(app, "GET", "/view/index.html")[0] == 404
    assert call(app, "POST", "/view", {"recipient": "x"})[0] == 405


def test_the_assets_load_nothing_from_elsewhere() -> None:
    """The page works offline at a booth and leaks nothing: no external script, style or font."""
    html = (VIEWER_DIR / "index.html").read_text("utf-8")
    assert "<script>" not in html and "style=" not in html  # nothing inline (CSP forbids it)
    for name in ("index.html", "viewer.js", "aes-gcm.js", "viewer.css"):
        text = (VIEWER_DIR / name).read_text("utf-8")
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text), name
        assert "@import" not in text and "@font-face" not in text and "url(" not in text
    script = (VIEWER_DIR / "viewer.js").read_text("utf-8")
    # Text from the document is set as text, never parsed into the page.
    assert "innerHTML" not in script and "outerHTML" not in script
    assert "insertAdjacentHTML" not in script and "document.write" not in script


def test_a_link_behind_the_hosts_viewer() -> None:
    viewer = host_viewer_url(BASE + "/")
    assert viewer == BASE + "/view"
    record, uri = create_link([SMALL], LinkOptions(viewer=viewer), BASE)
    assert uri.startswith(BASE + "/view#shlink:/")
    assert decode_uri(uri).url == record.manifest_url
    with pytest.raises(UserFacingError):
        host_viewer_url("ftp://example.org")
