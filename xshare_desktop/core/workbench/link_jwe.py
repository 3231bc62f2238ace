"""The files of a link: JWE headers, decryption, fresh IVs, and the decrypted content."""

from __future__ import annotations

import orjson

from xshare_desktop.core.shl import jwe
from xshare_desktop.core.shl.content import FHIR_JSON, base_media_type
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
    ("shl.jwe.cty", "JWE cty is present and matches the manifest's contentType"),
    ("shl.jwe.zip", "JWE zip, when present, is DEF"),
    ("shl.jwe.decrypt", "Each file decrypts with the link's key"),
    ("shl.jwe.fresh-iv", "Each encryption uses a fresh IV"),
    ("shl.content.json", "Decrypted FHIR files are JSON resources"),
]


def check_files(
    run: CaseLog, files: list[FetchedFile], key: bytes
) -> list[tuple[FetchedFile, bytes]]:
    if not files:
        run.skip(JWE_CASES, "Not reached: no file could be fetched.")
        return []
    problems: dict[str, list[str]] = {case_id: [] for case_id, _title in JWE_CASES}
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
        if not isinstance(cty, str) or not cty:
            problems["shl.jwe.cty"].append(f"{name}: no cty")
        elif base_media_type(cty) != base_media_type(file.content_type):
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
        if found:
            run.add(failed(case_id, title, "; ".join(found) + ".", reference=SPEC))
        elif case_id == "shl.jwe.zip" and not zipped:
            run.add(not_applicable(case_id, title, "No file is compressed."))
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


def check_content(
    run: CaseLog,
    report: LinkTestReport,
    plaintexts: list[tuple[FetchedFile, bytes]],
    validator: DocumentValidator | None,
) -> None:
    case_id, title = JWE_CASES[7]
    fhir = [(f, data) for f, data in plaintexts if base_media_type(f.content_type) == FHIR_JSON]
    if not fhir:
        run.add(not_applicable(case_id, title, "No decrypted FHIR file."))
        return
    problems = []
    documents = []
    for file, data in fhir:
        try:
            body = orjson.loads(data)
        except orjson.JSONDecodeError:
            problems.append(f"file {file.index + 1} is not JSON")
            continue
        if not isinstance(body, dict) or not isinstance(body.get("resourceType"), str):
            problems.append(f"file {file.index + 1} has no resourceType")
            continue
        if body.get("resourceType") == "Bundle" and body.get("type") == "document":
            documents.append((file, data))
    run.add(
        CaseResult(
            case_id,
            title,
            verdict_of(not problems),
            "; ".join(problems)
            or f"{len(fhir)} FHIR file(s), {len(documents)} document Bundle(s).",
        )
    )
    if validator is None:
        return
    for file, data in documents:
        report.documents.append(validator.validate_bytes(data, f"link-file-{file.index + 1}.json"))
