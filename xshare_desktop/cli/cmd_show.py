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


_LABELS = {
    "en": {
        "entry": "entry",
        "entries": "entries",
        "empty": "empty",
        "unresolved_entry": "unresolved entry reference",
        "no_language": "language not stated",
        "no_date": "no date",
        "patient": "Patient",
        "born": "born",
        "author": "Author",
        "custodian": "Custodian",
        "unresolved": "reference(s) could not be resolved inside the document",
        "model": "structural issue(s) found by the FHIR R4B models",
    },
    "da": {
        "entry": "oplysning",
        "entries": "oplysninger",
        "empty": "tomt",
        "unresolved_entry": "henvisning, der ikke findes i dokumentet:",
        "no_language": "sprog ikke angivet",
        "no_date": "ingen dato",
        "patient": "Patient",
        "born": "født",
        "author": "Forfatter",
        "custodian": "Ansvarlig",
        "unresolved": "henvisning(er) kunne ikke findes i dokumentet",
        "model": "strukturfejl fundet af FHIR R4B-modellerne",
    },
}


def _print_section(section: Section, lang: str, depth: int, out: Any) -> None:
    words = _LABELS[lang]
    indent = "  " * depth
    count = len(section.entries)
    noun = words["entry"] if count == 1 else words["entries"]
    out.write(f"\n{indent}== {section.title} ({section.code or '-'}) · {count} {noun}\n")
    if section.empty_reason and not section.entries:
        from xshare_desktop.core.summaries import concept_text

        out.write(f"{indent}   ({words['empty']}: {concept_text(section.empty_reason, lang)})\n")
    for entry in section.entries:
        out.write(f"{indent}   - {entry.summary_in(lang)}  [{entry.resource_type}]\n")
    for ref in section.unresolved_entries:
        out.write(f"{indent}   ! {words['unresolved_entry']} {ref}\n")
    for sub in section.sections:
        _print_section(sub, lang, depth + 1, out)


def run(args: argparse.Namespace) -> int:
    from xshare_desktop.core.summaries import human_date, word

    doc = load_document(args.file, summary_languages=(args.language,))
    out = sys.stdout
    lang = args.language
    if args.format == "json":
        out.write(dumps_json(document_json(doc, lang)).decode("utf-8"))
        return 0
    words = _LABELS[lang]
    info = doc.patient_info
    date = human_date(doc.date[:10], lang) if doc.date else words["no_date"]
    out.write(
        f"{doc.title or doc.type_display}  ({doc.kind}, {doc.language or words['no_language']}, {date})\n"
    )
    if info:
        cpr = f", CPR {info.cpr}" if info.cpr else ""
        born = human_date(info.birth_date, lang) if info.birth_date else "?"
        gender = word(info.gender, lang) if info.gender else "?"
        out.write(f"{words['patient']}: {info.name}, {words['born']} {born}, {gender}{cpr}\n")
    if doc.authors:
        out.write(f"{words['author']}: {'; '.join(doc.authors)}\n")
    if doc.custodian:
        out.write(f"{words['custodian']}: {doc.custodian}\n")
    for section in doc.sections:
        _print_section(section, lang, 0, out)
    if doc.references.unresolved:
        out.write(f"\n{len(doc.references.unresolved)} {words['unresolved']}:\n")
        for ref in doc.references.unresolved[:20]:
            out.write(f"  {ref.path}: {ref.reference}\n")
    if doc.model_issues:
        out.write(f"\n{len(doc.model_issues)} {words['model']}:\n")
        for issue in doc.model_issues[:20]:
            out.write(f"  {issue.location}: {issue.message}\n")
    return 0
