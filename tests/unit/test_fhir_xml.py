"""FHIR XML -> the JSON form, with positions; checked on hand-written XML and on the IPS examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext
from xshare_desktop.core.fhir_xml import looks_like_xml, read_fhir_xml


@pytest.fixture(scope="module")
def context(fhir_cache: Path) -> ConformanceContext:
    return ConformanceContext.load(cache=fhir_cache)


PATIENT_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<Patient xmlns="http://hl7.org/fhir"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://hl7.org/fhir ../patient.xsd">
  <id value="p1"/>
  <text>
    <status value="generated"/>
    <div xmlns="http://www.w3.org/1999/xhtml"><table><thead><tr><th>Navn</th></tr></thead><tbody><tr><td>S\xc3\xb8ren &amp; Co</td></tr></tbody></table></div>
  </text>
  <contained>
    <Organization>
      <id value="org"/>
      <name value="L\xc3\xa6gehuset"/>
    </Organization>
  </contained>
  <extension url="http://example.org/ext">
    <valueCodeableConcept>
      <coding>
        <system value="http://snomed.info/sct"/>
        <code value="123"/>
      </coding>
    </valueCodeableConcept>
  </extension>
  <active value="true"/>
  <name>
    <family value="Jensen"/>
    <given value="Anne"/>
    <given id="g2">
      <extension url="http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier">
        <valueCode value="CL"/>
      </extension>
    </given>
    <given value="Marie"/>
  </name>
  <birthDate value="1970-01-31">
    <extension url="http://hl7.org/fhir/StructureDefinition/patient-birthTime">
      <valueDateTime value="1970-01-31T10:20:00+01:00"/>
    </extension>
  </birthDate>
  <deceasedBoolean value="false"/>
  <multipleBirthInteger value="2"/>
  <managingOrganization>
    <reference value="#org"/>
  </managingOrganization>
</Patient>
"""


def test_patient_becomes_the_json_form(context: ConformanceContext) -> None:
    patient, positions = read_fhir_xml(PATIENT_XML, context)
    assert patient == {
        "resourceType": "Patient",
        "id": "p1",
        "text": {
            "status": "generated",
            "div": '<div xmlns="http://www.w3.org/1999/xhtml"><table><thead><tr><th>Navn</th>'
            "</tr></thead><tbody><tr><td>Søren &amp; Co</td></tr></tbody></table></div>",
        },
        "contained": [{"resourceType": "Organization", "id": "org", "name": "Lægehuset"}],
        "extension": [
            {
                "url": "http://example.org/ext",
                "valueCodeableConcept": {
                    "coding": [{"system": "http://snomed.info/sct", "code": "123"}]
                },
            }
        ],
        "active": True,
        "name": [
            {
                "family": "Jensen",
                "given": ["Anne", None, "Marie"],
                "_given": [
                    None,
                    {
                        "id": "g2",
                        "extension": [
                            {
                                "url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier",
                                "valueCode": "CL",
                            }
                        ],
                    },
                    None,
                ],
            }
        ],
        "birthDate": "1970-01-31",
        "_birthDate": {
            "extension": [
                {
                    "url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
                    "valueDateTime": "1970-01-31T10:20:00+01:00",
                }
            ]
        },
        "deceasedBoolean": False,
        "multipleBirthInteger": 2,
        "managingOrganization": {"reference": "#org"},
    }
    assert positions["Patient"] == (2, 1)
    assert positions["Patient.id"] == (5, 3)
    assert positions["Patient.text.div"] == (8, 5)
    assert positions["Patient.contained[0].name"] == (13, 7)
    assert positions["Patient.name[0].given[1]"] == (28, 5)
    assert positions["Patient.name[0].given[1].extension[0].valueCode"] == (30, 9)
    assert positions["Patient.birthDate.extension[0]"] == (36, 5)
    assert positions["Patient.deceasedBoolean"] == (40, 3)


BUNDLE_XML = b"""<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry>
    <fullUrl value="urn:uuid:1"/>
    <resource><Observation><status value="final"/><code><text value="x"/></code>
      <valueQuantity><value value="1.50"/><unit value="mg"/></valueQuantity></Observation></resource>
  </entry>
  <entry>
    <fullUrl value="urn:uuid:2"/>
    <resource>
      <Patient>
        <birthDate value="2001-02-03"/>
      </Patient>
    </resource>
    <link><relation value="self"/><url value="http://example.org/p"/></link>
  </entry>
</Bundle>"""


def test_default_context_comes_from_the_cache(context: ConformanceContext) -> None:
    assert read_fhir_xml(PATIENT_XML) == read_fhir_xml(PATIENT_XML, context)


def test_bundle_entries_decimals_and_content_references(context: ConformanceContext) -> None:
    bundle, positions = read_fhir_xml(BUNDLE_XML, context)
    observation = bundle["entry"][0]["resource"]
    assert observation["valueQuantity"] == {"value": 1.5, "unit": "mg"}
    assert bundle["entry"][1]["resource"] == {"resourceType": "Patient", "birthDate": "2001-02-03"}
    # Bundle.entry.link refers to Bundle.link's definition (contentReference), an array.
    assert bundle["entry"][1]["link"] == [{"relation": "self", "url": "http://example.org/p"}]
    assert positions["Bundle.entry[1].resource.birthDate"] == (12, 9)
    assert positions["Bundle.entry[1].resource"] == (10, 5)
    assert positions["Bundle.entry[0].resource.valueQuantity.value"] == (6, 22)


def test_prefixed_narrative_is_rewritten_with_the_default_namespace(
    context: ConformanceContext,
) -> None:
    xml = (
        b'<Basic xmlns="http://hl7.org/fhir" xmlns:h="http://www.w3.org/1999/xhtml">'
        b'<text><status value="generated"/><h:div><h:p class="a">1 &lt; 2<h:br/>tail</h:p>'
        b"</h:div></text></Basic>"
    )
    basic, _ = read_fhir_xml(xml, context)
    assert basic["text"]["div"] == (
        '<div xmlns="http://www.w3.org/1999/xhtml"><p class="a">1 &lt; 2<br></br>tail</p></div>'
    )


def test_unknown_elements_are_kept_for_the_validator(context: ConformanceContext) -> None:
    xml = b'<Patient xmlns="http://hl7.org/fhir"><favouriteColour value="blue"/></Patient>'
    patient, positions = read_fhir_xml(xml, context)
    assert patient == {"resourceType": "Patient", "favouriteColour": "blue"}
    assert positions["Patient.favouriteColour"] == (1, 38)


@pytest.mark.parametrize(
    ("xml", "message", "where"),
    [
        (
            b'<Patient xmlns="http://hl7.org/fhir">\n  <id value="x">\n</Patient>',
            "not well-formed",
            "line 3",
        ),
        (b"<Patient><id value='x'/></Patient>", "not FHIR", "line 1"),
        (
            b'<Patient xmlns="http://hl7.org/fhir"><id value="x" colour="red"/></Patient>',
            "attribute",
            "column 38",
        ),
        (b'<Patient xmlns="http://hl7.org/fhir">hello</Patient>', "text", "line 1"),
        (b'<HumanName xmlns="http://hl7.org/fhir"/>', "data type", "line 1"),
        (
            b'<Bundle xmlns="http://hl7.org/fhir"><entry><resource/></entry></Bundle>',
            "exactly one",
            "line 1",
        ),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><Patient/>', "UTF-8", None),
        (b"", "not well-formed", "line 1"),
    ],
)
def test_bad_xml_is_refused_with_a_location(
    context: ConformanceContext, xml: bytes, message: str, where: str | None
) -> None:
    with pytest.raises(UserFacingError, match=message) as caught:
        read_fhir_xml(xml, context)
    if where:
        assert caught.value.where is not None and where in caught.value.where


def test_dtds_and_entities_are_refused(context: ConformanceContext) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE Patient [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<Patient xmlns="http://hl7.org/fhir"><id value="&b;"/></Patient>'
    )
    with pytest.raises(UserFacingError, match="DTD"):
        read_fhir_xml(bomb, context)
    external = (
        b'<?xml version="1.0"?><!DOCTYPE Patient SYSTEM "file:///etc/passwd">'
        b'<Patient xmlns="http://hl7.org/fhir"/>'
    )
    with pytest.raises(UserFacingError, match="DTD"):
        read_fhir_xml(external, context)


def test_looks_like_xml() -> None:
    assert looks_like_xml(b'\xef\xbb\xbf  <?xml version="1.0"?><a/>')
    assert not looks_like_xml(b'  {"resourceType": "Patient"}')


# -- round trip: the IPS examples written as XML read back to the same JSON -------------------


def _primitive_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_xml(resource: dict[str, Any], root: bool = True) -> str:
    """A test-only JSON -> XML writer (attributes: ids of elements, extension urls, values)."""
    namespace = ' xmlns="http://hl7.org/fhir"' if root else ""
    kind = resource["resourceType"]
    return f"<{kind}{namespace}>{_properties(resource)}</{kind}>"


def _xml_element(name: str, value: Any, extra: dict[str, Any] | None) -> str:
    if isinstance(value, dict) and "resourceType" in value:
        return f"<{name}>{to_xml(value, root=False)}</{name}>"
    attributes, inner = "", ""
    is_extension = name in ("extension", "modifierExtension")
    if isinstance(value, dict):
        if "id" in value:
            attributes += f" id={quoteattr(value['id'])}"
        if is_extension:
            attributes += f" url={quoteattr(value['url'])}"
        rest = {k: v for k, v in value.items() if k != "id" and not (is_extension and k == "url")}
        inner = _properties(rest)
    else:
        if extra and "id" in extra:
            attributes += f" id={quoteattr(extra['id'])}"
        if value is not None:
            attributes += f" value={quoteattr(_primitive_text(value))}"
        if extra:
            inner = _properties({k: v for k, v in extra.items() if k != "id"})
    return f"<{name}{attributes}>{inner}</{name}>" if inner else f"<{name}{attributes}/>"


def _properties(obj: dict[str, Any]) -> str:
    out: list[str] = []
    names = dict.fromkeys(k[1:] if k.startswith("_") else k for k in obj if k != "resourceType")
    for name in names:
        value, extra = obj.get(name), obj.get("_" + name)
        if name == "div":
            out.append(value)
        elif isinstance(value, list) or isinstance(extra, list):
            count = len(value if isinstance(value, list) else extra)  # type: ignore[arg-type]
            for index in range(count):
                out.append(
                    _xml_element(
                        name,
                        value[index] if isinstance(value, list) else None,
                        extra[index] if isinstance(extra, list) else None,
                    )
                )
        else:
            out.append(_xml_element(name, value, extra))
    return "".join(out)


def test_all_ips_examples_round_trip_through_xml(context: ConformanceContext) -> None:
    examples = list(context.iter_examples("hl7.fhir.uv.ips"))
    assert len(examples) == 44
    for filename, resource in examples:
        xml = to_xml(resource).encode()
        back, positions = read_fhir_xml(xml, context, name=filename)
        assert back == resource, filename
        assert resource["resourceType"] in positions


_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s)


@settings(max_examples=60, deadline=None)
@given(st.lists(_text, min_size=1, max_size=4), _text)
def test_any_names_round_trip(context: ConformanceContext, givens: list[str], family: str) -> None:
    patient = {"resourceType": "Patient", "name": [{"family": family, "given": givens}]}
    back, _ = read_fhir_xml(to_xml(patient).encode(), context)
    assert back == patient


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: ("<Patient " + s).encode()))
def test_any_bytes_give_a_resource_or_a_plain_error(
    context: ConformanceContext, data: bytes
) -> None:
    try:
        result, _ = read_fhir_xml(data, context)
    except UserFacingError:
        return
    assert isinstance(result, dict) and "resourceType" in result


def test_ips_example_json_file_matches_its_xml(
    context: ConformanceContext, fhir_cache: Path
) -> None:
    path = fhir_cache / "hl7.fhir.uv.ips#2.0.0/package/example/Bundle-bundle-minimal.json"
    resource = orjson.loads(path.read_bytes())
    xml = to_xml(resource).encode()
    back, positions = read_fhir_xml(xml, context)
    assert back == resource
    assert positions["Bundle.entry[0].resource"] < positions["Bundle.entry[1].resource"]


def test_absurd_nesting_is_refused(context: ConformanceContext) -> None:
    deep = b"<a>" * 5000 + b"</a>" * 5000
    with pytest.raises(UserFacingError, match="nested more than"):
        read_fhir_xml(b'<Patient xmlns="http://hl7.org/fhir">' + deep + b"</Patient>", context)
    nested = b'<extension url="u">' * 150 + b"</extension>" * 150
    patient, _ = read_fhir_xml(
        b'<Patient xmlns="http://hl7.org/fhir">' + nested + b"</Patient>", context
    )
    assert patient["extension"][0]["extension"][0]["url"] == "u"
