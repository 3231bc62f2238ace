"""``xshare keys``: the person's signing key, certificate and trusted issuers."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import read_input_bytes
from xshare_desktop.core.signing import demo_ca, keys
from xshare_desktop.core.signing.trust import TrustStore

PASSPHRASE_ENV = "XSHARE_PASSPHRASE"
MAX_SECRET_FILE_BYTES = 4096


def read_secret(*, file: str | None, env: str, prompt: str, confirm: bool, flag: str) -> str:
    """A passphrase or password from a file, the environment, or the terminal (in that order)."""
    if file:
        try:
            text = read_input_bytes(file, max_bytes=MAX_SECRET_FILE_BYTES).decode("utf-8")
        except UnicodeDecodeError:
            raise UserFacingError(f"{Path(file).name} is not UTF-8 text.") from None
        return text.rstrip("\r\n")
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserFacingError(f"A secret is needed: give {flag} FILE or set {env}.")
    first = getpass.getpass(prompt)
    if confirm:
        second = getpass.getpass("Type it again: ")
        if first != second:
            raise UserFacingError("The two entries differ; nothing was changed.")
    return first


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return read_secret(
        file=getattr(args, "passphrase_file", None),
        env=PASSPHRASE_ENV,
        prompt="Passphrase of your signing key: ",
        confirm=confirm,
        flag="--passphrase-file",
    )


def add_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the key's passphrase from FILE (else ${PASSPHRASE_ENV}, else ask)",
    )


def _print_identity() -> None:
    summary = keys.identity_summary()
    if summary is None:
        print("Signing key: none yet (xshare keys create --name NAME)")
        return
    email = f" <{summary.email}>" if summary.email else ""
    issuer = "self-signed" if summary.self_signed else f"issued by {summary.issuer}"
    print(f"Signing key: {summary.name}{email}, {issuer}")
    print(
        f"  valid {summary.not_before:%Y-%m-%d} to {summary.not_after:%Y-%m-%d}, "
        f"SHA-256 {summary.fingerprint}"
    )


def _print_trusted(store: TrustStore) -> None:
    issuers = store.issuers()
    if not issuers:
        print("Trusted issuers: none (xshare keys trust add CERT.pem)")
        return
    print("Trusted issuers:")
    for issuer in issuers:
        print(f"  {issuer.name} (until {issuer.not_after:%Y-%m-%d}) SHA-256 {issuer.fingerprint}")


def run_create(args: argparse.Namespace) -> int:
    if keys.has_identity() and not args.replace:
        raise UserFacingError(
            "A signing key already exists on this computer; add --replace to make a new one "
            "(the old key cannot be recovered afterwards)."
        )
    passphrase = read_passphrase(args, confirm=True)
    keys.create_identity(
        args.name, passphrase, email=args.email, use_demo_ca=args.demo_ca, overwrite=args.replace
    )
    if args.demo_ca:
        TrustStore().add_file(demo_ca.certificate_path())
        print(
            f"The demo certificate authority ({demo_ca.DEMO_CA_NAME}) issued your certificate and "
            "is now trusted on this computer. It is for demonstrations only."
        )
    print("Keep your passphrase safe: it cannot be recovered, and without it the key is useless.")
    _print_identity()
    return 0


def run_import(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args)
    keys.import_pkcs12(args.file, passphrase, overwrite=args.replace)
    print(f"Imported {Path(args.file).name}; it is stored encrypted with the same passphrase.")
    _print_identity()
    return 0


def run_export(args: argparse.Namespace) -> int:
    target = keys.export_certificate(
        args.out,
        encoding="der" if args.der else "pem",
        with_chain=args.chain,
        overwrite=args.force,
    )
    print(f"Wrote {target}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    _print_identity()
    _print_trusted(TrustStore())
    return 0


def run_trust_add(args: argparse.Namespace) -> int:
    for issuer in TrustStore().add_file(args.certificate):
        print(f"Now trusted: {issuer.name} (SHA-256 {issuer.fingerprint})")
    return 0


def run_trust_remove(args: argparse.Namespace) -> int:
    removed = TrustStore().remove(args.fingerprint)
    print(f"No longer trusted: {removed.name}")
    return 0


def run_trust_list(args: argparse.Namespace) -> int:
    _print_trusted(TrustStore())
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("keys", help="your signing key, certificate and trusted issuers")
    commands = parser.add_subparsers(dest="keys_command", metavar="ACTION")
    commands.required = True

    create = commands.add_parser("create", help="make a signing key and certificate")
    create.add_argument("--name", required=True, help="the name the certificate carries")
    create.add_argument("--email", help="an e-mail address for the certificate")
    create.add_argument(
        "--demo-ca",
        action="store_true",
        help="have the local demo CA issue the certificate and trust that CA here",
    )
    create.add_argument("--replace", action="store_true", help="replace an existing key")
    add_passphrase_argument(create)
    create.set_defaults(func=run_create)

    import_ = commands.add_parser("import", help="import a key and certificate from PKCS#12")
    import_.add_argument("file", metavar="FILE.p12")
    import_.add_argument("--replace", action="store_true", help="replace an existing key")
    add_passphrase_argument(import_)
    import_.set_defaults(func=run_import)

    export = commands.add_parser("export-cert", help="write your certificate to a file")
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--der", action="store_true", help="DER instead of PEM (leaf only)")
    export.add_argument("--chain", action="store_true", help="include the issuer certificates")
    export.add_argument("--force", action="store_true", help="replace an existing file")
    export.set_defaults(func=run_export)

    listing = commands.add_parser("list", help="show your key and the trusted issuers")
    listing.set_defaults(func=run_list)

    trust = commands.add_parser("trust", help="manage the issuers you trust")
    trust_commands = trust.add_subparsers(dest="trust_command", metavar="ACTION")
    trust_commands.required = True
    add = trust_commands.add_parser("add", help="trust the issuer certificate(s) in a file")
    add.add_argument("certificate", metavar="CERT.pem")
    add.set_defaults(func=run_trust_add)
    remove = trust_commands.add_parser("remove", help="stop trusting an issuer")
    remove.add_argument("fingerprint", help="SHA-256 fingerprint (at least 8 hex digits)")
    remove.set_defaults(func=run_trust_remove)
    trust_list = trust_commands.add_parser("list", help="list trusted issuers")
    trust_list.set_defaults(func=run_trust_list)
