"""``xshare show FILE``: print the patient, the sections and their entries."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from xshare_desktop.core.document import Document, Section, load_document
from xshare_desktop.core.fileio import dumps_json


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print the patient, sections and entry summaries of a document",
        description="Print the patient, the sections and a one-line summary of every entry.",
    )
    parser.add_argument("file", help="a FHIR document Bundle (JSON or XML)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument(
        "--language", choices=["en", "da"], default="en", help="language of the summaries"
    )
    parser.set_defaults(func=run)


def _section_json(section: Section, lang: str) -> dict[str, Any]:
    return {
        "code": section.code,
        "title": section.title,
        "path": section.path,
        "emptyReason": section.empty_reason,
        "entries": [
            {
                "fullUrl": e.full_url,
                "resourceType": e.resource_type,
                "id": e.id,
                "summary": e.summary_in(lang),
                "status": e.status,
                "date": e.date,
            }
            for e in section.entries
        ],
        "unresolvedEntries": section.unresolved_entries,
        "sections": [_section_json(s, lang) for s in section.sections],
    }


def document_json(doc: Document, lang: str) -> dict[str, Any]:
    info = doc.patient_info
    return {
        "file": str(doc.source) if doc.source else None,
        "kind": doc.kind,
        "language": doc.language,
        "title": doc.title,
        "date": doc.date,
        "type": doc.type_display,
        "authors": doc.authors,
        "custodian": doc.custodian,
        "patient": None
        if info is None
        else {
            "name": info.name,
            "birthDate": info.birth_date,
            "gender": info.gender,
            "identifiers": [{"system": s, "value": v} for s, v in info.identifiers],
        },
        "sections": [_section_json(s, lang) for s in doc.sections],
        "unresolvedReferences": [
            {"from": r.source_url, "path": r.path, "reference": r.reference}
            for r in doc.references.unresolved
        ],
        "modelIssues": [{"location": i.location, "message": i.message} for i in doc.model_issues],
    }


def _print_section(section: Section, lang: str, depth: int, out: Any) -> None:
    indent = "  " * depth
    count = len(section.entries)
    out.write(
        f"\n{indent}== {section.title} ({section.code or '-'}) · {count} {'entry' if count == 1 else 'entries'}\n"
    )
    if section.empty_reason and not section.entries:
        from xshare_desktop.core.summaries import concept_text

        out.write(f"{indent}   (empty: {concept_text(section.empty_reason, lang)})\n")
    for entry in section.entries:
        out.write(f"{indent}   - {entry.summary_in(lang)}  [{entry.resource_type}]\n")
    for ref in section.unresolved_entries:
        out.write(f"{indent}   ! unresolved entry reference {ref}\n")
    for sub in section.sections:
        _print_section(sub, lang, depth + 1, out)


def run(args: argparse.Namespace) -> int:
    doc = load_document(args.file)
    out = sys.stdout
    if args.format == "json":
        out.write(dumps_json(document_json(doc, args.language)).decode("utf-8"))
        return 0
    info = doc.patient_info
    out.write(
        f"{doc.title or doc.type_display}  ({doc.kind}, {doc.language or 'language not stated'}, {doc.date or 'no date'})\n"
    )
    if info:
        cpr = f", CPR {info.cpr}" if info.cpr else ""
        out.write(
            f"Patient: {info.name}, born {info.birth_date or '?'}, {info.gender or '?'}{cpr}\n"
        )
    if doc.authors:
        out.write(f"Author: {'; '.join(doc.authors)}\n")
    if doc.custodian:
        out.write(f"Custodian: {doc.custodian}\n")
    for section in doc.sections:
        _print_section(section, args.language, 0, out)
    if doc.references.unresolved:
        out.write(
            f"\n{len(doc.references.unresolved)} reference(s) could not be resolved inside the document:\n"
        )
        for ref in doc.references.unresolved[:20]:
            out.write(f"  {ref.path}: {ref.reference}\n")
    if doc.model_issues:
        out.write(f"\n{len(doc.model_issues)} structural issue(s) found by the FHIR R4B models:\n")
        for issue in doc.model_issues[:20]:
            out.write(f"  {issue.location}: {issue.message}\n")
    return 0
