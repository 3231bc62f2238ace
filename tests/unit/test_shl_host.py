"""The link host as a WSGI application, called directly with a controllable clock."""

from __future__ import annotations

import io
from typing import Any
from wsgiref.util import setup_testing_defaults

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xshare_desktop.core.shl import jwe
from xshare_desktop.core.shl.content import ShareFile
from xshare_desktop.core.shl.host import HostConfig, ShlHostApp
from xshare_desktop.core.shl.provider import LinkOptions, create_link, revoke_link, update_link
from xshare_desktop.core.shl.store import LinkStore

SMALL = ShareFile("small.json", "application/fhir+json", b'{"resourceType":"Patient"}')
BIG = ShareFile(
    "big.json",
    "application/fhir+json",
    orjson.dumps({"resourceType": "Bundle", "id": "x" * 3000}),
)
BASE = "http://127.0.0.1:8765"


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def store() -> LinkStore:
    return LinkStore()


@pytest.fixture()
def app(store: LinkStore, clock: Clock) -> ShlHostApp:
    return ShlHostApp(store, HostConfig(min_poll_interval=30, location_lifetime=600, clock=clock))


def call(
    app: ShlHostApp,
    method: str,
    path: str,
    body: Any = None,
    *,
    query: str = "",
    content_type: str = "application/json",
    raw: bytes | None = None,
) -> tuple[int, dict[str, str], bytes]:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update(REQUEST_METHOD=method, PATH_INFO=path, QUERY_STRING=query)
    data = raw if raw is not None else (orjson.dumps(body) if body is not None else b"")
    environ["wsgi.input"] = io.BytesIO(data)
    environ["CONTENT_LENGTH"] = str(len(data))
    environ["CONTENT_TYPE"] = content_type
    captured: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        captured["status"] = int(status.split()[0])
        captured["headers"] = {k.lower(): v for k, v in headers}

    out = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], out


def make(store: LinkStore, clock: Clock, files=(SMALL,), **options: Any):
    record, _uri = create_link(
        list(files), LinkOptions(**options), BASE, store=store, now=clock.now
    )
    return record, "/shl/" + record.token


def test_manifest_embeds_files_and_describes_them(app, store, clock) -> None:
    record, path = make(store, clock)
    status, headers, body = call(app, "POST", path, {"recipient": "Dr. Jensen"})
    assert status == 200 and headers["content-type"] == "application/json"
    manifest = orjson.loads(body)
    assert manifest["status"] == "finalized"
    (entry,) = manifest["files"]
    assert entry["contentType"] == "application/fhir+json"
    assert entry["fhirVersion"] == "4.0.1"
    assert entry["status"] == "finalized"
    assert entry["lastUpdated"].endswith("Z")
    assert jwe.decrypt(entry["embedded"], record.key).plaintext == SMALL.data
    (access,) = store.accesses(record.id)
    assert (access.recipient, access.kind, access.outcome) == ("Dr. Jensen", "manifest", "ok")


def test_embedded_length_max_is_honoured(app, store, clock) -> None:
    record, path = make(store, clock, files=(SMALL, BIG))
    small_len, big_len = (len(f.jwe) for f in store.files(record.id))
    status, _, body = call(
        app, "POST", path, {"recipient": "r", "embeddedLengthMax": (small_len + big_len) // 2}
    )
    assert status == 200
    small, big = orjson.loads(body)["files"]
    assert "embedded" in small and "location" not in small
    assert "location" in big and "embedded" not in big
    assert len(small["embedded"]) <= (small_len + big_len) // 2
    assert big["location"].startswith("http://127.0.0.1/shl/file/")
    # Every file is fetched from its location with content-type application/jose.
    status, headers, token = call(app, "GET", big["location"].removeprefix("http://127.0.0.1"))
    assert status == 200 and headers["content-type"] == "application/jose"
    assert jwe.decrypt(token, record.key).plaintext == BIG.data
    # Single use.
    status, _, _ = call(app, "GET", big["location"].removeprefix("http://127.0.0.1"))
    assert status == 404
    status, _, body = call(app, "POST", path, {"recipient": "r", "embeddedLengthMax": 0})
    assert all("location" in f for f in orjson.loads(body)["files"])


def test_location_urls_expire(app, store, clock) -> None:
    _, path = make(store, clock)
    _, _, body = call(app, "POST", path, {"recipient": "r", "embeddedLengthMax": 0})
    location = orjson.loads(body)["files"][0]["location"].removeprefix("http://127.0.0.1")
    clock.now += 601
    status, _, _ = call(app, "GET", location)
    assert status == 404
    assert store.accesses()[-1].outcome == "location-expired"


def test_public_url_is_used_for_locations(store, clock) -> None:
    app = ShlHostApp(store, HostConfig(public_url="https://booth.example:8443/", clock=clock))
    _, path = make(store, clock)
    _, _, body = call(app, "POST", path, {"recipient": "r", "embeddedLengthMax": 0})
    assert orjson.loads(body)["files"][0]["location"].startswith(
        "https://booth.example:8443/shl/file/"
    )


def test_location_lifetime_cannot_exceed_one_hour(store) -> None:
    with pytest.raises(ValueError):
        ShlHostApp(store, HostConfig(location_lifetime=3601))


def test_passcode_counts_down_and_locks(app, store, clock) -> None:
    record, path = make(store, clock, passcode="2468", max_attempts=3)
    status, _, body = call(app, "POST", path, {"recipient": "r"})
    assert status == 401 and orjson.loads(body) == {"remainingAttempts": 3}
    status, _, body = call(app, "POST", path, {"recipient": "r", "passcode": "0000"})
    assert status == 401 and orjson.loads(body) == {"remainingAttempts": 2}
    status, _, _ = call(app, "POST", path, {"recipient": "r", "passcode": "2468"})
    assert status == 200
    status, _, body = call(app, "POST", path, {"recipient": "r", "passcode": "1111"})
    assert orjson.loads(body) == {"remainingAttempts": 1}
    status, _, body = call(app, "POST", path, {"recipient": "r", "passcode": "2222"})
    assert status == 401 and orjson.loads(body) == {"remainingAttempts": 0}
    # Disabled now: even the right passcode gets 404.
    status, _, _ = call(app, "POST", path, {"recipient": "r", "passcode": "2468"})
    assert status == 404
    outcomes = [a.outcome for a in store.accesses(record.id)]
    assert outcomes == [
        "missing-passcode",
        "wrong-passcode",
        "ok",
        "wrong-passcode",
        "wrong-passcode",
        "locked",
    ]


@pytest.mark.parametrize("what", ["unknown", "expired", "revoked", "used-up"])
def test_inactive_links_get_404(app, store, clock, what: str) -> None:
    record, path = make(store, clock, expires=clock.now + 60, one_time=what == "used-up")
    if what == "unknown":
        path = "/shl/" + "B" * 43
    elif what == "expired":
        clock.now += 61
    elif what == "revoked":
        revoke_link(record.id, store=store)
    elif what == "used-up":
        assert call(app, "POST", path, {"recipient": "first"})[0] == 200
    status, _, _ = call(app, "POST", path, {"recipient": "r"})
    assert status == 404
    if what != "unknown":
        assert store.accesses(record.id)[-1].outcome == what


def test_long_term_polling_too_often_gets_429(app, store, clock) -> None:
    record, path = make(store, clock, long_term=True)
    status, headers, body = call(app, "POST", path, {"recipient": "poller"})
    assert status == 200 and headers["retry-after"] == "30"
    assert orjson.loads(body)["status"] == "can-change"
    clock.now += 10
    status, headers, _ = call(app, "POST", path, {"recipient": "poller"})
    assert status == 429 and headers["retry-after"] == "20"
    # Another recipient is not held back by the first one's polling.
    assert call(app, "POST", path, {"recipient": "someone else"})[0] == 200
    clock.now += 21
    assert call(app, "POST", path, {"recipient": "poller"})[0] == 200
    # An update is served on the next poll, encrypted under the same key.
    update_link(record.id, [BIG], store=store, now=clock.now)
    clock.now += 31
    _, _, body = call(app, "POST", path, {"recipient": "poller"})
    (entry,) = orjson.loads(body)["files"]
    assert jwe.decrypt(entry["embedded"], record.key).plaintext == BIG.data


def test_links_without_L_are_not_throttled(app, store, clock) -> None:
    _, path = make(store, clock)
    for _ in range(3):
        assert call(app, "POST", path, {"recipient": "r"})[0] == 200


def test_single_file_get(app, store, clock) -> None:
    record, path = make(store, clock, single_file=True)
    status, headers, body = call(app, "GET", path, query="recipient=Clinic%20A")
    assert status == 200 and headers["content-type"] == "application/jose"
    assert jwe.decrypt(body, record.key).plaintext == SMALL.data
    assert store.accesses(record.id)[-1].recipient == "Clinic A"
    assert call(app, "GET", path)[0] == 400  # recipient is required
    _, other = make(store, clock)
    assert call(app, "GET", other, query="recipient=x")[0] == 405


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"raw": b"{nope"}, 400),
        ({"raw": b"[]"}, 400),
        ({"body": {"recipient": "r"}, "content_type": "text/plain"}, 415),
        ({"body": {}}, 400),
        ({"body": {"recipient": ""}}, 400),
        ({"body": {"recipient": "r", "embeddedLengthMax": -1}}, 400),
        ({"body": {"recipient": "r", "embeddedLengthMax": "10"}}, 400),
        ({"body": {"recipient": "r", "passcode": 1234}}, 400),
        ({"raw": b" " * (65 * 1024)}, 413),
    ],
)
def test_bad_manifest_requests(app, store, clock, kwargs: dict[str, Any], expected: int) -> None:
    _, path = make(store, clock)
    status, _headers, body = call(app, "POST", path, **kwargs)
    assert status == expected
    assert "error" in orjson.loads(body)


def test_unknown_request_fields_are_ignored(app, store, clock) -> None:
    _, path = make(store, clock)
    assert call(app, "POST", path, {"recipient": "r", "futureField": True})[0] == 200


def test_cors_preflight_and_unknown_paths(app) -> None:
    status, headers, _ = call(app, "OPTIONS", "/shl/" + "A" * 43)
    assert status == 204 and "POST" in headers["access-control-allow-methods"]
    assert call(app, "GET", "/")[0] == 404
    assert call(app, "GET", "/shl/../etc/passwd")[0] == 404


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.binary(max_size=200)
    | json_values.map(orjson.dumps)
    | st.fixed_dictionaries(
        {"recipient": json_values},
        optional={"passcode": json_values, "embeddedLengthMax": json_values},
    ).map(orjson.dumps)
)
def test_any_request_body_gets_a_defined_answer(app, store, clock, body: bytes) -> None:
    # One link for all examples: the fixtures live for the whole test, and hashing a passcode
    # for every example would dominate the run.
    if not hasattr(store, "fuzz_path"):
        store.fuzz_path = make(store, clock, passcode="x", max_attempts=1000)[1]  # type: ignore[attr-defined]
    status, headers, out = call(app, "POST", store.fuzz_path, raw=body)  # type: ignore[attr-defined]
    assert status in (200, 400, 401, 404)
    assert headers["content-type"] == "application/json"
    orjson.loads(out)


def test_location_urls_never_follow_the_clients_host_header(store, clock) -> None:
    """Issue 16 item 4: `Host: evil.example` gave location URLs on evil.example. The SHL spec
    has the host hand out its own URLs; the Host header is the client's word."""
    import http.client

    from xshare_desktop.core.shl.host import serve

    running = serve("127.0.0.1", 0, store=store)
    try:
        record, _ = create_link([SMALL], LinkOptions(), running.base_url, store=store)
        connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
        connection.request(
            "POST",
            "/shl/" + record.token,
            body=orjson.dumps({"recipient": "r", "embeddedLengthMax": 0}),
            headers={"Host": "evil.example", "Content-Type": "application/json"},
        )
        answer = connection.getresponse()
        location = orjson.loads(answer.read())["files"][0]["location"]
        connection.close()
    finally:
        running.stop()
    assert location.startswith(running.base_url + "/shl/file/"), location
    assert "evil" not in location


def test_without_a_public_url_the_servers_own_address_is_used(app, store, clock) -> None:
    _, path = make(store, clock)
    environ_host = {"HTTP_HOST": "evil.example:80"}
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update(environ_host)
    data = orjson.dumps({"recipient": "r", "embeddedLengthMax": 0})
    environ.update(
        REQUEST_METHOD="POST",
        PATH_INFO=path,
        SERVER_NAME="127.0.0.1",
        SERVER_PORT="8765",
        CONTENT_TYPE="application/json",
        CONTENT_LENGTH=str(len(data)),
    )
    environ["wsgi.input"] = io.BytesIO(data)
    body = b"".join(app(environ, lambda status, headers: None))
    assert orjson.loads(body)["files"][0]["location"].startswith("http://127.0.0.1:8765/shl/file/")
