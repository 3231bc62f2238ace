"""The issuers this user trusts, and the chain check a verifier runs against them.

The store is a folder of PEM files named by SHA-256 fingerprint in the data
folder. A verifier trusts a signer only when its chain leads to one of these
certificates (or is one of them). Revocation is not checked: this app works
offline and the demo CA publishes no revocation list; the docs say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message
from xshare_desktop.core.signing.certificates import (
    common_name,
    fingerprint_sha256,
    is_ca,
    is_self_issued,
    is_valid_at,
    issued_by,
    load_certificates,
)

MAX_CHAIN_LENGTH = 6
MAX_TRUST_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class TrustedIssuer:
    name: str
    fingerprint: str
    not_after: dt.datetime
    certificate: x509.Certificate


@dataclass
class ChainCheck:
    """The outcome of following a signer's certificate chain to a trusted issuer."""

    trusted: bool
    trust_anchor: str | None
    path: list[str]
    valid_at_signing: bool
    valid_now: bool
    # What is wrong, marked for translation (core/i18n.py); ``problems`` is their English.
    findings: list[Message] = field(default_factory=list)
    untrusted_reason: str | None = None

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(str(finding) for finding in self.findings)


class TrustStore:
    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory

    @property
    def directory(self) -> Path:
        return paths.store_dir(self._directory, "trust")

    def issuers(self) -> list[TrustedIssuer]:
        found = []
        for pem in sorted(self.directory.glob("*.pem")):
            try:
                certificate = x509.load_pem_x509_certificate(pem.read_bytes())
            except (ValueError, OSError):
                continue  # a damaged file trusts nobody
            found.append(
                TrustedIssuer(
                    name=common_name(certificate.subject),
                    fingerprint=fingerprint_sha256(certificate),
                    not_after=certificate.not_valid_after_utc,
                    certificate=certificate,
                )
            )
        return found

    def certificates(self) -> list[x509.Certificate]:
        return [issuer.certificate for issuer in self.issuers()]

    def add_certificate(self, certificate: x509.Certificate) -> TrustedIssuer:
        fingerprint = fingerprint_sha256(certificate)
        atomic_write_bytes(
            self.directory / f"{fingerprint}.pem",
            certificate.public_bytes(serialization.Encoding.PEM),
        )
        return TrustedIssuer(
            common_name(certificate.subject),
            fingerprint,
            certificate.not_valid_after_utc,
            certificate,
        )

    def add_file(self, path: str | Path) -> list[TrustedIssuer]:
        source = Path(path)
        certificates = load_certificates(
            read_input_bytes(source, max_bytes=MAX_TRUST_FILE_BYTES), name=source.name
        )
        return [self.add_certificate(c) for c in certificates]

    def remove(self, fingerprint_prefix: str) -> TrustedIssuer:
        prefix = fingerprint_prefix.lower().replace(":", "")
        matches = [i for i in self.issuers() if i.fingerprint.startswith(prefix)]
        if len(prefix) < 8 or not matches:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "No trusted issuer has a fingerprint starting with {fingerprint_prefix} (give at least 8 hex digits).",
                ).format(fingerprint_prefix=fingerprint_prefix)
            )
        if len(matches) > 1:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{fingerprint_prefix} matches several issuers; give more digits."
                ).format(fingerprint_prefix=fingerprint_prefix)
            )
        (self.directory / f"{matches[0].fingerprint}.pem").unlink()
        return matches[0]

    def check_chain(
        self, chain: list[x509.Certificate], signing_time: dt.datetime | None, now: dt.datetime
    ) -> ChainCheck:
        return check_chain(chain, self.certificates(), signing_time, now)


def _find_issuer(
    certificate: x509.Certificate, candidates: list[x509.Certificate]
) -> x509.Certificate | None:
    for candidate in candidates:
        if candidate is not certificate and issued_by(certificate, candidate):
            return candidate
    return None


def check_chain(
    chain: list[x509.Certificate],
    anchors: list[x509.Certificate],
    signing_time: dt.datetime | None,
    now: dt.datetime,
) -> ChainCheck:
    """Follow ``chain`` (leaf first) to a trusted anchor and check every validity period."""
    anchor_prints = {fingerprint_sha256(a) for a in anchors}
    leaf = chain[0]
    path = [leaf]
    problems: list[Message] = []
    anchor: x509.Certificate | None = None
    current = leaf
    while len(path) <= MAX_CHAIN_LENGTH:
        if fingerprint_sha256(current) in anchor_prints:
            anchor = current
            break
        trusted_issuer = _find_issuer(current, anchors)
        if trusted_issuer is not None:
            anchor = trusted_issuer
            path.append(trusted_issuer)
            break
        if is_self_issued(current):
            break
        next_issuer = _find_issuer(current, chain[1:])
        if next_issuer is None or next_issuer in path:
            break
        path.append(next_issuer)
        current = next_issuer
    non_ca_issuers = [issuer for issuer in path[1:] if not is_ca(issuer)]
    for issuer in non_ca_issuers:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Core", "{issuer} signed a certificate but is not a certificate authority."
            ).format(issuer=common_name(issuer.subject))
        )
    rule_problems = chain_rule_findings(path)
    problems.extend(rule_problems)
    valid_now = all(is_valid_at(c, now) for c in path)
    valid_at_signing = signing_time is not None and all(is_valid_at(c, signing_time) for c in path)
    leaf_name = common_name(leaf.subject)
    if not valid_now:
        expired = [c for c in path if c.not_valid_after_utc < now]
        if expired:
            problems.append(
                QT_TRANSLATE_NOOP("Core", "The certificate of {holder} expired on {date}.").format(
                    holder=common_name(expired[0].subject),
                    date=f"{expired[0].not_valid_after_utc:%Y-%m-%d}",
                )
            )
        else:
            problems.append(
                QT_TRANSLATE_NOOP("Core", "The certificate of {holder} is not valid yet.").format(
                    holder=leaf_name
                )
            )
    if signing_time is not None and not valid_at_signing:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Core",
                "The certificate of {holder} was not valid at the stated signing time {moment} UTC.",
            ).format(holder=leaf_name, moment=f"{signing_time:%Y-%m-%d %H:%M}")
        )
    untrusted_reason = None
    if anchor is None:
        top = path[-1]
        untrusted_reason = (
            f"The signer's certificate leads to {common_name(top.issuer)}, which is not among "
            "your trusted issuers."
        )
    return ChainCheck(
        trusted=anchor is not None and not non_ca_issuers and not rule_problems,
        trust_anchor=common_name(anchor.subject) if anchor is not None else None,
        path=[common_name(c.subject) for c in path],
        valid_at_signing=valid_at_signing,
        valid_now=valid_now,
        findings=problems,
        untrusted_reason=untrusted_reason,
    )


# -- RFC 5280 rules a document signer's path must keep ----------------------------------------

# Extended key usages that allow signing documents: document signing (RFC 9336), e-mail
# protection (S/MIME, what most personal signing certificates carry), Microsoft's and Adobe's
# document signing, and "any". A leaf without the extension may be used for anything (5280 4.2.1.12).
DOCUMENT_SIGNING_EKUS = {
    "1.3.6.1.5.5.7.3.36",  # id-kp-documentSigning
    "1.3.6.1.5.5.7.3.4",  # id-kp-emailProtection
    "1.3.6.1.4.1.311.10.3.12",  # Microsoft document signing
    "1.2.840.113583.1.1.5",  # Adobe authentic documents trust
    "2.5.29.37.0",  # anyExtendedKeyUsage
}

# Extensions this check understands (5280 4.2: a critical extension that is not understood
# makes the certificate unusable). Certificate policies are read as "any policy is acceptable"
# (no policy is required of a document signer here), which 6.1 allows.
_UNDERSTOOD = {
    x509.BasicConstraints.oid,
    x509.KeyUsage.oid,
    x509.ExtendedKeyUsage.oid,
    x509.SubjectAlternativeName.oid,
    x509.IssuerAlternativeName.oid,
    x509.SubjectKeyIdentifier.oid,
    x509.AuthorityKeyIdentifier.oid,
    x509.CertificatePolicies.oid,
}


def _key_usage(certificate: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _path_length(certificate: x509.Certificate) -> int | None:
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    except x509.ExtensionNotFound:
        return None
    return constraints.value.path_length


def chain_rule_problems(path: list[x509.Certificate]) -> list[str]:
    """:func:`chain_rule_findings` in English."""
    return [str(finding) for finding in chain_rule_findings(path)]


def chain_rule_findings(path: list[x509.Certificate]) -> list[Message]:
    """What in a signer's path (leaf first, up to the anchor) breaks RFC 5280's rules.

    Basic constraints and their path length (4.2.1.9, 6.1.4 (l)-(m)), key usage of the signer
    and of every issuer (4.2.1.3, 6.1.4 (n)), extended key usage for document signing
    (4.2.1.12), and critical extensions nobody here understands (4.2, 6.1.4 (o)). The messages
    say which certificate and which rule, in plain words.
    """
    problems: list[Message] = []
    leaf = path[0]
    leaf_name = common_name(leaf.subject)
    if is_ca(leaf) and len(path) > 1:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Core",
                "The certificate of {holder} belongs to a certificate authority, which may sign certificates but not documents.",
            ).format(holder=leaf_name)
        )
    usage = _key_usage(leaf)
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        problems.append(
            QT_TRANSLATE_NOOP(
                "Core",
                "The certificate of {holder} may not be used for signatures (its key usage allows neither digital signatures nor non-repudiation).",
            ).format(holder=leaf_name)
        )
    try:
        ekus = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        ekus = None
    if ekus is not None and not {eku.dotted_string for eku in ekus} & DOCUMENT_SIGNING_EKUS:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Core",
                "The certificate of {holder} is meant for other purposes (such as web servers), not for signing documents.",
            ).format(holder=leaf_name)
        )
    for position, issuer in enumerate(path[1:], start=1):
        issuer_name = common_name(issuer.subject)
        issuer_usage = _key_usage(issuer)
        if issuer_usage is not None and not issuer_usage.key_cert_sign:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{issuer} signed a certificate although its key usage does not allow signing certificates.",
                ).format(issuer=issuer_name)
            )
        limit = _path_length(issuer)
        # intermediate CAs between this issuer and the leaf; self-issued ones do not count
        below = sum(1 for c in path[1:position] if not is_self_issued(c))
        if limit is not None and is_ca(issuer) and below > limit:
            if limit == 1:
                allows = QT_TRANSLATE_NOOP(
                    "Core",
                    "{issuer} allows at most {limit} intermediate certificate authority below it, but the chain has {below}.",
                ).format(issuer=issuer_name, limit=limit, below=below)
            else:
                allows = QT_TRANSLATE_NOOP(
                    "Core",
                    "{issuer} allows at most {limit} intermediate certificate authorities below it, but the chain has {below}.",
                ).format(issuer=issuer_name, limit=limit, below=below)
            problems.append(allows)
    for certificate in path:
        unknown = [
            ext.oid.dotted_string
            for ext in certificate.extensions
            if ext.critical and ext.oid not in _UNDERSTOOD
        ]
        if unknown:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The certificate of {holder} has a critical extension this app does not understand ({extensions}), so it cannot be relied on.",
                ).format(holder=common_name(certificate.subject), extensions=", ".join(unknown))
            )
    return problems
