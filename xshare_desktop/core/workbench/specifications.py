"""The content specifications a Yellow Button label is tested against, per EHDS category.

A specification is usable when the StructureDefinition of its document Bundle profile is in the
local FHIR package cache; the workbench never guesses a profile for one that is not installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages.cache import PackageCache
from xshare_desktop.core.fhir_packages.index import load_index
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

PATIENT_SUMMARY = "patient-summary"
LABORATORY_REPORT = "laboratory-report"
EPRESCRIPTION = "eprescription"
EDISPENSATION = "edispensation"
IMAGING_REPORT = "imaging-report"
HOSPITAL_DISCHARGE_REPORT = "hospital-discharge-report"

# The EHDS priority categories, in the order the xShare conformance statement lists them.
CATEGORY_TITLES: dict[str, str] = {
    PATIENT_SUMMARY: "Patient Summary",
    LABORATORY_REPORT: "Laboratory Report",
    EPRESCRIPTION: "ePrescription",
    EDISPENSATION: "eDispensation",
    IMAGING_REPORT: "Imaging Report",
    HOSPITAL_DISCHARGE_REPORT: "Hospital Discharge Report",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_TITLES)


@dataclass(frozen=True)
class ContentSpecification:
    spec_id: str
    category: str
    title: str
    profile: str
    package: str
    # "label" = named by the xShare IG 0.1.0 for the label; "development" = piloting only.
    status: str


SPECIFICATIONS: tuple[ContentSpecification, ...] = (
    ContentSpecification(
        "ips",
        PATIENT_SUMMARY,
        "HL7 International Patient Summary (IPS)",
        "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips",
        "hl7.fhir.uv.ips",
        "label",
    ),
    ContentSpecification(
        "eps",
        PATIENT_SUMMARY,
        "HL7 Europe Patient Summary (EPS)",
        "http://hl7.eu/fhir/eps/StructureDefinition/bundle-eu-eps",
        "hl7.fhir.eu.eps",
        "development",
    ),
    ContentSpecification(
        "eu-lab",
        LABORATORY_REPORT,
        "HL7 Europe Laboratory Report",
        "http://hl7.eu/fhir/laboratory/StructureDefinition/Bundle-eu-lab",
        "hl7.fhir.eu.laboratory",
        "label",
    ),
    ContentSpecification(
        "myhealtheu-lab",
        LABORATORY_REPORT,
        "MyHealth@EU Laboratory Report",
        "http://fhir.ehdsi.eu/laboratory/StructureDefinition/Bundle-lab-myhealtheu",
        "MyHealth@EU Laboratory Report package",
        "label",
    ),
    ContentSpecification(
        "eu-hdr",
        HOSPITAL_DISCHARGE_REPORT,
        "HL7 Europe Hospital Discharge Report",
        "http://hl7.eu/fhir/hdr/StructureDefinition/bundle-eu-hdr",
        "hl7.fhir.eu.hdr",
        "development",
    ),
    ContentSpecification(
        "eu-imaging",
        IMAGING_REPORT,
        "HL7 Europe Imaging Report",
        "http://hl7.eu/fhir/imaging/StructureDefinition/BundleReportEuImaging",
        "hl7.fhir.eu.imaging",
        "development",
    ),
)
_BY_ID = {spec.spec_id: spec for spec in SPECIFICATIONS}


def specification(spec_id: str) -> ContentSpecification:
    try:
        return _BY_ID[spec_id.strip().lower()]
    except KeyError:
        known = ", ".join(_BY_ID)
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "“{spec_id}” is not a content specification this workbench knows; choose one of {known}.",
            ).format(spec_id=spec_id, known=known)
        ) from None


def specifications_for(category: str) -> list[ContentSpecification]:
    return [spec for spec in SPECIFICATIONS if spec.category == category]


def installed_profiles(
    cache: PackageCache | None = None, wanted: Iterable[str] | None = None
) -> dict[str, str]:
    """Which of the ``wanted`` profile URLs (default: all known) are installed: url -> package id."""
    store = cache if cache is not None else PackageCache()
    targets = set(wanted) if wanted is not None else {spec.profile for spec in SPECIFICATIONS}
    found: dict[str, str] = {}
    for package in store.list():
        for entry in load_index(package.path):
            url = entry.get("url")
            if url in targets and url not in found:
                found[url] = f"{package.name}#{package.version}"
    return found


@dataclass(frozen=True)
class Availability:
    spec: ContentSpecification
    package: str | None  # name#version that defines the profile, None when not installed

    @property
    def installed(self) -> bool:
        return self.package is not None

    @property
    def status_text(self) -> str:
        if self.package:
            return f"installed ({self.package})"
        return "package not installed"


def availability(cache: PackageCache | None = None) -> list[Availability]:
    found = installed_profiles(cache)
    return [Availability(spec, found.get(spec.profile)) for spec in SPECIFICATIONS]


def require_installed(spec: ContentSpecification, cache: PackageCache | None = None) -> str:
    """The package id defining ``spec``'s profile; a plain-word error when it is missing."""
    found = installed_profiles(cache, [spec.profile]).get(spec.profile)
    if found is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "{title} cannot be tested: its package ({package}) is not installed in the FHIR package cache. Install it with `xshare packages install NAME#VERSION` or from a .tgz file, then run the check again.",
            ).format(title=spec.title, package=spec.package)
        )
    return found
