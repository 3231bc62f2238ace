"""The SMART Health Card issuers this person trusts, with their public keys.

Kept beside the trusted signing certificates (``signing/trust.py``): one JSON file per
issuer in the data folder, ``{"iss": URL, "name": ..., "keys": [public JWK...]}``. A
person adds an issuer from its JWKS file (what the issuer publishes at
``iss + /.well-known/jwks.json``); nothing is fetched, so the app verifies offline.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
from jwcrypto import jwk
from jwcrypto.common import JWException

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, parse_json_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_JWKS_BYTES = 1_000_000
MAX_KEYS = 100


@dataclass(frozen=True)
class TrustedCardIssuer:
    iss: str
    name: str
    keys: tuple[dict[str, Any], ...]

    @property
    def kids(self) -> list[str]:
        return [str(key["kid"]) for key in self.keys]

    def key(self, kid: str | None) -> dict[str, Any] | None:
        """The public key the card names; a card without ``kid`` matches a single key."""
        if kid is None:
            return self.keys[0] if len(self.keys) == 1 else None
        return next((key for key in self.keys if key["kid"] == kid), None)


def normalise_iss(iss: str) -> str:
    """The spec's ``iss`` has no trailing slash; compare issuers in that form."""
    return iss.strip().rstrip("/")


def _public_es256_keys(jwks: Any, source: str) -> list[dict[str, Any]]:
    if not isinstance(jwks, dict) or not isinstance(jwks.get("keys"), list):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{source} is not a JWKS file (it needs a list of keys)."
            ).format(source=source)
        )
    keys = []
    for raw in jwks["keys"][:MAX_KEYS]:
        if not isinstance(raw, dict) or raw.get("kty") != "EC" or raw.get("crv") != "P-256":
            continue  # health cards are signed with ES256 (P-256) only
        if raw.get("alg") not in (None, "ES256") or raw.get("use") not in (None, "sig"):
            continue
        public = {name: raw[name] for name in ("kty", "crv", "x", "y") if name in raw}
        try:
            key = jwk.JWK(**public)
        except (JWException, ValueError, TypeError):
            continue
        # SMART Health Cards: kid SHALL be the key's RFC 7638 thumbprint; keep the stated one
        # (it is what cards name) and fall back to the thumbprint when none is given.
        kid = raw.get("kid") if isinstance(raw.get("kid"), str) else key.thumbprint()
        keys.append({**public, "kid": kid, "alg": "ES256", "use": "sig"})
    if not keys:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{source} has no ES256 (P-256) signing key, so it cannot check SMART Health Cards.",
            ).format(source=source)
        )
    return keys


class IssuerStore:
    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory

    @property
    def directory(self) -> Path:
        return paths.store_dir(self._directory, "card-issuers")

    def _file(self, iss: str) -> Path:
        return self.directory / (hashlib.sha256(iss.encode("utf-8")).hexdigest()[:32] + ".json")

    def issuers(self) -> list[TrustedCardIssuer]:
        found = []
        for path in sorted(self.directory.glob("*.json")):
            try:
                body = orjson.loads(path.read_bytes())
                found.append(
                    TrustedCardIssuer(
                        str(body["iss"]), str(body["name"]), tuple(dict(k) for k in body["keys"])
                    )
                )
            except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
                continue  # a damaged file trusts nobody
        return sorted(found, key=lambda issuer: issuer.name.lower())

    def find(self, iss: str) -> TrustedCardIssuer | None:
        wanted = normalise_iss(iss)
        return next((i for i in self.issuers() if i.iss == wanted), None)

    def add_jwks(
        self, iss: str, jwks: Any, *, name: str | None = None, source: str = "The JWKS"
    ) -> TrustedCardIssuer:
        iss = normalise_iss(iss)
        parts = urlsplit(iss)
        if parts.scheme != "https" or not parts.netloc:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The issuer {iss} is not an https address (SMART Health Card issuers are).",
                ).format(iss=repr(iss))
            )
        issuer = TrustedCardIssuer(
            iss,
            (name or parts.netloc).strip() or parts.netloc,
            tuple(_public_es256_keys(jwks, source)),
        )
        body = {"iss": issuer.iss, "name": issuer.name, "keys": list(issuer.keys)}
        atomic_write_bytes(self._file(iss), orjson.dumps(body, option=orjson.OPT_INDENT_2))
        return issuer

    def add_file(
        self, iss: str, path: str | os.PathLike[str], *, name: str | None = None
    ) -> TrustedCardIssuer:
        source = Path(path)
        data = read_input_bytes(source, max_bytes=MAX_JWKS_BYTES)
        return self.add_jwks(
            iss, parse_json_bytes(data, name=source.name), name=name, source=source.name
        )

    def remove(self, iss: str) -> TrustedCardIssuer:
        issuer = self.find(iss)
        if issuer is None:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{iss} is not on your list of trusted health card issuers."
                ).format(iss=iss)
            )
        self._file(issuer.iss).unlink()
        return issuer
