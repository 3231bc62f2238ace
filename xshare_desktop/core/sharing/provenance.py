"""The Provenance entry that tells a recipient this document is the patient's own selection."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from xshare_desktop.core.sharing.refs import EntryIndex


def fhir_instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def add_provenance(
    bundle: dict[str, Any],
    *,
    now: datetime,
    pseudonymised: bool,
    translated: bool,
    provenance_id: str | None = None,
) -> dict[str, Any]:
    """Append a Provenance: target the Composition, agent the patient, recorded now."""
    index = EntryIndex.build(bundle)
    composition_url = index.urls[0]
    composition = index.by_url[composition_url]
    subject = (composition.get("subject") or {}).get("reference")
    patient_url = index.resolve(subject, composition_url) if isinstance(subject, str) else None
    identifier = provenance_id or str(uuid.uuid4())
    codings: list[dict[str, str]] = [
        {
            "system": "http://terminology.hl7.org/CodeSystem/v3-DataOperation",
            "code": "CREATE",
            "display": "create",
        },
        {
            "system": "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle",
            "code": "extract",
            "display": "Extract Record Lifecycle Event",
        },
    ]
    if pseudonymised:
        codings.append(
            {
                "system": "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle",
                "code": "pseudonymize",
                "display": "Pseudonymize Record Lifecycle Event",
            }
        )
    if translated:
        codings.append(
            {
                "system": "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle",
                "code": "transform",
                "display": "Transform/Translate Record Lifecycle Event",
            }
        )
    activity = {"coding": codings, "text": "Subset of a health document chosen by the patient"}
    provenance: dict[str, Any] = {
        "resourceType": "Provenance",
        "id": identifier,
        "target": [{"reference": composition_url}],
        "recorded": fhir_instant(now),
        "reason": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
                        "code": "PATRQT",
                        "display": "patient requested",
                    }
                ]
            }
        ],
        "activity": activity,
        "agent": [
            {
                "type": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                            "code": "author",
                            "display": "Author",
                        }
                    ]
                },
                "who": {"reference": patient_url} if patient_url else {"display": "The patient"},
            }
        ],
    }
    bundle["entry"].append({"fullUrl": f"urn:uuid:{identifier}", "resource": provenance})
    return provenance
