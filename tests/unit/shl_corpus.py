"""Links built the way other SMART Health Link implementations build them, on 127.0.0.1.

Written for these tests from what the published examples show (SHL STU1 examples
``shl-payload-1``, ``shl-manifest-1``; SMART Health Cards "via file download"), with our
own keys and our own sample patient; no file of another implementation is used:

- JWE headers ``{alg, enc, kid}`` and ``zip: DEF``, no ``cty``;
- manifest ``contentType`` with parameters (``application/fhir+json;fhirVersion=4.0.1``),
  manifest ``status`` and unknown fields;
- ``application/smart-health-card`` files: ``{"verifiableCredential": [JWS]}``, each JWS
  ``{zip: DEF, alg: ES256, kid: thumbprint}`` over raw-DEFLATE JSON with ``iss``, ``nbf``, ``vc``;
- a ``LU`` link to a statically hosted file served as ``text/plain`` (as ``shl-payload-2``);
- ``exp`` in the past, ``exp`` as a string (as in ``shl-payload-1``), unknown flags and fields,
  and the viewer-prefix form ``https://viewer.example/#shlink:/...``.

Shared by the unit, e2e and GUI tests.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

from jwcrypto import jwe as jose_jwe
from jwcrypto import jwk, jws

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ISSUER = "https://issuer.example/health-cards"
VIEWER = "https://viewer.example/#"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def minified(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def new_issuer_key() -> jwk.JWK:
    return jwk.JWK.generate(kty="EC", crv="P-256")


def issuer_jwks(key: jwk.JWK) -> dict[str, Any]:
    """What an issuer publishes at iss + /.well-known/jwks.json (public part only)."""
    public = json.loads(key.export_public())
    return {"keys": [{**public, "kid": key.thumbprint(), "use": "sig", "alg": "ES256"}]}


def health_card(
    bundle: dict[str, Any], key: jwk.JWK, *, iss: str = ISSUER, nbf: float | None = None
) -> str:
    """One SMART Health Card JWS: raw-DEFLATE payload, header {zip, alg, kid}."""
    payload = {
        "iss": iss,
        "nbf": int(nbf if nbf is not None else time.time() - 86400),
        "vc": {
            "type": ["https://smarthealth.cards#health-card"],
            "credentialSubject": {"fhirVersion": "4.0.1", "fhirBundle": bundle},
        },
    }
    token = jws.JWS(raw_deflate(minified(payload)))
    token.add_signature(
        key,
        alg="ES256",
        protected=json.dumps({"zip": "DEF", "alg": "ES256", "kid": key.thumbprint()}),
    )
    return str(token.serialize(compact=True))


def card_file(*tokens: str) -> bytes:
    return minified({"verifiableCredential": list(tokens)})


def immunization_bundle() -> dict[str, Any]:
    """A collection Bundle as immunization cards carry it (fictitious patient)."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "resource:0",
                "resource": {
                    "resourceType": "Patient",
                    "name": [{"family": "Testesen", "given": ["Anna"]}],
                    "birthDate": "1961-01-20",
                },
            },
            {
                "fullUrl": "resource:1",
                "resource": {
                    "resourceType": "Immunization",
                    "status": "completed",
                    "vaccineCode": {
                        "coding": [
                            {
                                "system": "http://hl7.org/fhir/sid/cvx",
                                "code": "207",
                                "display": "COVID-19 mRNA vaccine",
                            }
                        ]
                    },
                    "patient": {"reference": "resource:0"},
                    "occurrenceDateTime": "2021-01-01",
                },
            },
        ],
    }


def sample_document() -> bytes:
    return (SAMPLES / "ips-karen-testesen.json").read_bytes()


def foreign_jwe(plaintext: bytes, key: bytes, *, cty: str | None = None) -> str:
    """A file as other implementations encrypt it: {alg, enc, kid}, zip DEF, often no cty."""
    header: dict[str, str] = {"alg": "dir", "enc": "A256GCM", "kid": b64url(secrets.token_bytes(8))}
    if cty:
        header["cty"] = cty
    header["zip"] = "DEF"
    token = jose_jwe.JWE(plaintext, protected=json.dumps(header))
    token.add_recipient(jwk.JWK(kty="oct", k=b64url(key)))
    return str(token.serialize(compact=True))


@dataclass
class Served:
    """What the host answers for one link id."""

    files: list[tuple[str | None, bytes]]  # (manifest contentType, plaintext)
    key: bytes
    single_file: bool = False
    location: bool = False  # serve files by location instead of embedded
    cty: str | None = None  # a JWE cty header, which most other implementations leave out
    file_type: str = "application/jose"  # a static file host may say text/plain


@dataclass
class CorpusLink:
    name: str
    uri: str
    opens: bool
    words: str  # what the outcome must say (a file name, or the refusal's reason)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class CorpusHost:
    """A link host on 127.0.0.1 that serves manifests and files as others do; logs requests."""

    links: dict[str, Served] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.server = make_server("127.0.0.1", 0, self.app, handler_class=_Quiet)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        path = environ["PATH_INFO"]
        self.requests.append(path)
        kind, _, rest = path.strip("/").partition("/")
        link_id, _, index = rest.partition("/")
        served = self.links.get(link_id)
        if served is None:
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b"{}"]
        if kind == "file" or (kind == "shl" and served.single_file):
            content_type, plaintext = served.files[int(index or 0)]
            start_response("200 OK", [("Content-Type", served.file_type)])
            return [foreign_jwe(plaintext, served.key, cty=served.cty).encode("ascii")]
        entries = []
        for position, (content_type, plaintext) in enumerate(served.files):
            entry: dict[str, Any] = {"contentType": content_type, "x-vendor-note": "ignored"}
            if served.location:
                entry["location"] = f"{self.base}/file/{link_id}/{position}"
            else:
                entry["embedded"] = foreign_jwe(plaintext, served.key, cty=served.cty)
            entries.append(entry)
        body = minified({"status": "finalized", "files": entries, "x-unknown": {"a": 1}})
        start_response("200 OK", [("Content-Type", "application/json")])
        return [body]

    def add(self, link_id: str, served: Served, **payload: Any) -> str:
        """Serve ``served`` as ``link_id``; the shlink:/ URI with ``payload`` fields on top."""
        self.links[link_id] = served
        body = {"url": f"{self.base}/shl/{link_id}", "key": b64url(served.key), **payload}
        return "shlink:/" + b64url(minified(body))


def build_corpus(host: CorpusHost, card_key: jwk.JWK) -> list[CorpusLink]:
    """Every link in the corpus and what the spec says a receiver does with it."""
    document = sample_document()
    card = card_file(health_card(immunization_bundle(), card_key))
    fhir = "application/fhir+json;fhirVersion=4.0.1"

    def served(*files: tuple[str | None, bytes], **options: Any) -> Served:
        return Served(list(files), secrets.token_bytes(32), **options)

    corpus = [
        CorpusLink(
            "ips-no-cty",
            host.add("ips", served((fhir, document)), label="Patient summary"),
            True,
            "document.json",
        ),
        CorpusLink(
            "ips-by-location",
            host.add("loc", served((fhir, document), location=True), v=1),
            True,
            "document.json",
        ),
        CorpusLink(
            "single-file-no-cty",
            host.add("direct", served((None, document), single_file=True), flag="U"),
            True,
            "document.json",
        ),
        CorpusLink(
            "single-file-hosted-as-text",
            host.add(
                "static",
                served((None, document), single_file=True, file_type="text/plain"),
                flag="LU",
                label="Demo SHL for a hosted file",
            ),
            True,
            "document.json",
        ),
        CorpusLink(
            "health-card",
            host.add("card", served(("application/smart-health-card", card)), label="Vaccine"),
            True,
            "health-card-1.smart-health-card",
        ),
        CorpusLink(
            "unknown-flags-and-fields",
            host.add(
                "odd", served((fhir, document)), flag="LXZ", labelzzz="?", extension={"a": [1]}
            ),
            True,
            "document.json",
        ),
        CorpusLink(
            "viewer-prefix",
            VIEWER + host.add("viewer", served((fhir, document))),
            True,
            "document.json",
        ),
        CorpusLink(
            "api-access",
            host.add(
                "api",
                served(
                    (
                        "application/smart-api-access",
                        minified(
                            {"access_token": "t", "aud": "https://fhir.example/r4", "scope": "x"}
                        ),
                    )
                ),
            ),
            True,
            "api-access-1.json",
        ),
        CorpusLink(
            "expired",
            host.add("expired", served((fhir, document)), exp=int(time.time()) - 3600),
            False,
            "expired on",
        ),
        CorpusLink(
            "exp-as-string",
            host.add("expstr", served((fhir, document)), exp="1767225600000"),
            False,
            "not a number",
        ),
    ]
    return corpus


# What the ``shl_corpus`` fixture (tests/conftest.py) gives: the host, its links, the issuer key.
Corpus = tuple[CorpusHost, list[CorpusLink], jwk.JWK]


@contextmanager
def running_corpus() -> Iterator[Corpus]:
    host = CorpusHost()
    key = new_issuer_key()
    try:
        yield host, build_corpus(host, key), key
    finally:
        host.stop()
