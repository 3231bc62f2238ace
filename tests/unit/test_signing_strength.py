"""New passwords and passphrases that are easy to guess are refused (issue 16, item 8).

Length alone let "12345678", "password" and "aaaaaaaa" through. OWASP ASVS 4.0 V2.1.7: new
secrets are checked against breached/common password lists; the estimate is zxcvbn's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.signing.keys import check_new_passphrase
from xshare_desktop.core.signing.password import check_new_password
from xshare_desktop.core.signing.strength import estimate


@pytest.mark.parametrize(
    ("secret", "kind"),
    [
        ("12345678", "common"),
        ("password", "common"),
        ("aaaaaaaa", "repeats"),
        ("qwertyuiop", "common"),
        ("abcdefgh1", "sequence"),
        ("kort", "too-short"),
    ],
)
def test_guessable_secrets_are_refused_with_the_reason(secret: str, kind: str) -> None:
    strength = estimate(secret)
    assert not strength.acceptable and strength.kind == kind
    assert strength.reason
    with pytest.raises(UserFacingError, match="Choose another password"):
        check_new_password(secret)
    with pytest.raises(UserFacingError, match="Choose another passphrase"):
        check_new_passphrase(secret)


def test_the_persons_own_name_is_not_a_secret() -> None:
    assert estimate("Testesen2026").acceptable  # zxcvbn does not know this surname ...
    named = estimate("Testesen2026", related=["Karen Testesen"])
    assert not named.acceptable and named.kind == "name"  # ... but the key holder's name is known


@pytest.mark.parametrize(
    "secret", ["blåbærgrød 42", "Rødgrød med fløde", "correct horse battery", "x" * 80 + "Yz9!q"]
)
def test_good_secrets_pass(secret: str) -> None:
    assert estimate(secret).acceptable
    check_new_password(secret)


def test_the_cli_refuses_a_common_password(tmp_path: Path) -> None:
    document = tmp_path / "ips.json"
    document.write_text('{"resourceType": "Bundle", "type": "document"}')
    secret = tmp_path / "password.txt"
    secret.write_text("password\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "xshare_desktop",
            "protect",
            str(document),
            "--password-file",
            str(secret),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "one of the passwords people use most" in result.stderr
    assert not list(tmp_path.glob("*.jwe"))
