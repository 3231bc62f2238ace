"""One-line human summaries of FHIR resources, in English and Danish.

Used by the document viewer, the CLI and the regenerated narratives. A summary
says what a citizen would want to see first: a condition with its status and
onset, a medication with its dose, an allergy with its substance and
criticality, a vaccination with its date, a result with value, unit and
reference range.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from xshare_desktop.core.datatype_text import (
    choice,
    concept_text,
    date_of,
    dosage_text,
    first_concept,
    format_quantity,
    format_range,
    human_date,
    human_name,
    observation_value,
    status_code,
)
from xshare_desktop.core.jsontree import as_list
from xshare_desktop.core.summary_words import _WORDS, Lang, word

Resolver = Callable[[str], Mapping[str, Any] | None]

# The words live in summary_words.py and the datatype readers in datatype_text.py; callers
# reach them from here too.
__all__ = [
    "_WORDS",
    "Lang",
    "choice",
    "concept_text",
    "date_of",
    "dosage_text",
    "first_concept",
    "format_quantity",
    "format_range",
    "human_date",
    "human_name",
    "observation_value",
    "status_code",
    "summarise",
    "word",
]


def _join(*parts: str) -> str:
    return " — ".join(p for p in parts if p)


def _named(
    resource: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    """The name of whatever a medication-like or device-like resource refers to."""
    kind, value = choice(resource, "medication")
    if kind == "CodeableConcept":
        return concept_text(value, lang, doc_lang)
    if kind == "Reference" and isinstance(value, Mapping):
        target = resolve(str(value.get("reference", ""))) if resolve else None
        if target is not None:
            # No resolver for the target: a reference that leads back here must not loop.
            return summarise(target, lang, doc_lang=doc_lang)
        return str(value.get("display", ""))
    return ""


def summarise(
    resource: Mapping[str, Any],
    lang: Lang = "en",
    *,
    doc_lang: str | None = None,
    resolve: Resolver | None = None,
) -> str:
    """A one-line summary of ``resource`` in ``lang`` ("en" or "da")."""
    rtype = str(resource.get("resourceType", ""))
    builder = _BUILDERS.get(rtype)
    if builder is not None:
        text = builder(resource, lang, doc_lang, resolve)
        if text:
            return text
    concept = first_concept(resource, "code", "type", "category")
    text = concept_text(concept, lang, doc_lang) if concept else ""
    return text or rtype


def _condition(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    status = status_code(r.get("clinicalStatus"))
    onset = date_of(choice(r, "onset")[1], lang)
    details = []
    if status:
        details.append(word(status, lang))
    if onset:
        details.append(f"{word('since', lang)} {onset}")
    return _join(name, ", ".join(details))


def _allergy(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    details = []
    if isinstance(r.get("type"), str):
        details.append(word(r["type"], lang))
    if isinstance(r.get("criticality"), str):
        details.append(word(r["criticality"], lang))
    reactions = []
    for reaction in as_list(r.get("reaction")):
        if isinstance(reaction, Mapping):
            for manifestation in as_list(reaction.get("manifestation")):
                reactions.append(concept_text(manifestation, lang, doc_lang))
    if reactions:
        details.append(f"{word('reaction', lang)}: {', '.join(x for x in reactions if x)}")
    return _join(name, ", ".join(details))


def _medication_use(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = _named(r, lang, doc_lang, resolve)
    dose = dosage_text(r.get("dosage") or r.get("dosageInstruction"), lang)
    since = date_of(choice(r, "effective")[1] or r.get("authoredOn"), lang)
    status = r.get("status") if r.get("status") not in (None, "active", "unknown") else None
    details = [dose]
    if since:
        details.append(f"{word('since', lang)} {since}")
    if isinstance(status, str):
        details.append(word(status, lang))
    return _join(name, ", ".join(d for d in details if d))


def _medication(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    form = concept_text(r.get("form"), lang, doc_lang)
    strength = ""
    for ingredient in as_list(r.get("ingredient")):
        if isinstance(ingredient, Mapping) and isinstance(ingredient.get("strength"), Mapping):
            s = ingredient["strength"]
            strength = format_quantity(s.get("numerator"), lang)
            denominator = s.get("denominator")
            if isinstance(denominator, Mapping) and denominator.get("value") not in (None, 1):
                strength += f"/{format_quantity(denominator, lang)}"
            break
    return ", ".join(p for p in (name, strength, form) if p)


def _immunization(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("vaccineCode"), lang, doc_lang)
    when = date_of(choice(r, "occurrence")[1], lang)
    status = r.get("status") if r.get("status") not in (None, "completed") else None
    details = [f"{word('on', lang)} {when}" if when else ""]
    if isinstance(status, str):
        details.append(word(status, lang))
    return _join(name, ", ".join(d for d in details if d))


def _observation(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    value = observation_value(r, lang, doc_lang)
    ref = ""
    ranges = r.get("referenceRange")
    if isinstance(ranges, list) and ranges:
        ref = format_range(ranges[0], lang)
    when = date_of(choice(r, "effective")[1], lang)
    head = f"{name}: {value}" if value else name
    details = []
    if ref:
        details.append(f"{word('reference', lang)} {ref}")
    if when:
        details.append(when)
    return f"{head} ({', '.join(details)})" if details else head


def _report(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    when = date_of(choice(r, "effective")[1] or r.get("issued"), lang)
    count = len(as_list(r.get("result")))
    results = {"en": "results", "da": "resultater"}[lang]
    return _join(name, ", ".join(p for p in (when, f"{count} {results}" if count else "") if p))


def _procedure(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("code"), lang, doc_lang)
    when = date_of(choice(r, "performed")[1], lang)
    return _join(name, f"{word('on', lang)} {when}" if when else "")


def _device(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = concept_text(r.get("type"), lang, doc_lang)
    if not name:
        for dn in as_list(r.get("deviceName")):
            if isinstance(dn, Mapping) and dn.get("name"):
                name = str(dn["name"])
                break
    return name


def _device_use(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    device = r.get("device")
    name = ""
    if isinstance(device, Mapping):
        target = resolve(str(device.get("reference", ""))) if resolve else None
        name = (
            summarise(target, lang, doc_lang=doc_lang) if target else str(device.get("display", ""))
        )
    since = date_of(choice(r, "timing")[1] or r.get("recordedOn"), lang)
    site = concept_text(r.get("bodySite"), lang, doc_lang)
    return _join(
        name, ", ".join(p for p in (site, f"{word('since', lang)} {since}" if since else "") if p)
    )


def _flag(r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None) -> str:
    return _join(concept_text(r.get("code"), lang, doc_lang), date_of(r.get("period"), lang))


def _consent(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    scope = concept_text(r.get("scope"), lang, doc_lang)
    category = concept_text(first_concept(r, "category"), lang, doc_lang)
    provision = r.get("provision")
    decision = ""
    if isinstance(provision, Mapping):
        if isinstance(provision.get("type"), str):
            decision = word(provision["type"], lang)
        codes = [concept_text(c, lang, doc_lang) for c in as_list(provision.get("code"))]
        if codes:
            decision = f"{decision}: {', '.join(codes)}" if decision else ", ".join(codes)
    when = date_of(r.get("dateTime"), lang)
    return _join(category or scope, ", ".join(p for p in (decision, when) if p))


def _care_plan(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    title = str(r.get("title") or r.get("description") or "")
    if not title:
        title = concept_text(first_concept(r, "category"), lang, doc_lang)
    return _join(title, date_of(r.get("period"), lang))


def _clinical_impression(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    return str(
        r.get("summary") or r.get("description") or concept_text(r.get("code"), lang, doc_lang)
    )


def _patient(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    name = human_name(r.get("name"))
    born = r.get("birthDate")
    gender = r.get("gender")
    details = []
    if isinstance(gender, str):
        details.append(word(gender, lang))
    if isinstance(born, str):
        details.append(f"{word('born', lang)} {human_date(born[:10], lang)}")
    return _join(name, ", ".join(details))


def _practitioner(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    return human_name(r.get("name"))


def _practitioner_role(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    parts = []
    for key in ("practitioner", "organization"):
        ref = r.get(key)
        if isinstance(ref, Mapping):
            target = resolve(str(ref.get("reference", ""))) if resolve else None
            parts.append(
                summarise(target, lang, doc_lang=doc_lang)
                if target
                else str(ref.get("display", ""))
            )
    role = concept_text(first_concept(r, "code", "specialty"), lang, doc_lang)
    return ", ".join(p for p in (parts[0] if parts else "", role, *parts[1:]) if p)


def _organization(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    return str(r.get("name", ""))


def _document_reference(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    desc = str(r.get("description") or concept_text(r.get("type"), lang, doc_lang))
    return _join(desc, date_of(r.get("date"), lang))


def _specimen(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    kind = concept_text(r.get("type"), lang, doc_lang)
    collection = r.get("collection")
    when = (
        date_of(choice(collection, "collected")[1], lang) if isinstance(collection, Mapping) else ""
    )
    return _join(kind, when)


def _imaging_study(
    r: Mapping[str, Any], lang: Lang, doc_lang: str | None, resolve: Resolver | None
) -> str:
    desc = str(r.get("description") or "")
    if not desc:
        modalities = [concept_text(m, lang, doc_lang) for m in as_list(r.get("modality"))]
        desc = ", ".join(m for m in modalities if m)
    return _join(desc, date_of(r.get("started"), lang))


_BUILDERS: dict[str, Callable[[Mapping[str, Any], Lang, str | None, Resolver | None], str]] = {
    "Condition": _condition,
    "AllergyIntolerance": _allergy,
    "MedicationStatement": _medication_use,
    "MedicationRequest": _medication_use,
    "MedicationDispense": _medication_use,
    "MedicationAdministration": _medication_use,
    "Medication": _medication,
    "Immunization": _immunization,
    "Observation": _observation,
    "DiagnosticReport": _report,
    "Procedure": _procedure,
    "Device": _device,
    "DeviceUseStatement": _device_use,
    "Flag": _flag,
    "Consent": _consent,
    "CarePlan": _care_plan,
    "ClinicalImpression": _clinical_impression,
    "Patient": _patient,
    "Practitioner": _practitioner,
    "PractitionerRole": _practitioner_role,
    "Organization": _organization,
    "DocumentReference": _document_reference,
    "Specimen": _specimen,
    "ImagingStudy": _imaging_study,
}
