"""Deliver what ``share()`` wrote: signed, password-protected, packaged, or behind a link.

``share()`` writes the chosen formats (the FHIR JSON document, optionally its
PDF). This module turns those files into what the person asked for:

- **Download**: the files in a folder they chose, each optionally signed
  (``<name>.jws`` beside it) and optionally password-protected
  (``<name>.jwe``), or everything in one xShare package (``.xshare.zip``,
  signed when a key is given; ``.xshare.jwe`` with a password).
- **Link**: a SMART Health Link carrying the files (and their signatures),
  served by the local link host, which is started here when none answers.

Everything is built in memory first; then every target name is checked, so a
refusal to overwrite leaves the folder untouched, and each file is written
atomically. Work that ``share()`` stages goes to ``paths.temp_dir()`` and is
removed afterwards, whatever happens.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, read_input_bytes
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PdfRenderer, ShareOptions, ShareResult, share
from xshare_desktop.core.shl import provider
from xshare_desktop.core.shl.content import share_file_from_bytes
from xshare_desktop.core.shl.host import RunningHost, http_base, lan_address, serve
from xshare_desktop.core.shl.host_settings import (
    HostSettings,
    load_host_settings,
    save_host_settings,
)
from xshare_desktop.core.shl.store import LinkStore
from xshare_desktop.core.signing import SigningIdentity, protect_bytes, sign_bytes
from xshare_desktop.core.signing.content_types import guess_content_type
from xshare_desktop.core.signing.password import check_new_password
from xshare_desktop.core.signing.xshare_package import build_package_bytes

SIGNATURE_SUFFIX = ".jws"
PROTECTED_SUFFIX = ".jwe"
PACKAGE_SUFFIX = ".xshare.zip"
PROTECTED_PACKAGE_SUFFIX = ".xshare.jwe"
LOOPBACK = "127.0.0.1"

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


def _read_staged(staged: Sequence[str | os.PathLike[str]]) -> list[tuple[str, bytes]]:
    if not staged:
        raise UserFacingError("There is nothing to deliver: no file was written.")
    files: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for item in staged:
        source = Path(item)
        if source.name.lower() in seen:
            raise UserFacingError(f"Two files are called {source.name}; give them distinct names.")
        seen.add(source.name.lower())
        files.append((source.name, read_input_bytes(source)))
    return files


def _need_identity(sign: bool, identity: SigningIdentity | None) -> SigningIdentity | None:
    if sign and identity is None:
        raise UserFacingError(
            "Signing needs your signing key: create one (Signing keys in the app, or "
            "`xshare keys create`) and give its passphrase."
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
        raise UserFacingError(f"{folder.name} is a file, not a folder.")
    targets = [folder / name for name, *_ in outputs]
    existing = [target.name for target in targets if target.exists()]
    if existing and not overwrite:
        raise UserFacingError(
            f"{', '.join(existing)} already exists; nothing was written. "
            "Allow replacing files or choose another folder."
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
    staged: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    options: DownloadOptions,
    *,
    identity: SigningIdentity | None = None,
    progress: Progress | None = None,
) -> DeliveryResult:
    """Write ``staged`` files into ``out_dir`` as ``options`` say; the staged files are kept."""
    progress = ensure_progress(progress)
    signer = _need_identity(options.sign, identity)
    files = _read_staged(staged)
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
    staged: Sequence[str | os.PathLike[str]],
    options: LinkDelivery,
    *,
    identity: SigningIdentity | None = None,
    base_url: str | None = None,
    store: LinkStore | None = None,
    progress: Progress | None = None,
    now: float | None = None,
) -> DeliveryResult:
    """Publish ``staged`` files as a SMART Health Link; the local host is started if needed."""
    progress = ensure_progress(progress)
    signer = _need_identity(options.sign, identity)
    files = _read_staged(staged)
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
        url = start_link_host(local_network=True)
    else:
        url = ensure_link_host()
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


# -- the whole thing: share, then deliver ------------------------------------------------------


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
    """Run ``share()`` into a private staging folder, then deliver; staging is always removed.

    ``open_copy_dir``: also keep an unprotected copy of the PDF there, for the person to look
    at and print (a protected or linked share is otherwise unreadable to them); only where they
    ask, and never in the folder of the protected files, where it could be sent along.
    """
    progress = ensure_progress(progress)
    if isinstance(delivery, DownloadOptions) and out_dir is None:
        raise UserFacingError("Choose the folder the files should go to.")
    if open_copy_dir is not None:
        _check_open_copy(open_copy_dir, out_dir, share_options)
    # Checked before the (slower) share so a missing key fails at once.
    _need_identity(delivery.sign, identity)
    if isinstance(delivery, DownloadOptions) and delivery.password is not None:
        check_new_password(delivery.password)
    staging = Path(tempfile.mkdtemp(prefix="share-", dir=paths.temp_dir()))
    try:
        shared = share(
            document_json,
            selection,
            share_options,
            staging,
            progress,
            pdf_renderer=pdf_renderer,
            now=now,
            salt=salt,
        )
        if isinstance(delivery, DownloadOptions):
            assert out_dir is not None
            result = deliver_download(
                shared.files, out_dir, delivery, identity=identity, progress=progress
            )
        else:
            result = deliver_link(
                shared.files, delivery, identity=identity, base_url=base_url, progress=progress
            )
        if open_copy_dir is not None:
            overwrite = isinstance(delivery, DownloadOptions) and delivery.overwrite
            result.open_copies = _keep_open_copies(shared.files, open_copy_dir, overwrite)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.share = shared
    return result


def _check_open_copy(
    open_copy_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None,
    share_options: ShareOptions,
) -> None:
    if "pdf" not in share_options.formats:
        raise UserFacingError(
            "The open copy is a copy of the PDF for you to look at and print: choose PDF as "
            "one of the formats."
        )
    if out_dir is not None and Path(open_copy_dir).resolve() == Path(out_dir).resolve():
        raise UserFacingError(
            "Keep the open copy in another folder than the shared files, so that it is not "
            "sent along with them by mistake."
        )


def _keep_open_copies(
    staged: Sequence[Path], folder: str | os.PathLike[str], overwrite: bool
) -> list[Path]:
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UserFacingError(f"{target.name} is a file, not a folder.")
    pdfs = [p for p in staged if p.suffix == ".pdf"]
    existing = [p.name for p in pdfs if (target / p.name).exists()]
    if existing and not overwrite:
        raise UserFacingError(
            f"{', '.join(existing)} already exists in the folder for your open copy; the "
            "share was made, but no open copy was written. Choose another folder."
        )
    return [atomic_write_bytes(target / p.name, p.read_bytes(), overwrite=overwrite) for p in pdfs]


# -- the one link host of this app -------------------------------------------------------------
#
# The share wizard and the Shared links page publish through the same host, so every link made
# in the app carries the same address and one Stop (or the booth's Start over) ends it for all.

ALL_INTERFACES = "0.0.0.0"


@dataclass(frozen=True)
class LinkHostState:
    """What links made now will carry, and whether this app can stop that host."""

    base_url: str | None = None
    local_network: bool = False
    # False when another program's host (``xshare shl serve``, another window) answered.
    owned: bool = False

    @property
    def running(self) -> bool:
        return self.base_url is not None


_host_lock = threading.RLock()
_host: RunningHost | None = None
_host_url: str | None = None  # what links carry: differs from _host.base_url on the network
_host_on_network = False
_reused_url: str | None = None
_listeners: list[Callable[[], None]] = []


def _answers_as_link_host(base_url: str, timeout: float = 1.0) -> bool:
    """True when ``base_url`` is one of our link hosts (another window's or ``xshare shl serve``).

    An unknown location token gets our host's JSON 404 with its CORS header; any other
    program on that port answers differently or not at all.
    """
    probe = base_url.rstrip("/") + "/shl/file/" + "A" * 43
    request = urllib.request.Request(probe, method="GET")
    # The host is on this machine: a proxy (http_proxy) would not reach it, or would answer
    # in its place.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout):
            return False
    except urllib.error.HTTPError as exc:
        with exc:
            exposed = exc.headers.get("Access-Control-Expose-Headers", "")
            return exc.code == 404 and "Retry-After" in exposed
    except (OSError, ValueError):
        return False


def add_link_host_listener(listener: Callable[[], None]) -> None:
    """Call ``listener()`` (from whichever thread made the change) when the host starts or stops."""
    with _host_lock:
        if listener not in _listeners:
            _listeners.append(listener)


def remove_link_host_listener(listener: Callable[[], None]) -> None:
    with _host_lock:
        if listener in _listeners:
            _listeners.remove(listener)


def _tell_listeners() -> None:
    with _host_lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener()


def link_host_state() -> LinkHostState:
    """The host links made now would carry (this app's, or one it found running)."""
    with _host_lock:
        if _host is not None and _host.running:
            return LinkHostState(_host_url, _host_on_network, owned=True)
        if _reused_url is not None:
            return LinkHostState(_reused_url, owned=False)
        return LinkHostState()


def link_host_url() -> str | None:
    """The base URL of the host this process started, if it still runs."""
    state = link_host_state()
    return state.base_url if state.owned else None


def _stop_owned() -> bool:
    global _host, _host_url, _host_on_network, _reused_url
    running, _host, _host_url, _host_on_network, _reused_url = _host, None, None, False, None
    if running is None:
        return False
    running.stop()
    return True


def _serve_remembered_port(bind: str) -> RunningHost:
    previous = load_host_settings()
    port = previous.port if previous is not None and previous.host == bind else 0
    try:
        return serve(bind, port)
    except OSError:
        return serve(bind, 0)


def _start_loopback() -> str:
    global _host, _host_url, _reused_url
    previous = load_host_settings()
    if previous is not None and _answers_as_link_host(previous.base_url):
        _reused_url = previous.base_url
        return previous.base_url
    running = _serve_remembered_port(LOOPBACK)
    save_host_settings(HostSettings(running.base_url, LOOPBACK, running.port))
    _host, _host_url = running, running.base_url
    return running.base_url


def _network_address() -> str:
    public = lan_address()
    if public is None:
        raise UserFacingError(
            "This computer is not on a local network, so a phone cannot reach it."
        )
    return public


def _start_local_network(public: str) -> str:
    global _host, _host_url, _host_on_network
    running = _serve_remembered_port(ALL_INTERFACES)
    url = http_base(public, running.port)
    save_host_settings(HostSettings(url, ALL_INTERFACES, running.port))
    _host, _host_url, _host_on_network = running, url, True
    return url


def network_address_preview() -> str | None:
    """The address phones would reach the host at on the local network, before it runs there.

    The host's own address when it already runs on the network; else this computer's
    network address with the port it will try first; None when the computer has no network.
    """
    with _host_lock:
        state = link_host_state()
        if state.owned and state.local_network and state.base_url is not None:
            return state.base_url
    address = lan_address()
    if address is None:
        return None
    previous = load_host_settings()
    if previous is not None and previous.host == ALL_INTERFACES:
        return http_base(address, previous.port)
    return f"http://{address}"  # lan_address() is IPv4; the port is chosen at the start


def ensure_link_host() -> str:
    """The base URL of a running link host, starting one on 127.0.0.1 when none answers.

    A host already running (on the local network too, when the person turned that on) is
    used as it is.
    """
    with _host_lock:
        state = link_host_state()
        if state.owned and state.base_url is not None:
            return state.base_url
        _stop_owned()  # a host whose thread died is cleared away first
        url = _start_loopback()
    _tell_listeners()
    return url


def start_link_host(*, local_network: bool = False) -> str:
    """Run the one host on the chosen interface, restarting it when it runs on the other.

    ``local_network`` binds all interfaces so a phone on the same network can fetch links;
    only call it after the person chose that and saw the warning.
    """
    with _host_lock:
        state = link_host_state()
        if state.owned and state.local_network == local_network and state.base_url is not None:
            return state.base_url
        # Asked first, so a computer without a network keeps the host it has.
        public = _network_address() if local_network else None
        _stop_owned()
        url = _start_local_network(public) if public is not None else _start_loopback()
    _tell_listeners()
    return url


def stop_link_host() -> bool:
    """Stop the host this process started (links then wait until a host runs again).

    A host found running elsewhere is only forgotten: this app cannot stop it.
    """
    with _host_lock:
        was_running = link_host_state().running
        stopped = _stop_owned()
    if was_running:
        _tell_listeners()
    return stopped
