"""``xshare shl``: SMART Health Links — run the link host, create, open, list, revoke, update."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from xshare_desktop.cli.main import EXIT_OK, LOOPBACK_HOSTS
from xshare_desktop.cli.shl_receive import (
    DEFAULT_RECIPIENT,
    run_issuers_add,
    run_issuers_list,
    run_issuers_remove,
    run_open,
)
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl.store import DEFAULT_MAX_ATTEMPTS

# The heavier SHL modules (JOSE, QR, HTTP) are imported inside the commands, so that
# every other `xshare` command starts without paying for them.

HOST_VIEWER = ""  # `--viewer` without a URL: the link host's own web viewer


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return port


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds (above 0, at most 3600)"
        )
    return seconds


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "shl",
        help="share and open SMART Health Links",
        description="SMART Health Links (HL7 smart-health-cards-and-links): a local link host, "
        "and both ends of a link. State lives in the data folder (XSHARE_DATA_DIR).",
    )
    actions = parser.add_subparsers(dest="shl_action", metavar="ACTION")
    actions.required = True

    serve_p = actions.add_parser("serve", help="run the link host in the foreground")
    serve_p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve_p.add_argument("--port", type=_port, help="port (default: the last one used, else free)")
    serve_p.add_argument(
        "--public-url", metavar="URL", help="base URL recipients use to reach this host"
    )
    serve_p.add_argument(
        "--poll-interval",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="long-term links: minimum seconds between fetches by one recipient (default 10)",
    )
    serve_p.add_argument(
        "--database",
        metavar="URL",
        help="the link store: postgresql://... to share links, counts and the access log with "
        "other host processes, or sqlite:///PATH (default: XSHARE_LINK_DATABASE, else the "
        "data folder's SQLite file)",
    )
    serve_p.set_defaults(func=run_serve)

    create = actions.add_parser("create", help="create a link for files and print its shlink:/ URI")
    create.add_argument("files", nargs="+", metavar="FILE", help=".json, .pdf, .jws files")
    create.add_argument("--passcode", help="require this passcode (flag P)")
    create.add_argument(
        "--max-attempts",
        type=int,
        default=DEFAULT_MAX_ATTEMPTS,
        help="wrong passcodes allowed over the link's life (default 10)",
    )
    create.add_argument("--expires", metavar="WHEN", help="ISO-8601 time or duration (2h, 7d)")
    create.add_argument("--once", action="store_true", help="stop after the first retrieval")
    create.add_argument(
        "--long-term", action="store_true", help="content can be updated later (flag L)"
    )
    create.add_argument(
        "--single-file", action="store_true", help="one file fetched by GET (flag U)"
    )
    create.add_argument("--label", help="short description, at most 80 characters")
    create.add_argument(
        "--viewer",
        nargs="?",
        const=HOST_VIEWER,
        metavar="URL",
        help="put the link behind a web viewer (URL#shlink:/...), so a phone's camera opens it; "
        "without URL, the link host's own viewer (HOST/view)",
    )
    create.add_argument(
        "--qr", metavar="FILE", help="also save the QR code (.png, .svg, or .pdf: a printable page)"
    )
    create.add_argument(
        "--qr-language",
        choices=["da", "en"],
        default="en",
        help="language of the printable QR page",
    )
    create.add_argument(
        "--host-url", metavar="URL", help="the link host's base URL (default: the last `serve`)"
    )
    create.add_argument("--json", action="store_true", help="print id and URI as JSON")
    create.set_defaults(func=run_create)

    open_p = actions.add_parser("open", help="fetch, decrypt and save what a link shares")
    open_p.add_argument("link", metavar="LINK", help="shlink:/ URI, viewer URL, or QR image file")
    open_p.add_argument("--passcode", help="the passcode, when the link needs one")
    open_p.add_argument("--recipient", default=DEFAULT_RECIPIENT, help="who is receiving")
    open_p.add_argument("--out", required=True, metavar="DIR", help="folder to save the files in")
    open_p.add_argument(
        "--embedded-max",
        type=int,
        metavar="N",
        help="ask for files longer than N characters as separate downloads",
    )
    open_p.add_argument(
        "--no-validate", action="store_true", help="skip checking the documents against profiles"
    )
    open_p.add_argument(
        "--deadline",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="give up when the whole download takes longer (default 30)",
    )
    open_p.set_defaults(func=run_open)

    issuers = actions.add_parser(
        "issuers", help="the SMART Health Card issuers you trust (their public keys)"
    )
    issuer_actions = issuers.add_subparsers(dest="issuer_action", metavar="ACTION")
    issuer_actions.required = True
    issuer_add = issuer_actions.add_parser(
        "add", help="trust an issuer's keys from its JWKS file (iss + /.well-known/jwks.json)"
    )
    issuer_add.add_argument("jwks", metavar="JWKS", help="the issuer's JWKS file")
    issuer_add.add_argument("--iss", required=True, metavar="URL", help="the issuer (iss) URL")
    issuer_add.add_argument("--name", help="a name to show for the issuer")
    issuer_add.set_defaults(func=run_issuers_add)
    issuer_list = issuer_actions.add_parser("list", help="list the trusted issuers")
    issuer_list.set_defaults(func=run_issuers_list)
    issuer_remove = issuer_actions.add_parser("remove", help="stop trusting an issuer")
    issuer_remove.add_argument("iss", metavar="URL")
    issuer_remove.set_defaults(func=run_issuers_remove)

    listing = actions.add_parser("list", help="list links, their status and accesses")
    listing.add_argument("--json", action="store_true", help="print as JSON, with every access")
    listing.set_defaults(func=run_list)

    revoke = actions.add_parser("revoke", help="stop a link for good")
    revoke.add_argument("id", metavar="ID")
    revoke.set_defaults(func=run_revoke)

    update = actions.add_parser("update", help="replace the content of a long-term link")
    update.add_argument("id", metavar="ID")
    update.add_argument("files", nargs="+", metavar="FILE")
    update.set_defaults(func=run_update)


# -- serve -----------------------------------------------------------------------------------


def _public_url(host: str, port: int, public_url: str | None) -> str:
    from xshare_desktop.core.shl import provider
    from xshare_desktop.core.shl.host import lan_address

    if public_url:
        return provider.normalise_base_url(public_url)
    if host in ("0.0.0.0", "::", ""):
        address = lan_address()
        if address is None:
            raise UserFacingError("This machine has no local network address; give --public-url.")
        return f"http://{address}:{port}"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def run_serve(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl import provider
    from xshare_desktop.core.shl.host import HostConfig, serve
    from xshare_desktop.core.shl.host_settings import (
        HostSettings,
        load_host_settings,
        save_host_settings,
    )
    from xshare_desktop.core.shl.store import LinkStore

    previous = load_host_settings()
    port = args.port
    if port is None:
        port = previous.port if previous is not None and previous.host == args.host else 0
    if args.host not in LOOPBACK_HOSTS:
        print(
            "xshare: warning: the link host is reachable from the local network. Anyone on "
            "this network who has a link can fetch it; stop the host when you are done.",
            file=sys.stderr,
        )
    public_url = provider.normalise_base_url(args.public_url) if args.public_url else None
    # Without --public-url, links and location URLs use the address the host is bound to.
    config = HostConfig(public_url=public_url, min_poll_interval=max(0.0, args.poll_interval))
    # Opened before binding: a bad database URL is reported, not a half-started host.
    store = LinkStore(database=args.database) if args.database else LinkStore()
    try:
        running = serve(args.host, port, config=config, store=store)
    except OSError as exc:
        if args.port is None and port != 0:
            running = serve(args.host, 0, config=config, store=store)
        else:
            raise UserFacingError(
                f"The link host cannot listen on {args.host}:{port}: {exc.strerror or exc}."
            ) from None
    try:
        base_url = _public_url(args.host, running.port, public_url)
        save_host_settings(HostSettings(base_url=base_url, host=args.host, port=running.port))
    except BaseException:
        running.stop()
        raise
    print(base_url, flush=True)
    print(
        f"xshare: link host running, web viewer at {provider.host_viewer_url(base_url)}; "
        "press Ctrl-C to stop.",
        file=sys.stderr,
        flush=True,
    )

    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous_term = signal.signal(signal.SIGTERM, _on_signal)
    try:
        while not stop.is_set() and running.running:
            stop.wait(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        running.stop()
    print("xshare: link host stopped.", file=sys.stderr)
    return EXIT_OK


# -- create / update / revoke / list -----------------------------------------------------------


def run_create(args: argparse.Namespace) -> int:
    from xshare_desktop.core.fileio import dumps_json
    from xshare_desktop.core.shl import provider
    from xshare_desktop.core.shl.content import share_files_from_paths
    from xshare_desktop.core.shl.expiry import parse_expiry
    from xshare_desktop.core.shl.host_settings import load_host_settings

    now = time.time()
    host_url = args.host_url
    if not host_url:
        settings = load_host_settings()
        if settings is None:
            raise UserFacingError(
                "No link host is known yet: start one with `xshare shl serve`, or give --host-url."
            )
        host_url = settings.base_url
    viewer = args.viewer
    if viewer == HOST_VIEWER:
        viewer = provider.host_viewer_url(host_url)
    options = provider.LinkOptions(
        passcode=args.passcode,
        expires=parse_expiry(args.expires, now) if args.expires else None,
        one_time=args.once,
        long_term=args.long_term,
        single_file=args.single_file,
        label=args.label,
        viewer=viewer,
        max_attempts=args.max_attempts,
    )
    if args.qr and Path(args.qr).suffix.lower() not in (".png", ".svg", ".pdf"):
        raise UserFacingError("The QR code file must end in .png, .svg or .pdf.")
    if args.qr and Path(args.qr).exists():
        # Checked before the link exists, so a refusal leaves no link behind.
        raise UserFacingError(f"{args.qr} already exists; choose another name for the QR code.")
    files = share_files_from_paths(args.files)
    record, uri = provider.create_link(files, options, host_url, now=now)
    if args.qr:
        # .pdf is a printable page (QtGui); .png/.svg need no Qt.
        from xshare_desktop.render.qr_pdf import save_qr

        save_qr(uri, args.qr, lang=args.qr_language, overwrite=False)
    if args.json:
        sys.stdout.write(dumps_json({"id": record.id, "uri": uri}).decode("utf-8"))
    else:
        print(uri)
        print(f"xshare: link {record.id} created ({record.manifest_url}).", file=sys.stderr)
    return EXIT_OK


def run_update(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl import provider
    from xshare_desktop.core.shl.content import share_files_from_paths

    record = provider.update_link(args.id, share_files_from_paths(args.files))
    print(f"Link {record.id} now shares {len(args.files)} file(s).")
    return EXIT_OK


def run_revoke(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl import provider

    if provider.revoke_link(args.id):
        print(f"Link {args.id} is revoked; it no longer works.")
    else:
        print(f"Link {args.id} was already revoked.")
    return EXIT_OK


def _when(ts: float | None) -> str:
    if ts is None:
        return "-"
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def run_list(args: argparse.Namespace) -> int:
    from xshare_desktop.core.fileio import dumps_json
    from xshare_desktop.core.shl import provider

    summaries = provider.list_links()
    if args.json:
        sys.stdout.write(
            dumps_json(
                [
                    {
                        "id": s.record.id,
                        "status": s.status.value,
                        "label": s.record.label,
                        "flags": s.record.flags,
                        "oneTime": s.record.one_time,
                        "created": _when(s.record.created),
                        "expires": _when(s.record.expires) if s.record.expires else None,
                        "remainingAttempts": s.record.remaining_attempts
                        if s.record.passcode_hash
                        else None,
                        "files": s.files,
                        "uri": s.uri,
                        "accesses": [
                            {
                                "time": _when(a.time),
                                "recipient": a.recipient,
                                "kind": a.kind,
                                "outcome": a.outcome,
                            }
                            for a in s.accesses
                        ],
                    }
                    for s in summaries
                ]
            ).decode("utf-8")
        )
        return EXIT_OK
    if not summaries:
        print("No links yet.")
        return EXIT_OK
    rows = [("ID", "STATUS", "FLAGS", "CREATED", "EXPIRES", "FILES", "ACCESSES", "LABEL")]
    for s in summaries:
        ok = sum(1 for a in s.accesses if a.outcome == "ok")
        rows.append(
            (
                s.record.id,
                s.status.value,
                (s.record.flags or "-") + ("1" if s.record.one_time else ""),
                _when(s.record.created),
                _when(s.record.expires),
                str(len(s.files)),
                f"{ok}/{len(s.accesses)}",
                s.record.label or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    for s in summaries:
        for a in s.accesses:
            print(f"  {s.record.id}  {_when(a.time)}  {a.kind:<8}  {a.outcome:<16}  {a.recipient}")
    return EXIT_OK


# -- open ------------------------------------------------------------------------------------


# -- issuers -----------------------------------------------------------------------------------
