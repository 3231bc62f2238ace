"""``xshare share`` delivery options: --sign, --passphrase-file, --password-file, --package.

The share is prepared in memory and delivered by ``core.sharing.delivery``
(signed, protected, packaged, each output written once), so a protected share
never leaves a plain copy anywhere on disk.
"""

from __future__ import annotations

import argparse
from typing import Any

from xshare_desktop.cli.cmd_keys import PASSPHRASE_ENV, read_passphrase
from xshare_desktop.cli.cmd_protect import read_password
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import PdfRenderer, ShareOptions, ShareResult
from xshare_desktop.core.signing import keys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sign",
        action="store_true",
        help="sign every file with your key (a detached signature NAME.jws beside it)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"with --sign: your key's passphrase from FILE (else ${PASSPHRASE_ENV}, else asked)",
    )
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        help="protect the files with the password in FILE (a forgotten one cannot be recovered)",
    )
    parser.add_argument(
        "--open-copy",
        metavar="DIR",
        help=(
            "also keep an unprotected copy of the PDF in DIR, for you to look at and print "
            "(anyone who can open DIR can read it; use with --format pdf)"
        ),
    )
    parser.add_argument(
        "--package",
        action="store_true",
        help="write one xShare package (.xshare.zip, or .xshare.jwe with a password)",
    )


def share_and_deliver(
    args: argparse.Namespace,
    raw: dict[str, Any],
    selection: Selection,
    options: ShareOptions,
    renderer: PdfRenderer | None,
) -> ShareResult:
    """The one share pipeline: prepare in memory, sign/protect/package, write each output once.

    Returns what was written, in ``share()``'s shape.
    """
    if args.passphrase_file and not args.sign:
        raise UserFacingError("--passphrase-file is the key's passphrase for --sign; add --sign.")
    identity = None
    if args.sign:
        if not keys.has_identity():
            raise UserFacingError(
                "There is no signing key yet. Create one first: xshare keys create --name NAME "
                "--demo-ca"
            )
        identity = keys.load_identity(read_passphrase(args))
        if renderer is not None:
            from xshare_desktop.render.share_pdf import share_pdf_renderer

            renderer = share_pdf_renderer(identity.subject_name)  # the PDF names its signer
    password = read_password(args, confirm=False) if args.password_file else None
    result = delivery.share_and_deliver(
        raw,
        selection,
        options,
        delivery.DownloadOptions(
            sign=args.sign, password=password, package=args.package, overwrite=options.overwrite
        ),
        out_dir=args.out,
        identity=identity,
        pdf_renderer=renderer,
        open_copy_dir=args.open_copy,
    )
    if result.signer:
        print(f"signed by {result.signer}")
    if result.protected:
        print("protected with a password that cannot be recovered if forgotten")
    for copy in result.open_copies:
        print(
            f"kept an unprotected copy for you to look at and print: {copy} "
            "(it is not protected: anyone who can open that folder can read it)"
        )
    assert result.share is not None
    return result.share
