"""The ``xshare`` command: a thin front end over the core.

Each sub-command lives in its own module under ``xshare_desktop.cli`` and
exposes ``register(subparsers)``; the parser it adds sets ``func`` to a
function ``(args) -> int``. Exit codes: 0 ok, 1 checks found errors,
2 bad input or usage, 3 access refused (links), 70 an internal error (a bug).

Start-up stays fast: only the module of the command being run is imported.
``xshare --help`` lists the others from ``COMMAND_SUMMARIES`` (a test keeps that
table equal to what each module registers), so cryptography, the FHIR models
and the package loader are not paid for by commands that do not use them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from xshare_desktop import __version__
from xshare_desktop.core.errors import Cancelled, UserFacingError
from xshare_desktop.core.plain_text import terminal_safe

EXIT_OK = 0
EXIT_FAILED_CHECKS = 1
EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug, never the person's input

# Addresses a server may bind without a warning that the network can reach it.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

# Sub-command modules, in the order `xshare --help` lists them.
COMMAND_MODULES: list[str] = [
    "xshare_desktop.cli.cmd_validate",
    "xshare_desktop.cli.cmd_validator",
    "xshare_desktop.cli.cmd_packages",
    "xshare_desktop.cli.cmd_show",
    "xshare_desktop.cli.cmd_share",
    "xshare_desktop.cli.cmd_shl",
    "xshare_desktop.cli.cmd_keys",
    "xshare_desktop.cli.cmd_sign",
    "xshare_desktop.cli.cmd_protect",
    "xshare_desktop.cli.cmd_package",
    "xshare_desktop.cli.cmd_verify",
    "xshare_desktop.cli.cmd_label",
]

# The commands each module registers, with their one-line help, so `xshare --help` can list
# them without importing the module. A module missing here is imported at start-up instead
# (slower, never wrong); tests/unit/test_cli_startup.py keeps this equal to register().
COMMAND_SUMMARIES: dict[str, tuple[tuple[str, str], ...]] = {
    "xshare_desktop.cli.cmd_validate": (
        ("validate", "check FHIR documents (JSON or XML) against their profiles"),
    ),
    "xshare_desktop.cli.cmd_validator": (
        ("validator", "run the validator as a service: FHIR $validate over HTTP"),
    ),
    "xshare_desktop.cli.cmd_packages": (
        ("packages", "list or install FHIR packages (implementation guides)"),
    ),
    "xshare_desktop.cli.cmd_show": (
        ("show", "print the patient, sections and entry summaries of a document"),
    ),
    "xshare_desktop.cli.cmd_share": (
        ("share", "write a selection of a document as FHIR JSON and/or PDF"),
    ),
    "xshare_desktop.cli.cmd_shl": (("shl", "share and open SMART Health Links"),),
    "xshare_desktop.cli.cmd_keys": (("keys", "your signing key, certificate and trusted issuers"),),
    "xshare_desktop.cli.cmd_sign": (
        ("sign", "sign a file (FILE.jws beside it) or a FHIR Bundle (Bundle.signature)"),
    ),
    "xshare_desktop.cli.cmd_protect": (
        ("protect", "protect a file with a password (FILE.jwe)"),
        ("unprotect", "open a password-protected file"),
    ),
    "xshare_desktop.cli.cmd_package": (("package", "make or unpack an xShare package (zip)"),),
    "xshare_desktop.cli.cmd_verify": (
        ("verify", "check that a received file or package is intact and who signed it"),
    ),
    "xshare_desktop.cli.cmd_label": (
        ("label", "test a Yellow Button implementation and write the label evidence pack"),
    ),
}


# Terminal control (escape sequences, carriage returns, bidi overrides) that text taken from
# documents, links, certificates or a network recipient must not smuggle onto the screen.
class _TerminalSafeStream:
    """Wraps stdout/stderr so no command can print raw control characters from its input."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"xshare: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _chosen_command(argv: Sequence[str] | None) -> str | None:
    """The sub-command named on the command line (top-level options take no values)."""
    for arg in sys.argv[1:] if argv is None else argv:
        if not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser; only the module of the command in ``argv`` is imported.

    Without ``argv`` (``None`` and no command in ``sys.argv``), every command is a lightweight
    entry that is enough for ``--help`` and for usage errors.
    """
    parser = _Parser(
        prog="xshare",
        description="xShare Yellow Button: open, check, share and verify EEHRxF health documents offline.",
    )
    parser.add_argument("--version", action="version", version=f"xshare {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details on stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    chosen = _chosen_command(argv)
    for module_name in COMMAND_MODULES:
        summaries = COMMAND_SUMMARIES.get(module_name)
        if summaries is None or any(name == chosen for name, _help in summaries):
            importlib.import_module(module_name).register(subparsers)
            continue
        for name, help_text in summaries:
            subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def _report_internal_error(exc: BaseException, verbose: bool) -> None:
    log = logging.getLogger("xshare")
    log.debug("internal error", exc_info=exc)
    where = ""
    try:
        import traceback

        from xshare_desktop.core import paths

        log_file = paths.log_dir() / "cli-errors.log"
        with log_file.open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)) + "\n")
        where = f"; details are in {log_file}"
    except OSError:
        pass
    print(
        f"xshare: internal error ({type(exc).__name__}): this is a bug in xshare, not a problem "
        f"with your file{where}",
        file=sys.stderr,
    )


def _print_privacy_warnings() -> None:
    from xshare_desktop.core import paths

    for warning in paths.privacy_warnings():
        print(f"xshare: warning: {warning}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    saved = sys.stdout, sys.stderr
    sys.stdout = _TerminalSafeStream(sys.stdout)
    sys.stderr = _TerminalSafeStream(sys.stderr)
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (`xshare show F | head`): not an error worth a traceback.
        # Point stdout at /dev/null so the interpreter's final flush does not complain either.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, saved[0].fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_OK
    finally:
        sys.stdout, sys.stderr = saved


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    _print_privacy_warnings()
    try:
        code: int = args.func(args)
    except UserFacingError as exc:
        print(f"xshare: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (Cancelled, KeyboardInterrupt):
        return 130
    except BrokenPipeError:
        raise
    except RecursionError as exc:
        # Only hostile input nests deep enough to reach this.
        logging.getLogger("xshare").debug("recursion", exc_info=exc)
        print("xshare: the input is nested too deeply to be read.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        _report_internal_error(exc, args.verbose)
        return EXIT_INTERNAL_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
