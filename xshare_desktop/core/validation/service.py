"""FHIR ``$validate`` over HTTP: one warm validator shared by a team or a vendor's CI.

Routes, as the HL7 validator's server and matchbox offer them (FHIR R4 "Operation $validate on
Resource"):

- ``POST [base]/$validate`` and ``POST [base]/{type}/$validate``: the body is the resource itself
  (FHIR JSON or XML) or a ``Parameters`` resource with ``resource`` (and optionally ``profile``,
  ``mode``); ``?profile=URL`` also chooses the profile. The answer is an OperationOutcome, HTTP 200
  whatever it finds (the operation worked); 4xx only when the request itself cannot be used.
- ``GET [base]/metadata``: a CapabilityStatement naming the operation.

The packages are loaded once when the service starts and stay warm. Inputs are limited like every
input the app reads (100 MB), and the service binds to 127.0.0.1 unless the person chooses
otherwise. Run it with ``xshare validator serve`` (waitress), or under gunicorn with
``xshare_desktop.core.validation.service:create_app()`` (docs/deploy.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import orjson

from xshare_desktop import __version__
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fhir_packages import ConformanceContext, conformance_context
from xshare_desktop.core.fileio import MAX_INPUT_BYTES, megabytes
from xshare_desktop.core.validation.checking import ValidatorLike, load_document_bytes
from xshare_desktop.core.validation.outcome import to_operation_outcome

StartResponse = Callable[..., Any]
FHIR_JSON = "application/fhir+json"
_ROUTE = re.compile(r"^/(?:(?P<type>[A-Z][A-Za-z]+)/)?\$validate/?$")
_ACCEPTED_TYPES = ("json", "xml", "octet-stream", "text/plain")


def _outcome(severity: str, code: str, text: str) -> dict[str, Any]:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "details": {"text": text}}],
    }


class _Refusal(Exception):
    def __init__(self, status: str, code: str, text: str) -> None:
        super().__init__(text)
        self.status, self.code, self.text = status, code, text


class ValidationService:
    """A WSGI application answering ``$validate`` with one shared validator."""

    def __init__(
        self,
        context: ConformanceContext,
        validator: ValidatorLike | None = None,
        *,
        max_body: int = MAX_INPUT_BYTES,
    ) -> None:
        if validator is None:
            from xshare_desktop.core.validation.checking import validator_for

            validator = validator_for(context)
        self.context = context
        self.validator = validator
        self.max_body = max_body
        self.started = datetime.now(UTC).replace(microsecond=0).isoformat()

    # -- WSGI ----------------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            status, body = self._route(environ)
        except _Refusal as refusal:
            status, body = refusal.status, _outcome("error", refusal.code, refusal.text)
        data = orjson.dumps(body)
        start_response(
            status,
            [
                ("Content-Type", f"{FHIR_JSON}; charset=utf-8"),
                ("Content-Length", str(len(data))),
                ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
        return [data]

    def _route(self, environ: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        path = str(environ.get("PATH_INFO", "")) or "/"
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        if path.rstrip("/") == "/metadata":
            if method != "GET":
                raise _Refusal("405 Method Not Allowed", "not-supported", "Use GET for metadata.")
            return "200 OK", self.capability_statement()
        found = _ROUTE.match(path)
        if found is None:
            raise _Refusal(
                "404 Not Found", "not-found", "Only [base]/$validate and [base]/{type}/$validate."
            )
        if method != "POST":
            raise _Refusal("405 Method Not Allowed", "not-supported", "Use POST for $validate.")
        query = parse_qs(str(environ.get("QUERY_STRING", "")))
        profiles = query.get("profile")
        profile = profiles[0] if profiles else None
        return "200 OK", self.validate_body(
            _read_body(environ, self.max_body), found["type"], profile
        )

    # -- the operation -------------------------------------------------------------------------
    def validate_body(
        self, data: bytes, resource_type: str | None, profile: str | None
    ) -> dict[str, Any]:
        try:  # read once: JSON or XML, with the position of every element
            loaded = load_document_bytes(data, Path("request"), self.context)
        except UserFacingError as error:
            raise _Refusal("400 Bad Request", "structure", error.message) from None
        resource = loaded.resource
        positions: Mapping[str, tuple[int, int]] | None = loaded.positions
        wrapped = _unwrap_parameters(resource)
        if wrapped is not None:
            # positions of a Parameters body do not map onto the resource inside it
            resource, positions, profile = wrapped[0], None, profile or wrapped[1]
        if profile is not None and self.context.structure_definition(profile) is None:
            raise _Refusal(
                "400 Bad Request",
                "not-found",
                f"The profile {profile} is not in the packages this service loaded.",
            )
        found_type = resource.get("resourceType")
        if resource_type is not None and found_type != resource_type:
            raise _Refusal(
                "400 Bad Request",
                "invalid",
                f"The URL says {resource_type}, but the body is a {found_type or 'non-FHIR'}.",
            )
        result = self.validator.validate(resource, profile=profile, positions=positions)
        return to_operation_outcome(result)

    def capability_statement(self) -> dict[str, Any]:
        return {
            "resourceType": "CapabilityStatement",
            "status": "active",
            "date": self.started,  # this instance's capabilities hold since it started
            "kind": "instance",
            "software": {"name": "xshare-desktop validator", "version": __version__},
            "fhirVersion": "4.0.1",
            "format": ["json", "xml"],
            "rest": [
                {
                    "mode": "server",
                    "operation": [
                        {
                            "name": "validate",
                            "definition": "http://hl7.org/fhir/OperationDefinition/Resource-validate",
                        }
                    ],
                }
            ],
        }


def _read_body(environ: Mapping[str, Any], limit: int) -> bytes:
    content_type = str(environ.get("CONTENT_TYPE", "")).lower()
    if content_type and not any(kind in content_type for kind in _ACCEPTED_TYPES):
        raise _Refusal(
            "415 Unsupported Media Type",
            "not-supported",
            "Send FHIR JSON (application/fhir+json) or FHIR XML (application/fhir+xml).",
        )
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise _Refusal("400 Bad Request", "structure", "Content-Length is not a number.") from None
    if length > limit:
        raise _Refusal(
            "413 Content Too Large",
            "too-long",
            f"The body is {megabytes(length)}; this service takes at most {megabytes(limit)}.",
        )
    if length <= 0:
        raise _Refusal("400 Bad Request", "required", "The request has no body to validate.")
    stream = environ["wsgi.input"]
    chunks: list[bytes] = []
    remaining = length
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _parameter_value(parameter: Mapping[str, Any]) -> Any:
    for key, value in parameter.items():
        if key.startswith("value"):
            return value
    return None


def _unwrap_parameters(body: dict[str, Any]) -> tuple[dict[str, Any], str | None] | None:
    """``(resource, profile)`` from a Parameters body; None for a plain resource."""
    if body.get("resourceType") != "Parameters":
        return None
    parameters = body.get("parameter")
    resource: dict[str, Any] | None = None
    profile: str | None = None
    for parameter in parameters if isinstance(parameters, list) else []:
        if not isinstance(parameter, dict):
            continue
        if parameter.get("name") == "resource" and isinstance(parameter.get("resource"), dict):
            resource = parameter["resource"]
        elif parameter.get("name") == "profile" and isinstance(_parameter_value(parameter), str):
            profile = _parameter_value(parameter)
    if resource is None:
        raise _Refusal(
            "400 Bad Request",
            "required",
            "The Parameters body has no 'resource' parameter holding the resource to validate.",
        )
    return resource, profile


def create_app(
    igs: Sequence[str] | None = None, cache: str | os.PathLike[str] | None = None
) -> ValidationService:
    """The service with its packages loaded (gunicorn: ``...service:create_app()``).

    Without arguments, ``XSHARE_VALIDATOR_IGS`` (comma-separated ``NAME#VERSION``) and
    ``XSHARE_FHIR_CACHE`` choose what is loaded.
    """
    if igs is None:
        igs = [p for p in os.environ.get("XSHARE_VALIDATOR_IGS", "").split(",") if p.strip()]
    context = conformance_context(list(igs) or None, cache, with_defaults=True)
    return ValidationService(context)


__all__ = ["ValidationService", "create_app"]
