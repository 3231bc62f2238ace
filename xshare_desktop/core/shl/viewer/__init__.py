"""The web viewer the link host serves at ``/view``: one page, its script and its style sheet.

A phone's camera opens ``http(s)://HOST:PORT/view#shlink:/...`` (the SMART Health Links
viewer-prefix form). The page reads the link from the fragment, which browsers never send
to the server, asks for the passcode, fetches the manifest and decrypts the files itself.
The assets are package data, read once; every response carries a strict
Content-Security-Policy (same-origin script and style only, no inline code, fetches only
to this host), no referrer and no caching.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import orjson

VIEWER_PATH = "/view"

# Same-origin script and style files only: nothing inline, nothing from elsewhere. The page
# fetches only from this host (the manifest and its files live here).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)

# URL path under /view -> (file in this package, media type)
_ASSETS: dict[str, tuple[str, str]] = {
    VIEWER_PATH: ("index.html", "text/html; charset=utf-8"),
    VIEWER_PATH + "/viewer.js": ("viewer.js", "text/javascript; charset=utf-8"),
    VIEWER_PATH + "/viewer.css": ("viewer.css", "text/css; charset=utf-8"),
    # AES-GCM for plain-http pages on the local network, where browsers withhold WebCrypto.
    VIEWER_PATH + "/aes-gcm.js": ("aes-gcm.js", "text/javascript; charset=utf-8"),
}


# The app's own Danish and English names for codes (section headings, common terms), so the
# page can show a Danish document's headings in English and back, as the app does. Read as a
# data file of the sharing package: one vocabulary for the app, its PDFs and this page.
TERMS_PATH = VIEWER_PATH + "/terms.json"
_TERMS_PACKAGE = "xshare_desktop.core.sharing"
_TERMS_FILE = "terminology_da_en.json"


@dataclass(frozen=True)
class ViewerAsset:
    body: bytes
    headers: tuple[tuple[str, str], ...]


@cache
def _read(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


@cache
def _terms() -> bytes:
    table = orjson.loads(resources.files(_TERMS_PACKAGE).joinpath(_TERMS_FILE).read_bytes())
    return orjson.dumps(table.get("codes", {}))


def viewer_asset(path: str) -> ViewerAsset | None:
    """The page, script, style sheet or terms served at ``path``; None for any other path."""
    if path == TERMS_PATH:
        return ViewerAsset(_terms(), (("Content-Type", "application/json"), *SECURITY_HEADERS))
    found = _ASSETS.get(path)
    if found is None:
        return None
    name, media_type = found
    return ViewerAsset(_read(name), (("Content-Type", media_type), *SECURITY_HEADERS))


__all__ = ["CONTENT_SECURITY_POLICY", "VIEWER_PATH", "ViewerAsset", "viewer_asset"]
