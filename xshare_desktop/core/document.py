"""The EEHRxF document model: a FHIR R4 document Bundle read for people.

The original JSON tree is kept untouched in ``Document.raw`` (and the bytes in
``Document.raw_bytes``); everything else here is a read-only view built from
it: the patient, the Composition, its sections in order with their entries and
one-line summaries, and a reference index both ways. Typed access goes through
the ``fhir.resources`` R4B models, whose structural complaints are collected
as ``model_issues`` with their location instead of stopping the load. The data
types (``Document``, ``Entry``, ``Section``, ``PatientInfo``) are in
``document_types.py``; this module reads a Bundle into them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from xshare_desktop.core import model_check
from xshare_desktop.core.document_types import (
    CPR_SYSTEM,
    Document,
    Entry,
    PatientInfo,
    Section,
    format_cpr,
)
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
from xshare_desktop.core.gc_pause import collector_paused
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.jsontree import as_dict, as_list
from xshare_desktop.core.model_check import ModelIssue, entry_model_issues
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.references import BundleResolver, build_reference_index
from xshare_desktop.core.summaries import concept_text, human_name, summarise

LOINC = "http://loinc.org"
IPS_DOCUMENT_CODE = "60591-5"
LAB_REPORT_CODE = "11502-2"

# The model check lives in core/model_check.py and the data types in core/document_types.py;
# callers reach them from here too.
__all__ = [
    "CPR_SYSTEM",
    "Document",
    "Entry",
    "ModelIssue",
    "PatientInfo",
    "Section",
    "check_models",
    "entry_model_issues",
    "format_cpr",
]


def _kind_of(composition: Mapping[str, Any]) -> str:
    ctype = composition.get("type")
    codes = set()
    if isinstance(ctype, Mapping):
        for coding in as_list(ctype.get("coding")):
            if isinstance(coding, Mapping) and coding.get("system") == LOINC:
                codes.add(str(coding.get("code")))
    profiles = " ".join(str(p) for p in as_list(as_dict(composition.get("meta")).get("profile")))
    if IPS_DOCUMENT_CODE in codes or "/uv/ips/" in profiles:
        return "ips"
    if LAB_REPORT_CODE in codes or "eu-lab" in profiles or "/laboratory/" in profiles:
        return "eu-lab"
    return "document"


def _check_document_shape(obj: Any, name: str) -> list[Mapping[str, Any]]:
    if not isinstance(obj, dict):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} holds JSON, but not a FHIR resource (it is a JSON {kind})."
            ).format(name=name, kind=type(obj).__name__)
        )
    rtype = obj.get("resourceType")
    if not isinstance(rtype, str):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} is JSON but not a FHIR resource: it has no resourceType."
            ).format(name=name)
        )
    if rtype != "Bundle":
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} holds a FHIR {rtype} resource, not a health document. A document is a Bundle of type 'document' that starts with a Composition.",
            ).format(name=name, rtype=rtype)
        )
    btype = obj.get("type")
    if btype != "document":
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} is a FHIR Bundle of type '{btype}', not a document. A health document such as a patient summary is a Bundle of type 'document'.",
            ).format(name=name, btype=btype),
            where="Bundle.type",
        )
    entries = obj.get("entry")
    if not isinstance(entries, list) or not entries:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} is a document Bundle with no entries.").format(
                name=name
            ),
            where="Bundle.entry",
        )
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "Entry {number} of {name} is not a JSON object.").format(
                    number=i + 1, name=name
                ),
                where=f"Bundle.entry[{i}]",
            )
    first = entries[0].get("resource")
    if not isinstance(first, dict) or first.get("resourceType") != "Composition":
        found = first.get("resourceType") if isinstance(first, dict) else "nothing"
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} is a document Bundle, but its first entry is {found}, not the Composition that every FHIR document must start with.",
            ).format(name=name, found=found),
            where="Bundle.entry[0].resource",
        )
    return entries


def check_models(document: Document, progress: Progress | None = None) -> list[ModelIssue]:
    """The R4B model check of a document loaded with ``check_models=False``.

    Front ends show the document first and run this slower check afterwards.
    """
    return model_check._model_issues(as_list(document.raw.get("entry")), ensure_progress(progress))


def _reference_text(
    ref: Any, doc_entries: list[Entry], resolver: BundleResolver, source: str | None
) -> str:
    if not isinstance(ref, Mapping):
        return ""
    target = resolver.resolve(str(ref.get("reference", "")), source)
    if target is not None:
        return doc_entries[target].summary
    return str(ref.get("display", ""))


def _patient_info(resource: Mapping[str, Any]) -> PatientInfo:
    identifiers = [
        (str(i.get("system", "")), str(i.get("value", "")))
        for i in as_list(resource.get("identifier"))
        if isinstance(i, Mapping) and i.get("value")
    ]
    address = None
    addresses = resource.get("address")
    if isinstance(addresses, list) and addresses and isinstance(addresses[0], Mapping):
        a = addresses[0]
        address = a.get("text") or ", ".join(
            str(p)
            for p in [
                *as_list(a.get("line")),
                " ".join(str(x) for x in (a.get("postalCode"), a.get("city")) if x),
                a.get("country"),
            ]
            if p
        )
    telecom = [
        str(t.get("value"))
        for t in as_list(resource.get("telecom"))
        if isinstance(t, Mapping) and t.get("value")
    ]
    return PatientInfo(
        name=human_name(resource.get("name")),
        birth_date=resource.get("birthDate")
        if isinstance(resource.get("birthDate"), str)
        else None,
        gender=resource.get("gender") if isinstance(resource.get("gender"), str) else None,
        identifiers=identifiers,
        address=str(address) if address else None,
        telecom=telecom,
    )


def _entry_status(resource: Mapping[str, Any]) -> str | None:
    from xshare_desktop.core.summaries import status_code

    for key in ("clinicalStatus", "status"):
        code = status_code(resource.get(key))
        if code:
            return code
    return None


def _entry_date(resource: Mapping[str, Any]) -> str | None:
    from xshare_desktop.core.summaries import choice, date_of

    for prefix in (
        "onset",
        "effective",
        "occurrence",
        "performed",
        "recordedDate",
        "date",
        "issued",
        "authoredOn",
    ):
        if prefix in resource:
            value = date_of(resource[prefix])
        else:
            value = date_of(choice(resource, prefix)[1])
        if value:
            return value
    return None


def document_from_json(
    obj: Any,
    *,
    raw_bytes: bytes = b"",
    source: Path | None = None,
    name: str = "The file",
    check_models: bool = True,
    summary_languages: tuple[str, ...] = ("en", "da"),
    progress: Progress | None = None,
) -> Document:
    """Build the document model over an already parsed JSON tree (not copied, not changed).

    The summaries in ``summary_languages`` are made now (off the GUI thread when a worker
    loads); any other language's when first asked for.
    """
    progress = ensure_progress(progress)
    entries_json = _check_document_shape(obj, name)
    total = len(entries_json)
    resolver = BundleResolver(entries_json)
    language = obj.get("language")
    composition_json = entries_json[0]["resource"]
    language = composition_json.get("language") or language
    doc_lang = language if isinstance(language, str) else None

    def resolve_json(reference: str) -> Mapping[str, Any] | None:
        index = resolver.resolve(reference, None)
        if index is None:
            return None
        res = entries_json[index].get("resource")
        return res if isinstance(res, Mapping) else None

    entries: list[Entry] = []
    by_url: dict[str, Entry] = {}
    for i, entry_json in enumerate(entries_json):
        if i % 250 == 0:
            progress.step(i, total, "Reading entries")
        resource = entry_json.get("resource")
        if not isinstance(resource, Mapping):
            resource = {}
        full_url = entry_json.get("fullUrl")
        full_url = full_url if isinstance(full_url, str) else f"#entry{i}"
        rtype = str(resource.get("resourceType", ""))
        entry = Entry(
            index=i,
            full_url=full_url,
            resource=resource,
            resource_type=rtype,
            id=resource.get("id") if isinstance(resource.get("id"), str) else None,
            status=_entry_status(resource),
            date=_entry_date(resource),
            _summarise=partial(summarise, resource, doc_lang=doc_lang, resolve=resolve_json),
        )
        for lang in summary_languages:
            entry.summary_in(lang)
        entries.append(entry)
        by_url.setdefault(full_url, entry)

    composition = entries[0]

    def build_sections(sections_json: Any, base: str) -> list[Section]:
        result: list[Section] = []
        if not isinstance(sections_json, list):
            return result
        for s_index, s in enumerate(sections_json):
            if not isinstance(s, Mapping):
                continue
            path = f"{base}.section[{s_index}]"
            code = code_display = None
            for coding in as_list(as_dict(s.get("code")).get("coding")):
                if isinstance(coding, Mapping):
                    code, code_display = coding.get("code"), coding.get("display")
                    break
            text = s.get("text")
            narrative = text.get("div") if isinstance(text, Mapping) else None
            section_entries: list[Entry] = []
            unresolved: list[str] = []
            for ref in as_list(s.get("entry")):
                reference = ref.get("reference") if isinstance(ref, Mapping) else None
                target = resolver.resolve(str(reference or ""), composition.full_url)
                if target is None:
                    unresolved.append(str(reference))
                else:
                    section_entries.append(entries[target])
            result.append(
                Section(
                    code=str(code) if code else None,
                    code_display=str(code_display) if code_display else None,
                    title=str(s.get("title") or code_display or code or ""),
                    narrative=str(narrative) if isinstance(narrative, str) else None,
                    empty_reason=s.get("emptyReason")
                    if isinstance(s.get("emptyReason"), Mapping)
                    else None,
                    entries=section_entries,
                    sections=build_sections(s.get("section"), path),
                    path=path,
                    unresolved_entries=unresolved,
                )
            )
        return result

    sections = build_sections(composition_json.get("section"), composition.path)

    patient = None
    subject = composition_json.get("subject")
    if isinstance(subject, Mapping):
        target = resolver.resolve(str(subject.get("reference", "")), composition.full_url)
        if target is not None:
            patient = entries[target]
    patient_info = (
        _patient_info(patient.resource) if patient and patient.resource_type == "Patient" else None
    )

    progress.step(total, total, "Indexing references")
    references = build_reference_index(entries_json, resolver)
    model_issues = model_check._model_issues(entries_json, progress) if check_models else []

    authors = [
        _reference_text(a, entries, resolver, composition.full_url)
        for a in as_list(composition_json.get("author"))
    ]
    custodian = (
        _reference_text(composition_json.get("custodian"), entries, resolver, composition.full_url)
        or None
    )
    date = composition_json.get("date")
    return Document(
        raw=obj,
        raw_bytes=raw_bytes,
        source=source,
        kind=_kind_of(composition_json),
        language=doc_lang,
        entries=entries,
        composition=composition,
        patient=patient,
        patient_info=patient_info,
        sections=sections,
        references=references,
        model_issues=model_issues,
        title=str(composition_json.get("title") or ""),
        date=date if isinstance(date, str) else None,
        type_display=concept_text(composition_json.get("type"), "en", doc_lang),
        authors=[a for a in authors if a],
        custodian=custodian,
        _resolver=resolver,
        _by_url=by_url,
    )


def _looks_like_xml(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf").lstrip()[:1]
    return head == b"<"


def parse_document_bytes(data: bytes, name: str = "The file") -> Any:
    """JSON or FHIR XML bytes -> the JSON tree (XML is read via the StructureDefinitions)."""
    if _looks_like_xml(data):
        try:
            from xshare_desktop.core.fhir_xml import read_fhir_xml
        except ImportError:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{name} is XML; this version reads FHIR JSON documents only."
                ).format(name=name)
            ) from None
        obj, _positions = read_fhir_xml(data, name=name)
        return obj
    return parse_json_bytes(data, name=name)


def load_document(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    check_models: bool = True,
    summary_languages: tuple[str, ...] = ("en", "da"),
    progress: Progress | None = None,
) -> Document:
    """Read a FHIR R4 document Bundle (JSON, UTF-8 with or without BOM, or FHIR XML).

    Raises ``UserFacingError`` with a plain-words message for anything that is
    not a readable document. The input file is only read.
    """
    progress = ensure_progress(progress)
    if isinstance(source, bytes):
        data, path = source, None
        label = name or "The document"
    else:
        path = Path(source)
        data = read_input_bytes(path)
        label = name or path.name
    progress.step(0, 1, "Reading")
    with collector_paused():
        obj = parse_document_bytes(data, name=label)
        return document_from_json(
            obj,
            raw_bytes=data,
            source=path,
            name=label,
            check_models=check_models,
            summary_languages=summary_languages,
            progress=progress,
        )
