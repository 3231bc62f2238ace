"""Verify what was received: one call for every shape this app writes.

``verify_path`` accepts a file with ``<name>.jws`` beside it (or the ``.jws``
itself), a Bundle carrying ``Bundle.signature``, an xShare package zip, or any
of these password-protected as a ``.jwe``. It never writes anything. Problems
inside the content (a changed file, a bad or untrusted signature, an expired
certificate) end up in the report; input that cannot be read at all (a wrong
password, a hostile or damaged container) raises ``UserFacingError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import parse_json_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.signing.bundle_signature import has_bundle_signature, verify_bundle
from xshare_desktop.core.signing.certificates import utc_now
from xshare_desktop.core.signing.jws import SIGNATURE_SUFFIX, SignatureCheck, verify_detached
from xshare_desktop.core.signing.password import (
    PROTECTED_SUFFIX,
    looks_like_compact_jwe,
    unprotect_bytes,
)
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.core.signing.verification_report import (
    FileResult,
    FileState,
    Verdict,
    VerificationReport,
)
from xshare_desktop.core.signing.xshare_package import (
    MANIFEST_NAME,
    MANIFEST_SIGNATURE_NAME,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    PACKAGE_FORMAT,
    PACKAGE_FORMAT_VERSION,
    is_zip,
    read_package,
)

# The report types moved to verification_report.py; importers may still name them here.
__all__ = [
    "MAX_SIGNATURE_FILE_BYTES",
    "FileResult",
    "FileState",
    "Verdict",
    "VerificationReport",
    "verify_package_bytes",
    "verify_path",
]

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
MAX_SIGNATURE_FILE_BYTES = 256 * 1024
_DAMAGED_PREFIX = "The signature file is damaged: "


def _describe_signer(check: SignatureCheck) -> Message:
    if check.signer:
        return Message.plain(check.signer)
    return QT_TRANSLATE_NOOP("Core", "an unknown signer")


def _judge(
    files: list[FileResult],
    signatures: list[SignatureCheck],
    *,
    unsigned_reason: Message | None,
) -> tuple[Verdict, Message]:
    broken = [f for f in files if f.state is not FileState.INTACT]
    if broken:
        first = broken[0]
        if len(broken) == 1:
            return Verdict.FAILED, first.text
        return Verdict.FAILED, QT_TRANSLATE_NOOP(
            "Core", "{problem} (and {count} more problem(s))"
        ).format(problem=first.text, count=len(broken) - 1)
    failed = [s for s in signatures if s.status == "failed"]
    if failed:
        if failed[0].findings:
            return Verdict.FAILED, failed[0].findings[0]
        return Verdict.FAILED, QT_TRANSLATE_NOOP("Core", "A signature is not valid.")
    if unsigned_reason is not None or not signatures:
        return Verdict.UNSIGNED, unsigned_reason or QT_TRANSLATE_NOOP(
            "Core", "Not signed: nobody vouches for who made it."
        )
    untrusted = [s for s in signatures if s.status == "untrusted"]
    if untrusted:
        check = untrusted[0]
        reason = (
            Message.plain(check.untrusted_reason)
            if check.untrusted_reason
            else QT_TRANSLATE_NOOP("Core", "no trusted issuer vouches for them.")
        )
        return Verdict.UNTRUSTED, QT_TRANSLATE_NOOP(
            "Core", "Intact, but the signer {signer} is not trusted: {reason}"
        ).format(signer=_describe_signer(check), reason=reason)
    signers = sorted({s.signer for s in signatures if s.signer})
    anchors = sorted({s.trust_anchor for s in signatures if s.trust_anchor})
    return Verdict.VERIFIED, QT_TRANSLATE_NOOP(
        "Core", "Intact — signed by {signers} (trusted issuer {anchors})."
    ).format(
        signers=", ".join(signers) if signers else QT_TRANSLATE_NOOP("Core", "an unknown signer"),
        anchors=", ".join(anchors),
    )


def _signature_file_state(check: SignatureCheck, name: str) -> tuple[FileState, Message]:
    if check.intact:
        return FileState.INTACT, QT_TRANSLATE_NOOP(
            "Core", "{name} is exactly as it was signed."
        ).format(name=name)
    if check.problems and check.problems[0].startswith(_DAMAGED_PREFIX):
        # jws.py's "The signature file is damaged: <why>." with <why> from the token's parser.
        why = check.problems[0].removeprefix(_DAMAGED_PREFIX).removesuffix(".")
        return FileState.CHANGED, QT_TRANSLATE_NOOP(
            "Core", "{name}: The signature file is damaged: {why}."
        ).format(name=name, why=why)
    return (
        FileState.CHANGED,
        QT_TRANSLATE_NOOP(
            "Core", "{name} was changed after it was signed, or the signature is not its own."
        ).format(name=name),
    )


def _check_content(
    name: str, data: bytes, signature_token: str | None, trust: TrustStore, now: dt.datetime
) -> FileResult:
    """One file with its detached signature and/or Bundle.signature."""
    result = FileResult(
        name,
        FileState.INTACT,
        QT_TRANSLATE_NOOP("Core", "{name} has no signature.").format(name=name),
        size=len(data),
    )
    if signature_token is not None:
        check = verify_detached(data, signature_token, trust, now=now)
        check.label = name + SIGNATURE_SUFFIX
        result.signatures.append(check)
        result.content_type = check.content_type
        result.state, result.text = _signature_file_state(check, name)
    if name.lower().endswith(".json") or data[:1] == b"{":
        try:
            tree = parse_json_bytes(data, name=name)
        except UserFacingError:
            tree = None
        if has_bundle_signature(tree):
            check = verify_bundle(data, trust, name=name, now=now)
            check.label = "Bundle.signature"
            result.signatures.append(check)
            if not check.intact:
                result.state = FileState.CHANGED
                result.text = QT_TRANSLATE_NOOP(
                    "Core",
                    "{name}: the Bundle.signature does not match the document; it was changed after signing.",
                ).format(name=name)
            elif signature_token is None:
                result.text = QT_TRANSLATE_NOOP(
                    "Core", "{name} is exactly as it was signed (Bundle.signature)."
                ).format(name=name)
    return result


def _read_signature_text(data: bytes | None) -> str | None:
    if data is None:
        return None
    if len(data) > MAX_SIGNATURE_FILE_BYTES:
        return "."  # a shape verify_detached reports as damaged
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        return "."


def _load_manifest(manifest_bytes: bytes) -> dict[str, Any]:
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The package was refused: its manifest is far too large.")
        )
    manifest = parse_json_bytes(manifest_bytes, name="The package manifest", max_depth=10)
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "This zip is not an xShare package (its manifest is not ours)."
            )
        )
    version = manifest.get("formatVersion")
    if not isinstance(version, int) or version > PACKAGE_FORMAT_VERSION:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This xShare package uses format version {version}; this app reads version {PACKAGE_FORMAT_VERSION}. Update the app to open it.",
            ).format(version=version, PACKAGE_FORMAT_VERSION=PACKAGE_FORMAT_VERSION)
        )
    entries = manifest.get("files")
    if not isinstance(entries, list) or len(entries) > MAX_MEMBERS:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The package manifest has no usable list of files.")
        )
    names: set[str] = set()
    for entry in entries:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("name"), str)
            or not isinstance(entry.get("sha256"), str)
            or not _SHA256_HEX.match(entry["sha256"])
            or not isinstance(entry.get("size"), int)
        ):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "The package manifest is damaged: a file entry is incomplete."
                )
            )
        if entry["name"] in names:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "The package manifest lists {entry} twice.").format(
                    entry=entry["name"]
                )
            )
        names.add(entry["name"])
    return manifest


def verify_package_bytes(
    data: bytes,
    *,
    source: str,
    trust: TrustStore,
    now: dt.datetime,
    protected: bool = False,
    progress: Progress | None = None,
    outer: FileResult | None = None,
) -> VerificationReport:
    """Verify a package; ``outer`` is the zip's own detached signature, when it has one."""
    progress = ensure_progress(progress)
    contents = read_package(data)
    members = contents.members
    if MANIFEST_NAME in contents.damaged:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The package's manifest is damaged and cannot be read.")
        )
    if MANIFEST_NAME not in members:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "This zip is not an xShare package: it has no manifest.json.")
        )
    manifest_bytes = members[MANIFEST_NAME]
    manifest = _load_manifest(manifest_bytes)
    manifest_check = None
    if MANIFEST_SIGNATURE_NAME in members or MANIFEST_SIGNATURE_NAME in contents.damaged:
        token = _read_signature_text(members.get(MANIFEST_SIGNATURE_NAME, b"."))
        manifest_check = verify_detached(manifest_bytes, token or ".", trust, now=now)
        manifest_check.label = MANIFEST_SIGNATURE_NAME
    files: list[FileResult] = []
    listed = {entry["name"]: entry for entry in manifest["files"]}
    total = len(listed)
    for index, (name, entry) in enumerate(listed.items()):
        progress.step(index, total, name)
        is_signature = name.endswith(SIGNATURE_SUFFIX)
        if name in contents.damaged:
            files.append(
                FileResult(
                    name,
                    FileState.CHANGED,
                    QT_TRANSLATE_NOOP("Core", "{name} is damaged inside the package.").format(
                        name=name
                    ),
                    is_signature_file=is_signature,
                )
            )
            continue
        if name not in members:
            files.append(
                FileResult(
                    name,
                    FileState.MISSING,
                    QT_TRANSLATE_NOOP(
                        "Core", "{name} is listed in the manifest but missing."
                    ).format(name=name),
                    is_signature_file=is_signature,
                )
            )
            continue
        blob = members[name]
        if hashlib.sha256(blob).hexdigest() != entry["sha256"] or len(blob) != entry["size"]:
            files.append(
                FileResult(
                    name,
                    FileState.CHANGED,
                    QT_TRANSLATE_NOOP(
                        "Core", "{name} was changed: it no longer matches the manifest."
                    ).format(name=name),
                    size=len(blob),
                    is_signature_file=is_signature,
                )
            )
            continue
        if is_signature:
            files.append(
                FileResult(
                    name,
                    FileState.INTACT,
                    QT_TRANSLATE_NOOP("Core", "{name} matches the manifest.").format(name=name),
                    size=len(blob),
                    is_signature_file=True,
                )
            )
            continue
        signature_name = name + SIGNATURE_SUFFIX
        token = (
            _read_signature_text(members.get(signature_name)) if signature_name in listed else None
        )
        result = _check_content(name, blob, token, trust, now)
        result.content_type = result.content_type or (
            entry.get("contentType") if isinstance(entry.get("contentType"), str) else None
        )
        if result.state is FileState.INTACT and not result.signatures:
            result.text = QT_TRANSLATE_NOOP("Core", "{name} matches the manifest.").format(
                name=name
            )
        files.append(result)
    for name in members.keys() | contents.damaged.keys():
        if name not in listed and name not in (MANIFEST_NAME, MANIFEST_SIGNATURE_NAME):
            files.append(
                FileResult(
                    name,
                    FileState.UNEXPECTED,
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{name} is in the package but not in its manifest; it was added later.",
                    ).format(name=name),
                )
            )
    if outer is not None:
        files.insert(0, outer)
    signatures = [s for f in files for s in f.signatures]
    if manifest_check is not None:
        signatures.insert(0, manifest_check)
    unsigned_reason = None
    if manifest_check is None and outer is None:
        unsigned_reason = QT_TRANSLATE_NOOP(
            "Core",
            "The files match the package's list, but the package is not signed, so nothing proves who made it or that the list itself was not replaced.",
        )
    verdict, headline = _judge(files, signatures, unsigned_reason=unsigned_reason)
    if manifest_check is not None and not manifest_check.intact and verdict is Verdict.FAILED:
        headline = QT_TRANSLATE_NOOP(
            "Core", "The package's file list (manifest) was changed after it was signed."
        )
    report = VerificationReport(
        source=source,
        kind="package",
        verdict=verdict,
        summary=headline,
        files=files,
        protected=protected,
        package={
            "created": manifest.get("created"),
            "app": manifest.get("app"),
            "signer": manifest.get("signer"),
        },
        manifest_signature=manifest_check,
    )
    report.intact_files = {
        f.name: members[f.name] for f in files if f.state is FileState.INTACT and f.name in members
    }
    report.documents = {
        f.name: members[f.name]
        for f in files
        if f.state is FileState.INTACT and not f.is_signature_file and f.name in members
    }
    progress.step(total, total, "")
    return report


def _single_file_report(
    name: str,
    data: bytes,
    signature_token: str | None,
    *,
    source: str,
    trust: TrustStore,
    now: dt.datetime,
    protected: bool,
) -> VerificationReport:
    result = _check_content(name, data, signature_token, trust, now)
    if signature_token is not None:
        kind = "detached-signature"
    elif result.signatures:
        kind = "bundle-signature"
    else:
        kind = "protected-file" if protected else "unsigned-file"
    unsigned_reason = None
    if not result.signatures:
        if protected:
            unsigned_reason = QT_TRANSLATE_NOOP(
                "Core",
                "The password fits and the content is unchanged since it was encrypted, but it is not signed, so nothing proves who made it.",
            )
        else:
            unsigned_reason = QT_TRANSLATE_NOOP(
                "Core",
                "No signature found: there is no {signature} beside it and it carries no Bundle.signature.",
            ).format(signature=name + SIGNATURE_SUFFIX)
    verdict, headline = _judge([result], result.signatures, unsigned_reason=unsigned_reason)
    report = VerificationReport(
        source=source,
        kind=kind,
        verdict=verdict,
        summary=headline,
        files=[result],
        protected=protected,
    )
    if result.state is FileState.INTACT:
        report.documents = {name: data}
    return report


def verify_path(
    path: str | Path,
    password: str | None = None,
    trust: TrustStore | None = None,
    *,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> VerificationReport:
    """Verify whatever ``path`` is; raises ``PasswordRequired`` when a password is needed."""
    target = Path(path)
    store = trust if trust is not None else TrustStore()
    moment = now or utc_now()
    if target.name.endswith(SIGNATURE_SUFFIX) and target.name != SIGNATURE_SUFFIX:
        target = target.with_name(target.name[: -len(SIGNATURE_SUFFIX)])
        if not target.exists():
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{name}{SIGNATURE_SUFFIX} is a signature, but the file it signs, {name}, is not beside it.",
                ).format(name=target.name, SIGNATURE_SUFFIX=SIGNATURE_SUFFIX)
            )
    data = read_input_bytes(target)
    name = target.name
    protected = False
    if name.endswith(PROTECTED_SUFFIX) or looks_like_compact_jwe(data):
        data, _content_type = unprotect_bytes(data, password)
        protected = True
        if name.endswith(PROTECTED_SUFFIX):
            name = name[: -len(PROTECTED_SUFFIX)]
    signature_path = target.with_name(name + SIGNATURE_SUFFIX)
    token = None
    if signature_path.is_file():
        token = _read_signature_text(
            read_input_bytes(signature_path, max_bytes=MAX_SIGNATURE_FILE_BYTES)
        )
    if is_zip(data):
        # A whole package may also be signed from outside (xshare sign share.zip).
        outer = _check_content(name, data, token, store, moment) if token is not None else None
        return verify_package_bytes(
            data,
            source=str(path),
            trust=store,
            now=moment,
            protected=protected,
            progress=progress,
            outer=outer,
        )
    return _single_file_report(
        name, data, token, source=str(path), trust=store, now=moment, protected=protected
    )
