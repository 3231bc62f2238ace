"""Link Provider tests: every rule of a vendor's SMART Health Link as a named test case.

Given a ``shlink:/`` URI (and passcode), the workbench reads the payload, runs the manifest
exchange twice with different ``embeddedLengthMax`` limits, fetches ``location`` files, checks
each JWE header, decrypts, and validates the decrypted documents against the declared content
specifications. A wrong-passcode probe spends one of the link's attempts, so it runs only when
the vendor allows destructive tests.

The link must allow several retrievals (not one-time): the exchange is repeated on purpose.
"""

from __future__ import annotations

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.shl.payload import b64url_decode
from xshare_desktop.core.workbench.content_tests import DocumentValidator
from xshare_desktop.core.workbench.link_jwe import JWE_CASES, check_content, check_files
from xshare_desktop.core.workbench.link_manifest import (
    DIRECT_CASES,
    MANIFEST_CASES,
    PASSCODE_CASE,
    check_direct,
    check_manifest,
    check_wrong_passcode,
)
from xshare_desktop.core.workbench.link_payload import check_payload
from xshare_desktop.core.workbench.link_report import CaseLog, LinkTestOptions, LinkTestReport

__all__ = ["LinkTestOptions", "LinkTestReport", "check_link_against_specs", "run_link_tests"]


def run_link_tests(
    uri: str,
    options: LinkTestOptions | None = None,
    *,
    validator: DocumentValidator | None = None,
    progress: Progress | None = None,
    now: float | None = None,
) -> LinkTestReport:
    options = options or LinkTestOptions()
    progress = ensure_progress(progress)
    payload_check = check_payload(uri, now=now)
    body = payload_check.body or {}
    flags = body.get("flag") if isinstance(body.get("flag"), str) else ""
    label = body.get("label") if isinstance(body.get("label"), str) else None
    url = body.get("url") if isinstance(body.get("url"), str) else None
    report = LinkTestReport(label=label, manifest_url=url, flags=str(flags))
    run = CaseLog(report)
    report.cases.extend(payload_check.cases)
    progress.step(1, 5, "Checked the payload")

    every_later = MANIFEST_CASES + DIRECT_CASES + JWE_CASES + [PASSCODE_CASE]
    if not payload_check.usable or url is None:
        run.skip(every_later, "Not reached: the payload has no usable url and key.")
        return report
    key = b64url_decode(str(body["key"]))
    needs_passcode = "P" in str(flags)
    if needs_passcode and not options.passcode:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "This link is protected by a passcode (flag P); give it to test the link.",
            )
        )

    if "U" in str(flags):
        run.skip(MANIFEST_CASES, "The link has the U flag: its file is fetched by GET.")
        files = check_direct(run, url, options)
    else:
        run.skip(DIRECT_CASES, "The link has no U flag: files come through the manifest.")
        files = check_manifest(run, url, options, needs_passcode)
    progress.step(3, 5, "Checked the exchange")

    plaintexts = check_files(run, files, key)
    progress.step(4, 5, "Decrypted the files")
    check_content(run, report, plaintexts, validator)
    check_wrong_passcode(run, url, options, needs_passcode)
    progress.step(5, 5, "Done")
    return report


def check_link_against_specs(
    uri: str,
    options: LinkTestOptions,
    spec_ids: list[str],
    *,
    progress: Progress | None = None,
) -> LinkTestReport:
    """Load the validator for ``spec_ids`` and run every link test (one call for a worker)."""
    from xshare_desktop.core.workbench.content_tests import load_document_validator

    progress = ensure_progress(progress)
    progress.step(0, 5, "Loading the FHIR packages")
    validator = load_document_validator(spec_ids) if spec_ids else None
    return run_link_tests(uri, options, validator=validator, progress=progress)
