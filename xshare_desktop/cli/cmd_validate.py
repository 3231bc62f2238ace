"""``xshare validate``: check FHIR documents against the installed profiles, offline.

Exit codes: 0 no file has errors, 1 some file has errors, 2 a file could not be read or the
command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_text, dumps_json
from xshare_desktop.core.validation.checking import (
    check_files_in_parallel,
    expand_sources,
    shared_checker,
)
from xshare_desktop.core.validation.outcome import outcome_for
from xshare_desktop.core.validation.report import render_html, render_junit, render_text

FORMATS = ("text", "json", "junit", "html")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check FHIR documents (JSON or XML) against their profiles",
        description="Validate FHIR R4 documents offline against the StructureDefinitions in the "
        "local FHIR package cache: R4 core, terminology, extensions and IPS 2.0.0 when "
        "installed, plus any --ig. The profile comes from --profile, meta.profile, or the "
        "document itself (a LOINC 60591-5 document is checked as an IPS Bundle).",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="FHIR JSON or XML files, or folders (their .json and .xml files are checked)",
    )
    parser.add_argument(
        "--ig",
        action="append",
        default=[],
        metavar="NAME#VERSION",
        help="also load this implementation guide package (repeatable)",
    )
    parser.add_argument("--profile", metavar="URL", help="validate against this profile")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument("--output", metavar="FILE", help="write the report here (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace an existing --output file")
    parser.add_argument("--cache", metavar="DIR", help="FHIR package cache folder")
    parser.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="check this many files at a time (default: one per available core)",
    )
    parser.set_defaults(func=run)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs wants a whole number of 1 or more, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    args.files = expand_sources(args.files)
    if args.output and any(Path(args.output).resolve() == Path(f).resolve() for f in args.files):
        raise UserFacingError(
            f"--output {args.output} is one of the files to validate; the report would replace "
            "it. Choose another name."
        )

    if args.output and not args.force and Path(args.output).exists():
        # Said before the documents are read, so no validation is wasted on it.
        raise UserFacingError(
            f"{args.output} already exists; choose another name or add --force to replace it."
        )

    context, validator = shared_checker(args.ig or None, args.cache, with_defaults=True)
    if args.verbose:
        for warning in context.warnings:
            print(f"xshare: note: {warning}", file=sys.stderr)
    checks = check_files_in_parallel(
        args.files,
        context,
        validator,
        profile=args.profile,
        jobs=args.jobs,
        keep_documents=args.format == "html",  # only the HTML report shows the documents
    )
    results = checks.results
    for check in checks.checks:
        if check.unreadable:
            print(f"xshare: {check.result.issues[0].message}", file=sys.stderr)

    if args.format == "json":
        report = dumps_json(outcome_for(results)).decode("utf-8")
    elif args.format == "junit":
        report = render_junit(results)
    elif args.format == "html":
        documents = {str(c.document.path): c.document.resource for c in checks.checks if c.document}
        report = render_html(results, documents)
    else:
        report = render_text(results)

    if args.output:
        atomic_write_text(args.output, report, overwrite=args.force)
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
    if checks.any_unreadable:
        return 2
    return 1 if checks.any_errors else 0
