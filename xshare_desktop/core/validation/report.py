"""Validation reports people and CI systems read: plain text, JUnit XML and a self-contained HTML page.

All three take the same ``ValidationResult`` list (one per file). Optionally the checked documents
(file -> JSON form) let the reports name the resource an issue belongs to (``Patient``, entry 3).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from xshare_desktop.core.validation.issues import ValidationIssue, ValidationResult
from xshare_desktop.core.validation.outcome import sorted_issues

SEVERITIES = ("fatal", "error", "warning", "information")
_RESOURCE_BOUNDARY = re.compile(r"\.(?:resource|contained\[\d+\])(?=\.|$)")
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Counts:
    fatal: int = 0
    error: int = 0
    warning: int = 0
    information: int = 0

    @property
    def failures(self) -> int:
        return self.fatal + self.error


def count(results: Sequence[ValidationResult]) -> Counts:
    tally = dict.fromkeys(SEVERITIES, 0)
    for result in results:
        for issue in result.issues:
            tally[issue.severity] = tally.get(issue.severity, 0) + 1
    return Counts(**tally)


def _file_label(result: ValidationResult, index: int) -> str:
    return result.file or f"document {index + 1}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def resource_location(expression: str) -> str:
    """The location of the resource an issue sits in: ``Bundle.entry[3].resource`` or the root.

    The innermost one wins: a contained resource inside an entry is its own resource.
    """
    boundaries = list(_RESOURCE_BOUNDARY.finditer(expression))
    if boundaries:
        return expression[: boundaries[-1].end()]
    return expression.split(".", 1)[0].split("[", 1)[0]


def _lookup(document: Any, location: str) -> Any:
    node = document
    for step in re.finditer(
        r"([^.\[\]]+)|\[(\d+)\]", location.split(".", 1)[1] if "." in location else ""
    ):
        name, index = step.group(1), step.group(2)
        if name is not None:
            node = node.get(name) if isinstance(node, dict) else None
        else:
            node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
        if node is None:
            return None
    return node


def resource_label(expression: str, document: Any = None) -> str:
    """A name for the resource an issue is in: ``Patient (entry 2)``, ``Bundle``."""
    location = resource_location(expression)
    kind = None
    if document is not None:
        found = _lookup(document, location)
        if isinstance(found, dict) and isinstance(found.get("resourceType"), str):
            kind = found["resourceType"]
    entry = re.search(r"\.entry\[(\d+)\]\.resource$", location)
    contained = re.search(r"\.contained\[(\d+)\]$", location)
    if entry:
        return f"{kind or 'Resource'} (entry {int(entry.group(1)) + 1})"
    if contained:
        return f"{kind or 'Resource'} (contained {int(contained.group(1)) + 1})"
    return kind or location


def _position(issue: ValidationIssue) -> str:
    if issue.line is None:
        return ""
    return f":{issue.line}:{issue.column}" if issue.column is not None else f":{issue.line}"


# -- text --------------------------------------------------------------------------------------


def render_text(results: Sequence[ValidationResult]) -> str:
    lines: list[str] = []
    for index, result in enumerate(results):
        label = _file_label(result, index)
        if result.unreadable:
            # Not a verdict on content: "FAILED - 1 error" would say the document was checked.
            lines.append(f"{label}: NOT CHECKED - the file could not be read")
            lines.extend(
                f"  {label}{_position(issue)} {issue.severity} {issue.message}"
                for issue in result.issues
            )
            continue
        tally = count([result])
        verdict = "FAILED" if tally.failures else "passed"
        profile = f" against {result.profile}" if result.profile else ""
        if result.profile and result.profile_version:
            profile += f" (version {result.profile_version})"
        lines.append(
            f"{label}: {verdict}{profile} - {_plural(tally.failures, 'error')}, "
            f"{_plural(tally.warning, 'warning')}, {tally.information} information "
            f"({result.duration_s * 1000:.0f} ms)"
        )
        for issue in sorted_issues(result.issues):
            source = f" [{issue.source}]" if issue.source else ""
            lines.append(
                f"  {label}{_position(issue)} {issue.severity}{source} {issue.message}"
                + (f" (at {issue.expression})" if issue.expression else "")
            )
    checked = [r for r in results if not r.unreadable]
    total = count(checked)
    failed = sum(1 for r in checked if not r.ok)
    unreadable = len(results) - len(checked)
    summary = []
    if checked or not unreadable:
        summary.append(
            f"{_plural(len(checked), 'file')} checked, {failed} with errors: "
            f"{_plural(total.failures, 'error')}, {_plural(total.warning, 'warning')}, "
            f"{total.information} information."
        )
    if unreadable:
        summary.append(
            f"{_plural(unreadable, 'file')} could not be read"
            + (" (no verdict)." if unreadable == 1 else " (no verdicts).")
        )
    lines.append(" ".join(summary))
    return "\n".join(lines) + "\n"


# -- JUnit XML ---------------------------------------------------------------------------------


def _xml_text(text: str) -> str:
    return _XML_UNSAFE.sub("\ufffd", text)


def _junit_unreadable(suites: ET.Element, label: str, result: ValidationResult) -> None:
    """A file that could not be read is a JUnit *error* (the test could not run), not a failure."""
    suite = ET.SubElement(
        suites, "testsuite", name=label, tests="1", failures="0", errors="1", skipped="0"
    )
    suite.set("time", "0.000")
    suite.set("timestamp", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"))
    case = ET.SubElement(suite, "testcase", classname=label, name="read the file", time="0")
    message = result.issues[0].message if result.issues else "The file could not be read."
    error = ET.SubElement(case, "error", message=_xml_text(message), type="unreadable")
    error.text = _xml_text(
        f"{label}{_position(result.issues[0]) if result.issues else ''} {message}"
    )


def render_junit(results: Sequence[ValidationResult]) -> str:
    """One testsuite per file; one failing testcase per error, one passing case for a clean file.

    Warnings and information go to the suite's ``system-out`` so CI shows them without failing.
    """
    readable = [r for r in results if not r.unreadable]
    total = count(readable)
    suites = ET.Element(
        "testsuites",
        name="xshare validate",
        tests=str(sum(1 if r.unreadable else max(1, len(r.errors)) for r in results)),
        failures=str(total.failures),
        errors=str(len(results) - len(readable)),
        time=f"{sum(r.duration_s for r in results):.3f}",
    )
    for index, result in enumerate(results):
        label = _xml_text(_file_label(result, index))
        if result.unreadable:
            _junit_unreadable(suites, label, result)
            continue
        errors = sorted_issues(result.errors)
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=label,
            tests=str(max(1, len(errors))),
            failures=str(len(errors)),
            errors="0",
            skipped="0",
            time=f"{result.duration_s:.3f}",
            timestamp=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        )
        if result.profile:
            properties = ET.SubElement(suite, "properties")
            ET.SubElement(properties, "property", name="profile", value=_xml_text(result.profile))
        if not errors:
            ET.SubElement(
                suite,
                "testcase",
                classname=label,
                name=f"conforms to {result.profile or 'its definitions'}",
                time=f"{result.duration_s:.3f}",
            )
        for issue in errors:
            name = issue.expression or "document"
            if issue.source:
                name += f" [{issue.source}]"
            case = ET.SubElement(suite, "testcase", classname=label, name=_xml_text(name), time="0")
            failure = ET.SubElement(
                case, "failure", message=_xml_text(issue.message), type=issue.code
            )
            failure.text = _xml_text(
                f"{label}{_position(issue)} {issue.severity} [{issue.source}] {issue.message}\n"
                f"at {issue.expression}"
            )
        others = [i for i in sorted_issues(result.issues) if not i.is_failure]
        if others:
            out = ET.SubElement(suite, "system-out")
            out.text = _xml_text(
                "\n".join(
                    f"{label}{_position(i)} {i.severity} [{i.source}] {i.message} "
                    f"(at {i.expression})"
                    for i in others
                )
            )
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


# -- HTML --------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:70rem;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem}
.meta{color:#555}.summary{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border-radius:.5rem;padding:.6rem 1rem;border:1px solid #ddd;min-width:7rem}
.card b{display:block;font-size:1.5rem}
.fatal,.error{border-left:.35rem solid #c62828}.warning{border-left:.35rem solid #ef6c00}
.information{border-left:.35rem solid #1565c0}
.verdict-pass{color:#2e7d32}.verdict-fail{color:#c62828}
details{margin:.4rem 0 .4rem 1rem}summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}
td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
.filters{font-weight:600;margin-right:.5rem}label{margin-right:1.2rem}
#show-warning:not(:checked)~main .sev-warning{display:none}
#show-information:not(:checked)~main .sev-information{display:none}
#show-error:not(:checked)~main .sev-error,#show-error:not(:checked)~main .sev-fatal{display:none}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_html(
    results: Sequence[ValidationResult],
    documents: Mapping[str, Any] | None = None,
    title: str = "Conformance report",
) -> str:
    readable = [r for r in results if not r.unreadable]
    total = count(readable)
    failed = sum(1 for r in readable if not r.ok)
    unreadable = len(results) - len(readable)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Self-contained: no scripts, no outside resources.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(_plural(len(results), "file"))} checked on {_e(generated)} by '
        "xShare Desktop, offline.</p>",
        '<div class="summary">',
        f'<div class="card"><b>{len(readable) - failed}</b>passed</div>',
        f'<div class="card error"><b>{failed}</b>failed</div>',
        *([f'<div class="card error"><b>{unreadable}</b>unreadable</div>'] if unreadable else []),
        f'<div class="card error"><b>{total.failures}</b>errors</div>',
        f'<div class="card warning"><b>{total.warning}</b>warnings</div>',
        f'<div class="card information"><b>{total.information}</b>information</div>',
        "</div>",
        # CSS-only filters: each box hides a severity in <main>, its sibling; no script needed.
        '<span class="filters">Show:</span>',
        '<input type="checkbox" id="show-error" checked><label for="show-error">errors</label>',
        '<input type="checkbox" id="show-warning" checked>'
        '<label for="show-warning">warnings</label>',
        '<input type="checkbox" id="show-information" checked>'
        '<label for="show-information">information</label>',
        "<main>",
    ]
    for index, result in enumerate(results):
        label = _file_label(result, index)
        document = (documents or {}).get(result.file or "")
        tally = count([result])
        verdict = (
            '<span class="verdict-fail">could not be read</span>'
            if result.unreadable
            else '<span class="verdict-fail">does not conform</span>'
            if tally.failures
            else '<span class="verdict-pass">conforms</span>'
        )
        out.append(f"<section><h2>{_e(label)}: {verdict}</h2>")
        if result.unreadable:
            out.append('<p class="meta">Not checked: the file could not be read.</p>')
        else:
            out.append(
                f'<p class="meta">Profile: <code>{_e(result.profile or "base definitions")}'
                f"</code> - {_e(_plural(tally.failures, 'error'))}, "
                f"{_e(_plural(tally.warning, 'warning'))}, "
                f"{tally.information} information - {result.duration_s * 1000:.0f} ms</p>"
            )
        if not result.issues:
            out.append("<p>No issues found.</p>")
        for severity in SEVERITIES:
            issues = [i for i in sorted_issues(result.issues) if i.severity == severity]
            if not issues:
                continue
            out.append(
                f'<details open class="sev-{severity}"><summary>'
                f"{_e(severity.capitalize())} ({len(issues)})</summary>"
            )
            groups: dict[str, list[ValidationIssue]] = {}
            for issue in issues:
                groups.setdefault(resource_label(issue.expression, document), []).append(issue)
            for resource, members in groups.items():
                out.append(
                    f"<details open><summary>{_e(resource)} ({len(members)})</summary>"
                    "<table><tr><th>Line</th><th>Message</th><th>Location</th><th>Rule</th></tr>"
                )
                for issue in members:
                    where = _position(issue).lstrip(":") or "-"
                    out.append(
                        f'<tr class="{_e(severity)}"><td>{_e(where)}</td>'
                        f"<td>{_e(issue.message)}</td><td><code>{_e(issue.expression)}</code></td>"
                        f"<td><code>{_e(issue.source)}</code></td></tr>"
                    )
                out.append("</table></details>")
            out.append("</details>")
        out.append("</section>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
