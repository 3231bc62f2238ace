"""``xshare validator serve``: FHIR ``$validate`` over HTTP with the packages kept warm.

The same checks as ``xshare validate``, for a team or a CI that shares one validator:
``POST http://127.0.0.1:PORT/$validate`` (or ``/{type}/$validate``) with FHIR JSON or XML, or a
Parameters resource; the answer is an OperationOutcome.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from xshare_desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK, LOOPBACK_HOSTS

DEFAULT_PORT = 8590


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validator",
        help="run the validator as a service: FHIR $validate over HTTP",
        description="Serve FHIR $validate on this computer (127.0.0.1 unless --host says "
        "otherwise), with the FHIR packages loaded once and kept warm.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    serve = actions.add_parser("serve", help="serve $validate until stopped (Ctrl+C)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    serve.add_argument(
        "--ig", action="append", default=[], metavar="NAME#VERSION", help="also load this package"
    )
    serve.add_argument("--cache", metavar="DIR", help="FHIR package cache folder")
    serve.add_argument("--threads", type=int, default=4, help="worker threads (default 4)")
    serve.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from xshare_desktop.core.validation.service import create_app
    from xshare_desktop.core.wsgi_server import ServerLimits, serve_wsgi

    if args.host not in LOOPBACK_HOSTS:
        print(
            "xshare: warning: the validator is reachable from the network; anyone who can "
            "reach this address can send it documents to check.",
            file=sys.stderr,
        )
    app = create_app(args.ig, args.cache)
    for warning in app.context.warnings:
        print(f"xshare: note: {warning}", file=sys.stderr)
    limits = ServerLimits(
        threads=max(1, args.threads),
        max_request_body=app.max_body,
        request_deadline=300.0,  # a 100 MB document over a slow line
        read_timeout=30,
    )
    try:
        running = serve_wsgi(app, args.host, args.port, limits=limits, name="validator")
    except OSError as exc:
        print(f"xshare: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Validating at http://{shown}:{running.port}/$validate (Ctrl+C stops)", flush=True)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        while not stopped.wait(0.5) and running.running:
            pass
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return EXIT_OK
