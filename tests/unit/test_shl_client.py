"""The Link Consumer against a misbehaving host on 127.0.0.1: every failure has a clear message."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import orjson
import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.shl import client, jwe
from xshare_desktop.core.shl.payload import build_payload, encode_uri

KEY = secrets.token_bytes(32)
DOC = b'{"resourceType":"Bundle","type":"document"}'

Reply = tuple[str, list[tuple[str, str]], bytes]


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class FakeHost:
    """Answers each path with whatever the test put in ``routes``."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[dict[str, Any]], Reply]] = {}
        self.server = make_server("127.0.0.1", 0, self.app, handler_class=_Quiet)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def app(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        status, headers, body = self.routes[environ["PATH_INFO"]](environ)
        start_response(status, headers)
        return [body]

    def link(self, flags: str = "", exp: int | None = None) -> str:
        return encode_uri(build_payload(url=self.base + "/m", key=KEY, flags=flags, exp=exp))

    def manifest(self, files: list[dict[str, Any]], content_type: str = "application/json") -> None:
        body = orjson.dumps({"files": files})
        self.routes["/m"] = lambda env: ("200 OK", [("Content-Type", content_type)], body)


@pytest.fixture()
def fake() -> Iterator[FakeHost]:
    host = FakeHost()
    yield host
    host.server.shutdown()
    host.server.server_close()


def reply(
    status: str, body: bytes, content_type: str = "application/json", **headers: str
) -> Callable[[dict[str, Any]], Reply]:
    extra = [(k.replace("_", "-"), v) for k, v in headers.items()]
    return lambda env: (status, [("Content-Type", content_type), *extra], body)


def test_embedded_and_location_files(fake: FakeHost) -> None:
    fake.routes["/f"] = reply(
        "200 OK", jwe.encrypt(DOC, KEY, "application/fhir+json").encode(), "application/jose"
    )
    fake.manifest(
        [
            {
                "contentType": "application/fhir+json",
                "embedded": jwe.encrypt(DOC, KEY, "application/fhir+json"),
            },
            {
                "contentType": "application/fhir+json;fhirVersion=4.0.1",
                "location": fake.base + "/f",
                "x-new": 1,
            },
        ]
    )
    retrieval = client.retrieve(fake.link(), recipient="r")
    assert [f.data for f in retrieval.files] == [DOC, DOC]
    received = receive.unpack(retrieval)
    assert [i.name for i in received.items] == ["document.json", "document-2.json"]


@pytest.mark.parametrize(
    "route, error, words",
    [
        (reply("200 OK", b"{not json"), client.BadResponse, "not valid JSON"),
        (reply("200 OK", b"<html>", "text/html"), client.BadResponse, "application/json"),
        (reply("200 OK", b'{"nofiles": 1}'), client.BadResponse, "without a list of files"),
        (
            reply("200 OK", b'{"files": [{"contentType": "application/fhir+json"}]}'),
            client.BadResponse,
            "neither",
        ),
        (reply("500 Internal Server Error", b"{}"), client.BadResponse, "HTTP 500"),
        (reply("404 Not Found", b"{}"), client.LinkNotActive, "no longer active"),
        (
            reply("429 Too Many Requests", b"{}", Retry_After="17"),
            client.TooManyRequests,
            "17 seconds",
        ),
        (
            reply("401 Unauthorized", b'{"remainingAttempts": 4}'),
            client.WrongPasscode,
            "4 attempts",
        ),
    ],
)
def test_host_answers(fake: FakeHost, route: Any, error: type[Exception], words: str) -> None:
    fake.routes["/m"] = route
    with pytest.raises(error, match=words):
        client.retrieve(fake.link(), recipient="r")


def test_refusals_are_access_refused_and_others_are_not() -> None:
    assert issubclass(client.WrongPasscode, client.LinkAccessRefused)
    assert issubclass(client.TooManyRequests, client.LinkAccessRefused)
    assert issubclass(client.LinkExpired, client.LinkAccessRefused)
    assert not issubclass(client.BadResponse, client.LinkAccessRefused)
    assert not issubclass(client.HostUnreachable, client.LinkAccessRefused)


def test_expired_link_404_says_expired(fake: FakeHost) -> None:
    fake.routes["/m"] = reply("404 Not Found", b"{}")
    with pytest.raises(client.LinkExpired, match="expired on 2001-09-09"):
        client.retrieve(fake.link(exp=1_000_000_000), recipient="r")


def test_location_with_wrong_content_type(fake: FakeHost) -> None:
    fake.routes["/f"] = reply("200 OK", b"hello", "text/plain")
    fake.manifest([{"contentType": "application/fhir+json", "location": fake.base + "/f"}])
    with pytest.raises(client.BadResponse, match="instead of application/jose"):
        client.retrieve(fake.link(), recipient="r")


def test_direct_file_with_wrong_content_type(fake: FakeHost) -> None:
    fake.routes["/m"] = reply("200 OK", b"{}")
    with pytest.raises(client.BadResponse, match="application/jose"):
        client.retrieve(fake.link(flags="U"), recipient="r")


def test_bad_jwe(fake: FakeHost) -> None:
    fake.manifest([{"contentType": "application/fhir+json", "embedded": "abc.def"}])
    with pytest.raises(jwe.BadEncryptedFile, match="not a compact JWE"):
        client.retrieve(fake.link(), recipient="r")


def test_file_that_is_not_what_it_claims(fake: FakeHost) -> None:
    fake.manifest(
        [
            {
                "contentType": "application/fhir+json",
                "embedded": jwe.encrypt(b"%PDF-1.4", KEY, "application/fhir+json"),
            }
        ]
    )
    with pytest.raises(client.BadResponse, match="is not JSON"):
        receive.unpack(client.retrieve(fake.link(), recipient="r"))


def test_decompression_bomb(fake: FakeHost) -> None:
    fake.manifest(
        [
            {
                "contentType": "application/fhir+json",
                "embedded": jwe.encrypt(bytes(8 * 1024 * 1024), KEY, "application/fhir+json"),
            }
        ]
    )
    with pytest.raises(jwe.OversizedContent, match="decompression bomb"):
        client.retrieve(fake.link(), recipient="r", max_plaintext=1024 * 1024)


def test_oversized_response(fake: FakeHost, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "MAX_MANIFEST_BYTES", 1000)
    fake.manifest([{"contentType": "application/fhir+json", "embedded": "x" * 2000}])
    with pytest.raises(jwe.OversizedContent, match="sent more than"):
        client.retrieve(fake.link(), recipient="r")


def test_unreachable(fake: FakeHost) -> None:
    link = fake.link()
    fake.server.shutdown()
    fake.server.server_close()
    with pytest.raises(client.HostUnreachable, match="cannot be reached"):
        client.retrieve(link, recipient="r", timeout=5)


def test_passcode_is_asked_for_before_any_request(fake: FakeHost) -> None:
    with pytest.raises(client.PasscodeRequired):
        client.retrieve(fake.link(flags="P"), recipient="r")
    with pytest.raises(UserFacingError, match="receiving"):
        client.retrieve(fake.link(), recipient="  ")


def test_request_body_is_what_the_spec_says(fake: FakeHost) -> None:
    seen: list[Any] = []

    def record(environ: dict[str, Any]) -> Reply:
        length = int(environ["CONTENT_LENGTH"])
        seen.append(
            (
                environ["REQUEST_METHOD"],
                environ["CONTENT_TYPE"],
                orjson.loads(environ["wsgi.input"].read(length)),
            )
        )
        return "200 OK", [("Content-Type", "application/json")], b'{"files": []}'

    fake.routes["/m"] = record
    client.retrieve(
        fake.link(flags="LP"), recipient="Dr. Hansen", passcode="42", embedded_length_max=500
    )
    assert seen == [
        (
            "POST",
            "application/json",
            {"recipient": "Dr. Hansen", "passcode": "42", "embeddedLengthMax": 500},
        )
    ]


def test_redirects_only_to_http(fake: FakeHost) -> None:
    fake.routes["/f"] = reply(
        "200 OK", jwe.encrypt(DOC, KEY, "application/fhir+json").encode(), "application/jose"
    )
    fake.routes["/to-http"] = reply("302 Found", b"", Location=fake.base + "/f")
    fake.routes["/to-ftp"] = reply("302 Found", b"", Location="ftp://127.0.0.1/secret")
    fake.manifest([{"contentType": "application/fhir+json", "location": fake.base + "/to-http"}])
    assert client.retrieve(fake.link(), recipient="r").files[0].data == DOC
    fake.manifest([{"contentType": "application/fhir+json", "location": fake.base + "/to-ftp"}])
    with pytest.raises(client.BadResponse, match="not http"):
        client.retrieve(fake.link(), recipient="r")
