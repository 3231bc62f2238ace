"""The label evidence pack: conformance statement, reports and test cases, written to a folder.

Layout of ``--out DIR``::

    evidence.json            everything below, machine-readable
    evidence.html            self-contained report (no scripts, no outside resources)
    evidence.pdf             the same for print (when a PDF renderer is given)
    junit.xml                every test case, for the vendor's CI
    declaration.json         the declaration the run used
    reports/<doc>.html       one validation report per document (drill-down)
    reports/<doc>.outcome.json  the same as a FHIR OperationOutcome
    <file>.jws               a detached signature beside each file, when a signer is given

Each file is written atomically; ``evidence.json`` lists the SHA-256 of every other file, so
one signature over it covers the pack. Nothing leaves the machine.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json, load_json_file
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.validation.outcome import to_operation_outcome
from xshare_desktop.core.validation.report import render_html as render_validation_html
from xshare_desktop.core.workbench.content_tests import DocumentReport
from xshare_desktop.core.workbench.evidence_pack import (
    EvidencePack,
    report_file_stem,
)
from xshare_desktop.core.workbench.results import CaseResult, Verdict, tally

SIGNATURE_SUFFIX = ".jws"
PdfRenderer = Callable[[str, str], bytes]
Signer = Callable[[bytes, str], str]


def render_junit(pack: EvidencePack) -> str:
    groups: dict[str, list[CaseResult]] = {}
    for case in pack.cases:
        groups.setdefault(case.case_id.split(".", 1)[0], []).append(case)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    counts = pack.tally
    out.append(
        f'<testsuites name="xShare label check" tests="{counts.total}" failures="{counts.failed}" '
        f'skipped="{counts.not_applicable}">'
    )
    for group, cases in groups.items():
        group_counts = tally(cases)
        out.append(
            f'  <testsuite name={quoteattr(group)} tests="{group_counts.total}" '
            f'failures="{group_counts.failed}" skipped="{group_counts.not_applicable}">'
        )
        for case in cases:
            out.append(
                f"    <testcase classname={quoteattr(group)} name={quoteattr(case.case_id)}>"
            )
            if case.verdict is Verdict.FAIL:
                out.append(
                    f"      <failure message={quoteattr(case.title)}>{escape(case.evidence)}</failure>"
                )
            elif case.verdict is Verdict.NOT_APPLICABLE:
                out.append(f"      <skipped message={quoteattr(case.evidence)}/>")
            else:
                out.append(f"      <system-out>{escape(case.evidence)}</system-out>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def _document_files(report: DocumentReport) -> list[tuple[str, bytes]]:
    if report.result is None:
        return []
    stem = report_file_stem(report.name)
    html = render_validation_html([report.result], title=f"Conformance report: {report.name}")
    return [
        (stem + ".html", html.encode("utf-8")),
        (stem + ".outcome.json", dumps_json(to_operation_outcome(report.result))),
    ]


def write_evidence_pack(
    pack: EvidencePack,
    out_dir: str | os.PathLike[str],
    *,
    pdf_renderer: PdfRenderer | None = None,
    signer: Signer | None = None,
) -> list[Path]:
    """Write the pack into ``out_dir`` (created if needed); returns the files written."""
    from xshare_desktop.core.workbench.evidence_html import render_evidence_html

    root = Path(out_dir)
    _prepare_folder(root)
    planned: list[tuple[str, bytes, str]] = [
        ("declaration.json", dumps_json(pack.declaration.as_dict()), "application/json"),
        ("junit.xml", render_junit(pack).encode("utf-8"), "application/xml"),
    ]
    all_reports = (pack.content.reports if pack.content else []) + [
        r for link in pack.links for r in link.documents
    ]
    for report in all_reports:
        for name, data in _document_files(report):
            media = "text/html" if name.endswith(".html") else "application/fhir+json"
            planned.append((name, data, media))
    html = render_evidence_html(pack)
    planned.append(("evidence.html", html.encode("utf-8"), "text/html"))
    if pdf_renderer is not None:
        pdf_html = render_evidence_html(pack, for_print=True)
        planned.append(("evidence.pdf", pdf_renderer(pdf_html, _title(pack)), "application/pdf"))

    written: list[Path] = []
    listing: list[dict[str, Any]] = []
    for name, data, media in planned:
        written.extend(_write(root, name, data, media, signer))
        listing.append(
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        )
    summary = dumps_json(pack.as_dict(listing))
    # evidence.json last: its presence means the pack is complete.
    written.extend(_write(root, "evidence.json", summary, "application/json", signer))
    return written


def _prepare_folder(root: Path) -> None:
    """Use an empty folder, or replace an earlier pack's files; never touch anything else."""
    if root.exists() and not root.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench", "{root} is a file; the evidence pack needs a folder."
            ).format(root=root)
        )
    root.mkdir(parents=True, exist_ok=True)
    previous = root / "evidence.json"
    if not previous.is_file():
        if any(root.iterdir()):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "The folder {root} is not empty and holds no earlier evidence pack; choose an empty or new folder so no file of yours is replaced.",
                ).format(root=root)
            )
        return
    try:
        listed = load_json_file(previous).get("files", [])
    except (UserFacingError, AttributeError):
        listed = []
    for item in listed if isinstance(listed, list) else []:
        name = item.get("path") if isinstance(item, dict) else None
        if not isinstance(name, str):
            continue
        old = (root / name).resolve()
        if old.is_relative_to(root.resolve()) and old.is_file():
            old.unlink()
            old.with_name(old.name + SIGNATURE_SUFFIX).unlink(missing_ok=True)


def _title(pack: EvidencePack) -> str:
    return f"xShare label evidence: {pack.declaration.product}"


def _write(root: Path, name: str, data: bytes, media: str, signer: Signer | None) -> list[Path]:
    target = root / name
    paths = [atomic_write_bytes(target, data)]
    signature = target.with_name(target.name + SIGNATURE_SUFFIX)
    if signer is None:
        # A signature left from an earlier run would no longer match this file.
        signature.unlink(missing_ok=True)
    else:
        token = signer(data, media)
        paths.append(
            atomic_write_bytes(
                target.with_name(target.name + SIGNATURE_SUFFIX), token.encode("ascii")
            )
        )
    return paths
