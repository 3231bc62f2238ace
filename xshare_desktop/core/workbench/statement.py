"""The xShare conformance statement, filled in from a declaration and test results.

The first matrix is EHDS category x (feature, side) x format, each cell saying whether the
product claims it and what the workbench found; the second lists processing options per
feature and side. Cells the workbench cannot test (PDF output, the consumer side) say
"self-assessed" instead of pretending to a result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.workbench.content_tests import ContentRun, DocumentReport
from xshare_desktop.core.workbench.declaration import (
    CONSUMER_SIDE,
    DOWNLOAD,
    FEATURE_TITLES,
    FHIR_DOCUMENT,
    FORMAT_TITLES,
    ONE_TIME_SHARE,
    PDF,
    PROCESSING_OPTIONS,
    PROVIDER_SIDE,
    YB_CONSUMER,
    YB_PROVIDER,
    Declaration,
)
from xshare_desktop.core.workbench.provider_checks import LinkTestReport
from xshare_desktop.core.workbench.results import CaseResult, Verdict
from xshare_desktop.core.workbench.specifications import CATEGORIES, CATEGORY_TITLES, specification

# The statement's columns: (feature, side); the IG defines no Download consumer test.
COLUMNS: tuple[tuple[str, str], ...] = (
    (DOWNLOAD, PROVIDER_SIDE),
    (ONE_TIME_SHARE, PROVIDER_SIDE),
    (ONE_TIME_SHARE, CONSUMER_SIDE),
)
FORMATS: tuple[str, ...] = (FHIR_DOCUMENT, PDF)

NOT_CLAIMED = "not-claimed"
PASSED = "passed"
FAILED = "failed"
NOT_TESTED = "not-tested"
SELF_ASSESSED = "self-assessed"
STATUS_TITLES = {
    NOT_CLAIMED: "—",
    PASSED: "Passed",
    FAILED: "Failed",
    NOT_TESTED: "Claimed, not tested",
    SELF_ASSESSED: "Claimed, self-assessed",
}


@dataclass(frozen=True)
class Cell:
    status: str
    specifications: tuple[str, ...] = ()
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "specifications": list(self.specifications),
            "note": self.note,
        }


def column_title(feature: str, side: str) -> str:
    return f"{FEATURE_TITLES[feature]} — {side.capitalize()}"


def _category_of(report: DocumentReport, fallback: str | None = None) -> str | None:
    """A document that could not be read still counts against the only declared category."""
    return specification(report.spec_id).category if report.spec_id else fallback


def _verdict(reports: Sequence[DocumentReport], extra_ok: bool = True) -> tuple[str, str]:
    if not reports:
        return NOT_TESTED, "no document of this category was tested"
    failed = [r for r in reports if not r.ok]
    if failed or not extra_ok:
        return (
            FAILED,
            f"{len(failed)} of {len(reports)} documents failed" if failed else "link rules failed",
        )
    return PASSED, f"{len(reports)} documents passed"


def _claimed(declaration: Declaration, feature: str, side: str, category: str, fmt: str) -> bool:
    role = YB_PROVIDER if side == PROVIDER_SIDE else YB_CONSUMER
    claim = declaration.claim_for(category)
    return (
        feature in declaration.features
        and role in declaration.roles
        and claim is not None
        and fmt in claim.formats
    )


def _consumer_cell(specs: tuple[str, ...], consumer: Sequence[CaseResult]) -> Cell:
    """Passed only when the vendor checked every test link and each behaved as expected."""
    checked = [case for case in consumer if case.verdict is not Verdict.NOT_APPLICABLE]
    if not checked:
        return Cell(SELF_ASSESSED, specs, "checked by hand with the published consumer test links")
    failed = [case for case in checked if case.failed]
    note = (
        f"{len(checked) - len(failed)} of {len(consumer)} test links behaved as expected "
        "(vendor-reported)"
    )
    if failed:
        return Cell(FAILED, specs, note)
    if len(checked) < len(consumer):
        return Cell(SELF_ASSESSED, specs, note + "; the others are not checked yet")
    return Cell(PASSED, specs, note)


def content_matrix(
    declaration: Declaration,
    content: ContentRun | None,
    links: Sequence[LinkTestReport],
    consumer: Sequence[CaseResult] = (),
) -> dict[str, dict[str, dict[str, Cell]]]:
    """category -> "feature/side" -> format -> Cell."""
    link_rules_ok = all(not case.failed for report in links for case in report.cases)
    categories = [claim.category for claim in declaration.content]
    fallback = categories[0] if len(categories) == 1 else None
    matrix: dict[str, dict[str, dict[str, Cell]]] = {}
    for category in CATEGORIES:
        claim = declaration.claim_for(category)
        specs = claim.specifications if claim else ()
        row: dict[str, dict[str, Cell]] = {}
        for feature, side in COLUMNS:
            cells: dict[str, Cell] = {}
            for fmt in FORMATS:
                if not _claimed(declaration, feature, side, category, fmt):
                    cells[fmt] = Cell(NOT_CLAIMED)
                elif fmt == PDF:
                    cells[fmt] = Cell(
                        SELF_ASSESSED, specs, "PDF output is not checked by the workbench"
                    )
                elif side == CONSUMER_SIDE:
                    cells[fmt] = _consumer_cell(specs, consumer)
                elif feature == DOWNLOAD:
                    reports = [
                        r
                        for r in (content.reports if content else [])
                        if _category_of(r, fallback) == category
                    ]
                    status, note = _verdict(reports)
                    cells[fmt] = Cell(status, specs, note)
                else:
                    reports = [
                        r
                        for link in links
                        for r in link.documents
                        if _category_of(r, fallback) == category
                    ]
                    if not links:
                        cells[fmt] = Cell(NOT_TESTED, specs, "no link was tested")
                    else:
                        status, note = _verdict(reports, link_rules_ok)
                        cells[fmt] = Cell(status, specs, note)
            row[f"{feature}/{side}"] = cells
        matrix[category] = row
    return matrix


def options_matrix(declaration: Declaration) -> list[dict[str, Any]]:
    """One row per processing option of a claimed feature: which sides claim it."""
    rows = []
    for feature, sides in PROCESSING_OPTIONS.items():
        if feature not in declaration.features:
            continue
        for side, options in sides.items():
            chosen = declaration.processing_options.get((feature, side), ())
            for option_id, title in options.items():
                rows.append(
                    {
                        "feature": feature,
                        "side": side,
                        "option": option_id,
                        "title": title,
                        "claimed": option_id in chosen,
                    }
                )
    return rows


def statement_as_dict(
    declaration: Declaration,
    content: ContentRun | None,
    links: Sequence[LinkTestReport],
    consumer: Sequence[CaseResult] = (),
) -> dict[str, Any]:
    matrix = content_matrix(declaration, content, links, consumer)
    return {
        "columns": [
            {"id": f"{feature}/{side}", "title": column_title(feature, side)}
            for feature, side in COLUMNS
        ],
        "formats": [{"id": fmt, "title": FORMAT_TITLES[fmt]} for fmt in FORMATS],
        "rows": [
            {
                "category": category,
                "title": CATEGORY_TITLES[category],
                "cells": {
                    column: {fmt: cell.as_dict() for fmt, cell in cells.items()}
                    for column, cells in matrix[category].items()
                },
            }
            for category in CATEGORIES
        ],
        "processingOptions": options_matrix(declaration),
    }
