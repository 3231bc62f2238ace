"""What verifying a received file found: the verdict, each file's state and its signatures.

``verify.py`` makes these reports; the CLI prints them (``as_dict``) and the GUI shows them,
translating their marked messages (core/i18n.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from xshare_desktop.core.i18n import Message
from xshare_desktop.core.signing.jws import SignatureCheck


class Verdict(StrEnum):
    VERIFIED = "verified"  # intact, signed, signer trusted, certificates valid
    UNTRUSTED = "untrusted"  # intact and validly signed, but by someone not trusted here
    UNSIGNED = "unsigned"  # nothing contradicts it, but nobody vouches for it
    FAILED = "failed"  # something changed, a signature is bad, or a certificate expired


class FileState(StrEnum):
    INTACT = "intact"
    CHANGED = "changed"
    MISSING = "missing"
    UNEXPECTED = "unexpected"


@dataclass
class FileResult:
    name: str
    state: FileState
    text: Message  # marked for translation (core/i18n.py); ``message`` is its English
    size: int | None = None
    content_type: str | None = None
    signatures: list[SignatureCheck] = field(default_factory=list)
    is_signature_file: bool = False

    @property
    def message(self) -> str:
        return str(self.text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "state": self.state.value,
            "message": self.message,
            "size": self.size,
            "contentType": self.content_type,
            "signatureFile": self.is_signature_file,
            "signatures": [s.as_dict() for s in self.signatures],
        }


@dataclass
class VerificationReport:
    source: str
    kind: str
    verdict: Verdict
    summary: Message  # marked for translation (core/i18n.py); ``headline`` is its English
    files: list[FileResult] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    protected: bool = False
    package: dict[str, Any] | None = None
    manifest_signature: SignatureCheck | None = None
    # Content a viewer may open: name -> bytes of files found intact. Never serialised.
    documents: dict[str, bytes] = field(default_factory=dict, repr=False)
    # Every intact member including signature files, for saving a package's contents.
    intact_files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def headline(self) -> str:
        return str(self.summary)

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VERIFIED

    def all_signatures(self) -> list[SignatureCheck]:
        found = [self.manifest_signature] if self.manifest_signature is not None else []
        for item in self.files:
            found.extend(item.signatures)
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "verdict": self.verdict.value,
            "ok": self.ok,
            "headline": self.headline,
            "protected": self.protected,
            "package": self.package,
            "manifestSignature": (
                self.manifest_signature.as_dict() if self.manifest_signature else None
            ),
            "files": [f.as_dict() for f in self.files],
            "messages": self.messages,
        }
