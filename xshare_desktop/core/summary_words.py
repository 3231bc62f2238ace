"""The words of a summary in English and Danish: statuses, criticality, units of time.

A key with no entry is shown as it is (a code nobody translated stays readable).
"""

from __future__ import annotations

Lang = str  # "en" or "da"

_WORDS: dict[str, dict[str, str]] = {
    # clinical and verification statuses
    "active": {"en": "active", "da": "aktiv"},
    "recurrence": {"en": "recurred", "da": "tilbagevendt"},
    "relapse": {"en": "relapsed", "da": "recidiv"},
    "inactive": {"en": "inactive", "da": "inaktiv"},
    "remission": {"en": "in remission", "da": "i remission"},
    "resolved": {"en": "resolved", "da": "overstået"},
    "completed": {"en": "completed", "da": "afsluttet"},
    "intended": {"en": "intended", "da": "planlagt"},
    "stopped": {"en": "stopped", "da": "stoppet"},
    "on-hold": {"en": "on hold", "da": "sat på pause"},
    "not-taken": {"en": "not taken", "da": "ikke taget"},
    "not-done": {"en": "not done", "da": "ikke udført"},
    "entered-in-error": {"en": "entered in error", "da": "registreret ved en fejl"},
    "final": {"en": "final", "da": "endelig"},
    "preliminary": {"en": "preliminary", "da": "foreløbig"},
    "amended": {"en": "amended", "da": "rettet"},
    "registered": {"en": "registered", "da": "registreret"},
    "unconfirmed": {"en": "unconfirmed", "da": "ubekræftet"},
    "confirmed": {"en": "confirmed", "da": "bekræftet"},
    "refuted": {"en": "refuted", "da": "afkræftet"},
    "in-progress": {"en": "in progress", "da": "i gang"},
    "draft": {"en": "draft", "da": "kladde"},
    "proposed": {"en": "proposed", "da": "foreslået"},
    "rejected": {"en": "rejected", "da": "afvist"},
    # allergy criticality and type
    "low": {"en": "low criticality", "da": "lav kritikalitet"},
    "high": {"en": "high criticality", "da": "høj kritikalitet"},
    "unable-to-assess": {"en": "criticality not assessed", "da": "kritikalitet ikke vurderet"},
    "allergy": {"en": "allergy", "da": "allergi"},
    "intolerance": {"en": "intolerance", "da": "intolerance"},
    # words used in sentences
    "since": {"en": "since", "da": "siden"},
    "on": {"en": "on", "da": "den"},
    "reference": {"en": "reference", "da": "reference"},
    "dose": {"en": "dose", "da": "dosis"},
    "in use": {"en": "in use", "da": "i brug"},
    "implanted": {"en": "implanted", "da": "implanteret"},
    "reaction": {"en": "reaction", "da": "reaktion"},
    "unknown": {"en": "unknown", "da": "ukendt"},
    "male": {"en": "male", "da": "mand"},
    "female": {"en": "female", "da": "kvinde"},
    "other": {"en": "other", "da": "andet"},
    "born": {"en": "born", "da": "født"},
    "Patient": {"en": "Patient", "da": "Patient"},
    "permit": {"en": "permits", "da": "tillader"},
    "deny": {"en": "refuses", "da": "afviser"},
    "per": {"en": "per", "da": "pr."},
    "times": {"en": "times", "da": "gange"},
    "a": {"en": "year", "da": "år"},
    "mo": {"en": "month", "da": "måned"},
    "wk": {"en": "week", "da": "uge"},
    "d": {"en": "day", "da": "dag"},
    "h": {"en": "hour", "da": "time"},
    "min": {"en": "minute", "da": "minut"},
}


def word(key: str, lang: Lang) -> str:
    entry = _WORDS.get(key)
    if entry is None:
        return key
    return entry.get(lang, entry["en"])
