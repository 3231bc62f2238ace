"""``xshare packages``: list the FHIR package cache and install packages into it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import PackageCache, PackageInfo, parse_package_spec
from xshare_desktop.core.progress import Progress


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "packages",
        help="list or install FHIR packages (implementation guides)",
        description="The FHIR package cache shared with the HL7 tools (~/.fhir/packages "
        "unless XSHARE_FHIR_CACHE says otherwise).",
    )
    parser.add_argument("--cache", metavar="DIR", help="use this package cache folder")
    actions = parser.add_subparsers(dest="packages_action", metavar="ACTION")
    actions.required = True

    listing = actions.add_parser("list", help="show the installed packages")
    listing.set_defaults(func=run_list)

    install = actions.add_parser(
        "install",
        help="install a package by name#version, from a .tgz file or from a folder",
    )
    install.add_argument("source", metavar="NAME#VERSION|FILE.tgz|FOLDER")
    install.add_argument(
        "--registry",
        action="append",
        metavar="URL",
        help="registry speaking the npm protocol (repeat for fallbacks; default: "
        "XSHARE_FHIR_REGISTRIES)",
    )
    install.add_argument(
        "--replace", action="store_true", help="replace the package if it is already installed"
    )
    install.set_defaults(func=run_install)


def _cache(args: argparse.Namespace) -> PackageCache:
    return PackageCache(args.cache) if args.cache else PackageCache()


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def run_list(args: argparse.Namespace) -> int:
    cache = _cache(args)
    packages = cache.list()
    if not packages:
        print(f"No FHIR packages are installed in {cache.root}.")
        return 0
    rows: list[tuple[str, ...]] = [("NAME", "VERSION", "FHIR", "PATH")]
    rows += [
        (p.name, p.version, ", ".join(p.fhir_versions) or "-", str(p.path.parent)) for p in packages
    ]
    print(_table(rows))
    return 0


def _describe(info: PackageInfo) -> str:
    return f"{info.name} {info.version}" + (f" ({info.title})" if info.title else "")


_FILE_SUFFIXES = (".tgz", ".gz", ".tar", ".json", ".zip")


def run_install(args: argparse.Namespace) -> int:
    cache = _cache(args)
    source = Path(args.source)
    if source.is_dir():
        info = cache.install_folder(source, replace=args.replace)
        print(f"Installed {_describe(info)} in {info.path.parent}")
        return 0
    if source.suffix in (".tgz", ".gz") or source.is_file():
        if not source.is_file():
            raise UserFacingError(f"The file {source} does not exist.")
        info = cache.install_tgz(source, replace=args.replace)
        print(f"Installed {_describe(info)} in {info.path.parent}")
        return 0
    if any(sep in args.source for sep in "/\\") or source.suffix.lower() in _FILE_SUFFIXES:
        # A path, not a package name: say the file is missing rather than "not a name".
        raise UserFacingError(f"The file {source} does not exist.")
    name, version = parse_package_spec(args.source)

    def show(done: int, total: int, text: str) -> None:
        if text:
            print(f"[{done + 1}/{total}] {text}", file=sys.stderr)

    from xshare_desktop.core.fhir_packages.registry import install_from_registry

    report = install_from_registry(
        cache, name, version, registries=args.registry, progress=Progress(show)
    )
    for info in report.installed:
        print(f"Installed {_describe(info)} in {info.path.parent}")
    for info in report.already_present:
        print(f"Already installed: {_describe(info)}")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
