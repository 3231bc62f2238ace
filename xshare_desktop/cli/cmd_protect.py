"""``xshare protect`` / ``xshare unprotect``: password protection as PBES2 JWE."""

from __future__ import annotations

import argparse

from xshare_desktop.cli.cmd_keys import read_secret
from xshare_desktop.core.signing.files import protect_file, unprotect_file

PASSWORD_ENV = "XSHARE_PASSWORD"


def add_password_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--password-file", metavar="FILE", help=help_text)


def read_password(args: argparse.Namespace, *, confirm: bool) -> str:
    return read_secret(
        file=getattr(args, "password_file", None),
        env=PASSWORD_ENV,
        prompt="Password: ",
        confirm=confirm,
        flag="--password-file",
    )


def run_protect(args: argparse.Namespace) -> int:
    password = read_password(args, confirm=True)
    target = protect_file(args.file, password, out=args.out, overwrite=args.force)
    print(f"Wrote {target}. A forgotten password cannot be recovered.")
    return 0


def run_unprotect(args: argparse.Namespace) -> int:
    password = read_password(args, confirm=False)
    target = unprotect_file(args.file, password, out=args.out, overwrite=args.force)
    print(f"Wrote {target}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    protect = subparsers.add_parser("protect", help="protect a file with a password (FILE.jwe)")
    protect.add_argument("file", metavar="FILE")
    protect.add_argument("--out", metavar="FILE.jwe", help="default: FILE.jwe beside FILE")
    protect.add_argument("--force", action="store_true", help="replace an existing output")
    add_password_argument(
        protect, f"read the password from FILE (else ${PASSWORD_ENV}, else ask twice)"
    )
    protect.set_defaults(func=run_protect)

    unprotect = subparsers.add_parser("unprotect", help="open a password-protected file")
    unprotect.add_argument("file", metavar="FILE.jwe")
    unprotect.add_argument("--out", metavar="FILE", help="default: the name without .jwe")
    unprotect.add_argument("--force", action="store_true", help="replace an existing output")
    add_password_argument(
        unprotect, f"read the password from FILE (else ${PASSWORD_ENV}, else ask)"
    )
    unprotect.set_defaults(func=run_unprotect)
