"""`xshare` start-up: the lazy command table, safe terminal output, no traceback on a closed pipe."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xshare_desktop.cli import main as cli_main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEAVY_PACKAGES = ("cryptography", "jwcrypto", "fhir", "pydantic", "fhirpathpy", "segno", "PIL")


def _registered(module_name: str) -> list[tuple[str, str | None]]:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(module_name).register(subparsers)
    return [(action.dest, action.help) for action in subparsers._choices_actions]


@pytest.mark.parametrize("module_name", cli_main.COMMAND_MODULES)
def test_summary_table_equals_what_each_module_registers(module_name: str) -> None:
    summaries = cli_main.COMMAND_SUMMARIES.get(module_name)
    if summaries is None:
        pytest.skip(f"{module_name} has no summary yet and is imported at start-up")
    assert _registered(module_name) == list(summaries), (
        f"{module_name} registers other commands or help than COMMAND_SUMMARIES in "
        "xshare_desktop/cli/main.py says; update that table (or remove its entry)"
    )


def test_help_lists_every_command_without_importing_heavy_modules() -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from xshare_desktop.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "import json\n"
        "print(json.dumps({'help': out.getvalue(), 'modules': sorted(sys.modules)}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    report = json.loads(result.stdout)
    heavy = [m for m in report["modules"] if m.split(".")[0] in HEAVY_PACKAGES]
    assert heavy == [], f"`xshare --help` imported {heavy[:5]}"
    commands = [m for m in report["modules"] if m.startswith("xshare_desktop.cli.cmd_")]
    assert commands == [], f"`xshare --help` imported {commands}"
    for summaries in cli_main.COMMAND_SUMMARIES.values():
        for name, _help in summaries:
            assert f"    {name} " in report["help"], name


def test_only_the_chosen_command_module_is_imported(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from xshare_desktop.cli.main import build_parser\n"
        "build_parser(['show', 'x.json'])\n"
        "print(' '.join(m for m in sys.modules if m.startswith('xshare_desktop.cli.cmd_')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["xshare_desktop.cli.cmd_show"]


def test_sub_command_help_and_usage_errors_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli_main.main(["unprotect", "--help"])
    assert exited.value.code == 0
    assert "--password-file" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        cli_main.main(["no-such-command"])
    assert exited.value.code == cli_main.EXIT_BAD_INPUT
    assert "invalid choice" in capsys.readouterr().err


@given(st.text())
def test_terminal_safe_output_has_no_control_characters(text: str) -> None:
    shown = cli_main.terminal_safe(text)
    assert not any((ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F for ch in shown)
    assert not any(ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(st.text())
def test_terminal_safe_keeps_json_meaning(text: str) -> None:
    encoded = json.dumps({"v": text}, ensure_ascii=False)
    assert json.loads(cli_main.terminal_safe(encoded)) == {"v": text}


def test_hostile_document_text_cannot_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads((SAMPLES / "ips-bent-eksempelsen.json").read_text(encoding="utf-8"))
    composition = document["entry"][0]["resource"]
    composition["title"] = "Summary\x1b]0;pwned\x07\x1b[2J\u202e"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert cli_main.main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\u001b]0;pwned" in out


def test_closed_pipe_is_not_a_traceback() -> None:
    shell = (
        f'"{sys.executable}" -m xshare_desktop show "{SAMPLES / "ips-bent-eksempelsen.json"}"'
        " | head -c 10"
    )
    result = subprocess.run(
        ["/bin/sh", "-c", shell], capture_output=True, text=True, timeout=60, check=False
    )
    assert len(result.stdout) == 10
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_internal_error_is_one_line_and_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from xshare_desktop.cli import cmd_show

    def broken(args: argparse.Namespace) -> int:
        raise KeyError("bug")

    monkeypatch.setattr(cmd_show, "run", broken)
    code = cli_main.main(["show", str(tmp_path / "x.json")])
    err = capsys.readouterr().err
    assert code == cli_main.EXIT_INTERNAL_ERROR
    assert err.count("\n") == 1 and "internal error (KeyError)" in err
    assert "Traceback" not in err
