"""``xshare verify PATH``: exit 0 only when everything verifies.

Exit 1 when verification fails (changed, bad signature, untrusted or unsigned,
expired); exit 2 when the input cannot be read at all or the password is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from xshare_desktop.cli.cmd_protect import PASSWORD_ENV, add_password_argument, read_password
from xshare_desktop.core.signing.jws import SignatureCheck
from xshare_desktop.core.signing.password import PasswordRequired
from xshare_desktop.core.signing.verify import VerificationReport, verify_path


def _when(value: object) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value is not None else "unknown"


def describe_signature(check: SignatureCheck, indent: str = "    ") -> list[str]:
    if not check.intact and check.signer is None:
        return [f"{indent}{check.label or 'signature'}: {p}" for p in check.problems]
    if not check.intact:
        named = f"{indent}{check.label or 'signature'}: names {check.signer}, but does not match"
        return [named] + [f"{indent}problem: {p}" for p in check.problems]
    email = f" <{check.signer_email}>" if check.signer_email else ""
    trusted = f"trusted via {check.trust_anchor}" if check.trusted else "NOT trusted"
    label = f"{check.label}: " if check.label else ""
    lines = [
        f"{indent}{label}signed by {check.signer}{email}; issuer {check.issuer} ({trusted})",
        f"{indent}signed at {_when(check.signing_time)}; certificate valid "
        f"{_when(check.not_before)} to {_when(check.not_after)} "
        f"(at signing: {'yes' if check.valid_at_signing else 'no'}, "
        f"now: {'yes' if check.valid_now else 'no'})",
    ]
    lines += [f"{indent}problem: {p}" for p in check.problems]
    if check.untrusted_reason:
        lines.append(f"{indent}note: {check.untrusted_reason}")
    return lines


def format_text(report: VerificationReport) -> str:
    lines = [f"{report.verdict.value.upper()}: {report.headline}"]
    if report.protected:
        lines.append("  (opened with the password)")
    if report.package:
        signer = report.package.get("signer") or "nobody (unsigned)"
        lines.append(f"  package created {report.package.get('created')} by {signer}")
    if report.manifest_signature is not None:
        lines.append("  manifest.json:")
        lines += describe_signature(report.manifest_signature)
    for item in report.files:
        lines.append(f"  {item.name}: {item.state.value} - {item.message}")
        for check in item.signatures:
            lines += describe_signature(check)
    lines += [f"  {m}" for m in report.messages]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    password = None
    if args.password_file or os.environ.get(PASSWORD_ENV):
        password = read_password(args, confirm=False)
    try:
        report = verify_path(args.path, password)
    except PasswordRequired:
        if not sys.stdin.isatty():
            raise
        report = verify_path(args.path, read_password(args, confirm=False))
    if args.format == "json":
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_text(report))
    return 0 if report.ok else 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "verify", help="check that a received file or package is intact and who signed it"
    )
    parser.add_argument("path", metavar="PATH", help="a file (with NAME.jws), a .jwe, or a package")
    add_password_argument(
        parser, f"read the password from FILE (else ${PASSWORD_ENV}, else ask when needed)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)
