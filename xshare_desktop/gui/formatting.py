"""Dates, genders and identifiers written the way the chosen UI language writes them."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

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
