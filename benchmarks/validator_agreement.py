"""Agreement with the HL7 Java validator on its own R4 test cases (FHIR/fhir-test-cases).

    python benchmarks/validator_agreement.py PATH [--module M] [--show-disagreements]

PATH is a copy of the fhir-test-cases repository: a checked-out folder or a bare git directory
(read with ``git show``). Nothing from it is stored in this project, and CI does not need it.

For each R4 case of ``validator/manifest.json`` that runs offline (no terminology server, no
package beyond the local FHIR package cache, no validator option this app does not have), the
case's file is validated and the verdict (valid = no error or fatal issue) is compared with the
Java validator's expected outcome (``outcomes/java/...`` or the inline ``errorCount``). Cases
are skipped, with the reason counted, when they need what we do not have. Prints agreement per
module and, with ``--show-disagreements``, every case we judge differently.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
# Modules that need a terminology server, another format or logical model, or a validator mode
# this app does not offer.
SKIPPED_MODULES = {
    "tx": "terminology server",
    "tx-advanced": "terminology server",
    "cda": "CDA logical model",
    "cdshooks": "CDS Hooks logical model",
    "logical": "logical models",
    "shc": "SMART Health Cards mode",
    "json5": "JSON5 parsing",
    "xver": "cross-version extensions",
    "package-versioning": "package version policies",
    "dsig": "digital signature checks",
    "matchetype": "matchetype comparison",
    "api": "API mode",
    "measure": "Measure evaluation",
    "questionnaire": "Questionnaire/Response rules",
    "sd": "StructureDefinition authoring rules",
    "security": "security-check mode",
    "scoring": "scoring mode",
    "versions": "version mode",
}
# Manifest options that change how the Java validator works, which we cannot reproduce.
UNSUPPORTED_OPTIONS = {
    "bundle-param": "bundle parameter",
    "validateReference": "reference-checking policy",
    "fetcher": "standalone fetcher",
    "assumeValidRestReferences": "assumed REST references",
    "r5-bundle-relative-reference-policy": "R5 reference policy",
    "validateContains": "contained-id policy",
    "fhir-validator-cli-options": "CLI options",
    "logical": "logical model",
    "ips": "IPS mode",
    "for-publication": "publication mode",
    "allowed-extension-domain": "allowed extension domains",
    "no-experimental-content": "experimental-content mode",
    "best-practice": "best-practice level",
    "language": "language mode",
    "crumb-trail": "crumb trail",
    "noHtmlInMarkdown": "markdown-without-HTML mode (HTML in markdown is a warning here)",
}
# Java findings that only a terminology server can make (display names, codes of SNOMED CT or
# LOINC): a case whose expected errors are all of this kind is not an offline case.
TX_FINDINGS = ("Wrong Display Name", "Unknown code", "Unknown Code", "Unable to check", "tx server")


class Source:
    """Files of the repository, from a working tree or a bare git directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = (path / "validator" / "manifest.json").is_file()
        if not self.tree and not (path / "HEAD").is_file() and not (path / ".git").exists():
            raise SystemExit(f"{path} is neither a copy of fhir-test-cases nor its git directory")

    def read(self, relative: str) -> bytes | None:
        if self.tree:
            target = self.path / relative
            return target.read_bytes() if target.is_file() else None
        found = subprocess.run(
            ["git", "--git-dir", str(self.path), "show", f"HEAD:{relative}"],
            capture_output=True,
        )
        return found.stdout if found.returncode == 0 else None


def _installed_packages(cache: Any) -> set[str]:
    return {f"{p.name}#{p.version}" for p in cache.list()} | {p.name for p in cache.list()}


def _skip_reason(case: Mapping[str, Any], installed: set[str]) -> str | None:
    if not str(case.get("version", "")).startswith("4.0"):
        return "not R4"
    if case.get("use-test") is False:
        return "disabled in the manifest"
    module = case.get("module") or "(default)"
    if module in SKIPPED_MODULES:
        return SKIPPED_MODULES[module]
    for option, reason in UNSUPPORTED_OPTIONS.items():
        if option in case:
            return reason
    for package in case.get("packages") or ():
        if package not in installed:
            return "package not installed"
    if case.get("examples") is False:
        return "example-URL refusal mode"
    java = case.get("java")
    if java is None:
        return "no Java expectation"
    return None


def _expected_errors(source: Source, java: Any) -> int | None:
    if isinstance(java, Mapping):
        count = java.get("errorCount")
        return int(count) if isinstance(count, int) else None
    raw = source.read(f"validator/outcomes/{java}") or source.read(f"validator/{java}")
    if raw is None:
        return None
    outcome = orjson.loads(raw)
    errors = [i for i in outcome.get("issue", []) if i.get("severity") in ("error", "fatal")]
    offline = [
        i
        for i in errors
        if not any(t in (i.get("details") or {}).get("text", "") for t in TX_FINDINGS)
    ]
    if errors and not offline:
        return -1  # every expected error needs a terminology server
    return len(offline)


class _WithSupporting:
    """The package context plus the case's own supporting profiles and value sets."""

    def __init__(self, context: Any, extra: list[dict[str, Any]]) -> None:
        self._context = context
        self._extra = {r["url"]: r for r in extra if isinstance(r.get("url"), str)}

    def _find(self, url: str, kind: str) -> dict[str, Any] | None:
        found = self._extra.get(url.split("|", 1)[0])
        return found if found is not None and found.get("resourceType") == kind else None

    def structure_definition(self, url: str) -> dict[str, Any] | None:
        return self._find(url, "StructureDefinition") or self._context.structure_definition(url)

    def value_set(self, url: str) -> dict[str, Any] | None:
        return self._find(url, "ValueSet") or self._context.value_set(url)

    def code_system(self, url: str) -> dict[str, Any] | None:
        return self._find(url, "CodeSystem") or self._context.code_system(url)

    def known_system_urls(self) -> set[str]:
        urls: set[str] = self._context.known_system_urls()
        return urls | {u for u, r in self._extra.items() if r.get("resourceType") == "CodeSystem"}


def _read_resource(data: bytes, name: str, context: Any) -> Any:
    from xshare_desktop.core.fhir_xml import looks_like_xml, read_fhir_xml
    from xshare_desktop.core.fileio import parse_json_bytes

    if looks_like_xml(data):
        return read_fhir_xml(data, context, name=name)[0]
    return parse_json_bytes(data, name=name)


def run_case(
    case: Mapping[str, Any], source: Source, context: Any, base_validator: Any
) -> tuple[bool, int, list[str]]:
    """(readable, our error count, our error messages)."""
    from xshare_desktop.core.errors import UserFacingError
    from xshare_desktop.core.validation.engine import Validator

    data = source.read(f"validator/{case['file']}")
    if data is None:
        raise FileNotFoundError(case["file"])
    supporting: list[dict[str, Any]] = []
    for name in [*(case.get("supporting") or ()), *(case.get("profiles") or ())]:
        raw = source.read(f"validator/{name}")
        if raw is not None:
            try:
                supporting.append(_read_resource(raw, name, context))
            except UserFacingError:
                pass
    validator = Validator(_WithSupporting(context, supporting)) if supporting else base_validator
    try:
        resource = _read_resource(data, case["file"], context)
    except UserFacingError as error:
        return False, 1, [error.message]
    result = validator.validate(resource)
    return True, len(result.errors), [f"{i.expression}: {i.message}" for i in result.errors]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("path", type=Path, help="a copy of FHIR/fhir-test-cases (or its git dir)")
    parser.add_argument("--module", action="append", help="only these modules")
    parser.add_argument("--show-disagreements", action="store_true")
    parser.add_argument("--cache", help="FHIR package cache (default: the usual one)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    from xshare_desktop.core.fhir_packages import ConformanceContext, PackageCache
    from xshare_desktop.core.validation.engine import Validator

    source = Source(args.path)
    manifest = orjson.loads(source.read("validator/manifest.json") or b"{}")
    cache = PackageCache(args.cache)
    installed = _installed_packages(cache)
    context = ConformanceContext.load(cache=cache, with_defaults=True)
    validator = Validator(context)

    skipped: Counter[str] = Counter()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    disagreements: list[str] = []
    for case in manifest.get("test-cases", []):
        reason = _skip_reason(case, installed)
        module = case.get("module") or "(default)"
        if reason is None and args.module and module not in args.module:
            reason = "module not selected"
        expected = None if reason else _expected_errors(source, case["java"])
        if reason is None and expected is None:
            reason = "expected outcome missing"
        if reason is None and expected == -1:
            reason = "expected errors need a terminology server"
        if reason is not None:
            skipped[reason] += 1
            continue
        assert expected is not None
        try:
            _readable, ours, messages = run_case(case, source, context, validator)
        except FileNotFoundError:
            skipped["case file missing"] += 1
            continue
        agree = (ours > 0) == (expected > 0)
        tally[module][0] += 1
        tally[module][1] += int(agree)
        if not agree:
            verdict = "invalid" if ours else "valid"
            disagreements.append(
                f"{module} {case['name']}: we say {verdict} ({ours} errors), "
                f"Java {expected} errors" + (f"; first: {messages[0]}" if messages else "")
            )

    total_cases = sum(n for n, _ in tally.values())
    total_agree = sum(a for _, a in tally.values())
    print(f"{'module':<12} {'cases':>5} {'agree':>5} {'%':>6}")
    for module in sorted(tally):
        n, agree = tally[module]
        print(f"{module:<12} {n:>5} {agree:>5} {100 * agree / n:>6.1f}")
    if total_cases:
        print(
            f"{'all':<12} {total_cases:>5} {total_agree:>5} {100 * total_agree / total_cases:>6.1f}"
        )
    print("skipped: " + ", ".join(f"{reason} {n}" for reason, n in skipped.most_common()))
    if args.show_disagreements:
        print("\n".join(disagreements))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
