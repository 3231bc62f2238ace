"""``xshare package``: one file to hand over (zip with manifest and signatures)."""

from __future__ import annotations

import argparse
from pathlib import Path

from xshare_desktop.cli.cmd_keys import add_passphrase_argument, read_passphrase
from xshare_desktop.cli.cmd_protect import PASSWORD_ENV, add_password_argument, read_password
from xshare_desktop.cli.cmd_verify import format_text
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing import keys
from xshare_desktop.core.signing.password import PasswordRequired
from xshare_desktop.core.signing.verify import verify_path
from xshare_desktop.core.signing.xshare_package import extract_members, write_package


def run_create(args: argparse.Namespace) -> int:
    signer = keys.load_identity(read_passphrase(args)) if args.sign else None
    password = read_password(args, confirm=True) if args.password_file or args.protect else None
    target = write_package(
        args.files, args.out, signer=signer, password=password, overwrite=args.force
    )
    details = []
    if signer is not None:
        details.append(f"signed by {signer.subject_name}")
    if password is not None:
        details.append("protected with a password that cannot be recovered if forgotten")
    print(f"Wrote {target}" + (f" ({'; '.join(details)})" if details else ""))
    return 0


def run_extract(args: argparse.Namespace) -> int:
    password = read_password(args, confirm=False) if args.password_file else None
    try:
        report = verify_path(args.package, password)
    except PasswordRequired:
        report = verify_path(args.package, read_password(args, confirm=False))
    if report.kind != "package":
        raise UserFacingError(
            f"{Path(args.package).name} is not an xShare package; nothing was extracted."
        )
    print(format_text(report))
    written = extract_members(report.intact_files, args.out)
    for path in written:
        print(f"Saved {path}")
    return 0 if report.ok else 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("package", help="make or unpack an xShare package (zip)")
    commands = parser.add_subparsers(dest="package_command", metavar="ACTION")
    commands.required = True

    create = commands.add_parser("create", help="put files, signatures and a manifest in a zip")
    create.add_argument("files", nargs="+", metavar="FILE")
    create.add_argument(
        "--out", required=True, metavar="X.zip", help="use X.xshare.jwe with a password"
    )
    create.add_argument("--sign", action="store_true", help="sign every file and the manifest")
    create.add_argument(
        "--protect",
        action="store_true",
        help=f"protect the whole package (password from ${PASSWORD_ENV} or asked)",
    )
    add_password_argument(create, "protect the whole package with the password in FILE")
    create.add_argument("--force", action="store_true", help="replace an existing output")
    add_passphrase_argument(create)
    create.set_defaults(func=run_create)

    extract = commands.add_parser(
        "extract", help="verify a package and save its intact files into a folder"
    )
    extract.add_argument("package", metavar="PACKAGE")
    extract.add_argument("--out", required=True, metavar="DIR")
    add_password_argument(extract, "read the password from FILE")
    extract.set_defaults(func=run_extract)
