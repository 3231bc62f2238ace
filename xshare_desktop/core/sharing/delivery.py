"""Deliver a prepared share: signed, password-protected, packaged, or behind a link.

One pass in memory: ``prepare_share`` (the preview) makes the shared document;
``PreparedShare.files`` makes the bytes of each chosen format once (the FHIR
JSON, the PDF); this module signs, protects or packages those same bytes and
writes each output once, or publishes them behind a link:

- **Download**: the files in a folder the person chose, each optionally signed
  (``<name>.jws`` beside it) and optionally password-protected
  (``<name>.jwe``), or everything in one xShare package (``.xshare.zip``,
  signed when a key is given; ``.xshare.jwe`` with a password).
- **Link**: a SMART Health Link carrying the files (and their signatures),
  served by the app's link host (``core.shl.app_host``), started when none answers.

Every target name is checked before the first write, so a refusal to overwrite
leaves the folder untouched, and each file is written atomically. Nothing is
staged on disk.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import (
    PdfRenderer,
    PreparedShare,
    ShareOptions,
    ShareResult,
    prepare_share,
)
from xshare_desktop.core.shl import app_host, provider
from xshare_desktop.core.shl.content import share_file_from_bytes
from xshare_desktop.core.shl.store import LinkStore
from xshare_desktop.core.signing import SigningIdentity, protect_bytes, sign_bytes
from xshare_desktop.core.signing.content_types import guess_content_type
from xshare_desktop.core.signing.password import check_new_password
from xshare_desktop.core.signing.xshare_package import build_package_bytes

# (file name, bytes): one output of a share, in memory
SharedFile = tuple[str, bytes]

SIGNATURE_SUFFIX = ".jws"
PROTECTED_SUFFIX = ".jwe"
PACKAGE_SUFFIX = ".xshare.zip"
PROTECTED_PACKAGE_SUFFIX = ".xshare.jwe"

FileKind = Literal["document", "pdf", "signature", "package"]
Method = Literal["download", "link"]


@dataclass(frozen=True)
class DownloadOptions:
    """How the files reach a folder."""

    sign: bool = False
    password: str | None = None
    package: bool = False
    overwrite: bool = False


@dataclass(frozen=True)
class LinkDelivery:
    """How the files go behind a SMART Health Link."""

    link: provider.LinkOptions = field(default_factory=provider.LinkOptions)
    sign: bool = False
    # Behind the link host's own web viewer (HOST/view#shlink:/...), so a phone's camera
    # opens it; an explicit ``link.viewer`` wins.
    host_viewer: bool = False
    # Run the host on the local network so phones there can open it (the person confirmed).
    local_network: bool = False


@dataclass(frozen=True)
class DeliveredFile:
    path: Path
    kind: FileKind
    protected: bool = False


@dataclass
class DeliveryResult:
    """Exactly what was written where (download) or what was published (link)."""

    method: Method
    contents: list[str]  # names of what the recipient gets (document, PDF, signatures)
    files: list[DeliveredFile] = field(default_factory=list)
    folder: Path | None = None
    signer: str | None = None
    protected: bool = False
    packaged: bool = False
    link_id: str | None = None
    link_uri: str | None = None
    link_label: str | None = None
    expires: float | None = None  # epoch seconds; None = no expiry
    one_time: bool = False
    long_term: bool = False
    passcode: bool = False
    host_url: str | None = None
    share: ShareResult | None = field(default=None, repr=False)
    # unprotected copies of the PDF the person asked to keep for themselves (to look at, print)
    open_copies: list[Path] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return [item.path for item in self.files]

    def revoke_hint(self) -> str:
        """How to take it back, in plain English (the CLI prints this; the GUI has its own)."""
        if self.method == "link":
            return (
                f"Revoke the link in the app (Shared links) or with `xshare shl revoke "
                f"{self.link_id}`; it stops working at once."
            )
        return (
            "Files cannot be called back once handed over. Until then, delete them from "
            f"{self.folder} to withdraw them."
        )

    def expiry_text(self) -> str:
        if self.expires is None:
            return "no expiry"
        return datetime.fromtimestamp(self.expires).astimezone().isoformat(timespec="minutes")


# -- building outputs in memory -------------------------------------------------------------


def _kind_of(name: str) -> FileKind:
    return "pdf" if name.lower().endswith(".pdf") else "document"


def _checked_files(files: Sequence[SharedFile]) -> list[SharedFile]:
    if not files:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "There is nothing to deliver: no file was made.")
        )
    seen: set[str] = set()
    for name, _data in files:
        if name.lower() in seen:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "Two files are called {name}; give them distinct names."
                ).format(name=name)
            )
        seen.add(name.lower())
    return list(files)


def _need_identity(sign: bool, identity: SigningIdentity | None) -> SigningIdentity | None:
    if sign and identity is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Signing needs your signing key: create one (Signing keys in the app, or `xshare keys create`) and give its passphrase.",
            )
        )
    return identity if sign else None


def _package_stem(files: list[tuple[str, bytes]]) -> str:
    return Path(files[0][0]).stem


def _download_outputs(
    files: list[tuple[str, bytes]],
    options: DownloadOptions,
    identity: SigningIdentity | None,
    progress: Progress,
) -> list[tuple[str, bytes, FileKind, bool]]:
    """(name, bytes, kind, protected) for every file to write."""
    if options.password is not None:
        check_new_password(options.password)
    if options.package:
        progress.step(0, 2, "Packing the files")
        data = build_package_bytes(dict(files), signer=identity)
        name = _package_stem(files) + PACKAGE_SUFFIX
        if options.password is not None:
            progress.step(1, 2, "Protecting the package with your password")
            data = protect_bytes(data, options.password, "application/zip")
            name = _package_stem(files) + PROTECTED_PACKAGE_SUFFIX
        return [(name, data, "package", options.password is not None)]
    outputs: list[tuple[str, bytes, FileKind, bool]] = []
    total = len(files)
    for index, (name, data) in enumerate(files):
        content_type = guess_content_type(name, data)
        if options.password is not None:
            progress.step(index, total, f"Protecting {name} with your password")
            sealed = protect_bytes(data, options.password, content_type)
            outputs.append((name + PROTECTED_SUFFIX, sealed, _kind_of(name), True))
        else:
            outputs.append((name, data, _kind_of(name), False))
        if identity is not None:
            progress.step(index, total, f"Signing {name}")
            # The signature covers the plain bytes, so it verifies after unprotecting.
            token = sign_bytes(data, identity, content_type).encode("ascii")
            outputs.append((name + SIGNATURE_SUFFIX, token, "signature", False))
    return outputs


def _write_all(
    folder: Path, outputs: list[tuple[str, bytes, FileKind, bool]], *, overwrite: bool
) -> list[DeliveredFile]:
    """Write every output or none: names are checked first; a failure removes new files."""
    if folder.exists() and not folder.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} is a file, not a folder.").format(name=folder.name)
        )
    targets = [folder / name for name, *_ in outputs]
    existing = [target.name for target in targets if target.exists()]
    if existing and not overwrite:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{names} already exists; nothing was written. Allow replacing files or choose another folder.",
            ).format(names=", ".join(existing))
        )
    written: list[DeliveredFile] = []
    created: list[Path] = []
    try:
        for target, (_name, data, kind, protected) in zip(targets, outputs, strict=True):
            was_there = target.exists()
            atomic_write_bytes(target, data, overwrite=overwrite)
            if not was_there:
                created.append(target)
            written.append(DeliveredFile(target, kind, protected))
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    return written


def deliver_download(
    files: Sequence[SharedFile],
    out_dir: str | os.PathLike[str],
    options: DownloadOptions,
    *,
    identity: SigningIdentity | None = None,
    progress: Progress | None = None,
) -> DeliveryResult:
    """Write ``files`` (name, bytes) into ``out_dir`` as ``options`` say, each output once."""
    progress = ensure_progress(progress)
    signer = _need_identity(options.sign, identity)
    files = _checked_files(files)
    outputs = _download_outputs(files, options, signer, progress)
    folder = Path(out_dir)
    written = _write_all(folder, outputs, overwrite=options.overwrite)
    contents = [name for name, _ in files]
    if signer is not None:
        contents += [name + SIGNATURE_SUFFIX for name, _ in files]
    return DeliveryResult(
        method="download",
        contents=contents,
        files=written,
        folder=folder,
        signer=signer.subject_name if signer is not None else None,
        protected=options.password is not None,
        packaged=options.package,
    )


# -- links -----------------------------------------------------------------------------------


def deliver_link(
    files: Sequence[SharedFile],
    options: LinkDelivery,
    *,
    identity: SigningIdentity | None = None,
    base_url: str | None = None,
    store: LinkStore | None = None,
    progress: Progress | None = None,
    now: float | None = None,
) -> DeliveryResult:
    """Publish ``files`` (name, bytes) as a SMART Health Link; the app's host starts if needed."""
    progress = ensure_progress(progress)
    signer = _need_identity(options.sign, identity)
    files = _checked_files(files)
    progress.step(0, 3, "Preparing the files for the link")
    to_share = []
    for name, data in files:
        to_share.append(share_file_from_bytes(name, data))
        if signer is not None:
            token = sign_bytes(data, signer, guess_content_type(name, data)).encode("ascii")
            to_share.append(share_file_from_bytes(name + SIGNATURE_SUFFIX, token))
    progress.step(1, 3, "Starting the link host")
    if base_url:
        url = base_url
    elif options.local_network:
        url = app_host.start_link_host(local_network=True)
    else:
        url = app_host.ensure_link_host()
    link_options = options.link
    if options.host_viewer and not link_options.viewer:
        link_options = replace(link_options, viewer=provider.host_viewer_url(url))
    progress.step(2, 3, "Encrypting and storing the link")
    record, uri = provider.create_link(to_share, link_options, url, store=store, now=now)
    return DeliveryResult(
        method="link",
        contents=[item.name for item in to_share],
        signer=signer.subject_name if signer is not None else None,
        link_id=record.id,
        link_uri=uri,
        link_label=record.label,
        expires=record.expires,
        one_time=record.one_time,
        long_term="L" in record.flags,
        passcode=record.passcode_hash is not None,
        host_url=url,
    )


# -- the whole thing: one prepared share, delivered --------------------------------------------


def share_and_deliver(
    document_json: dict[str, Any],
    selection: Selection,
    share_options: ShareOptions,
    delivery: DownloadOptions | LinkDelivery,
    *,
    out_dir: str | os.PathLike[str] | None = None,
    identity: SigningIdentity | None = None,
    pdf_renderer: PdfRenderer | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
    salt: bytes | None = None,
    base_url: str | None = None,
    open_copy_dir: str | os.PathLike[str] | None = None,
) -> DeliveryResult:
    """Prepare the share (as the preview does), then deliver it: see ``deliver_prepared``."""
    progress = ensure_progress(progress)
    _check_before_share(share_options, delivery, out_dir, identity, open_copy_dir)
    prepared = prepare_share(document_json, selection, share_options, progress, now=now, salt=salt)
    return deliver_prepared(
        prepared,
        share_options,
        delivery,
        out_dir=out_dir,
        identity=identity,
        pdf_renderer=pdf_renderer,
        progress=progress,
        base_url=base_url,
        open_copy_dir=open_copy_dir,
    )


def deliver_prepared(
    prepared: PreparedShare,
    share_options: ShareOptions,
    delivery: DownloadOptions | LinkDelivery,
    *,
    out_dir: str | os.PathLike[str] | None = None,
    identity: SigningIdentity | None = None,
    pdf_renderer: PdfRenderer | None = None,
    progress: Progress | None = None,
    base_url: str | None = None,
    open_copy_dir: str | os.PathLike[str] | None = None,
) -> DeliveryResult:
    """Deliver the share the person previewed: its bytes are signed, protected and written once.

    ``open_copy_dir``: also keep an unprotected copy of the PDF there, for the person to look
    at and print (a protected or linked share is otherwise unreadable to them); only where they
    ask, and never in the folder of the protected files, where it could be sent along.
    """
    progress = ensure_progress(progress)
    _check_before_share(share_options, delivery, out_dir, identity, open_copy_dir)
    files = prepared.files(share_options.formats, pdf_renderer, progress)
    if isinstance(delivery, DownloadOptions):
        assert out_dir is not None
        result = deliver_download(files, out_dir, delivery, identity=identity, progress=progress)
    else:
        result = deliver_link(
            files, delivery, identity=identity, base_url=base_url, progress=progress
        )
    if open_copy_dir is not None:
        overwrite = isinstance(delivery, DownloadOptions) and delivery.overwrite
        result.open_copies = _keep_open_copies(files, open_copy_dir, overwrite)
    result.share = ShareResult(result.paths, prepared.left_out, prepared.changes, prepared)
    return result


def _check_before_share(
    share_options: ShareOptions,
    delivery: DownloadOptions | LinkDelivery,
    out_dir: str | os.PathLike[str] | None,
    identity: SigningIdentity | None,
    open_copy_dir: str | os.PathLike[str] | None,
) -> None:
    """What can be refused before the (slower) share runs, so a missing key fails at once."""
    if isinstance(delivery, DownloadOptions) and out_dir is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "Choose the folder the files should go to.")
        )
    if open_copy_dir is not None:
        _check_open_copy(open_copy_dir, out_dir, share_options)
    _need_identity(delivery.sign, identity)
    if isinstance(delivery, DownloadOptions) and delivery.password is not None:
        check_new_password(delivery.password)


def _check_open_copy(
    open_copy_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None,
    share_options: ShareOptions,
) -> None:
    if "pdf" not in share_options.formats:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The open copy is a copy of the PDF for you to look at and print: choose PDF as one of the formats.",
            )
        )
    if out_dir is not None and Path(open_copy_dir).resolve() == Path(out_dir).resolve():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Keep the open copy in another folder than the shared files, so that it is not sent along with them by mistake.",
            )
        )


def _keep_open_copies(
    files: Sequence[SharedFile], folder: str | os.PathLike[str], overwrite: bool
) -> list[Path]:
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} is a file, not a folder.").format(name=target.name)
        )
    pdfs = [(name, data) for name, data in files if name.lower().endswith(".pdf")]
    existing = [name for name, _ in pdfs if (target / name).exists()]
    if existing and not overwrite:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{names} already exists in the folder for your open copy; the share was made, but no open copy was written. Choose another folder.",
            ).format(names=", ".join(existing))
        )
    return [atomic_write_bytes(target / name, data, overwrite=overwrite) for name, data in pdfs]
