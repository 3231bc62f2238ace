"""FHIR packages: the local cache, installing (file, folder, registry) and the loaded context."""

from __future__ import annotations

from xshare_desktop.core.fhir_packages.cache import PackageCache, PackageInfo, parse_package_spec
from xshare_desktop.core.fhir_packages.context import (
    DEFAULT_PACKAGES,
    ConformanceContext,
    conformance_context,
    forget_contexts,
    shared_context,
)

__all__ = [
    "DEFAULT_PACKAGES",
    "ConformanceContext",
    "PackageCache",
    "PackageInfo",
    "conformance_context",
    "forget_contexts",
    "parse_package_spec",
    "shared_context",
]
