"""The recipient's side of ``xshare shl``: open a link (fetch, decrypt, verify, validate, save)
and keep the list of trusted SMART Health Card issuers. ``cmd_shl`` registers the commands.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from xshare_desktop.cli.main import EXIT_FAILED_CHECKS, EXIT_OK, EXIT_REFUSED
from xshare_desktop.core.errors import UserFacingError

DEFAULT_RECIPIENT = "xshare-desktop recipient"


def _link_text(link: str) -> str:
    from xshare_desktop.core.shl import qr
    from xshare_desktop.core.shl.payload import SCHEME

    if SCHEME in link.lower():
        return link
    path = Path(link)
    if path.is_file():
        return qr.decode_qr_file(path)
    raise UserFacingError(
        "LINK must be a shlink:/ URI, a viewer URL ending in #shlink:/..., or a QR code image."
    )


def run_open(args: argparse.Namespace) -> int:
    from xshare_desktop.core.receiving import receive
    from xshare_desktop.core.shl import client
    from xshare_desktop.core.shl.payload import decode_uri

    payload = decode_uri(_link_text(args.link))
    passcode = args.passcode
    if payload.needs_passcode and not passcode:
        if not sys.stdin.isatty():
            raise client.PasscodeRequired()
        passcode = getpass.getpass("Passcode: ")
    try:
        retrieval = client.retrieve(
            payload,
            recipient=args.recipient,
            passcode=passcode,
            embedded_length_max=args.embedded_max,
            deadline=args.deadline,
        )
    except client.LinkAccessRefused as exc:
        print(f"xshare: access refused: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    received = receive.unpack(retrieval)
    receive.check_signatures(received)
    written = receive.save(received, args.out)
    if not args.no_validate:
        receive.validate_documents(received)
    problems = 0
    if payload.label:
        print(f"Link: {payload.label}")
    for path in written:
        print(f"saved {path}")
    for note in received.notes:
        print(f"note: {note}")
    problems += _print_cards(received)
    for result in received.signatures:
        check = result.check
        target = result.signed_name or "no file in the link"
        if check.status == "ok":
            print(
                f"signature {result.signature_name}: valid, signs {target}, signed by {check.signer}"
            )
        elif check.status == "untrusted":
            print(
                f"signature {result.signature_name}: intact, signs {target}, signed by "
                f"{check.signer}, but the signer is not trusted: {check.untrusted_reason}"
            )
        else:
            problems += 1
            print(f"signature {result.signature_name}: NOT VALID: {'; '.join(check.problems)}")
    for validation in received.validations:
        verdict = validation.result
        errors, warnings = len(verdict.errors), len(verdict.warnings)
        against = f" against {verdict.profile}" if verdict.profile else ""
        if errors:
            problems += 1
            print(
                f"validation {validation.name}{against}: {errors} error(s), {warnings} warning(s)"
            )
            for issue in verdict.errors[:10]:
                print(f"  error at {issue.expression}: {issue.message}")
            if errors > 10:
                print(f"  ... and {errors - 10} more")
        else:
            print(f"validation {validation.name}{against}: no errors, {warnings} warning(s)")
    return EXIT_FAILED_CHECKS if problems else EXIT_OK


def _print_cards(received: Any) -> int:
    """Each SMART Health Card: its verdict, then what it says; the number found invalid."""
    from xshare_desktop.core.shl import health_card

    invalid = 0
    for card in received.cards:
        if card.status == health_card.INVALID:
            invalid += 1
            print(f"health card {card.index}: NOT VALID: {card.reason}")
        else:
            print(f"health card {card.index}: {card.reason}")
        for line in health_card.card_lines(card):
            print(f"  {line}")
    return invalid


def run_issuers_add(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl.issuers import IssuerStore

    issuer = IssuerStore().add_file(args.iss, args.jwks, name=args.name)
    print(f"Now trusted: {issuer.name} ({issuer.iss}), {len(issuer.keys)} key(s)")
    return EXIT_OK


def run_issuers_list(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl.issuers import IssuerStore

    issuers = IssuerStore().issuers()
    if not issuers:
        print("Trusted health card issuers: none (xshare shl issuers add JWKS --iss URL)")
        return EXIT_OK
    print("Trusted health card issuers:")
    for issuer in issuers:
        print(f"  {issuer.name}  {issuer.iss}  keys: {', '.join(issuer.kids)}")
    return EXIT_OK


def run_issuers_remove(args: argparse.Namespace) -> int:
    from xshare_desktop.core.shl.issuers import IssuerStore

    removed = IssuerStore().remove(args.iss)
    print(f"No longer trusted: {removed.name} ({removed.iss})")
    return EXIT_OK
