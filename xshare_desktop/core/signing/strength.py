"""How easy a new password or passphrase is to guess, before anything is protected with it.

The estimate comes from zxcvbn (Dropbox's estimator: common-password lists, keyboard patterns,
repeats, sequences, dates, names), so "12345678", "password" and "aaaaaaaa" are refused although
they are long enough. Its English dictionaries do not know Danish words; the person's own
names (the patient's, the key holder's) are passed in so they do not count as secret.

The core says *why* in a `kind` and in a sentence marked for translation (``reason_message``):
the GUI shows it in the interface language, the CLI in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP, Message

MIN_LENGTH = 8
# zxcvbn's score: 0 too guessable, 1 very guessable, 2 somewhat guessable, 3 safely
# unguessable, 4 very unguessable. From 2 up (about 10^6 guesses and more), a file protected
# with 600,000 PBKDF2 iterations holds out for years against one attacker's computer.
ACCEPTABLE_SCORE = 2
# zxcvbn refuses longer input; what follows the 72nd character only makes it stronger.
_ESTIMATED_CHARACTERS = 72


@dataclass(frozen=True)
class Strength:
    score: int  # 0-4, as zxcvbn counts
    kind: str  # ok, too-short, common, repeats, sequence, keyboard, name, date, guessable
    guesses_log10: float

    @property
    def acceptable(self) -> bool:
        return self.kind == "ok"

    @property
    def reason(self) -> str | None:
        """Why the secret is refused, in English (the CLI); None when it is acceptable."""
        message = self.reason_message
        return None if message is None else str(message)

    @property
    def reason_message(self) -> Message | None:
        """Why, marked for translation (front ends show it in the interface language)."""
        return _REASONS.get(self.kind)


_REASONS: dict[str, Message] = {
    "too-short": QT_TRANSLATE_NOOP("Strength", "It needs at least {count} characters.").format(
        count=MIN_LENGTH
    ),
    "common": QT_TRANSLATE_NOOP(
        "Strength", "It is one of the passwords people use most, so it is guessed first."
    ),
    "repeats": QT_TRANSLATE_NOOP("Strength", "Repeated characters or words are easy to guess."),
    "sequence": QT_TRANSLATE_NOOP("Strength", "Sequences like abcd or 1234 are easy to guess."),
    "keyboard": QT_TRANSLATE_NOOP("Strength", "Rows of keys on the keyboard are easy to guess."),
    "name": QT_TRANSLATE_NOOP("Strength", "It is built on a name, which is easy to guess."),
    "date": QT_TRANSLATE_NOOP("Strength", "Dates and years are easy to guess."),
    "guessable": QT_TRANSLATE_NOOP(
        "Strength", "It is too easy to guess; add a few more words or characters."
    ),
}


def _kind(result: dict[str, Any]) -> str:
    patterns = {match.get("pattern") for match in result.get("sequence", [])}
    dictionaries = {match.get("dictionary_name") for match in result.get("sequence", [])}
    warning = str(result.get("feedback", {}).get("warning", "")).lower()
    if "names" in warning or dictionaries & {"surnames", "male_names", "female_names"}:
        return "name"
    if "user_inputs" in dictionaries:
        return "name"
    if "common" in warning or "top-" in warning or "passwords" in dictionaries:
        return "common"
    if "repeat" in patterns:
        return "repeats"
    if "sequence" in patterns:
        return "sequence"
    if "spatial" in patterns:
        return "keyboard"
    if {"date", "regex"} & patterns and ("date" in warning or "year" in warning):
        return "date"
    return "guessable"


def estimate(secret: str, related: Sequence[str] = ()) -> Strength:
    """How guessable ``secret`` is; ``related`` are words the person's data gives away."""
    if len(secret) < MIN_LENGTH:
        return Strength(0, "too-short", 0.0)
    from zxcvbn import zxcvbn  # its dictionaries load in ~60 ms: only when a secret is chosen

    words = [part for text in related for part in text.split() if len(part) > 2]
    # A longer secret holds both its first and its last 72 characters: it is at least as
    # hard to guess as the harder of the two.
    results = [
        zxcvbn(part, user_inputs=words)
        for part in dict.fromkeys([secret[:_ESTIMATED_CHARACTERS], secret[-_ESTIMATED_CHARACTERS:]])
    ]
    result = max(results, key=lambda r: float(r["guesses_log10"]))
    score = int(result["score"])
    guesses = float(result["guesses_log10"])
    if score >= ACCEPTABLE_SCORE:
        return Strength(score, "ok", guesses)
    return Strength(score, _kind(result), guesses)
