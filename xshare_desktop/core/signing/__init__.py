"""Sign, protect and verify what the person shares (issue 5).

The public API other parts of the app use; see docs/signing.md.
"""

from __future__ import annotations

from xshare_desktop.core.signing.bundle_signature import sign_bundle, verify_bundle
from xshare_desktop.core.signing.files import (
    protect_file,
    sign_bundle_file,
    sign_file,
    unprotect_file,
)
from xshare_desktop.core.signing.jws import SignatureCheck, sign_bytes, verify_detached
from xshare_desktop.core.signing.keys import (
    SigningIdentity,
    create_identity,
    export_certificate,
    has_identity,
    identity_summary,
    import_pkcs12,
    load_identity,
)
from xshare_desktop.core.signing.password import (
    PasswordRequired,
    WrongPassword,
    protect_bytes,
    unprotect_bytes,
)
from xshare_desktop.core.signing.trust import TrustStore
from xshare_desktop.core.signing.verify import (
    FileResult,
    FileState,
    Verdict,
    VerificationReport,
    verify_path,
)
from xshare_desktop.core.signing.xshare_package import (
    build_package_bytes,
    extract_members,
    read_package,
    write_package,
)

__all__ = [
    "FileResult",
    "FileState",
    "PasswordRequired",
    "SignatureCheck",
    "SigningIdentity",
    "TrustStore",
    "Verdict",
    "VerificationReport",
    "WrongPassword",
    "build_package_bytes",
    "create_identity",
    "export_certificate",
    "extract_members",
    "has_identity",
    "identity_summary",
    "import_pkcs12",
    "load_identity",
    "protect_bytes",
    "protect_file",
    "read_package",
    "sign_bundle",
    "sign_bundle_file",
    "sign_bytes",
    "sign_file",
    "unprotect_bytes",
    "unprotect_file",
    "verify_bundle",
    "verify_detached",
    "verify_path",
    "write_package",
]
