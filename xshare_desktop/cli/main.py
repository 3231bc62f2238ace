"""The ``xshare`` command: a thin front end over the core.

Each sub-command lives in its own module under ``xshare_desktop.cli`` and
exposes ``register(subparsers)``; the parser it adds sets ``func`` to a
function ``(args) -> int``. Exit codes: 0 ok, 1 checks found errors,
2 bad input or usage, 3 access refused (links).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from xshare_desktop import __version__
from xshare_desktop.core.errors import Cancelled, UserFacingError

EXIT_OK = 0
EXIT_FAILED_CHECKS = 1
EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3

# Sub-command modules, in the order `xshare --help` lists them.
COMMAND_MODULES: list[str] = [
    "xshare_desktop.cli.cmd_packages",
    "xshare_desktop.cli.cmd_show",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"xshare: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="xshare",
        description="xShare Yellow Button: open, check, share and verify EEHRxF health documents offline.",
    )
    parser.add_argument("--version", action="version", version=f"xshare {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details on stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    try:
        code: int = args.func(args)
    except UserFacingError as exc:
        print(f"xshare: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Cancelled:
        return 130
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
