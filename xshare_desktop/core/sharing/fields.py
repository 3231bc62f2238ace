"""The curated list of optional fields a person may leave out or coarsen.

Only fields listed here can be chosen, so a choice never breaks the document:
none of them is required by the IPS profiles (checked by a test against the
profile snapshots), and dates that are required are offered as "year only"
instead of removal. Each field carries a one-sentence explanation in English
and Danish for the GUI and the CLI help.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

Action = Literal["remove", "year"]


@dataclass(frozen=True)
class OptionalField:
    resource_type: str
    path: str
    action: Action
    label_en: str
    label_da: str
    explain_en: str
    explain_da: str
    choice: bool = False  # a FHIR choice element: onset[x] is onsetDateTime, onsetPeriod...
    required: bool = False  # a date the profiles require: it can be coarsened, never removed

    @property
    def can_remove(self) -> bool:
        return not self.required

    @property
    def can_coarsen(self) -> bool:
        return self.action == "year"

    @property
    def selector(self) -> str:
        return f"{self.resource_type}.{self.path}"

    def label(self, lang: str) -> str:
        return self.label_da if lang == "da" else self.label_en

    def explanation(self, lang: str) -> str:
        return self.explain_da if lang == "da" else self.explain_en

    def json_keys(self, resource: dict[str, Any]) -> list[str]:
        """The keys of ``resource`` that hold this field (with their ``_`` siblings)."""
        found: list[str] = []
        for key in resource:
            bare = key[1:] if key.startswith("_") else key
            if bare == self.path or (
                self.choice
                and bare.startswith(self.path)
                and len(bare) > len(self.path)
                and bare[len(self.path)].isupper()
            ):
                found.append(key)
        return found


def _note(resource_type: str) -> OptionalField:
    return OptionalField(
        resource_type,
        "note",
        "remove",
        "Notes",
        "Noter",
        "Free-text notes written by health professionals, which may mention other people or details.",
        "Fritekstnoter skrevet af sundhedspersoner, som kan nævne andre personer eller detaljer.",
    )


def _who(resource_type: str, path: str, en: str, da: str) -> OptionalField:
    return OptionalField(
        resource_type,
        path,
        "remove",
        en,
        da,
        f"{en}: the name of the health professional or place, not needed to understand the entry.",
        f"{da}: navnet på sundhedspersonen eller stedet; det er ikke nødvendigt for at forstå oplysningen.",
    )


def _date(
    resource_type: str, path: str, en: str, da: str, *, choice: bool = True, required: bool = False
) -> OptionalField:
    return OptionalField(
        resource_type,
        path,
        "year",
        en,
        da,
        f"{en}: can be shown with the year only, so the exact day is not shared.",
        f"{da}: kan vises kun med årstal, så den præcise dag ikke deles.",
        choice=choice,
        required=required,
    )


def _identifier(resource_type: str) -> OptionalField:
    return OptionalField(
        resource_type,
        "identifier",
        "remove",
        "Identifiers",
        "Identifikatorer",
        "Numbers that identify this entry in the records of the hospital or lab, such as a "
        "report number; not needed to understand the entry.",
        "Numre der identificerer oplysningen i hospitalets eller laboratoriets systemer, fx et "
        "rapportnummer; de er ikke nødvendige for at forstå oplysningen.",
    )


def _place(resource_type: str) -> OptionalField:
    return OptionalField(
        resource_type,
        "location",
        "remove",
        "Place",
        "Sted",
        "Where it happened, such as a clinic or hospital department.",
        "Hvor det skete, fx en klinik eller en hospitalsafdeling.",
    )


def _released(resource_type: str) -> OptionalField:
    # an instant must keep its full time, so it can only be left out, not shortened to a year
    return OptionalField(
        resource_type,
        "issued",
        "remove",
        "Time of release",
        "Frigivet",
        "The exact time the result was released; the date of the test itself stays.",
        "Det præcise tidspunkt svaret blev frigivet; datoen for selve prøven bliver.",
    )


def _patient(path: str, en: str, da: str, explain_en: str, explain_da: str) -> OptionalField:
    return OptionalField("Patient", path, "remove", en, da, explain_en, explain_da)


OPTIONAL_FIELDS: tuple[OptionalField, ...] = (
    _patient(
        "address",
        "Address",
        "Adresse",
        "Your home address.",
        "Din bopælsadresse.",
    ),
    _patient(
        "telecom",
        "Phone and e-mail",
        "Telefon og e-mail",
        "Your phone numbers and e-mail addresses.",
        "Dine telefonnumre og e-mailadresser.",
    ),
    _patient(
        "identifier",
        "Identifiers",
        "Identifikatorer",
        "Numbers that identify you, such as your CPR number.",
        "Numre der identificerer dig, fx dit CPR-nummer.",
    ),
    _patient(
        "contact",
        "Contact persons",
        "Kontaktpersoner",
        "People to contact, such as next of kin, with their names and phone numbers.",
        "Personer der kan kontaktes, fx pårørende, med navn og telefonnummer.",
    ),
    _patient(
        "photo",
        "Photo",
        "Billede",
        "A photo of you.",
        "Et billede af dig.",
    ),
    _patient(
        "generalPractitioner",
        "Own doctor",
        "Egen læge",
        "Your own doctor (GP) or clinic.",
        "Din egen læge eller klinik.",
    ),
    _patient(
        "maritalStatus",
        "Marital status",
        "Civilstand",
        "Whether you are married, single, divorced or widowed.",
        "Om du er gift, ugift, skilt eller enke/enkemand.",
    ),
    _date("Patient", "birthDate", "Date of birth", "Fødselsdato", choice=False, required=True),
    *(
        _note(t)
        for t in (
            "AllergyIntolerance",
            "Condition",
            "MedicationStatement",
            "MedicationRequest",
            "Immunization",
            "Observation",
            "Procedure",
            "DeviceUseStatement",
            "CarePlan",
            "Specimen",
        )
    ),
    *(
        _identifier(t)
        for t in (
            "AllergyIntolerance",
            "Condition",
            "MedicationStatement",
            "MedicationRequest",
            "Immunization",
            "Observation",
            "Procedure",
            "DeviceUseStatement",
            "CarePlan",
            # Not DiagnosticReport: the EU lab Bundle's dr-comp-identifier makes the report
            # carry the document's own identifier, so withholding it breaks the document.
            "Specimen",
        )
    ),
    OptionalField(
        "Specimen",
        "accessionIdentifier",
        "remove",
        "Sample number",
        "Prøvenummer",
        "The lab's number for your sample, which the lab can look you up by.",
        "Laboratoriets nummer for din prøve, som laboratoriet kan finde dig ud fra.",
    ),
    OptionalField(
        "DiagnosticReport",
        "conclusion",
        "remove",
        "Conclusion",
        "Konklusion",
        "The conclusion written by the lab or doctor in free text; the results themselves stay.",
        "Konklusionen skrevet af laboratoriet eller lægen i fritekst; selve svarene bliver.",
    ),
    _place("Procedure"),
    _place("Immunization"),
    _released("Observation"),
    _released("DiagnosticReport"),
    _who("Condition", "recorder", "Recorded by", "Registreret af"),
    _who("Condition", "asserter", "Stated by", "Angivet af"),
    _who("AllergyIntolerance", "recorder", "Recorded by", "Registreret af"),
    _who("AllergyIntolerance", "asserter", "Stated by", "Angivet af"),
    _who("Procedure", "performer", "Performed by", "Udført af"),
    _who("Procedure", "recorder", "Recorded by", "Registreret af"),
    _who("Procedure", "asserter", "Stated by", "Angivet af"),
    _who("Immunization", "performer", "Given by", "Givet af"),
    _who("MedicationStatement", "informationSource", "Information from", "Oplyst af"),
    _who("MedicationRequest", "requester", "Prescribed by", "Ordineret af"),
    _who("MedicationRequest", "recorder", "Recorded by", "Registreret af"),
    _who("CarePlan", "author", "Written by", "Skrevet af"),
    _who("CarePlan", "contributor", "Contributors", "Bidragydere"),
    _who("DiagnosticReport", "performer", "Responsible", "Ansvarlig"),
    _who("DiagnosticReport", "resultsInterpreter", "Interpreted by", "Fortolket af"),
    _who("Flag", "author", "Flagged by", "Markeret af"),
    _date("Condition", "onset", "Onset", "Debut"),
    _date("Condition", "abatement", "Resolved", "Ophørt"),
    _date("Condition", "recordedDate", "Recorded", "Registreret", choice=False),
    _date("AllergyIntolerance", "onset", "Onset", "Debut"),
    _date("AllergyIntolerance", "recordedDate", "Recorded", "Registreret", choice=False),
    _date(
        "AllergyIntolerance", "lastOccurrence", "Last reaction", "Seneste reaktion", choice=False
    ),
    _date("Immunization", "occurrence", "Vaccination date", "Vaccinationsdato", required=True),
    _date("Procedure", "performed", "Date performed", "Udført dato", required=True),
    _date("Observation", "effective", "Date measured", "Målt dato", required=True),
    _date("MedicationStatement", "effective", "Period taken", "Periode", required=True),
    _date("MedicationStatement", "dateAsserted", "Stated on", "Oplyst dato", choice=False),
    _date("DiagnosticReport", "effective", "Date of report", "Svardato", required=True),
    _date(
        "Specimen", "receivedTime", "Received by the lab", "Modtaget i laboratoriet", choice=False
    ),
    _date("Immunization", "recorded", "Recorded", "Registreret", choice=False),
    _date("MedicationRequest", "authoredOn", "Prescribed on", "Ordineret dato", choice=False),
)

_BY_SELECTOR = {f.selector: f for f in OPTIONAL_FIELDS}


def field_for(resource_type: str, path: str) -> OptionalField | None:
    return _BY_SELECTOR.get(f"{resource_type}.{path}")


def fields_for_type(resource_type: str) -> list[OptionalField]:
    return [f for f in OPTIONAL_FIELDS if f.resource_type == resource_type]


def present_fields(resource: dict[str, Any]) -> Iterator[OptionalField]:
    """The curated fields that actually carry data in ``resource``."""
    for optional in fields_for_type(str(resource.get("resourceType", ""))):
        if optional.json_keys(resource):
            yield optional
