"""Pseudonymise a shared document: nothing in it names the person any more.

The patient's name becomes a pseudonym, identifiers such as the CPR number
become random-looking ones, address (all but the country), phone, e-mail,
photo, contacts and links go, the birth date keeps only its year, and every
resource gets a new ``urn:uuid`` fullUrl (ids can carry record numbers). Then
every string in the document is searched for what identified the person (name
parts, identifiers, phone, e-mail, address lines, the full birth date) and
those are replaced. Pseudonyms are deterministic within one run (a random salt
per run), so the same person gets the same pseudonym everywhere in the output.
The person sees every change as a ``Change(path, before, after)``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from xshare_desktop.core.sharing.refs import EntryIndex, iter_references

CPR_SYSTEM = "urn:oid:1.2.208.176.1.2"
REMOVED = "[…]"
# Strings under these keys are codes, URLs or structure, never free text about the person.
_STRUCTURAL_KEYS = frozenset(
    {
        "system",
        "url",
        "reference",
        "fullUrl",
        "id",
        "resourceType",
        "profile",
        "code",
        "valueCode",
        "language",
        "status",
        "contentType",
        "valueUri",
        "valueCanonical",
        "valueUrl",
        "versionId",
        "use",
        "gender",
        "mode",
        "type",
        "intent",
        "criticality",
    }
)


# Their identifiers name a clinic, a professional or a product, not the patient's records.
_NOT_ABOUT_THE_PERSON = frozenset(
    {
        "Organization",
        "Practitioner",
        "PractitionerRole",
        "Device",
        "Medication",
        "Location",
        "HealthcareService",
        "Endpoint",
        "Substance",
    }
)


@dataclass(frozen=True)
class Change:
    path: str
    before: str
    after: str


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def _token(salt: bytes, text: str, length: int = 6) -> str:
    digest = hmac.new(salt, text.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:length]


def _uuid(salt: bytes, text: str) -> str:
    digest = hmac.new(salt, text.encode("utf-8"), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 200 else text[:197] + "..."


class _Pseudonymiser:
    def __init__(self, bundle: dict[str, Any], salt: bytes) -> None:
        self.bundle = bundle
        self.salt = salt
        self.changes: list[Change] = []
        self.names: set[str] = set()
        self.full_names: set[str] = set()
        self.exact: set[str] = set()  # identifiers, e-mails, address lines
        self.digit_runs: set[str] = set()  # phone numbers and CPR, compared on digits only
        self.birth_dates: set[str] = set()

    def record(self, path: str, before: Any, after: Any) -> None:
        self.changes.append(Change(path, _short(before), _short(after)))

    def collect_person(self, person: dict[str, Any]) -> None:
        for name in person.get("name") or []:
            if isinstance(name, dict):
                given = [str(g) for g in name.get("given") or [] if isinstance(g, str)]
                family = name.get("family") if isinstance(name.get("family"), str) else None
                if isinstance(name.get("text"), str):
                    self.full_names.add(name["text"].strip())
                if given and family:
                    self.full_names.update(
                        {f"{' '.join(given)} {family}", f"{family}, {' '.join(given)}"}
                    )
                for part in [family, name.get("text"), *given]:
                    if isinstance(part, str):
                        self.names.update(w for w in re.split(r"[\s,]+", part) if len(w) >= 2)
        for identifier in person.get("identifier") or []:
            value = identifier.get("value") if isinstance(identifier, dict) else None
            if isinstance(value, str) and len(value) >= 3:
                self.exact.add(value)
                digits = re.sub(r"\D", "", value)
                if len(digits) >= 6:
                    self.digit_runs.add(digits)
        for telecom in person.get("telecom") or []:
            value = telecom.get("value") if isinstance(telecom, dict) else None
            if isinstance(value, str) and len(value) >= 3:
                self.exact.add(value)
                digits = re.sub(r"\D", "", value)
                if len(digits) >= 6 and "@" not in value:
                    self.digit_runs.add(digits)
        addresses = person.get("address")
        for address in addresses if isinstance(addresses, list) else [addresses]:
            if isinstance(address, dict):
                for line in [*(address.get("line") or []), address.get("text")]:
                    if isinstance(line, str) and len(line.strip()) >= 3:
                        self.exact.add(line.strip())
        birth = person.get("birthDate")
        if isinstance(birth, str) and len(birth) == 10:
            self.birth_dates.update(
                {
                    birth,
                    f"{birth[8:10]}.{birth[5:7]}.{birth[:4]}",
                    f"{birth[8:10]}-{birth[5:7]}-{birth[:4]}",
                    f"{birth[8:10]}/{birth[5:7]}/{birth[:4]}",
                }
            )

    def identifier_pseudonym(self, identifier: dict[str, Any]) -> dict[str, str]:
        """The same original identifier always gets the same pseudonym within one run."""
        key = f"id:{identifier.get('system', '')}|{identifier.get('value', '')}"
        return {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{_uuid(self.salt, key)}"}

    def replace_record_identifiers(self, resource: dict[str, Any], path: str) -> None:
        """Record numbers (sample numbers, the source system's ids) lead back to the person."""
        identifiers = resource.get("identifier")
        items = identifiers if isinstance(identifiers, list) else [identifiers]
        new = []
        for identifier in items:
            if isinstance(identifier, dict) and identifier.get("value"):
                replaced = self.identifier_pseudonym(identifier)
                self.record(f"{path}.identifier", identifier["value"], replaced["value"])
                new.append(replaced)
                if len(str(identifier["value"])) >= 5:  # also where free text repeats it
                    self.exact.add(str(identifier["value"]))
        if not new:
            resource.pop("identifier", None)
        else:
            resource["identifier"] = new if isinstance(identifiers, list) else new[0]
        for relation in resource.get("relatesTo") or []:
            target = relation.get("targetIdentifier") if isinstance(relation, dict) else None
            if isinstance(target, dict) and target.get("value"):
                relation["targetIdentifier"] = self.identifier_pseudonym(target)
                self.record(
                    f"{path}.relatesTo", target["value"], relation["targetIdentifier"]["value"]
                )

    def replace_patient(self, patient: dict[str, Any], path: str) -> str:
        pseudonym = _token(self.salt, "patient:" + str(patient.get("id")))
        label = f"Pseudonym {pseudonym}"
        self.record(f"{path}.name", _names_text(patient.get("name")), label)
        patient["name"] = [{"use": "anonymous", "text": label, "family": pseudonym}]
        if patient.get("identifier"):
            new = []
            for identifier in patient["identifier"]:
                if not isinstance(identifier, dict):
                    continue
                replaced = self.identifier_pseudonym(identifier)
                self.record(f"{path}.identifier", identifier.get("value", ""), replaced["value"])
                new.append(replaced)
            patient["identifier"] = new
        for key in ("telecom", "photo", "contact", "link", "extension", "modifierExtension"):
            if key in patient:
                self.record(f"{path}.{key}", _describe(patient[key]), "")
                del patient[key]
        if patient.get("address"):
            kept = [
                {"country": a["country"]}
                for a in patient["address"]
                if isinstance(a, dict) and isinstance(a.get("country"), str)
            ]
            self.record(
                f"{path}.address",
                _describe(patient["address"]),
                ", ".join(a["country"] for a in kept),
            )
            if kept:
                patient["address"] = kept[:1]
            else:
                del patient["address"]
        birth = patient.get("birthDate")
        if isinstance(birth, str) and len(birth) > 4:
            patient["birthDate"] = birth[:4]
            self.record(f"{path}.birthDate", birth, birth[:4])
        patient.pop("_birthDate", None)
        return label

    def renumber(self) -> None:
        index = EntryIndex.build(self.bundle)
        new_urls = {url: f"urn:uuid:{_uuid(self.salt, 'url:' + url)}" for url in index.urls}
        for entry in self.bundle["entry"]:
            url = entry.get("fullUrl")
            resource = entry.get("resource")
            if not isinstance(url, str) or not isinstance(resource, dict):
                continue
            for ref in iter_references(resource):
                target = index.resolve(ref["reference"], url)
                if target:
                    ref["reference"] = new_urls[target]
            entry["fullUrl"] = new_urls[url]
            resource["id"] = new_urls[url][len("urn:uuid:") :]
            meta = resource.get("meta")
            if isinstance(meta, dict):
                meta.pop("source", None)
        self.record("Bundle.entry.fullUrl", f"{len(new_urls)} addresses", "random urn:uuid")

    def _coarsen_birth_date(self, holder: dict[str, Any], key: str, path: str) -> None:
        before = holder[key]
        if key == "issued":  # an instant cannot be a year; the element is optional
            del holder[key]
            self.record(path, before, "")
        elif key.endswith("Instant"):
            del holder[key]
            holder[key[: -len("Instant")] + "DateTime"] = before[:4]
            self.record(path, before, before[:4])
        else:
            holder[key] = before[:4]
            self.record(path, before, before[:4])

    def scrub_strings(self, label: str) -> None:
        patterns: list[tuple[re.Pattern[str], str]] = []
        for value in sorted(self.exact, key=len, reverse=True):
            patterns.append((re.compile(re.escape(value), re.IGNORECASE), REMOVED))
        for digits in self.digit_runs:
            loose = r"[\s\-.()/]*".join(re.escape(d) for d in digits)
            patterns.append((re.compile(rf"(?<!\d)\+?{loose}(?!\d)"), REMOVED))
        for full in sorted(self.full_names, key=len, reverse=True):
            if len(full) >= 3:
                patterns.append(
                    (re.compile(rf"(?<!\w){re.escape(full)}(?!\w)", re.IGNORECASE), label)
                )
        for name in sorted(self.names, key=len, reverse=True):
            patterns.append((re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE), label))
        dates = [re.compile(re.escape(d)) for d in self.birth_dates]

        iso_birth = {d for d in self.birth_dates if d[4:5] == "-"}

        def scrub(node: Any, path: str) -> Any:
            if isinstance(node, dict):
                for key, child in list(node.items()):
                    if isinstance(child, str) and any(child.startswith(d) for d in iso_birth):
                        # an event on the birth date would give the birth date away
                        self._coarsen_birth_date(node, key, f"{path}.{key}")
                        continue
                    if key in _STRUCTURAL_KEYS and isinstance(child, str):
                        continue
                    node[key] = scrub(child, f"{path}.{key}")
                return node
            if isinstance(node, list):
                return [scrub(item, f"{path}[{i}]") for i, item in enumerate(node)]
            if isinstance(node, str):
                text = node
                for pattern, replacement in patterns:
                    text = pattern.sub(replacement, text)
                if " " in text:  # a full birth date inside free text
                    for pattern in dates:
                        text = pattern.sub(REMOVED, text)
                # narratives are regenerated afterwards; listing their old markup helps nobody
                if text != node and not path.endswith(".div"):
                    self.record(path, node, text)
                return text
            return node

        for position, entry in enumerate(self.bundle["entry"]):
            if isinstance(entry.get("resource"), dict):
                scrub(entry["resource"], f"Bundle.entry[{position}].resource")


def _names_text(names: Any) -> str:
    if not isinstance(names, list):
        return ""
    texts = []
    for name in names:
        if isinstance(name, dict):
            if isinstance(name.get("text"), str):
                texts.append(name["text"])
            else:
                texts.append(
                    " ".join(
                        [*map(str, name.get("given") or []), str(name.get("family", ""))]
                    ).strip()
                )
    return "; ".join(t for t in texts if t)


def _describe(value: Any) -> str:
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                if key not in ("system", "use", "url", "type", "extension"):
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, str | int | float) and not isinstance(node, bool):
            strings.append(str(node))

    walk(value)
    return ", ".join(strings)


def _collect_with_contacts(worker: _Pseudonymiser, person: dict[str, Any]) -> None:
    worker.collect_person(person)
    for contact in person.get("contact") or []:
        if isinstance(contact, dict):
            worker.collect_person(
                {
                    "name": [contact.get("name")] if contact.get("name") else [],
                    "telecom": contact.get("telecom"),
                    "address": contact.get("address"),
                }
            )


def pseudonymise(
    bundle: dict[str, Any],
    *,
    salt: bytes | None = None,
    originals: Iterable[dict[str, Any]] = (),
) -> list[Change]:
    """Pseudonymise ``bundle`` (a private copy) in place; return what changed.

    ``originals`` are the person's resources (Patient, RelatedPerson) as they were before a
    selection removed or coarsened fields: what they held is searched for as well, so an
    address left out of the Patient is still found in a note that repeats it.
    """
    worker = _Pseudonymiser(bundle, salt or new_salt())
    for original in originals:
        _collect_with_contacts(worker, original)
    index = EntryIndex.build(bundle)
    composition_url = index.urls[0]
    subject = (index.by_url[composition_url].get("subject") or {}).get("reference")
    patient_url = index.resolve(subject, composition_url) if isinstance(subject, str) else None
    patients = [u for u in index.urls if index.by_url[u].get("resourceType") == "Patient"]
    if patient_url and patient_url not in patients:
        patients.insert(0, patient_url)
    label = "Pseudonym"
    for url in patients:
        patient = index.by_url[url]
        _collect_with_contacts(worker, patient)
        position = index.urls.index(url)
        label = worker.replace_patient(patient, f"Bundle.entry[{position}].resource")
    for position, url in enumerate(index.urls):
        resource = index.by_url[url]
        if resource.get("resourceType") == "RelatedPerson":
            worker.collect_person(resource)
        if resource.get("resourceType") not in _NOT_ABOUT_THE_PERSON and url not in patients:
            worker.replace_record_identifiers(resource, f"Bundle.entry[{position}].resource")
    worker.renumber()
    worker.scrub_strings(label)
    return worker.changes
