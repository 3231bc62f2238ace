"""``xshare share FILE``: write the parts of a document the person chooses, and nothing else."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from xshare_desktop.cli import share_delivery
from xshare_desktop.core.document import parse_document_bytes
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import read_input_bytes
from xshare_desktop.core.gc_pause import collector_paused
from xshare_desktop.core.sharing.explain import left_out_lines
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import FORMATS, PdfRenderer, ShareOptions


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "share",
        help="write a selection of a document as FHIR JSON and/or PDF",
        description=(
            "Write the parts of a FHIR document you choose, with narratives regenerated, "
            "references to what you left out removed and a Provenance saying it is your "
            "selection. Selectors: a section by LOINC code (section:10160-0), by SYSTEM|CODE "
            "(section:http://example.org/lab-codes|3002989), by position (section:2, section:1.3) "
            "or by title (section:Kommentar); Type/id or a fullUrl (one entry); Type.field "
            "(e.g. Patient.address, DiagnosticReport.performer, Specimen.accessionIdentifier) or "
            "ENTRY#field (one entry's field). Free-text sections are shared as written unless "
            "left out; with --pseudonymise they are left out, and the output says why."
        ),
    )
    parser.add_argument("file", help="a FHIR document Bundle (JSON or XML)")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="SELECTOR", help="leave this out"
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="SELECTOR",
        help="share only these sections/entries (and what they need)",
    )
    parser.add_argument(
        "--year-only",
        action="append",
        default=[],
        metavar="FIELD",
        help="show this date with the year only (e.g. Patient.birthDate, Condition.onset)",
    )
    parser.add_argument(
        "--pseudonymise",
        "--pseudonymize",
        action="store_true",
        help="replace name, identifiers, address, phone and e-mail; birth date to the year",
    )
    parser.add_argument("--language", choices=["da", "en"], help="language of the output")
    parser.add_argument(
        "--format",
        default="fhir-json",
        help=f"comma-separated output formats: {', '.join(FORMATS)} (default fhir-json)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace existing files")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write to")
    share_delivery.add_arguments(parser)
    parser.set_defaults(func=run)


def _pdf_renderer() -> PdfRenderer:
    try:
        from xshare_desktop.render.share_pdf import render_share_pdf
    except ImportError as exc:  # Qt missing from this installation
        raise UserFacingError(f"PDF output needs Qt, which cannot be loaded: {exc}.") from None
    return render_share_pdf


def run(args: argparse.Namespace) -> int:
    formats = tuple(f.strip() for f in str(args.format).split(",") if f.strip())
    options = ShareOptions(
        formats=formats,
        pseudonymise=args.pseudonymise,
        language=args.language,
        overwrite=args.overwrite,
    )
    selection = Selection(tuple(args.include), tuple(args.exclude), tuple(args.year_only))
    path = Path(args.file)
    renderer = _pdf_renderer() if "pdf" in formats else None
    with collector_paused():  # a large document is a tree of a million objects (issue 18)
        raw = parse_document_bytes(read_input_bytes(path), name=path.name)
        result = share_delivery.share_and_deliver(args, raw, selection, options, renderer)
    lang = options.language or "en"
    for written in result.files:
        print(f"wrote {written}")
    if result.left_out:
        print("left out:")
        for line in left_out_lines(result.left_out, raw, lang):
            print(f"  - {line}")
    else:
        print("left out: nothing")
    if result.changes:
        print("pseudonymised:")
        for change in result.changes:
            after = change.after or "(removed)"
            print(f"  - {change.path}: {change.before} -> {after}")
    sys.stdout.flush()
    return 0
