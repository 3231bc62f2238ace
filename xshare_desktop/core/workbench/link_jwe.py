"""The files of a link: JWE headers, decryption, fresh IVs, and the decrypted content."""

from __future__ import annotations

import orjson

from xshare_desktop.core.shl import client, health_card, jwe
from xshare_desktop.core.shl.content import (
    FHIR_JSON,
    MANIFEST_CONTENT_TYPES,
    SMART_API_ACCESS,
    SMART_HEALTH_CARD,
    base_media_type,
)
from xshare_desktop.core.workbench.content_tests import DocumentValidator
from xshare_desktop.core.workbench.link_payload import SPEC
from xshare_desktop.core.workbench.link_report import CaseLog, FetchedFile, LinkTestReport
from xshare_desktop.core.workbench.results import (
    CaseResult,
    failed,
    not_applicable,
    passed,
    verdict_of,
)

JWE_CASES = [
    ("shl.jwe.compact", "Each file is a compact JWE with an empty encrypted key (dir)"),
    ("shl.jwe.alg", "JWE alg is dir"),
    ("shl.jwe.enc", "JWE enc is A256GCM"),
    ("shl.jwe.cty", "JWE cty, when present, matches the manifest's contentType"),
    ("shl.jwe.zip", "JWE zip, when present, is DEF"),
    ("shl.jwe.decrypt", "Each file decrypts with the link's key"),
    ("shl.jwe.fresh-iv", "Each encryption uses a fresh IV"),
    ("shl.content.json", "Each decrypted file is what its content type says"),
]


def check_files(
    run: CaseLog, files: list[FetchedFile], key: bytes
) -> list[tuple[FetchedFile, bytes]]:
    if not files:
        run.skip(JWE_CASES, "Not reached: no file could be fetched.")
        return []
    problems: dict[str, list[str]] = {case_id: [] for case_id, _title in JWE_CASES}
    # Findings that are not failures: SHL STU1 has files carry cty, but receivers must not
    # depend on it (published links carry {alg, enc, kid} only; the manifest says the type).
    warnings: dict[str, list[str]] = {case_id: [] for case_id, _title in JWE_CASES}
    ivs: list[str] = []
    plaintexts: list[tuple[FetchedFile, bytes]] = []
    zipped = 0
    for file in files:
        name = f"file {file.index + 1} ({file.source})"
        token = file.token or ""
        parts = token.split(".")
        if len(parts) != 5 or parts[1]:
            problems["shl.jwe.compact"].append(
                f"{name} is not a five-part compact JWE with an empty key part"
            )
            for case_id in (
                "shl.jwe.alg",
                "shl.jwe.enc",
                "shl.jwe.cty",
                "shl.jwe.zip",
                "shl.jwe.decrypt",
            ):
                problems[case_id].append(f"{name}: not a JWE")
            continue
        ivs.append(parts[2])
        try:
            header = jwe.read_header(token)
        except jwe.BadEncryptedFile:
            problems["shl.jwe.compact"].append(f"{name} has a damaged header")
            continue
        if header.get("alg") != "dir":
            problems["shl.jwe.alg"].append(f"{name}: alg {header.get('alg')!r}")
        if header.get("enc") != "A256GCM":
            problems["shl.jwe.enc"].append(f"{name}: enc {header.get('enc')!r}")
        cty = header.get("cty")
        if cty is None:
            warnings["shl.jwe.cty"].append(
                f"{name}: no cty (the spec's files carry one; receivers that need it may fail)"
            )
        elif not isinstance(cty, str) or not cty:
            problems["shl.jwe.cty"].append(f"{name}: cty {cty!r} is not a content type")
        elif file.content_type and base_media_type(cty) != base_media_type(file.content_type):
            problems["shl.jwe.cty"].append(
                f"{name}: cty {cty!r} but the manifest says {file.content_type!r}"
            )
        if "zip" in header:
            zipped += 1
            if header["zip"] != "DEF":
                problems["shl.jwe.zip"].append(f"{name}: zip {header['zip']!r}")
        try:
            decrypted = jwe.decrypt(token, key)
        except jwe.BadEncryptedFile as exc:
            problems["shl.jwe.decrypt"].append(f"{name}: {exc}")
            continue
        plaintexts.append((file, decrypted.plaintext))
    for case_id, title in JWE_CASES[:6]:
        found = problems[case_id]
        noted = warnings[case_id]
        if found:
            run.add(failed(case_id, title, "; ".join(found + noted) + ".", reference=SPEC))
        elif case_id == "shl.jwe.zip" and not zipped:
            run.add(not_applicable(case_id, title, "No file is compressed."))
        elif noted:
            evidence = f"{len(files)} file(s) checked. Warning: " + "; ".join(noted) + "."
            run.add(passed(case_id, title, evidence, reference=SPEC, details={"warnings": noted}))
        else:
            run.add(passed(case_id, title, f"{len(files)} file(s) checked.", reference=SPEC))
    fresh_id, fresh_title = JWE_CASES[6]
    if len(ivs) < 2:
        run.add(not_applicable(fresh_id, fresh_title, "Only one encrypted file to compare."))
    else:
        run.add(
            CaseResult(
                fresh_id,
                fresh_title,
                verdict_of(len(set(ivs)) == len(ivs)),
                f"{len(set(ivs))} distinct IVs across {len(ivs)} files.",
                reference=SPEC,
            )
        )
    return plaintexts


def _content_problem(content_type: str, data: bytes) -> str | None:
    """Why ``data`` is not what ``content_type`` says (SHL STU1 "Manifest": the three types)."""
    try:
        body = orjson.loads(data)
    except orjson.JSONDecodeError:
        return "is not JSON"
    if not isinstance(body, dict):
        return "is not a JSON object"
    if content_type == SMART_HEALTH_CARD:
        try:
            cards = health_card.read_health_card_file(data)
        except health_card.BadHealthCard as exc:
            return f"is not a SMART Health Card file ({exc.message})"
        # A card from an issuer this machine does not trust is still a well-made card.
        broken = [f"card {c.index}: {c.reason}" for c in cards if c.status == health_card.INVALID]
        return "has broken cards: " + "; ".join(broken) if broken else None
    if content_type == SMART_API_ACCESS:
        missing = [name for name in ("access_token", "aud") if not isinstance(body.get(name), str)]
        return f"lacks {', '.join(missing)} (a SMART access token response)" if missing else None
    if not isinstance(body.get("resourceType"), str):
        return "has no resourceType"
    return None


def check_content(
    run: CaseLog,
    report: LinkTestReport,
    plaintexts: list[tuple[FetchedFile, bytes]],
    validator: DocumentValidator | None,
) -> None:
    case_id, title = JWE_CASES[7]
    if not plaintexts:
        run.add(not_applicable(case_id, title, "No decrypted file."))
        return
    problems = []
    documents = []
    kinds: dict[str, int] = {}
    for file, data in plaintexts:
        cty = None
        if file.token:
            try:
                header_cty = jwe.read_header(file.token).get("cty")
                cty = header_cty if isinstance(header_cty, str) else None
            except jwe.BadEncryptedFile:
                cty = None
        try:
            content_type = base_media_type(
                client.resolve_content_type(cty, file.content_type or None, data)
            )
        except client.BadResponse:
            problems.append(f"file {file.index + 1} does not say what it is and has no known shape")
            continue
        kinds[content_type] = kinds.get(content_type, 0) + 1
        if content_type not in MANIFEST_CONTENT_TYPES:
            continue  # shl.manifest.file-content-types judges the type itself
        problem = _content_problem(content_type, data)
        if problem:
            problems.append(f"file {file.index + 1} ({content_type}) {problem}")
            continue
        if content_type == FHIR_JSON:
            body = orjson.loads(data)
            if body.get("resourceType") == "Bundle" and body.get("type") == "document":
                documents.append((file, data))
    seen = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    run.add(
        CaseResult(
            case_id,
            title,
            verdict_of(not problems),
            "; ".join(problems) or f"{seen}; {len(documents)} FHIR document Bundle(s).",
            reference=SPEC,
        )
    )
    if validator is None:
        return
    for file, data in documents:
        report.documents.append(validator.validate_bytes(data, f"link-file-{file.index + 1}.json"))
