"""The evidence pack as one self-contained HTML page (and a plainer variant for PDF printing).

The screen variant uses CSS; the print variant sticks to what Qt's rich-text engine lays out
well (tables with borders and cell colours, no flexbox), because the PDF is rendered by it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from xshare_desktop.core.workbench.declaration import (
    ACTOR_TITLES,
    FEATURE_TITLES,
    FORMAT_TITLES,
    ROLE_TITLES,
)
from xshare_desktop.core.workbench.evidence_pack import EvidencePack, report_file_stem
from xshare_desktop.core.workbench.results import CaseResult, Verdict, tally
from xshare_desktop.core.workbench.specifications import CATEGORY_TITLES, specification
from xshare_desktop.core.workbench.statement import (
    COLUMNS,
    FAILED,
    FORMATS,
    NOT_CLAIMED,
    PASSED,
    STATUS_TITLES,
    column_title,
    content_matrix,
    options_matrix,
)

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:70em;color:#1d1d1f;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:2px solid #f2c500}
table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f6}.pass,.passed{background:#e3f5e1}.fail,.failed{background:#fde2e1}
.not-applicable,.not-claimed{color:#777}.self-assessed,.not-tested{background:#fff6d6}
.verdict{font-size:1.2em;padding:.6em 1em;border-radius:6px;display:inline-block}
.meta{color:#555}code{font-size:.9em}td.evidence{font-size:.92em}
"""
_PRINT_COLOURS = {
    "pass": "#e3f5e1",
    "passed": "#e3f5e1",
    "fail": "#fde2e1",
    "failed": "#fde2e1",
    "self-assessed": "#fff6d6",
    "not-tested": "#fff6d6",
}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


class _Writer:
    def __init__(self, for_print: bool) -> None:
        self.for_print = for_print
        self.out: list[str] = []

    def add(self, text: str) -> None:
        self.out.append(text)

    def table_open(self) -> None:
        if self.for_print:
            self.add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
        else:
            self.add("<table>")

    def cell(self, text: str, css: str = "", *, header: bool = False, raw: bool = False) -> None:
        tag = "th" if header else "td"
        content = text if raw else _e(text)
        if self.for_print:
            colour = _PRINT_COLOURS.get(css)
            bg = f' bgcolor="{colour}"' if colour else ""
            self.add(f"<{tag}{bg}>{content}</{tag}>")
        else:
            cls = f' class="{_e(css)}"' if css else ""
            self.add(f"<{tag}{cls}>{content}</{tag}>")


def _verdict_text(verdict: Verdict) -> str:
    return {Verdict.PASS: "Pass", Verdict.FAIL: "Fail", Verdict.NOT_APPLICABLE: "Not applicable"}[
        verdict
    ]


def _cases_table(w: _Writer, cases: Sequence[CaseResult]) -> None:
    w.table_open()
    w.add("<tr>")
    for heading in ("Test case", "What it checks", "Verdict", "Evidence"):
        w.cell(heading, header=True)
    w.add("</tr>")
    for case in cases:
        w.add("<tr>")
        w.cell(f"<code>{_e(case.case_id)}</code>", raw=True)
        w.cell(case.title)
        w.cell(_verdict_text(case.verdict), case.verdict.value)
        w.cell(case.evidence, "evidence")
        w.add("</tr>")
    w.add("</table>")


def render_evidence_html(pack: EvidencePack, *, for_print: bool = False) -> str:
    declaration = pack.declaration
    counts = pack.tally
    w = _Writer(for_print)
    title = f"xShare Yellow Button label evidence: {declaration.product}"
    w.add('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">')
    if not for_print:
        w.add('<meta name="viewport" content="width=device-width, initial-scale=1">')
        w.add(
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'\">"
        )
        w.add(f"<style>{_CSS}</style>")
    w.add(f"<title>{_e(title)}</title></head><body>")
    w.add(f"<h1>{_e(title)}</h1>")
    product = " ".join(p for p in (declaration.product, declaration.product_version) if p)
    vendor = f" by {declaration.vendor}" if declaration.vendor else ""
    generated = pack.generated.strftime("%Y-%m-%d %H:%M UTC")
    w.add(
        f'<p class="meta">{_e(product)}{_e(vendor)}. Checked on {_e(generated)} with xShare '
        "Desktop, offline: nothing was uploaded.</p>"
    )
    verdict_css = "pass" if pack.ok else "fail"
    verdict = (
        f"All {counts.passed} applicable test cases passed"
        if pack.ok
        else f"{counts.failed} of {counts.passed + counts.failed} applicable test cases failed"
        if counts.failed
        else "No test case ran"
    )
    if for_print:
        w.add(
            f'<table border="0" cellpadding="8"><tr><td bgcolor="{_PRINT_COLOURS[verdict_css]}">'
            f"<b>{_e(verdict)}</b> ({counts.not_applicable} not applicable)</td></tr></table>"
        )
    else:
        w.add(
            f'<p class="verdict {verdict_css}"><b>{_e(verdict)}</b> '
            f"({counts.not_applicable} not applicable)</p>"
        )

    w.add("<h2>Declaration</h2>")
    w.table_open()
    rows = [
        ("Features", ", ".join(FEATURE_TITLES[f] for f in declaration.features)),
        ("Roles", ", ".join(ROLE_TITLES[r] for r in declaration.roles)),
        ("Acts as", ", ".join(ACTOR_TITLES[a] for a in declaration.actors)),
        (
            "Content",
            "; ".join(
                f"{CATEGORY_TITLES[c.category]}: "
                + ", ".join(specification(s).title for s in c.specifications)
                + " ("
                + ", ".join(FORMAT_TITLES[f] for f in c.formats)
                + ")"
                for c in declaration.content
            ),
        ),
    ]
    for name, value in rows:
        w.add("<tr>")
        w.cell(name, header=True)
        w.cell(value)
        w.add("</tr>")
    w.add("</table>")

    _statement(w, pack)
    _options(w, pack)
    _content_section(w, pack)
    _links_section(w, pack)
    if pack.consumer:
        w.add("<h2>Consumer test links (Link Consumer, reported by the vendor)</h2>")
        _cases_table(w, pack.consumer)
    w.add(
        '<p class="meta">Cells marked “self-assessed” are claims this workbench cannot test '
        "automatically (PDF output, consumer behaviour); the vendor answers for them, as for "
        "the Bronze label. Test cases follow the xShare Yellow Button IG 0.1.0 and HL7 SMART "
        "Health Links STU1.</p>"
    )
    w.add("</body></html>")
    return "\n".join(w.out)


def _statement(w: _Writer, pack: EvidencePack) -> None:
    matrix = content_matrix(pack.declaration, pack.content, pack.links, pack.consumer)
    w.add("<h2>Conformance statement</h2>")
    w.table_open()
    w.add("<tr>")
    w.cell("EHDS category", header=True)
    for feature, side in COLUMNS:
        w.add(f'<th colspan="{len(FORMATS)}">{_e(column_title(feature, side))}</th>')
    w.add("</tr><tr>")
    w.cell("", header=True)
    for _column in COLUMNS:
        for fmt in FORMATS:
            w.cell(FORMAT_TITLES[fmt], header=True)
    w.add("</tr>")
    for category, row in matrix.items():
        w.add("<tr>")
        w.cell(CATEGORY_TITLES[category], header=True)
        for feature, side in COLUMNS:
            for fmt in FORMATS:
                cell = row[f"{feature}/{side}"][fmt]
                text = STATUS_TITLES[cell.status]
                if cell.status not in (NOT_CLAIMED,) and cell.specifications:
                    names = ", ".join(specification(s).spec_id.upper() for s in cell.specifications)
                    text = f"{text} ({names})"
                detail = (
                    f"<br><small>{_e(cell.note)}</small>"
                    if cell.note and cell.status in (PASSED, FAILED)
                    else ""
                )
                w.cell(_e(text) + detail, cell.status, raw=True)
        w.add("</tr>")
    w.add("</table>")


def _options(w: _Writer, pack: EvidencePack) -> None:
    rows = options_matrix(pack.declaration)
    if not rows:
        return
    w.add("<h2>Processing options</h2>")
    w.table_open()
    w.add("<tr>")
    for heading in ("Feature", "Side", "Option", "Claimed"):
        w.cell(heading, header=True)
    w.add("</tr>")
    for row in rows:
        w.add("<tr>")
        w.cell(FEATURE_TITLES[row["feature"]])
        w.cell(str(row["side"]).capitalize())
        w.cell(row["title"])
        w.cell(
            "Yes" if row["claimed"] else "—", "self-assessed" if row["claimed"] else "not-claimed"
        )
        w.add("</tr>")
    w.add("</table>")


def _content_section(w: _Writer, pack: EvidencePack) -> None:

    if pack.content is None:
        return
    run = pack.content
    counts = tally(run.cases)
    w.add("<h2>Content tests (Content Creator)</h2>")
    w.add(
        f"<p>{len(run.reports)} documents, {counts.passed} passed, {counts.failed} failed "
        f"({run.executor}, {run.workers} worker(s), {run.duration_s:.1f} s).</p>"
    )
    w.table_open()
    w.add("<tr>")
    for heading in ("Document", "Specification", "Errors", "Warnings", "Verdict", "Evidence"):
        w.cell(heading, header=True)
    w.add("</tr>")
    for report in run.reports:
        case = report.case()
        w.add("<tr>")
        if report.result is not None and not w.for_print:
            link = _e(report_file_stem(report.name) + ".html")
            w.cell(f'<a href="{link}">{_e(report.name)}</a>', raw=True)
        else:
            w.cell(report.name)
        w.cell(specification(report.spec_id).title if report.spec_id else "—")
        w.cell(str(report.error_count))
        w.cell(str(report.warning_count))
        w.cell(_verdict_text(case.verdict), case.verdict.value)
        w.cell(case.evidence, "evidence")
        w.add("</tr>")
    w.add("</table>")


def _links_section(w: _Writer, pack: EvidencePack) -> None:
    for index, report in enumerate(pack.links, start=1):
        named = f" “{report.label}”" if report.label else ""
        w.add(f"<h2>Link tests (Link Provider): link {index}{_e(named)}</h2>")
        flags = report.flags or "none"
        w.add(f"<p>Flags: {_e(flags)}. The link's key and passcode are not kept in this pack.</p>")
        _cases_table(w, report.all_cases)
