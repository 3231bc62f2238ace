"""Every GUI string has a finished Danish translation with the same placeholders; .qm files are current."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from xshare_desktop.gui import i18n_tool

PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


def _messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


class _Collector(ast.NodeVisitor):
    """Finds tr()/translate()/QT_TRANSLATE_NOOP() calls with literal strings, as lupdate should."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        literals = [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in node.args
        ]
        if name == "tr" and literals and literals[0] is not None and self.classes:
            self.found.add((self.classes[-1], literals[0]))
        elif (
            name in ("translate", "QT_TRANSLATE_NOOP")
            and len(literals) >= 2
            and None not in literals[:2]
        ):
            self.found.add((literals[0], literals[1]))  # type: ignore[arg-type]
        self.generic_visit(node)


def _source_strings() -> set[tuple[str, str]]:
    collector = _Collector()
    for path in i18n_tool.source_files():
        collector.visit(ast.parse(path.read_text(encoding="utf-8")))
    return collector.found


@pytest.mark.parametrize("code", i18n_tool.LANGUAGES)
def test_every_source_string_is_in_the_ts_file(code: str) -> None:
    messages = _messages(i18n_tool.ts_path(code))
    missing = sorted(_source_strings() - set(messages))
    assert not missing, (
        f"strings missing from xshare_{code}.ts (run `python -m xshare_desktop.gui.i18n_tool "
        f"update` and translate them): {missing[:10]}"
    )


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    """Running the extractor again must not add strings: the .ts files are current."""
    for code in i18n_tool.LANGUAGES:
        copy = tmp_path / f"xshare_{code}.ts"
        shutil.copy(i18n_tool.ts_path(code), copy)
        i18n_tool.run_lupdate(copy, code)
        assert set(_messages(copy)) == set(_messages(i18n_tool.ts_path(code))), code


def test_danish_is_complete() -> None:
    ts = i18n_tool.ts_path("da")
    assert not i18n_tool.unfinished(ts), i18n_tool.unfinished(ts)[:10]
    for (context, source), message in _messages(ts).items():
        for text in _translations(message):
            assert text.strip(), (context, source)
        if not PLACEHOLDER.search(source) and len(source) > 25:
            assert _translations(message)[0] != source, f"untranslated: {source!r}"


def test_english_plurals_are_written() -> None:
    ts = i18n_tool.ts_path("en")
    assert not i18n_tool.unfinished(ts), i18n_tool.unfinished(ts)[:10]


@pytest.mark.parametrize("code", i18n_tool.LANGUAGES)
def test_placeholders_are_kept(code: str) -> None:
    for (context, source), message in _messages(i18n_tool.ts_path(code)).items():
        expected = sorted(PLACEHOLDER.findall(source))
        for text in _translations(message):
            got = sorted(PLACEHOLDER.findall(text))
            if message.get("numerus") == "yes" and "%n" not in got and "%n" in expected:
                # A singular form may spell the number out ("one entry"): only %n may go.
                expected_here = [p for p in expected if p != "%n"]
                got = [p for p in got if p != "%n"]
                assert got == expected_here, (code, context, source, text)
            else:
                assert got == expected, (code, context, source, text)


@pytest.mark.parametrize("code", i18n_tool.LANGUAGES)
def test_qm_files_are_up_to_date(code: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"xshare_{code}.qm"
    i18n_tool.run_lrelease(i18n_tool.ts_path(code), fresh)
    committed = i18n_tool.QM_DIR / f"xshare_{code}.qm"
    assert committed.exists(), "run `python -m xshare_desktop.gui.i18n_tool release`"
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is older than its .ts: run `python -m xshare_desktop.gui.i18n_tool release`"
    )


def test_the_tool_refuses_unknown_commands(capsys) -> None:
    assert i18n_tool.main(["frobnicate"]) == 2
    assert "usage" in capsys.readouterr().err
