"""What the person chose in the share wizard (``FlowOptions``), and that choice as the core's options.

``share_options`` is what to prepare (formats, pseudonymising, language), ``delivery_for`` how
to deliver it (files or a link): the same objects the CLI builds from its arguments.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.sharing.writer import ShareOptions
from xshare_desktop.core.shl.provider import LinkOptions
from xshare_desktop.gui.flow.step_how import LINK

# Seconds a link lives; None = until the person revokes it.
EXPIRY_CHOICES: tuple[int | None, ...] = (3600, 86400, 7 * 86400, 30 * 86400, None)
DEFAULT_EXPIRY = 2


@dataclass(frozen=True)
class FlowOptions:
    sign: bool = False
    password: str | None = None
    package: bool = False
    folder: str = ""
    passcode: str | None = None
    expires_in: int | None = 7 * 86400
    one_time: bool = False
    long_term: bool = False
    label: str | None = None
    local_network: bool = False
    pseudonymise: bool = False
    language: str | None = None
    formats: tuple[str, ...] = ("fhir-json", "pdf")
    # an unprotected copy of the PDF the person keeps to look at and print (protected shares)
    open_copy_folder: str | None = None


def share_options(plan: FlowOptions, file_language: str) -> ShareOptions:
    return ShareOptions(
        formats=plan.formats,
        pseudonymise=plan.pseudonymise,
        language=plan.language,
        file_language=file_language,  # file names in the person's language
    )


def delivery_for(
    plan: FlowOptions, method: str
) -> delivery.DownloadOptions | delivery.LinkDelivery:
    if method == LINK:
        expires = time.time() + plan.expires_in if plan.expires_in is not None else None
        return delivery.LinkDelivery(
            link=LinkOptions(
                passcode=plan.passcode,
                expires=expires,
                one_time=plan.one_time,
                long_term=plan.long_term,
                label=plan.label,
            ),
            sign=plan.sign,
            host_viewer=True,  # a phone's camera opens http(s)://HOST/view#shlink:/...
            local_network=plan.local_network,
        )
    return delivery.DownloadOptions(sign=plan.sign, password=plan.password, package=plan.package)
