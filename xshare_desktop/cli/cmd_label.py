"""``xshare label``: the vendor workbench for the xShare Yellow Button label.

``check`` tests documents and/or a link and writes the evidence pack (exit 0 when every
applicable test case passes, 1 when any fails, 2 for bad input); ``serve-test-links`` publishes
the Link Consumer test set on 127.0.0.1; ``declaration --template`` prints a declaration to
edit; ``specs`` lists the content specifications and whether their packages are installed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import dumps_json
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.workbench.results import Verdict

EXIT_OK = 0
EXIT_FAILED_CHECKS = 1
EXIT_BAD_INPUT = 2
SAMPLES_ENV = "XSHARE_SAMPLES_DIR"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "label",
        help="test a Yellow Button implementation and write the label evidence pack",
        description="The xShare label workbench: validate a vendor's documents and SMART Health "
        "Links and write the evidence pack, offline.",
    )
    actions = parser.add_subparsers(dest="label_action", metavar="ACTION")
    actions.required = True

    check = actions.add_parser(
        "check",
        help="test documents and/or a link; write the evidence pack",
        description="Exit 0 when every applicable test case passes, 1 when any fails, 2 for "
        "bad input.",
    )
    check.add_argument(
        "--spec",
        action="append",
        metavar="ID",
        help="content specification to test against (ips, eps, eu-lab, myhealtheu-lab, "
        "eu-hdr, eu-imaging); repeat for several; default: the declaration's, else ips",
    )
    check.add_argument(
        "--docs", metavar="DIR", help="folder of documents (.json, .xml) to validate"
    )
    check.add_argument(
        "--shl", metavar="URI", help="a shlink:/ URI (or viewer URL#shlink:/...) to test"
    )
    check.add_argument("--passcode", help="the link's passcode, when it has flag P")
    check.add_argument(
        "--destructive",
        action="store_true",
        help="also send a wrong passcode (spends one of the link's attempts)",
    )
    check.add_argument("--declaration", metavar="FILE", help="the product's declaration (JSON)")
    check.add_argument(
        "--consumer-results",
        metavar="FILE",
        help='your viewer\'s results on the test links, e.g. {"valid": "pass", "bad-jwe": "fail"}',
    )
    check.add_argument("--out", required=True, metavar="DIR", help="folder for the evidence pack")
    check.add_argument(
        "--executor",
        choices=("auto", "process", "thread", "serial"),
        default="auto",
        help="how documents are validated in parallel (default: auto)",
    )
    check.add_argument("--workers", type=int, metavar="N", help="parallel workers (default: CPUs)")
    check.add_argument("--no-pdf", action="store_true", help="skip evidence.pdf")
    sign = check.add_mutually_exclusive_group()
    sign.add_argument(
        "--sign", action="store_true", help="sign every file (needs your signing key)"
    )
    sign.add_argument(
        "--no-sign", action="store_true", help="do not sign, even when a key is set up"
    )
    check.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the signing key's passphrase from FILE (else $XSHARE_PASSPHRASE)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print only the verdict")
    check.set_defaults(func=run_check)

    serve = actions.add_parser(
        "serve-test-links",
        help="publish the Link Consumer test links on 127.0.0.1 and print them",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    serve.add_argument(
        "--document", metavar="FILE", help="the document the links carry (default: a sample IPS)"
    )
    serve.add_argument("--json", action="store_true", help="print the table as one JSON line")
    serve.set_defaults(func=run_serve_test_links)

    declaration = actions.add_parser("declaration", help="print a declaration template")
    declaration.add_argument(
        "--template", action="store_true", required=True, help="print a template to edit"
    )
    declaration.set_defaults(func=run_declaration)

    specs = actions.add_parser("specs", help="list content specifications and their packages")
    specs.set_defaults(func=run_specs)


# -- check -----------------------------------------------------------------------------------


def _declaration(args: argparse.Namespace) -> Any:
    from xshare_desktop.core.workbench.declaration import declaration_for_run, load_declaration

    if args.declaration:
        return load_declaration(args.declaration)
    return declaration_for_run(list(args.spec or []), sharing=bool(args.shl))


def _spec_ids(args: argparse.Namespace, declaration: Any) -> list[str]:
    from xshare_desktop.core.workbench.specifications import specification

    if args.spec:
        ids = [specification(s).spec_id for s in args.spec]
        if args.declaration:
            undeclared = [s for s in ids if s not in declaration.specification_ids]
            if undeclared:
                raise UserFacingError(
                    f"The declaration does not claim {', '.join(undeclared)}; add it to the "
                    "declaration or leave out --spec."
                )
        return ids
    return list(declaration.specification_ids)


def _signer(args: argparse.Namespace) -> Any:
    from xshare_desktop.core.signing import keys
    from xshare_desktop.core.signing.jws import sign_bytes

    if args.no_sign:
        return None
    has_secret = bool(args.passphrase_file or os.environ.get("XSHARE_PASSPHRASE"))
    if not args.sign and not (keys.has_identity() and has_secret):
        return None
    if not keys.has_identity():
        raise UserFacingError(
            "--sign needs a signing key; create one with `xshare keys create --name NAME`."
        )
    from xshare_desktop.cli.cmd_keys import read_passphrase

    identity = keys.load_identity(read_passphrase(args))
    return lambda data, media: sign_bytes(data, identity, media)


def _pdf_renderer(args: argparse.Namespace) -> Any:
    if args.no_pdf:
        return None
    try:
        from xshare_desktop.render.pdf import render_pdf
    except ImportError:
        print("xshare: no PDF renderer available; evidence.pdf is skipped.", file=sys.stderr)
        return None
    return render_pdf


def _printer(quiet: bool) -> Progress:
    last = [-1]

    def show(done: int, total: int, text: str) -> None:
        if quiet or not total:
            return
        percent = done * 100 // total
        if percent != last[0] and (percent % 10 == 0 or done == total):
            last[0] = percent
            print(f"  {done}/{total} {text}", file=sys.stderr, flush=True)

    return Progress(show)


def run_check(args: argparse.Namespace) -> int:
    from xshare_desktop.core.workbench.content_tests import (
        load_document_validator,
        validate_folder,
    )
    from xshare_desktop.core.workbench.evidence import write_evidence_pack
    from xshare_desktop.core.workbench.evidence_pack import EvidencePack
    from xshare_desktop.core.workbench.link_payload import check_payload
    from xshare_desktop.core.workbench.provider_checks import LinkTestOptions, run_link_tests
    from xshare_desktop.core.workbench.specifications import require_installed, specification

    if not args.docs and not args.shl and not args.consumer_results:
        raise UserFacingError(
            "Nothing to check: give --docs DIR, --shl URI, --consumer-results FILE or several."
        )
    if args.workers is not None and not 1 <= args.workers <= 64:
        raise UserFacingError("--workers must be between 1 and 64.")
    declaration = _declaration(args)
    spec_ids = _spec_ids(args, declaration)
    for spec_id in spec_ids:
        require_installed(specification(spec_id))
    if args.shl:
        payload = check_payload(args.shl).body or {}
        if "P" in str(payload.get("flag", "")) and not args.passcode:
            raise UserFacingError("The link needs a passcode (flag P): give --passcode.")
    signer = _signer(args)
    pdf_renderer = _pdf_renderer(args)
    out = Path(args.out)
    pack = EvidencePack(declaration)
    if args.consumer_results:
        from xshare_desktop.core.workbench.consumer_results import (
            consumer_cases,
            load_consumer_ticks,
        )

        pack.consumer = consumer_cases(load_consumer_ticks(args.consumer_results))

    if args.docs:
        if not args.quiet:
            print(f"Validating the documents in {args.docs}", file=sys.stderr, flush=True)
        pack.content = validate_folder(
            args.docs,
            spec_ids,
            executor=args.executor,
            workers=args.workers,
            progress=_printer(args.quiet),
        )
    if args.shl:
        if not args.quiet:
            print("Testing the link", file=sys.stderr, flush=True)
        validator = load_document_validator(spec_ids)
        options = LinkTestOptions(passcode=args.passcode, allow_destructive=args.destructive)
        pack.links.append(run_link_tests(args.shl, options, validator=validator))

    write_evidence_pack(pack, out, pdf_renderer=pdf_renderer, signer=signer)
    counts = pack.tally
    if not args.quiet:
        for case in pack.cases:
            if case.verdict is Verdict.FAIL:
                print(f"FAIL {case.case_id}: {case.evidence}")
    verdict = "PASS" if pack.ok else "FAIL"
    print(
        f"{verdict}: {counts.passed} passed, {counts.failed} failed, "
        f"{counts.not_applicable} not applicable. Evidence pack: {out}"
        + (" (signed)" if signer else "")
    )
    return EXIT_OK if pack.ok else EXIT_FAILED_CHECKS


# -- serve-test-links -------------------------------------------------------------------------


def default_test_document() -> Path:
    override = os.environ.get(SAMPLES_ENV)
    folder = Path(override) if override else Path(__file__).resolve().parents[2] / "samples"
    candidates = sorted(folder.glob("ips-*.json")) if folder.is_dir() else []
    if not candidates:
        raise UserFacingError(
            "No sample document found for the test links; give one with --document FILE."
        )
    return candidates[0]


def run_serve_test_links(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl.content import share_files_from_paths
    from xshare_desktop.core.workbench.consumer_links import serve_test_links

    document_path = Path(args.document) if args.document else default_test_document()
    document = share_files_from_paths([document_path])[0]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            "xshare: warning: the test links are reachable from the local network.",
            file=sys.stderr,
        )
    try:
        host = serve_test_links(document, host=args.host, port=args.port)
    except OSError as exc:
        raise UserFacingError(
            f"The test link host cannot listen on {args.host}:{args.port}: {exc.strerror or exc}."
        ) from None
    try:
        if args.json:
            table = {"baseUrl": host.base_url, "links": [link.as_dict() for link in host.links]}
            print(dumps_json(table, indent=False).decode("utf-8"), flush=True)
        else:
            _print_table(host.base_url, host.links, document_path.name)
        print("xshare: test links served; press Ctrl-C to stop.", file=sys.stderr, flush=True)
        stop = threading.Event()

        def _on_signal(signum: int, frame: FrameType | None) -> None:
            stop.set()

        previous = signal.signal(signal.SIGTERM, _on_signal)
        try:
            while not stop.is_set():
                stop.wait(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
    finally:
        host.stop()
    print("xshare: test links stopped.", file=sys.stderr)
    return EXIT_OK


def _print_table(base_url: str, links: list[Any], document_name: str) -> None:
    print(f"Link Consumer test links on {base_url}, carrying {document_name}")
    print("Point your SHL viewer at each link; it should behave as the expected column says.\n")
    for index, link in enumerate(links, start=1):
        passcode = f"  passcode: {link.passcode}" if link.passcode else ""
        rule = "" if link.conformant else "  (breaks a rule on purpose)"
        print(f"{index:>2}. {link.case_id}: {link.title}{rule}{passcode}")
        print(f"    expected: {link.expected}")
        print(f"    {link.uri}\n")
    sys.stdout.flush()


# -- declaration, specs ------------------------------------------------------------------------


def run_declaration(args: argparse.Namespace) -> int:
    from xshare_desktop.core.workbench.declaration import template

    sys.stdout.write(dumps_json(template()).decode("utf-8"))
    return EXIT_OK


def run_specs(args: argparse.Namespace) -> int:
    from xshare_desktop.core.workbench.specifications import CATEGORY_TITLES, availability

    for item in availability():
        spec = item.spec
        print(
            f"{spec.spec_id:<15} {CATEGORY_TITLES[spec.category]:<26} {spec.title} — "
            f"{item.status_text}"
        )
    return EXIT_OK
