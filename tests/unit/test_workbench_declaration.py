"""The label declaration: template round trip, derived actors, plain-word errors."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import dumps_json
from xshare_desktop.core.workbench.declaration import (
    CONTENT_CONSUMER,
    CONTENT_CREATOR,
    LINK_CONSUMER,
    LINK_PROVIDER,
    declaration_for_run,
    declaration_from_dict,
    load_declaration,
    template,
)


def test_template_reads_back_with_every_actor(tmp_path: Path) -> None:
    path = tmp_path / "declaration.json"
    path.write_bytes(dumps_json(template()))
    declaration = load_declaration(path)
    assert declaration.actors == (CONTENT_CREATOR, LINK_PROVIDER, CONTENT_CONSUMER, LINK_CONSUMER)
    assert declaration.specification_ids == ("ips", "eu-lab")
    assert declaration.as_dict()["content"]["patient-summary"]["formats"] == [
        "fhir-document",
        "pdf",
    ]


def test_download_only_provider_is_content_creator_only() -> None:
    body = template()
    body["features"] = ["download"]
    body["roles"] = ["yb-provider"]
    body["processingOptions"] = {"download": {"provider": ["password"]}}
    assert declaration_from_dict(body).actors == (CONTENT_CREATOR,)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda b: b["content"].update({"dental-record": {"specifications": []}}),
            "EHDS categories",
        ),
        (
            lambda b: b["content"]["patient-summary"].update({"specifications": ["eu-lab"]}),
            "Laboratory Report specification",
        ),
        (
            lambda b: b["content"]["patient-summary"].update({"specifications": ["ipss"]}),
            "not a content specification",
        ),
        (lambda b: b.update({"features": ["fax"]}), "features"),
        (lambda b: b.update({"roles": []}), "no role"),
        (lambda b: b.update({"features": ["download"]}), "does not claim"),
        (lambda b: b.update({"format": "something-else"}), "not an xShare label declaration"),
        (lambda b: b["product"].update({"name": ""}), "product name"),
        (
            lambda b: b["processingOptions"]["download"].update({"provider": ["teleport"]}),
            "teleport",
        ),
    ],
)
def test_bad_declarations_say_what_is_wrong(change, message: str) -> None:
    body = copy.deepcopy(template())
    change(body)
    with pytest.raises(UserFacingError, match=message):
        declaration_from_dict(body)


def test_declaration_for_run_groups_specs_by_category() -> None:
    declaration = declaration_for_run(["eu-lab", "ips"], sharing=True)
    assert [c.category for c in declaration.content] == ["patient-summary", "laboratory-report"]
    assert declaration.actors == (CONTENT_CREATOR, LINK_PROVIDER)
    assert declaration_for_run([], sharing=False).specification_ids == ("ips",)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "format": st.just("xshare-label-declaration") | _json,
            "product": st.fixed_dictionaries({"name": st.text(max_size=10)}) | _json,
            "features": st.lists(st.sampled_from(["download", "one-time-share", "x"])) | _json,
            "roles": st.lists(st.sampled_from(["yb-provider", "yb-consumer"])) | _json,
            "content": st.dictionaries(
                st.sampled_from(["patient-summary", "laboratory-report", "other"]),
                st.fixed_dictionaries(
                    {"specifications": st.lists(st.sampled_from(["ips", "eu-lab", "eps"]))}
                )
                | _json,
            )
            | _json,
            "processingOptions": _json,
        },
    )
    | _json
)
def test_any_json_is_a_declaration_or_a_plain_error(body: object) -> None:
    try:
        declaration = declaration_from_dict(body)
    except UserFacingError as exc:
        assert str(exc)
    else:
        assert declaration.content and declaration.features and declaration.roles
