"""Which package defines a canonical URL, for telling people what to install.

A document names its specification by profile URL (``meta.profile``) or, for the document types
xShare knows, by its Composition type. When the package is not installed the validator says
which package it is instead of checking the document against something it does not claim.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownSpecification:
    title: str
    package: str  # the FHIR package name to install
    canonical: str  # the canonical base every URL of the package starts with
    document_profile: str | None = None  # the document Bundle profile
    composition_loinc: str | None = None  # Composition.type of its documents


KNOWN_SPECIFICATIONS: tuple[KnownSpecification, ...] = (
    KnownSpecification(
        "HL7 International Patient Summary (IPS)",
        "hl7.fhir.uv.ips",
        "http://hl7.org/fhir/uv/ips/",
        "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips",
        "60591-5",
    ),
    KnownSpecification(
        "HL7 Europe Laboratory Report",
        "hl7.fhir.eu.laboratory",
        "http://hl7.eu/fhir/laboratory/",
        "http://hl7.eu/fhir/laboratory/StructureDefinition/Bundle-eu-lab",
        "11502-2",
    ),
    KnownSpecification(
        "HL7 Europe Patient Summary (EPS)", "hl7.fhir.eu.eps", "http://hl7.eu/fhir/eps/"
    ),
    KnownSpecification(
        "HL7 Europe Hospital Discharge Report", "hl7.fhir.eu.hdr", "http://hl7.eu/fhir/hdr/"
    ),
    KnownSpecification(
        "HL7 Europe Imaging Report", "hl7.fhir.eu.imaging", "http://hl7.eu/fhir/imaging/"
    ),
    KnownSpecification("HL7 Europe base and core", "hl7.fhir.eu.base", "http://hl7.eu/fhir/base/"),
    KnownSpecification(
        "HL7 Europe extensions", "hl7.fhir.eu.extensions", "http://hl7.eu/fhir/StructureDefinition/"
    ),
    KnownSpecification(
        "FHIR extensions pack",
        "hl7.fhir.uv.extensions.r4",
        "http://hl7.org/fhir/StructureDefinition/",
    ),
)


def specification_of(url: str) -> KnownSpecification | None:
    """The specification whose package defines ``url`` (the longest matching canonical)."""
    base = url.split("|", 1)[0]
    matches = [s for s in KNOWN_SPECIFICATIONS if base.startswith(s.canonical)]
    return max(matches, key=lambda s: len(s.canonical)) if matches else None


def specification_for_document_type(loinc: str) -> KnownSpecification | None:
    return next((s for s in KNOWN_SPECIFICATIONS if s.composition_loinc == loinc), None)


def install_hint(url: str) -> str:
    """``" (HL7 Europe Laboratory Report: install it with 'xshare packages install ...')"``."""
    spec = specification_of(url)
    if spec is None:
        return " (install the package that defines it)"
    return (
        f" (it belongs to {spec.title}: install it with 'xshare packages install {spec.package}')"
    )
