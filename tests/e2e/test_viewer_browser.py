"""The web viewer in a real browser: headless Chromium, given only the text of the QR code.

Rules under test (HL7 smart-health-cards-and-links STU1): the viewer-prefix form
``https://viewer/#shlink:/...``; the manifest request (POST, ``recipient``, ``passcode``);
a wrong passcode answered 401 with ``remainingAttempts``; an inactive link answered 404; a
receiver SHOULD NOT fetch a link whose ``exp`` has passed; files are compact JWE ``dir`` +
``A256GCM`` with optional ``zip: DEF`` (raw DEFLATE, RFC 1951).

Skipped with the reason when Chromium is absent, except in CI (env ``CI``), where it fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.e2e.browser import chromium, missing_browser
from tests.e2e.test_shl_viewer_cli import create_behind_host_viewer
from xshare_desktop.core.shl import jwe
from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.core.shl.host import HostConfig, RunningHost, serve
from xshare_desktop.core.shl.payload import build_payload, encode_uri
from xshare_desktop.core.shl.provider import (
    LinkOptions,
    create_link,
    host_viewer_url,
    revoke_link,
)
from xshare_desktop.core.shl.store import LinkStore, StoredFile

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-emil-proevesen.json"
PASSCODE = "4711"
# A name that is not loopback to the browser, mapped to 127.0.0.1 inside it: the page is then
# a plain-http page on "the local network", as on a visitor's phone, while nothing binds
# anything but 127.0.0.1.
PHONE_HOST = "xshare-booth.test"
WAIT_SECONDS = 20


@pytest.fixture(autouse=True)
def _browser_present() -> None:
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"the web viewer tests need Chromium in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture()
def host() -> Iterator[RunningHost]:
    running = serve("127.0.0.1", 0, config=HostConfig(min_poll_interval=0))
    yield running
    running.stop()


def _wait_for_text(driver: Any, element_id: str, wanted: str) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    def found(d: Any) -> str | bool:
        text = str(d.find_element("id", element_id).text)
        return text if wanted in text else False

    try:
        return str(WebDriverWait(driver, WAIT_SECONDS).until(found))
    except Exception:
        shown = driver.find_element("tag name", "body").text
        raise AssertionError(
            f"{wanted!r} never appeared in #{element_id}; the page: {shown}"
        ) from None


def _type_passcode(driver: Any, passcode: str) -> None:
    field = driver.find_element("id", "passcode")
    field.clear()
    field.send_keys(passcode)
    driver.find_element("id", "open-button").click()


def _sections(driver: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for section in driver.find_elements("css selector", "section.fhir-section"):
        found[str(section.get_attribute("data-code"))] = str(section.text)
    return found


def test_the_qr_code_opens_the_summary_after_the_passcode(
    host: RunningHost, tmp_path: Path
) -> None:
    """`shl create --viewer --qr`: the browser gets only what the QR code says."""
    made, scanned = create_behind_host_viewer(
        host, SAMPLE, tmp_path / "link.png", "--passcode", PASSCODE
    )
    with chromium(language="en") as driver:
        driver.get(scanned)
        _wait_for_text(driver, "passcode-label", "Passcode")
        _type_passcode(driver, "0000")
        assert _wait_for_text(driver, "message", "Wrong passcode") == (
            "Wrong passcode. 9 attempts left."
        )
        _type_passcode(driver, PASSCODE)
        assert _wait_for_text(driver, "patient-name", "Emil") == "Emil Prøvesen"
        assert not driver.find_element("id", "message").is_displayed()
        assert driver.find_element("id", "birth-date").text == "4 May 2016"
        sections = _sections(driver)
        # The medication section (LOINC 10160-0), rendered from the entries' data; the Danish
        # document's heading in the page's English, in the app's own words.
        assert sections["10160-0"].startswith("Medication\n")
        assert "Budesonid inhalationspulver 200 mikrogram/dosis" in sections["10160-0"]
        assert "1 inhalation 2 gange dagligt (forebyggende)" in sections["10160-0"]
        # A section with no entries says why (emptyReason), not a blank box.
        assert "No information: Ingen kendte" in sections["47519-4"]
        # The page is readable at phone width: nothing wider than the screen.
        assert driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth"
        )
    accesses = LinkStore().accesses(made["id"])
    assert [(a.recipient, a.outcome) for a in accesses] == [
        ("xShare web viewer", "wrong-passcode"),
        ("xShare web viewer", "ok"),
    ]


def test_on_the_local_network_the_page_decrypts_without_webcrypto(
    host: RunningHost,
) -> None:
    """A phone opens http://LAN-ADDRESS/view: no secure context, so no crypto.subtle (W3C
    Secure Contexts; WebCrypto is [SecureContext]); the page decrypts all the same."""
    base = f"http://{PHONE_HOST}:{host.port}"
    _record, uri = create_link(
        share_files_from_paths([SAMPLE]),
        LinkOptions(passcode=PASSCODE, viewer=host_viewer_url(base)),
        base,
    )
    rules = f"--host-resolver-rules=MAP {PHONE_HOST} 127.0.0.1"
    with chromium(language="da", extra=[rules]) as driver:
        driver.get(uri)
        _wait_for_text(driver, "passcode-label", "Adgangskode")
        assert driver.execute_script("return [window.isSecureContext, typeof crypto.subtle]") == [
            False,
            "undefined",
        ]
        _type_passcode(driver, "1234")
        assert _wait_for_text(driver, "message", "Forkert") == (
            "Forkert adgangskode. 9 forsøg tilbage."
        )
        _type_passcode(driver, PASSCODE)
        assert _wait_for_text(driver, "patient-name", "Emil") == "Emil Prøvesen"
        assert driver.find_element("id", "birth-date").text == "4. maj 2016"
        # A Danish page shows the Danish document's own headings.
        assert _sections(driver)["10160-0"].startswith("Medicin\n")
        assert "Budesonid" in _sections(driver)["10160-0"]
        # The language toggle switches the page's own words, not the document's.
        toggle = driver.find_element("id", "language")
        assert toggle.text == "English"
        toggle.click()
        assert _wait_for_text(driver, "birth-date", "May") == "4 May 2016"
        assert driver.find_element("id", "title").text == "Health information shared with you"


def test_a_file_under_another_key_is_refused_not_shown(host: RunningHost) -> None:
    """AES-GCM's tag (SP 800-38D 7.2) fails for a file encrypted under another key: both the
    WebCrypto path (loopback, a secure context) and the page's own AES-GCM (plain http on the
    local network) refuse it."""
    rules = f"--host-resolver-rules=MAP {PHONE_HOST} 127.0.0.1"
    for base, extra in ((host.base_url, []), (f"http://{PHONE_HOST}:{host.port}", [rules])):
        record, uri = create_link(
            share_files_from_paths([SAMPLE]), LinkOptions(viewer=host_viewer_url(base)), base
        )
        store = LinkStore()
        (stored,) = store.files(record.id)
        foreign = jwe.encrypt(SAMPLE.read_bytes(), os.urandom(32), stored.content_type)
        store.replace_files(
            record.id,
            [StoredFile(0, stored.name, stored.content_type, foreign, stored.last_updated)],
            stored.last_updated,
        )
        with chromium(language="en", extra=extra) as driver:
            driver.get(uri)
            assert _wait_for_text(driver, "message", "cannot be decrypted") == (
                "A file in the link cannot be decrypted: the link or the file is damaged."
            )
            assert driver.find_elements("id", "patient-name") == []


def test_revoked_and_expired_links_say_so(host: RunningHost) -> None:
    viewer = host_viewer_url(host.base_url)
    record, uri = create_link(
        share_files_from_paths([SAMPLE]), LinkOptions(viewer=viewer), host.base_url
    )
    revoke_link(record.id)
    # exp long past for any clock (the browser's is not shifted with the tests' clock).
    expired = encode_uri(
        build_payload(url=record.manifest_url, key=record.key, exp=1_000_000_000, flags="P"),
        viewer=viewer,
    )
    _locked, last_try = create_link(
        share_files_from_paths([SAMPLE]),
        LinkOptions(passcode=PASSCODE, max_attempts=1, viewer=viewer),
        host.base_url,
    )
    with chromium(language="en") as driver:
        driver.get(last_try)
        _wait_for_text(driver, "passcode-label", "Passcode")
        _type_passcode(driver, "0000")
        assert _wait_for_text(driver, "message", "No attempts") == (
            "Wrong passcode. No attempts are left, so the link is now locked."
        )
        assert not driver.find_element("id", "passcode-form").is_displayed()
        driver.get(uri)
        driver.refresh()
        assert _wait_for_text(driver, "message", "no longer works").startswith(
            "This link no longer works: it has expired, was revoked or was already used."
        )
        before = len(LinkStore().accesses(record.id))
        driver.get(expired)
        driver.refresh()  # only the fragment changed: load the page anew
        # When, in the browser's own time zone (8 or 9 September 2001).
        said = _wait_for_text(driver, "message", "expired on")
        assert said.startswith("This link expired on ") and " September 2001" in said
        assert not driver.find_element("id", "passcode-form").is_displayed()
    # Refused before any request: the host saw nothing more.
    assert len(LinkStore().accesses(record.id)) == before


def test_the_pages_own_aes_gcm_matches_an_independent_implementation(host: RunningHost) -> None:
    """The fallback AES-256-GCM (FIPS 197, SP 800-38D) against `cryptography` (OpenSSL), for
    lengths around the block size, with additional data, and refusing any altered tag."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cases = []
    for length in (0, 1, 15, 16, 17, 31, 32, 33, 1000):
        key, iv = os.urandom(32), os.urandom(12)
        plain, aad = os.urandom(length), os.urandom(length % 23)
        sealed = AESGCM(key).encrypt(iv, plain, aad)
        cases.append([c.hex() for c in (key, iv, sealed[:-16], sealed[-16:], aad, plain)])
    script = """
        const hex = (s) => Uint8Array.from(s.match(/../g) || [], (h) => parseInt(h, 16));
        const out = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
        return arguments[0].map(([k, iv, c, t, a]) => {
          const plain = out(xshareAesGcm.decrypt(hex(k), hex(iv), hex(c), hex(t), hex(a)));
          const bad = hex(t);
          bad[15] ^= 0x80;
          let refused = false;
          try { xshareAesGcm.decrypt(hex(k), hex(iv), hex(c), bad, hex(a)); }
          catch (error) { refused = true; }
          return [plain, refused];
        });
    """
    with chromium() as driver:
        driver.get(host_viewer_url(host.base_url))
        _wait_for_text(driver, "message", "no link")
        results = driver.execute_script(script, cases)
    assert results == [[case[5], True] for case in cases]


def test_a_single_file_link_and_an_attached_pdf(host: RunningHost, tmp_path: Path) -> None:
    """Flag U: the file by GET with ``recipient`` in the query (SHL spec, "U" flag); a PDF
    travels in a DocumentReference and is offered for download, never drawn into the page."""
    viewer = host_viewer_url(host.base_url)
    record, single = create_link(
        share_files_from_paths([SAMPLE]),
        LinkOptions(single_file=True, viewer=viewer),
        host.base_url,
    )
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% test\n%%EOF\n")
    _record, with_pdf = create_link(
        share_files_from_paths([SAMPLE, pdf]), LinkOptions(viewer=viewer), host.base_url
    )
    with chromium(language="en") as driver:
        driver.get(single)
        assert _wait_for_text(driver, "patient-name", "Emil") == "Emil Prøvesen"
        driver.get(with_pdf)
        driver.refresh()  # only the fragment changed: load the page anew
        _wait_for_text(driver, "document", "Download the PDF")
        (download,) = driver.find_elements("css selector", ".attachment a")
        assert str(download.get_attribute("href")).startswith("blob:")
        assert download.get_attribute("download") == "summary.pdf"
        assert driver.find_element("id", "patient-name").text == "Emil Prøvesen"
    (access,) = LinkStore().accesses(record.id)
    assert (access.kind, access.recipient, access.outcome) == ("direct", "xShare web viewer", "ok")


HOSTILE = {
    "resourceType": "Bundle",
    "type": "document",
    "language": "en",
    "entry": [
        {
            "fullUrl": "urn:uuid:1",
            "resource": {
                "resourceType": "Composition",
                "language": "en",
                "subject": {"reference": "urn:uuid:2"},
                "section": [
                    {
                        "title": "Notes <img src=x onerror=alert(1)>",
                        "code": {"coding": [{"system": "http://loinc.org", "code": "81338-6"}]},
                        "text": {
                            "status": "generated",
                            "div": '<div xmlns="http://www.w3.org/1999/xhtml"><p>Plain words.'
                            '</p><img src="x" onerror="document.title=\'injected\'"/>'
                            "<script>document.title='injected'</script><p>More.</p></div>",
                        },
                    }
                ],
            },
        },
        {
            "fullUrl": "urn:uuid:2",
            "resource": {"resourceType": "Patient", "name": [{"text": "<b>Bold</b> Name"}]},
        },
    ],
}


def test_a_documents_markup_is_shown_as_text_never_run(host: RunningHost, tmp_path: Path) -> None:
    """FHIR narrative is XHTML that may carry anything (R4 Narrative, txt-1/txt-2 forbid
    script, but a receiver cannot rely on senders): the page renders data as text only."""
    hostile = tmp_path / "hostile.json"
    hostile.write_bytes(orjson.dumps(HOSTILE))
    _record, uri = create_link(
        share_files_from_paths([hostile]),
        LinkOptions(viewer=host_viewer_url(host.base_url)),
        host.base_url,
    )
    with chromium(language="en") as driver:
        driver.get(uri)
        assert _wait_for_text(driver, "patient-name", "Name") == "<b>Bold</b> Name"
        (section,) = driver.find_elements("css selector", "section.fhir-section")
        assert section.text == "Notes <img src=x onerror=alert(1)>\nPlain words. More."
        assert driver.find_elements("css selector", "#document img, #document script, b") == []
        assert driver.title != "injected"
