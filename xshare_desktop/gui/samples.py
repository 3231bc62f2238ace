"""The bundled sample patients, with friendly names read from the files themselves.

Only the patient's name, birth date and the document title are read here (a
plain JSON scan, no FHIR models), so the start page can list the samples
instantly; a sample is loaded properly only when chosen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import load_json_file

SAMPLES_ENV = "XSHARE_SAMPLES_DIR"


def samples_dir() -> Path:
    """``XSHARE_SAMPLES_DIR``, else ``samples/`` beside the package (a source checkout)."""
    override = os.environ.get(SAMPLES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "samples"


@dataclass(frozen=True)
class SampleInfo:
    path: Path
    patient_name: str
    birth_date: str | None
    title: str
    kind: str  # "ips", "lab" or "document"


def _human_name(patient: dict[str, Any]) -> str:
    names = patient.get("name")
    if not isinstance(names, list) or not names:
        return ""
    name = next((n for n in names if isinstance(n, dict) and n.get("use") == "official"), names[0])
    if not isinstance(name, dict):
        return ""
    if isinstance(name.get("text"), str):
        return str(name["text"])
    given = [str(g) for g in name.get("given", []) if isinstance(g, str)]
    family = name.get("family")
    return " ".join([*given, family if isinstance(family, str) else ""]).strip()


def read_sample(path: Path) -> SampleInfo:
    bundle = load_json_file(path)
    if not isinstance(bundle, dict):
        raise UserFacingError(f"{path.name} is not a FHIR Bundle.")
    entries = bundle.get("entry")
    resources: list[dict[str, Any]] = [
        e["resource"]
        for e in (entries if isinstance(entries, list) else [])
        if isinstance(e, dict) and isinstance(e.get("resource"), dict)
    ]
    empty: dict[str, Any] = {}
    composition = next((r for r in resources if r.get("resourceType") == "Composition"), empty)
    patient = next((r for r in resources if r.get("resourceType") == "Patient"), empty)
    ctype = composition.get("type")
    codings = ctype.get("coding") if isinstance(ctype, dict) else None
    codes = [
        c.get("code") for c in (codings if isinstance(codings, list) else []) if isinstance(c, dict)
    ]
    kind = "ips" if "60591-5" in codes else "lab" if "11502-2" in codes else "document"
    birth = patient.get("birthDate")
    return SampleInfo(
        path=path,
        patient_name=_human_name(patient) or path.stem,
        birth_date=birth if isinstance(birth, str) else None,
        title=str(composition.get("title") or ""),
        kind=kind,
    )


def list_samples(directory: Path | None = None) -> list[SampleInfo]:
    folder = directory or samples_dir()
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(read_sample(path))
        except (UserFacingError, AttributeError, TypeError):
            continue  # not a document: not offered as a sample
    # Patient summaries first: they are what a visitor wants to see.
    return sorted(found, key=lambda s: (s.kind != "ips", s.patient_name, s.path.name))
