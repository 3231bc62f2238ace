"""What a product claims for the xShare Yellow Button label: features, roles, content, options.

The declaration is the vendor's conformance statement before any test runs (Bronze is exactly
this, self-assessed); the evidence pack fills it in with results. It is plain JSON so vendors can
keep it in their repository and pass it to ``xshare label check --declaration``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import load_json_file
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.workbench.specifications import (
    CATEGORIES,
    CATEGORY_TITLES,
    specification,
)

FORMAT_NAME = "xshare-label-declaration"
FORMAT_VERSION = 1

DOWNLOAD = "download"
ONE_TIME_SHARE = "one-time-share"
FEATURE_TITLES = {DOWNLOAD: "Download", ONE_TIME_SHARE: "One-time share"}

YB_PROVIDER = "yb-provider"
YB_CONSUMER = "yb-consumer"
ROLE_TITLES = {YB_PROVIDER: "YB Provider", YB_CONSUMER: "YB Consumer"}

CONTENT_CREATOR = "content-creator"
LINK_PROVIDER = "link-provider"
CONTENT_CONSUMER = "content-consumer"
LINK_CONSUMER = "link-consumer"
ACTOR_TITLES = {
    CONTENT_CREATOR: "Content Creator",
    LINK_PROVIDER: "Link Provider",
    CONTENT_CONSUMER: "Content Consumer",
    LINK_CONSUMER: "Link Consumer",
}

FHIR_DOCUMENT = "fhir-document"
PDF = "pdf"
FORMAT_TITLES = {FHIR_DOCUMENT: "FHIR document", PDF: "PDF"}

PROVIDER_SIDE = "provider"
CONSUMER_SIDE = "consumer"

# Processing options per feature and side, as the xShare IG describes the Yellow Button flows.
PROCESSING_OPTIONS: dict[str, dict[str, dict[str, str]]] = {
    DOWNLOAD: {
        PROVIDER_SIDE: {
            "select-domain": "Select a whole health information domain",
            "select-data-group": "Select a data group (e.g. a section)",
            "select-data-field": "Select a single data field of an entry",
            "anonymisation": "Anonymisation",
            "pseudonymisation": "Pseudonymisation",
            "password": "Password protection",
            "translation": "Translation",
            "digital-signature": "Digital signature",
            "choose-destination": "Choose the destination",
            "reason-for-missing-data": "Reason given when data cannot be exported",
        },
        CONSUMER_SIDE: {
            "display": "Display the content",
            "import": "Import the content",
            "store": "Store the content",
        },
    },
    ONE_TIME_SHARE: {
        PROVIDER_SIDE: {
            "select-domain": "Select a whole health information domain",
            "select-data-group": "Select a data group (e.g. a section)",
            "select-data-field": "Select a single data field of an entry",
            "passcode": "Passcode (flag P)",
            "expiry": "Expiry time (exp)",
            "one-time-use": "Link stops after the first retrieval",
            "single-file": "Single file by GET (flag U)",
            "long-term": "Long-term link with updatable content (flag L)",
            "qr-code": "QR code",
            "digital-signature": "Digital signature",
        },
        CONSUMER_SIDE: {
            "open-uri": "Open a pasted shlink:/ URI",
            "scan-qr": "Scan a QR code",
            "ask-passcode": "Ask for a passcode",
            "display": "Display the content",
            "store": "Store the content",
        },
    },
}


@dataclass(frozen=True)
class ContentClaim:
    category: str
    specifications: tuple[str, ...]
    formats: tuple[str, ...] = (FHIR_DOCUMENT,)

    def as_dict(self) -> dict[str, Any]:
        return {"specifications": list(self.specifications), "formats": list(self.formats)}


@dataclass(frozen=True)
class Declaration:
    product: str
    product_version: str = ""
    vendor: str = ""
    features: tuple[str, ...] = (DOWNLOAD,)
    roles: tuple[str, ...] = (YB_PROVIDER,)
    content: tuple[ContentClaim, ...] = ()
    # (feature, side) -> option ids
    processing_options: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    # -- derived -----------------------------------------------------------------------------
    @property
    def actors(self) -> tuple[str, ...]:
        """YB Provider is always a Content Creator, and a Link Provider when it shares by link."""
        actors: list[str] = []
        sharing = ONE_TIME_SHARE in self.features
        if YB_PROVIDER in self.roles:
            actors.append(CONTENT_CREATOR)
            if sharing:
                actors.append(LINK_PROVIDER)
        if YB_CONSUMER in self.roles:
            actors.append(CONTENT_CONSUMER)
            if sharing:
                actors.append(LINK_CONSUMER)
        return tuple(actors)

    @property
    def specification_ids(self) -> tuple[str, ...]:
        seen: list[str] = []
        for claim in self.content:
            for spec_id in claim.specifications:
                if spec_id not in seen:
                    seen.append(spec_id)
        return tuple(seen)

    def claim_for(self, category: str) -> ContentClaim | None:
        return next((c for c in self.content if c.category == category), None)

    # -- JSON --------------------------------------------------------------------------------
    def as_dict(self) -> dict[str, Any]:
        options: dict[str, dict[str, list[str]]] = {}
        for (feature, side), chosen in self.processing_options.items():
            options.setdefault(feature, {})[side] = list(chosen)
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "product": {
                "name": self.product,
                "version": self.product_version,
                "vendor": self.vendor,
            },
            "features": list(self.features),
            "roles": list(self.roles),
            "actors": list(self.actors),
            "content": {claim.category: claim.as_dict() for claim in self.content},
            "processingOptions": options,
        }


def _text(value: Any, where: str, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Workbench", "The declaration's {where} must be text.").format(
                where=where
            )
        )
    return value.strip()


def _choices(value: Any, allowed: dict[str, str], where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench", "The declaration's {where} must be a list of names."
            ).format(where=where)
        )
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench", "The declaration's {where} has {names}, which is not one of {names2}."
            ).format(where=where, names=", ".join(map(repr, unknown)), names2=", ".join(allowed))
        )
    return tuple(dict.fromkeys(value))


def _content(value: Any) -> tuple[ContentClaim, ...]:
    if not isinstance(value, dict):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "The declaration's content must map EHDS categories (e.g. patient-summary) to their specifications and formats.",
            )
        )
    claims = []
    for category, body in value.items():
        if category not in CATEGORY_TITLES:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "The declaration names the category {category}; the EHDS categories are {names}.",
                ).format(category=repr(category), names=", ".join(CATEGORIES))
            )
        if not isinstance(body, dict):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench", "The declaration's content for {category} must be an object."
                ).format(category=category)
            )
        spec_ids = body.get("specifications", [])
        if not isinstance(spec_ids, list) or not all(isinstance(s, str) for s in spec_ids):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "The declaration's specifications for {category} must be a list of names.",
                ).format(category=category)
            )
        for spec_id in spec_ids:
            spec = specification(spec_id)
            if spec.category != category:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Workbench",
                        "{title} is a {CATEGORY_TITLES} specification, not a {CATEGORY_TITLES2} one.",
                    ).format(
                        title=spec.title,
                        CATEGORY_TITLES=CATEGORY_TITLES[spec.category],
                        CATEGORY_TITLES2=CATEGORY_TITLES[category],
                    )
                )
        formats = _choices(
            body.get("formats", [FHIR_DOCUMENT]), FORMAT_TITLES, f"formats of {category}"
        )
        claims.append(ContentClaim(category, tuple(s.lower() for s in spec_ids), formats))
    order = {category: index for index, category in enumerate(CATEGORIES)}
    return tuple(sorted(claims, key=lambda c: order[c.category]))


def _options(value: Any) -> dict[tuple[str, str], tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Workbench", "The declaration's processingOptions must be an object.")
        )
    chosen: dict[tuple[str, str], tuple[str, ...]] = {}
    for feature, sides in value.items():
        if feature not in PROCESSING_OPTIONS or not isinstance(sides, dict):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "The declaration's processingOptions name {feature}; use {names}, each with provider and consumer lists.",
                ).format(feature=repr(feature), names=", ".join(PROCESSING_OPTIONS))
            )
        for side, options in sides.items():
            if side not in PROCESSING_OPTIONS[feature]:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Workbench",
                        "The processing options of {feature} are for provider or consumer, not {side}.",
                    ).format(feature=feature, side=repr(side))
                )
            chosen[(feature, side)] = _choices(
                options, PROCESSING_OPTIONS[feature][side], f"{feature} {side} options"
            )
    return chosen


def declaration_from_dict(body: Any) -> Declaration:
    if not isinstance(body, dict):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Workbench", "The declaration must be a JSON object.")
        )
    if body.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "This file is not an xShare label declaration (format {format}); `xshare label declaration --template` prints one to start from.",
            ).format(format=repr(body.get("format")))
        )
    version = body.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "The declaration has version {version}; this app reads version {FORMAT_VERSION}.",
            ).format(version=repr(version), FORMAT_VERSION=FORMAT_VERSION)
        )
    product = body.get("product") or {}
    if not isinstance(product, dict):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench", "The declaration's product must be an object with a name."
            )
        )
    declaration = Declaration(
        product=_text(product.get("name"), "product name", required=True),
        product_version=_text(product.get("version"), "product version"),
        vendor=_text(product.get("vendor"), "vendor"),
        features=_choices(body.get("features", []), FEATURE_TITLES, "features"),
        roles=_choices(body.get("roles", []), ROLE_TITLES, "roles"),
        content=_content(body.get("content", {})),
        processing_options=_options(body.get("processingOptions")),
    )
    check_consistent(declaration)
    return declaration


def check_consistent(declaration: Declaration) -> None:
    if not declaration.features:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "The declaration claims no feature: choose download, one-time share or both.",
            )
        )
    if not declaration.roles:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "The declaration claims no role: choose YB Provider, YB Consumer or both.",
            )
        )
    if not declaration.content:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Workbench",
                "The declaration names no content specification; a Yellow Button product supports at least one (e.g. Patient Summary: IPS).",
            )
        )
    for claim in declaration.content:
        if not claim.specifications:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench", "The declaration lists {CATEGORY_TITLES} without a specification."
                ).format(CATEGORY_TITLES=CATEGORY_TITLES[claim.category])
            )
    for feature, _side in declaration.processing_options:
        if feature not in declaration.features:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Workbench",
                    "The declaration gives processing options for {FEATURE_TITLES}, which it does not claim as a feature.",
                ).format(FEATURE_TITLES=FEATURE_TITLES[feature])
            )


def load_declaration(path: str | os.PathLike[str]) -> Declaration:
    return declaration_from_dict(load_json_file(path))


def declaration_for_run(
    spec_ids: list[str], *, sharing: bool, product: str = "Product under test"
) -> Declaration:
    """A minimal declaration when the vendor gave only ``--spec`` (and maybe ``--shl``)."""
    if not spec_ids:
        spec_ids = ["ips"]
    by_category: dict[str, list[str]] = {}
    for spec_id in spec_ids:
        spec = specification(spec_id)
        by_category.setdefault(spec.category, []).append(spec.spec_id)
    order = {category: index for index, category in enumerate(CATEGORIES)}
    content = tuple(
        ContentClaim(category, tuple(ids))
        for category, ids in sorted(by_category.items(), key=lambda item: order[item[0]])
    )
    features = (DOWNLOAD, ONE_TIME_SHARE) if sharing else (DOWNLOAD,)
    return Declaration(product=product, features=features, roles=(YB_PROVIDER,), content=content)


def template() -> dict[str, Any]:
    """A declaration to copy and edit: every field present, every option list complete."""
    example = Declaration(
        product="Your product name",
        product_version="1.0",
        vendor="Your organisation",
        features=(DOWNLOAD, ONE_TIME_SHARE),
        roles=(YB_PROVIDER, YB_CONSUMER),
        content=(
            ContentClaim("patient-summary", ("ips",), (FHIR_DOCUMENT, PDF)),
            ContentClaim("laboratory-report", ("eu-lab",), (FHIR_DOCUMENT,)),
        ),
        processing_options={
            (DOWNLOAD, PROVIDER_SIDE): ("select-domain", "select-data-group", "digital-signature"),
            (ONE_TIME_SHARE, PROVIDER_SIDE): ("passcode", "expiry", "qr-code"),
            (ONE_TIME_SHARE, CONSUMER_SIDE): ("open-uri", "ask-passcode", "display"),
        },
    )
    body = example.as_dict()
    body.pop("actors")
    body["availableProcessingOptions"] = {
        feature: {side: list(options) for side, options in sides.items()}
        for feature, sides in PROCESSING_OPTIONS.items()
    }
    return body
