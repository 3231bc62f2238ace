"""FHIRPath invariants through ``fhirpathpy``, with the functions it lacks and its faults worked around.

Added functions: ``hasValue()``, ``resolve()`` (references inside the document being checked),
``htmlChecks()`` (the narrative checker), ``memberOf()`` (local value sets), ``conformsTo()``
(profiles the validator can load). ``%resource``/``%rootResource`` are passed in. An expression
starting with ``$this`` is wrapped in ``select()`` because fhirpathpy has no top-level ``$this``.
Every expression is compiled once; one that fhirpathpy cannot compile or run yields ``None``
(the engine reports it once as information, never as an error).

fhirpathpy keeps module-level state during an evaluation, so evaluations are serialised.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import fhirpathpy
import orjson
from antlr4 import CommonTokenStream, InputStream, Token
from antlr4.error.ErrorListener import ErrorListener
from fhirpathpy.engine.nodes import ResourceNode
from fhirpathpy.models import models as fhirpath_models
from fhirpathpy.parser.generated.FHIRPathLexer import FHIRPathLexer
from fhirpathpy.parser.generated.FHIRPathParser import FHIRPathParser

from xshare_desktop.core.validation.fastpath import Check, compile_guard, compile_simple
from xshare_desktop.core.validation.terminology import Membership, Terminology
from xshare_desktop.core.validation.xhtml import NarrativeChecker

Resolver = Callable[[str], Mapping[str, Any] | None]
ConformsTo = Callable[[Mapping[str, Any], str], bool | None]

_EVAL_LOCK = threading.RLock()


@dataclass
class EvaluationScope:
    """What the custom functions need to know about the document being checked."""

    resolver: Resolver | None = None
    conforms_to: ConformsTo | None = None


_scope = threading.local()


def _current() -> EvaluationScope:
    scope = getattr(_scope, "value", None)
    return scope if scope is not None else EvaluationScope()


def _is_primitive_value(value: Any) -> bool:
    return value is not None and not isinstance(value, dict | list)


def _fn_has_value(inputs: list[Any]) -> bool:
    return len(inputs) == 1 and _is_primitive_value(inputs[0])


def _fn_resolve(inputs: list[Any]) -> list[Any]:
    resolver = _current().resolver
    if resolver is None:
        return []
    found = []
    for item in inputs:
        reference = item.get("reference") if isinstance(item, dict) else item
        if isinstance(reference, str):
            target = resolver(reference)
            if target is not None:
                # A typed node, so that is(Patient)/ofType() see the resource type.
                found.append(ResourceNode.create_node(target, target.get("resourceType")))  # type: ignore[no-untyped-call]
    return found


class FhirPathEngine:
    """Compiles and evaluates constraint expressions; results are True, False or None."""

    def __init__(
        self, terminology: Terminology, narratives: NarrativeChecker, fast_path: bool = True
    ) -> None:
        self._terminology = terminology
        self._narratives = narratives
        self._fast_path = fast_path
        self._simple: dict[str, Check | None] = {}
        self._guards: dict[str, Check | None] = {}
        # Verdicts of expressions that see only their node, by the node's JSON (bounded).
        self._verdicts: dict[tuple[str, str | None, bytes], bool | None] = {}
        self._compiled: dict[str, Callable[..., list[Any]] | None] = {}
        self._lock = threading.Lock()
        table = {
            "hasValue": {"fn": _fn_has_value, "arity": {0: []}},
            "resolve": {"fn": _fn_resolve, "arity": {0: []}},
            "htmlChecks": {"fn": self._fn_html_checks, "arity": {0: []}},
            "htmlchecks": {"fn": self._fn_html_checks, "arity": {0: []}},
            "memberOf": {"fn": self._fn_member_of, "arity": {1: ["String"]}},
            "conformsTo": {"fn": self._fn_conforms_to, "arity": {1: ["String"]}},
        }
        self._options = {"userInvocationTable": table, "traceFn": _ignore_trace}

    # --- custom functions ----------------------------------------------------------------------
    def _fn_html_checks(self, inputs: list[Any]) -> bool:
        return all(isinstance(i, str) and self._narratives.passes(i) for i in inputs)

    def _fn_member_of(self, inputs: list[Any], value_set: Any) -> list[bool]:
        if len(inputs) != 1 or not isinstance(value_set, str):
            return []
        item = inputs[0]
        codings: list[tuple[str | None, str]] = []
        if isinstance(item, str):
            codings.append((None, item))
        elif isinstance(item, dict):
            candidates = item.get("coding") if "coding" in item else [item]
            for coding in candidates if isinstance(candidates, list) else ():
                if isinstance(coding, dict) and isinstance(coding.get("code"), str):
                    codings.append((coding.get("system"), coding["code"]))
        if not codings:
            return []
        results = [self._terminology.membership(value_set, s, c) for s, c in codings]
        if Membership.MEMBER in results:
            return [True]
        if Membership.UNKNOWN in results:
            return []
        return [False]

    def _fn_conforms_to(self, inputs: list[Any], profile: Any) -> list[bool]:
        check = _current().conforms_to
        if check is None or len(inputs) != 1 or not isinstance(inputs[0], dict):
            return []
        verdict = check(inputs[0], str(profile))
        return [] if verdict is None else [verdict]

    # --- compile / evaluate --------------------------------------------------------------------
    def compile(self, expression: str) -> Callable[..., list[Any]] | None:
        try:
            return self._compiled[expression]
        except KeyError:
            pass
        source = expression.strip()
        if source.startswith("$this"):
            source = f"select({source})"
        compiled: Callable[..., list[Any]] | None
        try:
            with _EVAL_LOCK:
                if not _syntax_ok(source):
                    raise ValueError(f"not valid FHIRPath: {source}")
                compiled = fhirpathpy.compile(
                    source, model=fhirpath_models["r4"], options=self._options
                )
        except Exception:
            compiled = None
        with self._lock:
            self._compiled[expression] = compiled
        return compiled

    def evaluate(
        self,
        expression: str,
        node: Any,
        resource: Any,
        root_resource: Any,
        scope: EvaluationScope | None = None,
        type_path: str | None = None,
    ) -> bool | None:
        """``type_path`` (``Observation.component``, ``Period``) lets fhirpathpy see the node's
        type, without which ``value`` would not find ``valueQuantity``."""
        if self._fast_path and isinstance(node, dict):
            try:
                simple = self._simple[expression]
            except KeyError:
                simple = self._simple[expression] = compile_simple(expression)
            if simple is not None:
                return simple(node)
            try:
                guard = self._guards[expression]
            except KeyError:
                guard = self._guards[expression] = compile_guard(expression)
            if guard is not None and guard(node):
                return True
        key = None
        if _small(node) and _sees_only_its_node(expression):
            # The same small node gives the same verdict (dates, periods, timings repeat).
            key = (expression, type_path, orjson.dumps(node))
            try:
                return self._verdicts[key]
            except KeyError:
                pass
        verdict = self._evaluate(expression, node, resource, root_resource, scope, type_path)
        if key is not None:
            if len(self._verdicts) >= _REMEMBERED_VERDICTS:
                self._verdicts.clear()
            self._verdicts[key] = verdict
        return verdict

    def _evaluate(
        self,
        expression: str,
        node: Any,
        resource: Any,
        root_resource: Any,
        scope: EvaluationScope | None,
        type_path: str | None,
    ) -> bool | None:
        compiled = self.compile(expression)
        if compiled is None:
            return None
        # Typed, so that ``%resource.type().name`` is the resource type (not "Object").
        variables = {"resource": _typed(resource), "rootResource": _typed(root_resource)}
        with _EVAL_LOCK:
            previous = getattr(_scope, "value", None)
            _scope.value = scope
            try:
                target = node
                if type_path and isinstance(node, dict) and "resourceType" not in node:
                    target = ResourceNode.create_node(node, type_path)  # type: ignore[no-untyped-call]
                result = compiled(target, variables)
            except Exception:
                return None
            finally:
                _scope.value = previous
        return _as_verdict(result)


_SCALARS = (str, int, float, bool)
_REMEMBERED_VERDICTS = 20_000
# What makes a verdict depend on more than the node: the environment (%resource, %ucum...),
# other resources (resolve, conformsTo) and the clock.
_BEYOND_THE_NODE = re.compile(
    r"%|\bresolve\s*\(|\bconformsTo\s*\(|\btoday\s*\(|\bnow\s*\(|\btimeOfDay\s*\("
)


def _small(node: Any) -> bool:
    """A short primitive, or an object of a few short primitives (a Period, a Timing.repeat)."""
    kind = type(node)
    if kind is dict:
        return len(node) <= 8 and all(
            type(v) in _SCALARS and (type(v) is not str or len(v) <= 256) for v in node.values()
        )
    return kind in _SCALARS and (kind is not str or len(node) <= 256)


@functools.lru_cache(maxsize=4096)
def _sees_only_its_node(expression: str) -> bool:
    return _BEYOND_THE_NODE.search(expression) is None


class _SyntaxErrors(ErrorListener):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def syntaxError(self, *_args: Any) -> None:
        self.count += 1


def _syntax_ok(source: str) -> bool:
    """fhirpathpy's parser recovers silently from syntax errors (a broken expression would
    then pass every time); parse once more with a listener that counts them."""
    errors = _SyntaxErrors()
    lexer = FHIRPathLexer(InputStream(source))
    lexer.removeErrorListeners()
    lexer.addErrorListener(errors)
    parser = FHIRPathParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(errors)
    try:
        parser.expression()
    except Exception:
        return False
    return errors.count == 0 and parser.getCurrentToken().type == Token.EOF


def _typed(resource: Any) -> Any:
    if isinstance(resource, dict) and isinstance(resource.get("resourceType"), str):
        return ResourceNode.create_node(resource, resource["resourceType"])  # type: ignore[no-untyped-call]
    return resource


def _ignore_trace(*_args: Any, **_kwargs: Any) -> None:
    return None


def _as_verdict(result: list[Any]) -> bool | None:
    if not result:
        return True  # an empty result does not break an invariant (as the HL7 validator)
    if len(result) == 1:
        value = result[0]
        if isinstance(value, bool):
            return value
        return True
    return None
