"""Core messages are marked for translation where they are raised (issue #14, "Words").

conventions.md, "Messages translatable where they are raised": a core error carries a marked
message and its arguments; the front end translates it. These tests read the core's source: every
``UserFacingError`` (and subclass) is given a ``QT_TRANSLATE_NOOP(...)`` message, never a bare
literal or f-string, every marker is one ``pyside6-lupdate`` can extract, its ``{fields}`` match
the arguments given, and every marked string has a Danish translation keeping its fields.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import CONTEXTS, QT_TRANSLATE_NOOP, Message
from xshare_desktop.gui import i18n_tool

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "xshare_desktop" / "core"
FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
MARKER = "QT_TRANSLATE_NOOP"


def _core_sources() -> dict[str, str]:
    return {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
        for p in sorted(CORE.rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_classes(trees: dict[str, ast.Module]) -> dict[str, ast.ClassDef]:
    """UserFacingError and every class in the core derived from it."""
    classes: dict[str, ast.ClassDef] = {}
    known = {"UserFacingError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in known
                    and any(_name(base) in known for base in node.bases)
                ):
                    known.add(node.name)
                    classes[node.name] = node
                    grew = True
    return classes


def _own_init(cls: ast.ClassDef) -> ast.FunctionDef | None:
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            return item
    return None


def _is_marker(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) == MARKER


def _is_marked(node: ast.expr, scope: ast.AST, module: ast.Module) -> bool:
    """A marker, a marker's ``.format(...)``, or a name bound only to those."""
    if _is_marker(node):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_marked(node.func.value, scope, module)
    if isinstance(node, ast.IfExp):
        return _is_marked(node.body, scope, module) and _is_marked(node.orelse, scope, module)
    if isinstance(node, ast.Name):
        if isinstance(scope, ast.FunctionDef):
            for arg in scope.args.args + scope.args.kwonlyargs:
                if arg.arg == node.id:
                    # A parameter: its type says Message, and mypy checks every caller.
                    return arg.annotation is not None and "Message" in ast.unparse(arg.annotation)

        def bindings(statements: list[ast.AST]) -> list[ast.expr]:
            return [
                n.value
                for n in statements
                if isinstance(n, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in n.targets)
            ]

        # The function's own bindings of the name, else the module's constant.
        bound = bindings(list(ast.walk(scope))) if scope is not module else []
        bound = bound or bindings(list(module.body))
        return bool(bound) and all(_is_marked(v, scope, module) for v in bound)
    if isinstance(node, ast.Attribute):
        # An attribute holding a message (``self.key_problem``): typed Message, checked by mypy.
        return node.attr in {"text", "key_problem"}
    return False


@dataclass
class Problem:
    where: str
    text: str


def unmarked_errors(sources: dict[str, str]) -> list[Problem]:
    """Every place in ``sources`` that gives a core error a message that is not marked."""
    trees = {path: ast.parse(text) for path, text in sources.items()}
    classes = _error_classes(trees)
    # Classes whose own __init__ takes something other than the message (a count, a list of
    # names): their calls are fine, and their super().__init__(...) is checked instead.
    builds_own = {
        name
        for name, cls in classes.items()
        if (init := _own_init(cls)) is not None
        and [a.arg for a in init.args.args[1:2]] != ["message"]
    }
    problems: list[Problem] = []
    for path, tree in trees.items():
        _ErrorCalls(path, tree, classes, builds_own, problems).visit(tree)
    return problems


class _ErrorCalls(ast.NodeVisitor):
    """Checks the message of every error call in one module, knowing the enclosing function."""

    def __init__(
        self,
        path: str,
        tree: ast.Module,
        classes: dict[str, ast.ClassDef],
        builds_own: set[str],
        problems: list[Problem],
    ) -> None:
        self.path, self.tree, self.classes, self.builds_own = path, tree, classes, builds_own
        self.problems = problems
        self.scopes: list[ast.AST] = [tree]

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.scopes.append(node)
        self.generic_visit(node)
        self.scopes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        target = _name(node.func)
        is_super_init = (
            isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call)
            and _name(node.func.value.func) == "super"
        )
        if is_super_init:
            checked = any(any(n is node for n in ast.walk(cls)) for cls in self.classes.values())
        else:
            checked = target == "UserFacingError" or (
                target in self.classes and target not in self.builds_own
            )
        if checked:
            message = node.args[0] if node.args else None
            for keyword in node.keywords:
                if keyword.arg == "message":
                    message = keyword.value
            where = f"{self.path}:{node.lineno}"
            if message is None:
                if not is_super_init:
                    self.problems.append(Problem(where, "no message"))
            elif not _is_marked(message, self.scopes[-1], self.tree):
                self.problems.append(Problem(where, ast.unparse(message)))
        self.generic_visit(node)


@dataclass
class Marked:
    where: str
    context: str | None
    source: str | None
    formatted_with: set[str] | None  # None: the marker is not formatted where it is made


def markers(sources: dict[str, str]) -> list[Marked]:
    found = []
    for path, text in sources.items():
        tree = ast.parse(text)
        formatted: dict[int, set[str]] = {}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and _is_marker(node.func.value)
            ):
                formatted[id(node.func.value)] = {k.arg for k in node.keywords if k.arg}
        for node in ast.walk(tree):
            if _is_marker(node):
                assert isinstance(node, ast.Call)
                literals = [
                    a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                    for a in node.args
                ]
                found.append(
                    Marked(
                        f"{path}:{node.lineno}",
                        literals[0] if len(literals) == 2 and not node.keywords else None,
                        literals[1] if len(literals) == 2 and not node.keywords else None,
                        formatted.get(id(node)),
                    )
                )
    return found


def test_the_check_finds_unmarked_messages() -> None:
    """The AST check itself (issue #14): a bare literal, an f-string and a concatenation fail."""
    sample = {
        "sample.py": """
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

class BadThing(UserFacingError):
    pass

class Counted(UserFacingError):
    def __init__(self, count):
        super().__init__(f"{count} left")

def f(name):
    raise UserFacingError("plain English")
def g(name):
    raise BadThing(f"{name} is bad", where=name)
def h(name):
    message = "The file " + name
    raise UserFacingError(message)
def ok(name):
    raise UserFacingError(QT_TRANSLATE_NOOP("Core", "{name} is bad").format(name=name))
def ok_too(name):
    message = QT_TRANSLATE_NOOP("Core", "Bad.")
    raise BadThing(message)
"""
    }
    found = [p.text for p in unmarked_errors(sample)]
    assert found == ["f'{count} left'", "'plain English'", "f'{name} is bad'", "message"], found


def test_every_core_error_gets_a_marked_message() -> None:
    """conventions.md "Messages translatable where they are raised"; issue #14 "Words"."""
    problems = unmarked_errors(_core_sources())
    assert problems == [], "\n".join(f"{p.where}: {p.text}" for p in problems)


def test_every_marker_can_be_extracted_and_formatted() -> None:
    """lupdate reads QT_TRANSLATE_NOOP with two string literals; the fields match the arguments.

    A field without its argument would turn a calm error into a KeyError crash.
    """
    problems = []
    found = markers(_core_sources())
    assert len(found) > 200  # the core's ~300 messages, not an empty scan
    for marked in found:
        if marked.source is None or marked.context not in CONTEXTS:
            problems.append(f"{marked.where}: not two string literals with a known context")
            continue
        fields = set(FIELD.findall(marked.source))
        given = marked.formatted_with if marked.formatted_with is not None else set()
        if fields != given:
            problems.append(f"{marked.where}: fields {sorted(fields)}, arguments {sorted(given)}")
    assert problems == [], "\n".join(problems)


def _danish() -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(i18n_tool.ts_path("da")).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return found


def test_every_marked_core_string_has_danish_with_its_fields() -> None:
    """Issue #14: every core message reads in Danish, with the same {fields} as the English."""
    danish = _danish()
    problems = []
    for marked in markers(_core_sources()):
        assert marked.context is not None and marked.source is not None
        text = danish.get((marked.context, marked.source), "")
        if not text.strip():
            problems.append(f"{marked.where}: no Danish for {marked.source!r}")
        elif sorted(FIELD.findall(text)) != sorted(FIELD.findall(marked.source)):
            problems.append(f"{marked.where}: fields differ in {text!r}")
        elif text == marked.source:
            problems.append(f"{marked.where}: the Danish is the English {text!r}")
    assert problems == [], "\n".join(problems[:20])


def test_the_translation_tool_scans_the_core() -> None:
    """docs/translations.md: ``update`` extracts the core's marked messages as well."""
    scanned = {p.relative_to(ROOT).as_posix() for p in i18n_tool.source_files()}
    assert "xshare_desktop/core/fileio.py" in scanned
    assert "xshare_desktop/gui/errors.py" in scanned


def test_a_message_is_english_text_with_its_arguments() -> None:
    """core/i18n.py: str() is the English (CLI, log); arguments fill the {fields}."""
    message = QT_TRANSLATE_NOOP("Core", "The file {name} is {size}.").format(name="a.json", size=3)
    assert str(message) == "The file a.json is 3."
    error = UserFacingError(message, where="/tmp/a.json")
    assert error.message == "The file a.json is 3."
    assert str(error) == "The file a.json is 3. (/tmp/a.json)"
    assert error.text is message


def test_a_message_is_translated_by_the_front_ends_lookup() -> None:
    """The front end translates the template, then fills the fields (values stay as they are)."""
    catalogue = {
        (
            "Core",
            "The file {name} cannot be read: {reason}.",
        ): "Filen {name} kan ikke læses: {reason}.",
        ("Core", "it is locked"): "den er låst",
    }

    def lookup(context: str, source: str) -> str:
        return catalogue.get((context, source), source)

    inner = QT_TRANSLATE_NOOP("Core", "it is locked")
    message = QT_TRANSLATE_NOOP("Core", "The file {name} cannot be read: {reason}.").format(
        name="{x}.json", reason=inner
    )
    assert message.translated(lookup) == "Filen {x}.json kan ikke læses: den er låst."
    assert str(message) == "The file {x}.json cannot be read: it is locked."


def test_a_broken_translation_falls_back_to_english() -> None:
    """Be liberal in what we read: a translation that lost a field shows the English, no crash."""
    message = QT_TRANSLATE_NOOP("Core", "{name} is empty.").format(name="a.json")
    assert message.translated(lambda _c, _s: "{navn} er tom.") == "a.json is empty."
    assert message.translated(lambda _c, _s: "") == "a.json is empty."


def test_a_plain_text_is_never_looked_up() -> None:
    """A front end's or a library's own text passes through untranslated and unformatted."""
    looked_up: list[str] = []
    plain = UserFacingError("a {brace} text").text
    assert plain == Message.plain("a {brace} text")
    assert plain.translated(lambda c, s: looked_up.append(s) or "x") == "a {brace} text"
    assert looked_up == []


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_context_is_in_use(context: str) -> None:
    """Each context named in core/i18n.py holds messages (else translators see a stray group)."""
    assert any(m.context == context for m in markers(_core_sources()))
