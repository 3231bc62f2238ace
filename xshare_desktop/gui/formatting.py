"""Dates, genders, identifiers, section titles and coded terms as the chosen UI language writes them."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def format_date(value: str | None) -> str:
    """A FHIR date/dateTime in the default locale: '12. marts 1948' / '12 March 1948'.

    Partial dates keep their precision ('marts 1948', '1948'); anything
    unparseable is shown as it is rather than hidden.
    """
    if not value:
        return ""
    match = _DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    locale = QLocale()
    danish = locale.language() == QLocale.Language.Danish
    if day:
        date = QDate(int(year), int(month), int(day))
        if date.isValid():
            return locale.toString(date, "d. MMMM yyyy" if danish else "d MMMM yyyy")
    if month:
        date = QDate(int(year), int(month), 1)
        if date.isValid():
            return locale.toString(date, "MMMM yyyy")
    return year


def format_moment(epoch: float) -> str:
    """A moment in local time: '4. december 2026 kl. 17.40' / '4 December 2026, 17:40'."""
    locale = QLocale()
    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    if locale.language() == QLocale.Language.Danish:
        return locale.toString(moment, "d. MMMM yyyy 'kl.' HH.mm")
    return locale.toString(moment, "d MMMM yyyy, HH:mm")


def format_gender(code: str | None) -> str:
    labels = {
        "male": QCoreApplication.translate("Formatting", "Male"),
        "female": QCoreApplication.translate("Formatting", "Female"),
        "other": QCoreApplication.translate("Formatting", "Other"),
        "unknown": QCoreApplication.translate("Formatting", "Unknown"),
    }
    return labels.get(code or "", code or "")


def document_kind_label(kind: str) -> str:
    return {
        "ips": QCoreApplication.translate("Formatting", "Patient summary"),
        "eu-lab": QCoreApplication.translate("Formatting", "Laboratory report"),
        "lab": QCoreApplication.translate("Formatting", "Laboratory report"),
    }.get(kind, QCoreApplication.translate("Formatting", "Health document"))


# SNOMED CT semantic tags: the hierarchy a concept's fully specified name ends with, e.g.
# "Gout (disorder)" (SNOMED CT Editorial Guide, "Semantic Tags"). They help coders, not citizens.
SNOMED_SEMANTIC_TAGS = (
    "administration method",
    "assessment scale",
    "attribute",
    "basic dose form",
    "body structure",
    "cell",
    "cell structure",
    "clinical drug",
    "disposition",
    "dose form",
    "environment",
    "environment / location",
    "ethnic group",
    "event",
    "finding",
    "geographic location",
    "inactive concept",
    "intended site",
    "life style",
    "link assertion",
    "linkage concept",
    "medicinal product",
    "medicinal product form",
    "morphologic abnormality",
    "namespace concept",
    "navigational concept",
    "observable entity",
    "occupation",
    "organism",
    "person",
    "physical force",
    "physical object",
    "procedure",
    "product",
    "product name",
    "qualifier value",
    "racial group",
    "record artifact",
    "regime/therapy",
    "release characteristic",
    "religion/philosophy",
    "role",
    "situation",
    "social concept",
    "special concept",
    "specimen",
    "staging scale",
    "state of matter",
    "substance",
    "supplier",
    "transformation",
    "tumor staging",
    "unit of presentation",
    "disorder",
)
_SEMANTIC_TAG = re.compile(
    r"\s+\((?:" + "|".join(re.escape(tag) for tag in SNOMED_SEMANTIC_TAGS) + r")\)(?=\W|$)"
)


def plain_term(text: str | None) -> str:
    """A coded term for people: "Gout (disorder) — active" -> "Gout — active".

    Only SNOMED CT semantic tags go; other words in brackets ("(treated with a pacemaker)")
    are part of what the writer meant and stay.
    """
    return _SEMANTIC_TAG.sub("", text or "")


# IPS section codes (LOINC) and their titles in the interface language (HL7 IPS 2.0.0,
# Composition.section slices): a Danish document read in English gets English titles.
SECTION_TITLES: dict[str, str] = {
    "11450-4": str(QT_TRANSLATE_NOOP("Sections", "Current problems and diagnoses")),
    "48765-2": str(QT_TRANSLATE_NOOP("Sections", "Allergies and intolerances")),
    "10160-0": str(QT_TRANSLATE_NOOP("Sections", "Medication")),
    "11369-6": str(QT_TRANSLATE_NOOP("Sections", "Immunisations")),
    "30954-2": str(QT_TRANSLATE_NOOP("Sections", "Test results")),
    "47519-4": str(QT_TRANSLATE_NOOP("Sections", "Operations and procedures")),
    "46264-8": str(QT_TRANSLATE_NOOP("Sections", "Medical devices and implants")),
    "8716-3": str(QT_TRANSLATE_NOOP("Sections", "Vital signs")),
    "11348-0": str(QT_TRANSLATE_NOOP("Sections", "Past illnesses")),
    "47420-5": str(QT_TRANSLATE_NOOP("Sections", "Functional status")),
    "18776-5": str(QT_TRANSLATE_NOOP("Sections", "Plan of care")),
    "29762-2": str(QT_TRANSLATE_NOOP("Sections", "Lifestyle and social history")),
    "10162-6": str(QT_TRANSLATE_NOOP("Sections", "Pregnancy")),
    "42348-3": str(QT_TRANSLATE_NOOP("Sections", "Advance directives")),
    "104605-1": str(QT_TRANSLATE_NOOP("Sections", "Alerts")),
    "81338-6": str(QT_TRANSLATE_NOOP("Sections", "Patient's own words")),
}


def section_title(section: Any) -> str:
    """A section's title in the interface language when its code is known, else the document's."""
    code = getattr(section, "code", None)
    source = SECTION_TITLES.get(code or "")
    if source is not None:
        return QCoreApplication.translate("Sections", source)
    return plain_term(getattr(section, "title", "") or getattr(section, "code_display", "") or "")
