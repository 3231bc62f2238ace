"""``xshare sign``: a detached JWS beside a file, or a Bundle.signature."""

from __future__ import annotations

import argparse

from xshare_desktop.cli.cmd_keys import add_passphrase_argument, read_passphrase
from xshare_desktop.core.signing import keys
from xshare_desktop.core.signing.files import sign_bundle_file, sign_file


def run(args: argparse.Namespace) -> int:
    identity = keys.load_identity(read_passphrase(args))
    if args.bundle_signature:
        target = sign_bundle_file(args.file, identity, out=args.out, overwrite=args.force)
    else:
        target = sign_file(args.file, identity, out=args.out, overwrite=args.force)
    print(f"Signed by {identity.subject_name}: wrote {target}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sign", help="sign a file (FILE.jws beside it) or a FHIR Bundle (Bundle.signature)"
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--bundle-signature",
        action="store_true",
        help="write a copy of the Bundle with Bundle.signature (NAME.signed.json)",
    )
    parser.add_argument("--out", metavar="FILE", help="where to write (default beside FILE)")
    parser.add_argument("--force", action="store_true", help="replace an existing output")
    add_passphrase_argument(parser)
    parser.set_defaults(func=run)
