"""The flow's long work, as plain functions for ``gui.worker.Worker`` (no widgets here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.progress import Progress
from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.sharing.explain import left_out_lines
from xshare_desktop.core.sharing.prune import LeftOut
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PreparedShare, ShareOptions, prepare_share
from xshare_desktop.core.shl import qr
from xshare_desktop.core.signing import SigningIdentity, demo_ca, keys
from xshare_desktop.core.signing.trust import TrustStore


@dataclass(frozen=True)
class Preview:
    prepared: PreparedShare
    left_out: list[str]  # plain-words lines in the person's language


def make_preview(
    raw: dict[str, Any],
    selection: Selection,
    options: ShareOptions,
    lang: str,
    salt: bytes,
    *,
    progress: Progress,
) -> Preview:
    prepared = prepare_share(raw, selection, options, progress, salt=salt)
    return Preview(prepared, plain_left_out_lines(prepared.left_out, raw, lang))


def plain_left_out_lines(items: list[LeftOut], raw: dict[str, Any], lang: str) -> list[str]:
    """The left-out lines without FHIR resource names ("MedicationStatement: ..."),
    which mean nothing to a citizen; the summary that follows already says what it is."""
    plain: list[str] = []
    for item, line in zip(items, left_out_lines(items, raw, lang), strict=True):
        if item.kind == "field":
            resource_type = (item.field or "").partition(".")[0]
            prefix = f"{resource_type} – "
        else:
            prefix = f"{item.resource_type}: " if item.kind == "entry" else ""
        if prefix and line.startswith(prefix):
            line = line[len(prefix) :]
            line = line[:1].upper() + line[1:]
        plain.append(line)
    return plain


def create_key(name: str, email: str, passphrase: str, *, progress: Progress) -> SigningIdentity:
    """A new key with a certificate from the local demo CA, which is then trusted here."""
    progress.step(0, 1, "")
    identity = keys.create_identity(name, passphrase, email=email or None, use_demo_ca=True)
    TrustStore().add_file(demo_ca.certificate_path())
    return identity


def unlock_key(passphrase: str, *, progress: Progress) -> SigningIdentity:
    progress.step(0, 1, "")
    return keys.load_identity(passphrase)


def deliver(
    prepared: PreparedShare,
    options: ShareOptions,
    how: delivery.DownloadOptions | delivery.LinkDelivery,
    out_dir: str | None,
    identity: SigningIdentity | None,
    outcome: list[delivery.DeliveryResult],
    open_copy_dir: str | None = None,
    *,
    progress: Progress,
) -> delivery.DeliveryResult:
    """Deliver the very share the preview showed: its bytes are signed, protected and written.

    The result also goes into ``outcome``: a Cancel that arrives after the files
    were written makes the worker drop its result, and the person must still be
    told what was shared.
    """
    renderer = None
    if "pdf" in options.formats:
        from xshare_desktop.render.share_pdf import share_pdf_renderer

        signer = identity.subject_name if identity is not None and how.sign else None
        renderer = share_pdf_renderer(signer)
    result = delivery.deliver_prepared(
        prepared,
        options,
        how,
        out_dir=out_dir,
        identity=identity,
        pdf_renderer=renderer,
        progress=progress,
        open_copy_dir=open_copy_dir,
    )
    outcome.append(result)
    return result


def qr_png(uri: str) -> bytes:
    return qr.png_bytes(uri, scale=10, border=4)
